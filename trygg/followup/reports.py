"""Follow-up reports: what a report says, drawn from the data, and when the next one is due.

A report's figures come only from `promises.progress` (`progress()` and
`progress_by_slice()` on the report period's last day), shaped for the public
by `public.serialize` (the same target and progress data as the open API,
small counts of individual cases suppressed). Publishing freezes that content,
texts and chart into a `ReportVersion`, so a later change in the data or a
later correction never alters what citizens were told.
"""

import io
import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from trygg.promises.models import Commitment, Promise
from trygg.promises.progress import progress, progress_by_slice
from trygg.public.serialize import progress_data, target_data
from trygg.public.suppression import INDIVIDUAL_CASES

from .models import Report, ReportVersion
from .versions import publish_version

# A report is "at risk" from this many days before the day it is due.
WARNING_DAYS = 30


def commitment_content(commitment: Commitment, on: date, comment: str) -> dict[str, Any]:
    """One commitment in a report: what was promised, what was done, and the comment."""
    individual = commitment.activity_kind in INDIVIDUAL_CASES
    slices = []
    if commitment.target_kind == Commitment.TargetKind.COUNT:
        slices = [progress_data(s, individual) for s in progress_by_slice(commitment, on)]
    return {
        "id": commitment.pk,
        "order": commitment.order,
        "text": commitment.text,
        "target": target_data(commitment),
        "progress": progress_data(progress(commitment, on), individual),
        "slices": slices,
        "measurable": commitment.areas.exists() or commitment.places.exists(),
        "comment": comment,
    }


def draft_content(report: Report) -> dict[str, Any]:
    """Everything a report shows, drawn from the data as of the report period's last day."""
    on = report.period_end
    commitments = [
        commitment_content(c, on, report.comments.get(str(c.pk), ""))
        for c in report.promise.commitments.all()
    ]
    return {
        "title": report.title,
        "promise": {"slug": report.promise.slug, "title": report.promise.title},
        "period": {"start": report.period_start.isoformat(), "end": on.isoformat()},
        "introduction": report.introduction,
        "commitments": commitments,
        "chart_svg": chart_svg(commitments),
    }


def chart_svg(commitments: list[dict[str, Any]]) -> str:
    """A bar per count target: share of the target done, as inline SVG (matplotlib, no GUI).

    Suppressed counts are left out, so the chart never shows more than the table.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    bars = [
        (f"{c['order']}.", c["progress"]["percent"])
        for c in commitments
        if c["progress"]["target"] and c["progress"]["percent"] is not None
    ]
    if not bars:
        return ""
    figure = Figure(figsize=(6, 0.4 * len(bars) + 0.9))
    axes = figure.add_subplot()
    labels, values = zip(*reversed(bars), strict=True)
    axes.barh(labels, values, color="#2b5fa8")
    axes.set_xlim(0, 100)
    axes.set_xlabel(_("Share of the target done (%)"))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    return svg[svg.index("<svg") :]


def publish(report: Report, user: AbstractBaseUser, change_note: str = "") -> ReportVersion:
    """Freeze the report, as drawn from the data now, as its next version."""
    return publish_version(report.versions, draft_content(report), user, change_note)


def published_versions(promise: Promise):
    """The published versions of a public promise's reports, newest first."""
    return (
        ReportVersion.objects.filter(report__promise=promise, report__promise__is_public=True)
        .select_related("report__promise")
        .order_by("-published_at")
    )


def due_dates(promise: Promise) -> list[date]:
    """When each required report is due: spread evenly over the promise's period.

    Report i of n is due on the last day of the i-th n-th of the period, so the
    last one is due on the period's last day ("minst två gånger" in a calendar
    year: 2 July and 31 December).
    """
    required = promise.reports_required or 0
    days = (promise.period_end - promise.period_start).days + 1
    return [
        promise.period_start + timedelta(days=math.ceil(i * days / required) - 1)
        for i in range(1, required + 1)
    ]


@dataclass(frozen=True)
class ReportingDue:
    needed: int
    published: int
    next_due_date: date | None
    at_risk: bool


def reporting_due(promise: Promise, on: date) -> ReportingDue:
    """Is the promise's reporting obligation kept on the day `on`?

    `needed`: reports due by `on`; `published`: reports with a first version
    published by `on` (a correction is the same report, not another one);
    `next_due_date`: when the next missing report is due (None once all are
    published); `at_risk`: that date is less than WARNING_DAYS away or has
    passed without enough reports.
    """
    dates = due_dates(promise)
    published = (
        Report.objects.filter(promise=promise, versions__published_at__date__lte=on)
        .distinct()
        .count()
    )
    needed = sum(1 for day in dates if day <= on)
    next_due = dates[published] if published < len(dates) else None
    at_risk = next_due is not None and on >= next_due - timedelta(days=WARNING_DAYS)
    return ReportingDue(needed, published, next_due, at_risk)
