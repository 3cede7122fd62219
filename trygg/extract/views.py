"""The reading page: a coordinator pastes or uploads a signed promise, checks and confirms it.

Two steps and no state kept between them: the first reads the document and
shows the proposal as forms; the second receives the forms, checks them and
creates the promise with its focus areas and commitments, or shows what to fix.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trygg.organisations.access import EDIT_ROLES, organisation_ids

from .confirm import (
    commitment_initial,
    create_promise,
    focus_initial,
    promise_initial,
    responsible_missing,
)
from .forms import CommitmentFormSet, DocumentForm, FocusAreaFormSet, PromiseProposalForm
from .reader import extract


def _require_coordinator(request: HttpRequest) -> None:
    """Only those who may edit promises may create one from a document."""
    if not organisation_ids(request.user, EDIT_ROLES):
        raise PermissionDenied(_("Only coordinators may read in documents."))


def _focus_choices(focus_formset) -> list[tuple[int, str]]:
    """The focus areas a commitment can be placed under: the rows of the focus formset."""
    choices = []
    for index, form in enumerate(focus_formset):
        title = form["title"].value() or ""
        choices.append((index, f"{index + 1}. {title}"))
    return choices


def _forms(request: HttpRequest, data=None, initial=None):
    """The promise form and the two formsets, bound to data or filled from a proposal."""
    initial = initial or {}
    promise_form = PromiseProposalForm(
        data, user=request.user, initial=initial.get("promise"), prefix="promise"
    )
    focus = FocusAreaFormSet(data, initial=initial.get("focus"), prefix="focus")
    commitments = CommitmentFormSet(
        data,
        initial=initial.get("commitments"),
        prefix="commitments",
        form_kwargs={"focus_choices": _focus_choices(focus)},
    )
    return promise_form, focus, commitments


@login_required
def read_in(request: HttpRequest) -> HttpResponse:
    """Step one: the document in, the proposal out as forms to check."""
    _require_coordinator(request)
    posted = request.method == "POST"
    form = DocumentForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        proposal = extract(form.cleaned_data["document"])
        if proposal.kind == "agreement":
            return render(request, "extract/agreement.html", {"proposal": proposal})
        promise_form, focus, commitments = _forms(
            request,
            initial={
                "promise": promise_initial(proposal, form.cleaned_data["name"]),
                "focus": focus_initial(proposal),
                "commitments": commitment_initial(proposal),
            },
        )
        return render(
            request,
            "extract/confirm.html",
            {"form": promise_form, "focus": focus, "commitments": commitments},
        )
    return render(request, "extract/upload.html", {"form": form})


@login_required
def confirm(request: HttpRequest) -> HttpResponse:
    """Step two: the checked forms in; the promise created, or the forms again with errors."""
    _require_coordinator(request)
    if request.method != "POST":
        return redirect("extract")
    promise_form, focus, commitments = _forms(request, data=request.POST)
    valid = all([promise_form.is_valid(), focus.is_valid(), commitments.is_valid()])
    if valid and not responsible_missing(commitments, promise_form.cleaned_data["parties"]):
        promise = create_promise(promise_form, focus, commitments)
        messages.success(request, _("The promise was created from the document."))
        return redirect(promise)
    return render(
        request,
        "extract/confirm.html",
        {"form": promise_form, "focus": focus, "commitments": commitments},
    )
