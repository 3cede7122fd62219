"""Citizen dialogues: record one, add the themes raised, and see what it counted toward."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trygg.audit.history import history_response
from trygg.organisations.access import get_municipality_for_user

from ..access import recording_organisations, require_recorder
from ..forms import DialogueForm, ThemeForm
from ..models import AGE_BANDS, Dialogue, DialogueTheme
from ..services import record_dialogue


@login_required
def dialogue_list(request: HttpRequest, scb_code: str) -> HttpResponse:
    municipality, may_record = get_municipality_for_user(request, scb_code)
    dialogues = Dialogue.objects.filter(municipality=municipality).select_related(
        "area", "place", "organisation"
    )
    return render(
        request,
        "participation/dialogue_list.html",
        {"municipality": municipality, "may_record": may_record, "dialogues": dialogues},
    )


def _dialogue(municipality, pk: int) -> Dialogue:
    return get_object_or_404(Dialogue.objects.filter(municipality=municipality), pk=pk)


@login_required
def dialogue_edit(request: HttpRequest, scb_code: str, pk: int | None = None) -> HttpResponse:
    """A new dialogue (pk None), or a change to one: planned, held, or cancelled after all."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    dialogue = _dialogue(municipality, pk) if pk else Dialogue(municipality=municipality)
    require_recorder(may_record)
    form = DialogueForm(
        request.POST or None,
        instance=dialogue,
        municipality=municipality,
        organisations=recording_organisations(request, municipality),
    )
    if request.method == "POST" and form.is_valid():
        dialogue = form.save(commit=False)
        if dialogue.created_by_id is None:
            dialogue.created_by = request.user
        dialogue.save()
        form.save_m2m()
        record_dialogue(dialogue, by=request.user)
        messages.success(request, _("The dialogue was saved."))
        return redirect("dialogue", municipality.scb_code, dialogue.pk)
    return render(
        request,
        "participation/dialogue_form.html",
        {"municipality": municipality, "form": form, "dialogue": dialogue if pk else None},
    )


@login_required
def dialogue_page(request: HttpRequest, scb_code: str, pk: int) -> HttpResponse:
    """The dialogue, its themes, and (for coordinators) a form to add the next theme."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    dialogue = _dialogue(municipality, pk)
    form = ThemeForm(request.POST or None, municipality=municipality)
    if request.method == "POST":
        require_recorder(may_record)
        if form.is_valid():
            theme = form.save(commit=False)
            theme.dialogue = dialogue
            theme.save()
            record_dialogue(dialogue, by=request.user)
            messages.success(request, _("The theme was added."))
            return redirect("dialogue", municipality.scb_code, dialogue.pk)
    by_age = dialogue.participants_by_age or {}
    return render(
        request,
        "participation/dialogue.html",
        {
            "municipality": municipality,
            "may_record": may_record,
            "dialogue": dialogue,
            "themes": dialogue.themes.select_related("category", "area", "place"),
            "by_age": [(label, by_age[key]) for key, label in AGE_BANDS if key in by_age],
            "commitments": dialogue.commitments.select_related("promise"),
            "form": form,
        },
    )


@login_required
@require_POST
def theme_delete(request: HttpRequest, scb_code: str, pk: int, theme: int) -> HttpResponse:
    """Remove a theme recorded by mistake; its incident leaves the lägesbild with it."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    dialogue = _dialogue(municipality, pk)
    require_recorder(may_record)
    get_object_or_404(DialogueTheme.objects.filter(dialogue=dialogue), pk=theme).delete()
    messages.success(request, _("The theme was removed."))
    return redirect("dialogue", municipality.scb_code, dialogue.pk)


@login_required
def dialogue_history(request: HttpRequest, scb_code: str, pk: int) -> HttpResponse:
    """Who changed the dialogue and when: for those who record participation."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    obj = _dialogue(municipality, pk)
    require_recorder(may_record)
    return history_response(request, obj, reverse("dialogue", args=[municipality.scb_code, obj.pk]))
