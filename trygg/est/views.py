"""The weekly EST meeting: the week's picture, last week's actions, this week's decisions."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from trygg.agreements.models import Forum
from trygg.geo.models import Municipality
from trygg.incidents.access import visible_incidents
from trygg.lagesbild.counts import weekly_picture
from trygg.lagesbild.views import with_category_names
from trygg.lagesbild.weeks import week_of
from trygg.organisations.access import LOG_ROLES, organisation_ids, visible

from .forms import ActionForm, FollowUpForm
from .models import Action, Meeting
from .services import actions_to_follow_up, follow_up


def _forum(request: HttpRequest, slug: str) -> tuple[Forum, bool]:
    """The forum if the user's organisations are members, and whether they may record."""
    forum = get_object_or_404(visible(Forum.objects.all(), request.user, "members"), slug=slug)
    members = set(forum.members.values_list("id", flat=True))
    return forum, bool(organisation_ids(request.user, LOG_ROLES) & members)


@login_required
def meetings(request: HttpRequest, slug: str) -> HttpResponse:
    """The forum's EST meetings; members who record may open this week's."""
    forum, can_record = _forum(request, slug)
    municipalities = Municipality.objects.filter(organisations__forums=forum).distinct()
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied(_("Viewers cannot open meetings."))
        municipality = get_object_or_404(municipalities, pk=request.POST.get("municipality"))
        today = timezone.localdate()
        year, week = week_of(today)
        meeting, _created = Meeting.objects.get_or_create(
            forum=forum,
            year=year,
            week=week,
            defaults={"municipality": municipality, "held_on": today},
        )
        return redirect(meeting)
    return render(
        request,
        "est/meetings.html",
        {
            "forum": forum,
            "meetings": forum.est_meetings.all(),
            "municipalities": municipalities,
            "can_record": can_record,
        },
    )


@login_required
def meeting_page(request: HttpRequest, slug: str, year: int, week: int) -> HttpResponse:
    forum, can_record = _forum(request, slug)
    meeting = Meeting.objects.filter(forum=forum, year=year, week=week).first()
    if meeting is None:
        raise Http404(_("No meeting that week."))
    to_follow_up = actions_to_follow_up(meeting)
    form = ActionForm(meeting=meeting, initial={"due": meeting.held_on})
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied(_("Viewers cannot record decisions."))
        if "follow_up" in request.POST:
            follow = FollowUpForm(request.POST)
            if follow.is_valid():
                action = get_object_or_404(to_follow_up, pk=follow.cleaned_data["action"])
                follow_up(
                    action, follow.cleaned_data["status"], follow.cleaned_data["note"], meeting
                )
                messages.success(request, _("Followed up: %(action)s") % {"action": action})
                return redirect(meeting)
        else:
            form = ActionForm(request.POST, meeting=meeting)
            if form.is_valid():
                action = form.save(commit=False)
                action.meeting = meeting
                action.save()
                form.save_m2m()
                messages.success(request, _("The action was recorded."))
                return redirect(meeting)
    return render(
        request,
        "est/meeting.html",
        {
            "forum": forum,
            "meeting": meeting,
            "week_start": meeting.monday,
            "week_end": meeting.monday + timedelta(days=6),
            "picture": with_category_names(
                weekly_picture(
                    visible_incidents(request.user).filter(municipality=meeting.municipality),
                    year,
                    week,
                )
            ),
            "to_follow_up": [(a, FollowUpForm(initial={"action": a.pk})) for a in to_follow_up],
            "decided": meeting.actions.select_related("responsible", "area", "place"),
            "followed_up_here": Action.objects.filter(followed_up_at=meeting).exclude(
                meeting=meeting
            ),
            "form": form,
            "can_record": can_record,
        },
    )
