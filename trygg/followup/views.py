"""The effect page: did the work at a place change what happens there?"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from trygg.audit.log import log_access
from trygg.est.models import Action
from trygg.geo.models import Area, Municipality, Place
from trygg.incidents.access import visible_incidents
from trygg.organisations.access import READ_ROLES, AnyUser, organisation_ids, visible
from trygg.participation.survey import Trend, survey_trends
from trygg.promises.models import Commitment
from trygg.promises.progress import Slice

from .effect import MIN_TREATED, PrePost, Result, measure, unplaced
from .forms import EffectForm

# An EST action is judged over the four weeks from the meeting that decided it.
ACTION_WEEKS = 4


@dataclass(frozen=True)
class Subject:
    """What is measured: the work's words, where it was done, when, and the way back."""

    text: str
    back_url: str
    areas: list[Area]
    places: list[Place]
    municipalities: list[Municipality]
    worked: Slice
    owner_ids: set[int]


def _require_reader(user: AnyUser, owner_ids: set[int]) -> None:
    """Effect is counted on the collaboration's incidents: only those who read them may ask."""
    if not organisation_ids(user, READ_ROLES) & owner_ids:
        raise PermissionDenied(
            _("Effect is measured on the collaboration's incidents, which reporters do not see.")
        )


def default_periods(worked: Slice, today: date) -> dict[str, date]:
    """After: the work's time up to yesterday; before: as many days just before it."""
    end = min(worked.end, today - timedelta(days=1))
    if end < worked.start:
        return {}
    days = (end - worked.start).days + 1
    return {
        "before_start": worked.start - timedelta(days=days),
        "before_end": worked.start - timedelta(days=1),
        "after_start": worked.start,
        "after_end": end,
    }


def safety_survey_trend(subject: Subject, before: Slice, after: Slice) -> list[Trend]:
    """Safety-survey results (trygghetsmätning) for the subject's areas, beside the incidents.

    The years from the start of the period before to the end of the period
    after, each tested against the year measured before it
    (participation.survey); the template's "survey" section shows them.
    """
    return survey_trends(subject.areas, before.start.year, after.end.year)


def _rows(subject: Subject, form: EffectForm, result: Result) -> list[tuple[str, PrePost]]:
    """The table: each zone's name for people, and its counts."""
    where = ", ".join(str(x.name) for x in [*subject.areas, *subject.places])
    metres = form.cleaned_data["buffer"]
    comparison = form.cleaned_data["comparison"].name
    rows = [(where, result.treated), (comparison, result.control)]
    if metres:
        ring = _("Ring of %(metres)s m around %(area)s")
        rows += [
            (ring % {"metres": metres, "area": where}, result.displacement),
            (ring % {"metres": metres, "area": comparison}, result.control_displacement),
        ]
    return rows


def _log_effect(request: HttpRequest, subject: Subject, form: EffectForm) -> None:
    """A measurement counts police data: who measured which work, over which periods."""
    codes = [m.scb_code for m in subject.municipalities]
    log_access(
        request,
        "effect",
        municipality=codes[0] if len(codes) == 1 else "",
        subject=subject.back_url,
        municipalities=",".join(codes),
        before=f"{form.before.start}–{form.before.end}",
        after=f"{form.after.start}–{form.after.end}",
    )


def _effect_page(request: HttpRequest, subject: Subject) -> HttpResponse:
    _require_reader(request.user, subject.owner_ids)
    if not subject.places and not any(area.geometry for area in subject.areas):
        return render(request, "followup/effect.html", {"subject": subject, "form": None})
    comparison_areas = Area.objects.filter(
        municipality__in=subject.municipalities, geometry__isnull=False
    ).exclude(pk__in=[area.pk for area in subject.areas])
    form = EffectForm(
        request.GET or None,
        treated_areas=subject.areas,
        places=subject.places,
        comparison_areas=comparison_areas,
        initial=default_periods(subject.worked, timezone.localdate()),
    )
    context = {"subject": subject, "form": form, "min_treated": MIN_TREATED}
    if form.is_bound and form.is_valid():
        incidents = visible_incidents(request.user)
        if form.cleaned_data["category"] is not None:
            incidents = incidents.filter(category=form.cleaned_data["category"])
        result = measure(incidents, form.zones, form.before, form.after)
        _log_effect(request, subject, form)
        nearby = incidents.filter(municipality__in=subject.municipalities)
        context |= {
            "result": result,
            "rows": _rows(subject, form, result),
            "before": form.before,
            "after": form.after,
            "unplaced": PrePost(unplaced(nearby, form.before), unplaced(nearby, form.after)),
            "survey": safety_survey_trend(subject, form.before, form.after),
        }
    return render(request, "followup/effect.html", context)


@login_required
def commitment_effect(request: HttpRequest, pk: int) -> HttpResponse:
    """The effect of a commitment tied to areas or places, over its promise's period."""
    commitments = visible(Commitment.objects.all(), request.user, "promise__parties")
    commitment = get_object_or_404(commitments.select_related("promise"), pk=pk)
    promise = commitment.promise
    subject = Subject(
        text=commitment.text,
        back_url=commitment.get_absolute_url(),
        areas=list(commitment.areas.all()),
        places=list(commitment.places.all()),
        municipalities=list(promise.municipalities.all()),
        worked=Slice(promise.period_start, promise.period_end),
        owner_ids=set(promise.parties.values_list("id", flat=True)),
    )
    return _effect_page(request, subject)


@login_required
def action_effect(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The effect of an EST action at an area or place, over the weeks after its meeting."""
    actions = visible(Action.objects.all(), request.user, "meeting__forum__members")
    action = get_object_or_404(
        actions.select_related("meeting__forum", "meeting__municipality", "area", "place"),
        pk=pk,
        meeting__forum__slug=slug,
    )
    meeting = action.meeting
    subject = Subject(
        text=action.what,
        back_url=meeting.get_absolute_url(),
        areas=[action.area] if action.area else [],
        places=[action.place] if action.place else [],
        municipalities=[meeting.municipality],
        worked=Slice(meeting.monday, meeting.monday + timedelta(weeks=ACTION_WEEKS, days=-1)),
        owner_ids=set(meeting.forum.members.values_list("id", flat=True)),
    )
    return _effect_page(request, subject)
