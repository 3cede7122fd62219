"""What the public may know about a promise: one shape for the public page and the API.

The public page is rendered from this very dictionary, so the page can never
show more than the open data does. Activity notes, who logged what, internal
promises and anything about people are not in it.
"""

from datetime import date
from typing import Any

from trygg.promises.models import Commitment, Promise
from trygg.promises.progress import Progress, progress


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


def progress_data(state: Progress) -> dict[str, Any]:
    """Progress as numbers; a milestone has a due date and no count."""
    return {
        "status": state.status,
        "status_label": state.label,
        "done": None if state.due else state.done,
        "target": state.target,
        "expected_by_now": state.expected,
        "percent": state.percent,
        "from": _day(state.slice.start) if state.slice else None,
        "to": _day(state.slice.end) if state.slice else None,
        "due": _day(state.due),
    }


def commitment_data(commitment: Commitment, on: date) -> dict[str, Any]:
    return {
        "id": commitment.pk,
        "text": commitment.text,
        "focus_area": commitment.focus_area.title if commitment.focus_area else None,
        "responsible": [org.name for org in commitment.responsible.all()],
        "target": target_data(commitment),
        "progress": progress_data(progress(commitment, on)),
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
            ).prefetch_related("responsible")
        ],
    }


def public_promises():
    """The promises the public may see."""
    return Promise.objects.filter(is_public=True).prefetch_related(
        "municipalities", "parties", "focus_areas"
    )
