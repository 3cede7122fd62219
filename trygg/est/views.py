"""The weekly EST meeting: the week's picture, last week's actions, this week's decisions."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trygg.agreements.models import Forum
from trygg.audit.history import history_response
from trygg.audit.log import log_access
from trygg.geo.models import Municipality
from trygg.incidents.access import visible_incidents
from trygg.lagesbild.counts import weekly_picture
from trygg.lagesbild.views import with_category_names
from trygg.lagesbild.weeks import week_of
from trygg.organisations.access import access, visible

from .forms import ActionForm, CorrectionForm, FollowUpForm
from .models import Action, Meeting
from .services import actions_to_follow_up, correct_follow_up, follow_up


def _forum(request: HttpRequest, slug: str) -> tuple[Forum, bool]:
    """The forum if the user's organisations are members, and whether they may record."""
    forum = get_object_or_404(visible(Forum.objects.all(), request.user, "members"), slug=slug)
    return forum, access(request).can_log(forum.member_ids())


def _may_correct(request: HttpRequest, forum: Forum) -> bool:
    """Correcting a recorded follow-up rewrites the record and what counts: editors only."""
    return access(request).can_edit(forum.member_ids())


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
    if request.method == "GET":
        log_access(
            request,
            "est.meeting",
            municipality=meeting.municipality,
            subject=meeting,
            year=year,
            week=week,
        )
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied(_("Viewers cannot record decisions."))
        if "follow_up" in request.POST:
            follow = FollowUpForm(request.POST)
            if follow.is_valid():
                action = get_object_or_404(to_follow_up, pk=follow.cleaned_data["action"])
                follow_up(
                    action,
                    follow.cleaned_data["status"],
                    follow.cleaned_data["note"],
                    meeting,
                    by=request.user,
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
            "followed_up_here": [
                (a, _correction_form(a))
                for a in Action.objects.filter(followed_up_at=meeting)
                .exclude(meeting=meeting)
                .select_related("corrected_by")
            ],
            "form": form,
            "can_record": can_record,
            "can_correct": _may_correct(request, forum),
        },
    )


def _correction_form(action: Action) -> CorrectionForm:
    """The follow-up form filled in as recorded, with ids of its own on a page of many."""
    return CorrectionForm(
        action=action,
        initial={"action": action.pk, "status": action.status, "note": action.follow_up_note},
        auto_id=f"correct-{action.pk}-%s",
    )


@login_required
@require_POST
def correct(request: HttpRequest, slug: str, year: int, week: int) -> HttpResponse:
    """Correct a follow-up recorded at this meeting, e.g. an action wrongly marked done."""
    forum, _can_record = _forum(request, slug)
    if not _may_correct(request, forum):
        raise PermissionDenied(_("Only coordinators and administrators can correct a follow-up."))
    meeting = get_object_or_404(Meeting, forum=forum, year=year, week=week)
    pk = request.POST.get("action", "")
    action = get_object_or_404(
        Action.objects.filter(followed_up_at=meeting), pk=int(pk) if pk.isdigit() else None
    )
    with transaction.atomic():
        form = CorrectionForm(request.POST, action=action)
        if not form.is_valid():
            problems = " ".join(
                [
                    *form.errors.get(NON_FIELD_ERRORS, []),
                    *(
                        f"{form[field].label}: {' '.join(errors)}"
                        for field, errors in form.errors.items()
                        if field != NON_FIELD_ERRORS
                    ),
                ]
            )
            messages.error(
                request, _("The correction was not saved. %(problems)s") % {"problems": problems}
            )
            return redirect(meeting)
        correct_follow_up(
            action, form.cleaned_data["status"], form.cleaned_data["note"], request.user
        )
    messages.success(request, _("Follow-up corrected: %(action)s") % {"action": action})
    return redirect(meeting)


def _editable_forum(request: HttpRequest, slug: str) -> Forum:
    """The forum, for those who may correct its record: 404 for outsiders, 403 for others."""
    forum, _can_record = _forum(request, slug)
    if not _may_correct(request, forum):
        raise PermissionDenied(_("Only coordinators and administrators can read the history."))
    return forum


@login_required
def meeting_history(request: HttpRequest, slug: str, year: int, week: int) -> HttpResponse:
    forum = _editable_forum(request, slug)
    meeting = get_object_or_404(Meeting, forum=forum, year=year, week=week)
    return history_response(request, meeting, meeting.get_absolute_url())


@login_required
def action_history(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    forum = _editable_forum(request, slug)
    action = get_object_or_404(
        Action.objects.select_related("meeting"), meeting__forum=forum, pk=pk
    )
    return history_response(request, action, action.meeting.get_absolute_url())
