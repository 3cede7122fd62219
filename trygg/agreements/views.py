"""Pages for agreements and the forums that meet under them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from trygg.audit.history import history_response
from trygg.organisations.access import LOG_ROLES, can_edit, organisation_ids, visible
from trygg.organisations.models import Organisation
from trygg.promises.forms import MeetingForm
from trygg.promises.models import ActivityKind
from trygg.promises.views import day_asked, with_progress

from .models import Agreement, Forum


@login_required
def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = get_object_or_404(
        visible(Agreement.objects.all(), request.user, "parties"), slug=slug
    )
    return render(
        request,
        "agreements/agreement.html",
        {
            "agreement": agreement,
            "areas": agreement.areas.all(),
            "forums": agreement.forums.all(),
            "promises": agreement.promises.all(),
            "can_edit": can_edit(request.user, _parties(agreement)),
        },
    )


@login_required
def forum_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A forum, its meetings, and the commitments its meetings count toward."""
    forum = get_object_or_404(visible(Forum.objects.all(), request.user, "members"), slug=slug)
    organisations = list(forum.members.filter(id__in=organisation_ids(request.user, LOG_ROLES)))
    form = None
    if organisations:
        form = MeetingForm(
            request.POST or None, organisations=organisations, places=[], prefix="meeting"
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Viewers cannot log meetings."))
        if form.is_valid():
            meeting = form.save(commit=False)
            meeting.kind = ActivityKind.FORUM_MEETING
            meeting.forum = forum
            meeting.created_by = request.user
            meeting.save()
            messages.success(request, _("The meeting was logged."))
            return redirect(forum)
    on = day_asked(request)
    return render(
        request,
        "agreements/forum.html",
        {
            "forum": forum,
            "meetings": forum.meetings.filter(kind=ActivityKind.FORUM_MEETING).select_related(
                "organisation"
            ),
            "commitments": with_progress(
                forum.commitments.select_related("promise").prefetch_related("revisions"), on
            ),
            "form": form,
            "members": Organisation.objects.filter(forums=forum),
        },
    )


def _parties(agreement: Agreement) -> set[int]:
    return set(agreement.parties.values_list("id", flat=True))


@login_required
def agreement_history(request: HttpRequest, slug: str) -> HttpResponse:
    """Who changed the agreement and when: for the parties' coordinators (404, 403 otherwise)."""
    agreement = get_object_or_404(
        visible(Agreement.objects.all(), request.user, "parties"), slug=slug
    )
    if not can_edit(request.user, _parties(agreement)):
        raise PermissionDenied(_("Only the parties' coordinators may read the history."))
    return history_response(request, agreement, agreement.get_absolute_url())
