"""What the public may know about a promise or a municipality: one shape for page and API.

Each public page is rendered from the very dictionary its JSON twin returns,
so the page can never show more than the open data does. Activity notes, who
logged what, internal promises, incidents' points and texts, small counts
and survey results from few respondents (see suppression.py) and anything
about people are not in it.
"""

from datetime import date
from typing import Any

from django.urls import reverse

from trygg.geo.models import Municipality
from trygg.participation.survey import Change, Trend, survey_trends
from trygg.promises.models import Commitment, Promise
from trygg.promises.progress import Progress, progress
from trygg.promises.revisions import terms_on

from .suppression import (
    INDIVIDUAL_CASES,
    MIN_SURVEY_RESPONDENTS,
    publish,
    published_survey_points,
)
from .trends import incident_trend


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def target_data(commitment: Commitment) -> dict[str, Any]:
    """The target as promised: kind, quantity, unit, per, minimum, due."""
    return {
        "kind": commitment.target_kind,
        "quantity": commitment.quantity,
        "unit": commitment.unit or None,
        "per": commitment.per or None,
        "minimum": commitment.minimum if commitment.target_kind == "count" else None,
        "due": _day(commitment.due),
        "due_text": commitment.due_text or None,
    }


def progress_data(state: Progress, individual_cases: bool = False) -> dict[str, Any]:
    """Progress as numbers; a milestone has a due date and no count.

    Where the work is counted in individual cases, 1 to 4 done is suppressed
    (`suppression.publish`), and so is the percentage that would reveal it.
    """
    done = None if state.due else state.done
    suppressed = individual_cases and done is not None and publish(done)["count"] is None
    return {
        "status": state.status,
        "status_label": state.label,
        "done": None if suppressed else done,
        "suppressed": suppressed,
        "target": state.target,
        "expected_by_now": state.expected,
        "percent": None if suppressed else state.percent,
        "from": _day(state.slice.start) if state.slice else None,
        "to": _day(state.slice.end) if state.slice else None,
        "due": _day(state.due),
        "pace": None if suppressed else state.pace,
        "cancelled_on": _day(state.cancelled_on),
        "reason": state.reason or None,
    }


def revisions_data(commitment: Commitment, on: date) -> list[dict[str, Any]]:
    """Changes to the target in force by the day `on`: when, what (old → new) and why."""
    return [
        {"kind": r.kind, "from": _day(r.effective_on), "changes": r.changes, "reason": r.reason}
        for r in commitment.revisions.all()
        if r.effective_on <= on
    ]


def commitment_data(commitment: Commitment, on: date) -> dict[str, Any]:
    return {
        "id": commitment.pk,
        "text": commitment.text,
        "focus_area": commitment.focus_area.title if commitment.focus_area else None,
        "responsible": [org.name for org in commitment.responsible.all()],
        "target": target_data(terms_on(commitment, on)),
        "progress": progress_data(
            progress(commitment, on), commitment.activity_kind in INDIVIDUAL_CASES
        ),
        "revisions": revisions_data(commitment, on),
    }


def promise_data(promise: Promise, on: date) -> dict[str, Any]:
    """A public promise with its commitments and their progress on the day `on`."""
    return {
        "slug": promise.slug,
        "title": promise.title,
        "url": promise.get_public_url(),
        "municipalities": [
            {"name": m.name, "scb_code": m.scb_code} for m in promise.municipalities.all()
        ],
        "parties": [{"name": org.name, "kind": org.kind} for org in promise.parties.all()],
        "period": {"start": _day(promise.period_start), "end": _day(promise.period_end)},
        "signed_on": _day(promise.signed_on),
        "signatories": promise.signatories,
        "introduction": promise.introduction,
        "focus_areas": [area.title for area in promise.focus_areas.all()],
        "reporting": {
            "reports_required": promise.reports_required,
            "text": promise.reporting_text or None,
        },
        "commitments": [
            commitment_data(commitment, on)
            for commitment in promise.commitments.select_related(
                "focus_area", "promise"
            ).prefetch_related("responsible", "revisions")
        ],
    }


def public_promises():
    """The promises the public may see."""
    return Promise.objects.filter(is_public=True).prefetch_related(
        "municipalities", "parties", "focus_areas"
    )


def municipality_summary(municipality: Municipality) -> dict[str, Any]:
    return {
        "name": municipality.name,
        "scb_code": municipality.scb_code,
        "url": reverse("public-municipality", args=[municipality.scb_code]),
    }


def change_data(change: Change | None) -> dict[str, Any] | None:
    """A change since the previous measured year, with the coordinators' verdict in words."""
    if change is None:
        return None
    return {
        "since": change.since,
        "difference": change.difference,
        "verdict": change.verdict,
        "beyond_chance": change.flag,
        "label": str(change.label),
    }


def survey_place_data(trend: Trend) -> dict[str, Any] | None:
    """One indicator in one place, its published years only; None when none is published."""
    points = published_survey_points(trend.points)
    if not points:
        return None
    return {
        "name": trend.place_name,
        "whole_municipality": trend.area is None,
        "years": [
            {
                "year": point.year,
                "value": point.value,
                "respondents": point.respondents,
                "change": change_data(point.change),
            }
            for point in points
        ],
    }


def safety_survey_data(municipality: Municipality, on: date) -> dict[str, Any]:
    """Safety-survey results by indicator and place, up to the year of `on`, published ones only.

    Read through `survey_trends`, as the coordinators' page is, so the public
    sees the same figures and verdicts, less what `suppression` holds back.
    Each indicator lists the whole municipality first, then its areas.
    """
    trends = survey_trends(municipality.areas.all(), last_year=on.year, municipality=municipality)
    indicators: dict[int, dict[str, Any]] = {}
    for trend in trends:
        place = survey_place_data(trend)
        if place is None:
            continue
        indicator = trend.indicator
        if indicator.pk not in indicators:
            indicators[indicator.pk] = {
                "name": indicator.name,
                "kind": indicator.kind,
                "kind_label": indicator.get_kind_display(),
                "places": [],
            }
        indicators[indicator.pk]["places"].append(place)
    return {"minimum_respondents": MIN_SURVEY_RESPONDENTS, "indicators": list(indicators.values())}


def municipality_data(municipality: Municipality, on: date) -> dict[str, Any]:
    """A municipality's portal: its public promises, incident trends and safety surveys.

    Promises are current (the day `on` is inside their period), upcoming or
    earlier, each with its commitments and their progress as on its own page.
    """
    promises: dict[str, list] = {"current": [], "upcoming": [], "earlier": []}
    for promise in public_promises().filter(municipalities=municipality):
        if promise.period_end < on:
            group = "earlier"
        elif promise.period_start > on:
            group = "upcoming"
        else:
            group = "current"
        promises[group].append(promise_data(promise, on))
    return {
        **municipality_summary(municipality),
        "promises": promises,
        "incident_trend": incident_trend(municipality, on),
        "safety_survey": safety_survey_data(municipality, on),
    }
