"""A walk's report and its editions.

The report lists the walk's findings with their photos, owner, status and due
date. It is issued in numbered editions (WalkReport): a coordinator issues
edition 1 after the walk, and issues it again (edition 2, 3 …) when findings
have changed since: the report page says how many changes wait. An edition
shows the findings as they stood when it was issued; that state is read from
the findings' history (FindingChange), so an edition never changes afterwards
and needs no copy of its own. Without an edition the page shows the state now.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from trygg.lagesbild.svgmap import map_svg
from trygg.organisations.models import Organisation

from .models import Finding, FindingChange, FindingPhoto, Walk, WalkReport


@dataclass
class FindingState:
    """A finding as it stood at a moment: status, owner, due date and the latest note."""

    finding: Finding
    status: str
    owner: Organisation | None
    due: date | None
    note: str
    changed_at: datetime
    photos: list[dict] = field(default_factory=list)  # {"photo": FindingPhoto, "src": str}
    overdue: bool = False

    @property
    def status_label(self) -> str:
        return Finding.Status(self.status).label


def findings_as_of(
    walk: Walk, moment: datetime, photo_src: Callable[[FindingPhoto], str]
) -> list[FindingState]:
    """The walk's findings as they stood at `moment`, read from their history.

    A finding with no history row by then did not exist yet. `photo_src` gives
    each photo's address: a permission-checked URL on the page, the bytes
    themselves in the PDF.
    """
    findings = walk.findings.select_related("area").prefetch_related(
        Prefetch(
            "changes",
            queryset=FindingChange.objects.filter(changed_at__lte=moment).select_related("owner"),
        ),
        "photos",
    )
    states = []
    for finding in findings:
        changes = list(finding.changes.all())
        if not changes:
            continue
        last = changes[-1]
        state = FindingState(
            finding=finding,
            status=last.to_status,
            owner=last.owner,
            due=last.due,
            note=last.note,
            changed_at=last.changed_at,
            photos=[{"photo": p, "src": photo_src(p)} for p in finding.photos.all()],
        )
        state.overdue = (
            state.due is not None
            and state.due < timezone.localdate(moment)
            and state.status not in (Finding.Status.DONE, Finding.Status.REJECTED)
        )
        states.append(state)
    return states


def changes_since(walk: Walk, edition: WalkReport | None) -> int:
    """How many changes (new findings included) the report has had since an edition."""
    changes = FindingChange.objects.filter(finding__walk=walk)
    if edition is not None:
        changes = changes.filter(changed_at__gt=edition.issued_at)
    return changes.count()


@transaction.atomic
def issue_report(
    walk: Walk, by: AbstractBaseUser | None, at: datetime | None = None
) -> WalkReport | None:
    """Issue the next edition, or nothing (None) when nothing changed since the last one.

    The first edition may be issued at any time, also for a walk without findings.
    """
    walk = Walk.objects.select_for_update().get(pk=walk.pk)
    latest = walk.reports.order_by("-number").first()
    if latest is not None and changes_since(walk, latest) == 0:
        return None
    number = (walk.reports.aggregate(last=Max("number"))["last"] or 0) + 1
    return WalkReport.objects.create(
        walk=walk, number=number, issued_at=at or timezone.now(), issued_by=by
    )


def report_svg(walk: Walk, states: list[FindingState]) -> str:
    """The walk on a plain SVG map: its area, its route, and each finding by number."""
    areas = []
    if walk.area is not None and walk.area.geometry:
        areas.append((walk.area.name, walk.area.geometry))
    lines = [walk.route["coordinates"]] if walk.route else []
    points = [(str(s.finding.number), s.finding.longitude, s.finding.latitude) for s in states]
    return map_svg(areas, [], lines=lines, points=points)
