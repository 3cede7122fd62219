"""How far a commitment has come: the one place that decides progress, pace and status.

Every page, report and API response asks `progress()`; nothing else decides
whether a commitment is on track.

The rules, in words:

* A count target is measured per *slice* of the promise's period. "Per year"
  slices a two-year promise into its two years (counted from the period's start,
  so calendar years for a calendar-year promise); "per period" is one slice;
  "per month" and "per week" slice into months and ISO weeks (Monday–Sunday).
  A slice shorter than a whole unit (a per-year target in a four-month promise)
  gets the target in proportion to its length, rounded up.
* What counts: the activities logged against the commitment, plus the meetings
  of its forum, on dates inside the slice, of the commitment's activity kind
  (any kind when none is set). Their `count`s are added up.
* Pace: by a day inside the slice, the expected count is the target times the
  share of the slice's days that have begun (that day included). The commitment
  is on track while done is at least the expected count rounded down, i.e. it
  is not a whole unit behind; behind otherwise. Reaching the target is done;
  a slice that ended short of it is missed.
* A milestone is done once completed (on or before the day asked about),
  overdue once its due date has passed, and pending before that.
* Ongoing work has no number: it is ongoing within the period and ended after.
"""

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from .models import Activity, ActivityKind, Commitment


class Status:
    """The status codes, and their words for people."""

    UPCOMING = "upcoming"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    DONE = "done"
    MISSED = "missed"
    PENDING = "pending"
    OVERDUE = "overdue"
    ONGOING = "ongoing"
    ENDED = "ended"

    LABELS = {
        UPCOMING: _("Not started"),
        ON_TRACK: _("On track"),
        BEHIND: _("Behind"),
        DONE: _("Done"),
        MISSED: _("Not reached"),
        PENDING: _("Planned"),
        OVERDUE: _("Overdue"),
        ONGOING: _("Ongoing"),
        ENDED: _("Ended"),
    }


@dataclass(frozen=True)
class Slice:
    """A stretch of days, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the month's last day when it has none."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _unit_end(start: date, per: str) -> date:
    """The last day of a whole unit (year, month, week) that begins on `start`."""
    if per == Commitment.Per.YEAR:
        return add_months(start, 12) - timedelta(days=1)
    if per == Commitment.Per.MONTH:
        return add_months(start, 1) - timedelta(days=1)
    if per == Commitment.Per.WEEK:
        return start + timedelta(days=6 - start.weekday())  # to Sunday of the ISO week
    raise ValueError(f"no unit for {per!r}")


def period_slices(period_start: date, period_end: date, per: str) -> list[Slice]:
    """Cut a promise's period into the slices a count target is measured over."""
    if per == Commitment.Per.PERIOD:
        return [Slice(period_start, period_end)]
    slices = []
    start = period_start
    while start <= period_end:
        end = min(_unit_end(start, per), period_end)
        slices.append(Slice(start, end))
        start = end + timedelta(days=1)
    return slices


def slice_target(quantity: int, piece: Slice, per: str) -> int:
    """The target for one slice: the whole quantity, or its share of a partial unit."""
    if per == Commitment.Per.PERIOD:
        return quantity
    if per == Commitment.Per.WEEK:
        full_days = 7
    else:
        full_days = Slice(piece.start, _unit_end(piece.start, per)).days
    if piece.days >= full_days:
        return quantity
    return math.ceil(quantity * piece.days / full_days)


def counted_activities(commitment: Commitment) -> QuerySet[Activity]:
    """The activities that count toward a commitment (see the module docstring).

    Written as id-subqueries rather than a join, so that each part can use its
    index and no activity is counted twice.
    """
    linked = Activity.commitments.through.objects.filter(commitment=commitment)
    counts = Q(id__in=linked.values("activity_id"))
    if commitment.forum_id:
        counts |= Q(forum_id=commitment.forum_id, kind=ActivityKind.FORUM_MEETING)
    activities = Activity.objects.filter(counts)
    if commitment.activity_kind:
        activities = activities.filter(kind=commitment.activity_kind)
    return activities


def count_done(commitment: Commitment, piece: Slice) -> int:
    """How many counted activities fall inside the slice."""
    activities = counted_activities(commitment).filter(date__range=(piece.start, piece.end))
    return activities.aggregate(total=Sum("count"))["total"] or 0


def expected_by(target: int, piece: Slice, on: date) -> float:
    """How many should be done by the day `on` at an even pace through the slice."""
    if on < piece.start:
        return 0.0
    if on > piece.end:
        return float(target)
    elapsed = (on - piece.start).days + 1
    return target * elapsed / piece.days


def pace_status(done: int, target: int, piece: Slice, on: date) -> str:
    """On track, behind, done or missed: the pace rule, in one place."""
    if done >= target:
        return Status.DONE
    if on < piece.start:
        return Status.UPCOMING
    if on > piece.end:
        return Status.MISSED
    return Status.ON_TRACK if done >= math.floor(expected_by(target, piece, on)) else Status.BEHIND


@dataclass(frozen=True)
class Progress:
    """Where one commitment stands on a given day."""

    status: str
    done: int = 0
    target: int | None = None
    expected: float | None = None
    slice: Slice | None = None
    due: date | None = None

    @property
    def label(self) -> str:
        return str(Status.LABELS[self.status])

    @property
    def percent(self) -> int | None:
        """Share of the target done, capped at 100, for progress bars."""
        if not self.target:
            return None
        return min(100, round(100 * self.done / self.target))


def _count_progress(commitment: Commitment, piece: Slice, on: date) -> Progress:
    target = slice_target(commitment.quantity, piece, commitment.per)
    done = (
        count_done(commitment, Slice(piece.start, min(piece.end, on))) if on >= piece.start else 0
    )
    return Progress(
        status=pace_status(done, target, piece, on),
        done=done,
        target=target,
        expected=round(expected_by(target, piece, on), 1),
        slice=piece,
    )


def progress_by_slice(commitment: Commitment, on: date) -> list[Progress]:
    """Progress in every slice of a count target's period, as of the day `on`."""
    promise = commitment.promise
    pieces = period_slices(promise.period_start, promise.period_end, commitment.per)
    return [_count_progress(commitment, piece, on) for piece in pieces]


def progress(commitment: Commitment, on: date) -> Progress:
    """Where a commitment stands on the day `on`.

    For a count target, the slice that contains `on` (the first before the
    period, the last after it).
    """
    promise = commitment.promise
    period = Slice(promise.period_start, promise.period_end)

    if commitment.target_kind == Commitment.TargetKind.COUNT:
        pieces = period_slices(period.start, period.end, commitment.per)
        current = next(
            (p for p in pieces if on in p), pieces[0] if on < period.start else pieces[-1]
        )
        return _count_progress(commitment, current, on)

    if commitment.target_kind == Commitment.TargetKind.MILESTONE:
        if commitment.completed_on and commitment.completed_on <= on:
            status = Status.DONE
        elif on > commitment.due:
            status = Status.OVERDUE
        elif on < period.start:
            status = Status.UPCOMING
        else:
            status = Status.PENDING
        return Progress(status=status, due=commitment.due)

    done = (
        count_done(commitment, Slice(period.start, min(period.end, on)))
        if on >= period.start
        else 0
    )
    if on < period.start:
        status = Status.UPCOMING
    elif on > period.end:
        status = Status.ENDED
    else:
        status = Status.ONGOING
    return Progress(status=status, done=done, slice=period)
