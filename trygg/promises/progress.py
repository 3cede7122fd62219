"""How far a commitment has come: the one place that decides progress, pace and status.

Every page, report and API response asks `progress()` (or `progress_by_slice()`);
nothing else decides whether a commitment is on track, and the status itself is
decided by one function, `decide_status()`.

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
  share of the slice's days that have begun (that day included); `pace` is done
  minus expected (negative: behind an even pace).
* The status (`decide_status`), one of six for anything with a target:
  reaching the target is *done* (and stays done, even if the commitment is
  cancelled later); otherwise a *cancelled* commitment is cancelled; before its
  stretch of days it has *not started*; after it, short of the target, it is
  *overdue* ("Not reached"); within it, it is *on track* while done is at
  least the expected count rounded down, i.e. not a whole unit behind, and
  *behind* otherwise. A milestone's stretch runs from the period's start to its
  due date (seasons become dates by `seasons.season_due`), its target is being
  completed, and it has no pace: before its due date it is on track.
* Ongoing work has no target, so it is neither on track nor behind, done nor
  overdue: *not started* before the period, *ongoing* within it, *ended* after
  it (or *cancelled*).
* Revisions (revisions.py): progress on a day uses the target in force on that
  day. A slice is measured against the target in force on its last day, or on
  the day asked if that is earlier. So a revision replaces the target of the
  slice it falls in for the whole slice, from its effective day on (the parties
  changed what they promise for that year; old and new are not prorated), and
  slices that ended before it keep the target they had. If a revision changes
  how the period is cut (`per`), every slice is measured against the target in
  force on the day asked. A cancellation stops every slice that had not ended
  by its effective day.
"""

import calendar
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from .models import Activity, ActivityKind, Commitment, CommitmentRevision
from .revisions import cancellation, terms_on


class Status:
    """The status codes, and their words for people."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    DONE = "done"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    # Only for ongoing work, which has no target to be on track with.
    ONGOING = "ongoing"
    ENDED = "ended"

    LABELS = {
        NOT_STARTED: _("Not started"),
        ON_TRACK: _("On track"),
        BEHIND: _("Behind"),
        DONE: _("Done"),
        OVERDUE: _("Not reached"),  # by its due date or slice end
        CANCELLED: _("Cancelled"),
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


def decide_status(
    on: date,
    window: Slice,
    *,
    done: int,
    target: int | None,
    expected: float | None = None,
    cancelled: bool = False,
) -> str:
    """The status on the day `on` of work measured over `window`: the one rule (module docstring).

    `target` None means work without a target (ongoing); `expected` None means
    no pace is asked (a milestone).
    """
    if target is None:
        if cancelled:
            return Status.CANCELLED
        if on < window.start:
            return Status.NOT_STARTED
        return Status.ONGOING if on <= window.end else Status.ENDED
    if done >= target:
        return Status.DONE
    if cancelled:
        return Status.CANCELLED
    if on < window.start:
        return Status.NOT_STARTED
    if on > window.end:
        return Status.OVERDUE
    if expected is None or done >= math.floor(expected):
        return Status.ON_TRACK
    return Status.BEHIND


@dataclass(frozen=True)
class Progress:
    """Where one commitment (or one slice of it) stands on a given day."""

    status: str
    done: int = 0
    target: int | None = None
    expected: float | None = None
    slice: Slice | None = None
    due: date | None = None
    completed_on: date | None = None
    reason: str = ""  # why it was cancelled
    cancelled_on: date | None = None

    @property
    def label(self) -> str:
        return str(Status.LABELS[self.status])

    @property
    def percent(self) -> int | None:
        """Share of the target done, capped at 100, for progress bars."""
        if not self.target:
            return None
        return min(100, round(100 * self.done / self.target))

    @property
    def pace(self) -> float | None:
        """Done minus expected by now: how far ahead (positive) or behind an even pace."""
        if self.expected is None or self.target is None:
            return None
        return round(self.done - self.expected, 1)


def _done_by(commitment: Commitment, window: Slice, on: date) -> int:
    """What counted inside the window up to the day `on`."""
    if on < window.start:
        return 0
    return count_done(commitment, Slice(window.start, min(window.end, on)))


def _with_cancellation(state: Progress, stop: CommitmentRevision | None) -> Progress:
    if state.status != Status.CANCELLED or stop is None:
        return state
    return replace(state, reason=stop.reason, cancelled_on=stop.effective_on)


def _count_progress(
    terms: Commitment, piece: Slice, on: date, stop: CommitmentRevision | None
) -> Progress:
    target = slice_target(terms.quantity, piece, terms.per)
    done = _done_by(terms, piece, on)
    expected = expected_by(target, piece, on)
    cancelled = stop is not None and stop.effective_on <= piece.end
    state = Progress(
        status=decide_status(
            on, piece, done=done, target=target, expected=expected, cancelled=cancelled
        ),
        done=done,
        target=target,
        expected=round(expected, 1),
        slice=piece,
    )
    return _with_cancellation(state, stop)


def _slice_terms(commitment: Commitment, current: Commitment, piece: Slice, on: date) -> Commitment:
    """The target a slice is measured against: the one in force on its last day (or on `on`).

    Falls back to the target in force on `on` when a revision changed how the
    period is cut, since the older target was for other slices.
    """
    terms = terms_on(commitment, min(on, piece.end))
    if terms.target_kind == Commitment.TargetKind.COUNT and terms.per == current.per:
        return terms
    return current


def progress_by_slice(commitment: Commitment, on: date) -> list[Progress]:
    """Progress in every slice of the period as of the day `on`.

    A count target has one per slice (a year of a two-year promise); a
    milestone or ongoing work has one, the same as `progress()`.
    """
    current = terms_on(commitment, on)
    if current.target_kind != Commitment.TargetKind.COUNT:
        return [progress(commitment, on)]
    stop = cancellation(commitment, on)
    promise = commitment.promise
    pieces = period_slices(promise.period_start, promise.period_end, current.per)
    return [
        _count_progress(_slice_terms(commitment, current, piece, on), piece, on, stop)
        for piece in pieces
    ]


def progress(commitment: Commitment, on: date) -> Progress:
    """Where a commitment stands on the day `on`, under the target in force that day.

    For a count target, the slice that contains `on` (the first before the
    period, the last after it).
    """
    promise = commitment.promise
    period = Slice(promise.period_start, promise.period_end)
    terms = terms_on(commitment, on)
    stop = cancellation(commitment, on)

    if terms.target_kind == Commitment.TargetKind.COUNT:
        pieces = period_slices(period.start, period.end, terms.per)
        current = next(
            (p for p in pieces if on in p), pieces[0] if on < period.start else pieces[-1]
        )
        return _count_progress(_slice_terms(commitment, terms, current, on), current, on, stop)

    if terms.target_kind == Commitment.TargetKind.MILESTONE:
        completed = terms.completed_on is not None and terms.completed_on <= on
        status = decide_status(
            on,
            Slice(period.start, terms.due),
            done=int(completed),
            target=1,
            cancelled=stop is not None,
        )
        state = Progress(
            status=status, due=terms.due, completed_on=terms.completed_on if completed else None
        )
        return _with_cancellation(state, stop)

    state = Progress(
        status=decide_status(on, period, done=0, target=None, cancelled=stop is not None),
        done=_done_by(terms, period, on),
        slice=period,
    )
    return _with_cancellation(state, stop)
