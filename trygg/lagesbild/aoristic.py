"""When in the week incidents happen: aoristic weekday × hour weights.

Many incidents are known only within a window ("between Friday 22:00 and
Monday 07:00", a break-in found after a weekend). Counting them at the
window's start would pile them on Friday evenings; aoristic analysis instead
shares each incident out over the hours it may have happened in.

The rules, in words:

* The matrix has 7 rows (Monday … Sunday) and 24 columns (hour 0 … 23) in
  Europe/Stockholm local time.
* An incident's window [from, to) touches every clock hour it overlaps; a
  point in time (from = to) touches the one hour it is in. 22:00–02:00 touches
  22, 23, 00 and 01, so each gets 0.25 (and 23→00 crosses into the next day).
* Each touched hour gets 1 / (number of hours touched), so every incident adds
  exactly 1 and the matrix sums to the number of incidents.
* A window longer than 7 days says nothing about the hour or the weekday: it
  adds 1/168 to every cell.
* Hours are real elapsed hours. Stockholm's offsets are whole hours, so a UTC
  hour is a local clock hour: the doubled 02:00 in October gets two shares and
  the missing 02:00 in March none.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

import numpy as np
from django.db.models import QuerySet

from trygg.incidents.models import Incident

from .counts import counted
from .weeks import STOCKHOLM

HOUR = 3600.0
WEEK = timedelta(days=7).total_seconds()


def weekday_hour(windows: Iterable[tuple[datetime, datetime]]) -> list[list[float]]:
    """The 7 × 24 aoristic matrix of (occurred_from, occurred_to) windows.

    Vectorised, because a municipality's year is tens of thousands of
    windows: each window becomes the run of UTC hours it touches (numpy), and
    only the distinct hours (a few hundred for a week) are turned into a
    Stockholm weekday and hour in Python.
    """
    stamps = np.fromiter(
        (moment.timestamp() for window in windows for moment in window), dtype=np.float64
    )
    starts, ends = stamps[0::2], stamps[1::2]
    if (ends < starts).any():
        raise ValueError("a window ends before it starts")
    long = ends - starts > WEEK
    totals = np.full(168, long.sum() / 168)
    starts, ends = starts[~long], ends[~long]
    if starts.size:
        first = np.floor(starts / HOUR).astype(np.int64)
        # Touched hours are first … last-1; a moment exactly on the hour touches one.
        last = np.maximum(np.ceil(ends / HOUR).astype(np.int64), first + 1)
        count = last - first
        offsets = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        hours = np.repeat(first, count) + offsets
        distinct, which = np.unique(hours, return_inverse=True)
        cells = np.array([_local_cell(int(hour)) for hour in distinct])
        totals += np.bincount(cells[which], weights=np.repeat(1.0 / count, count), minlength=168)
    return totals.reshape(7, 24).tolist()


def _local_cell(hour: int) -> int:
    """Weekday × 24 + hour in Stockholm of the UTC hour that many hours after 1970."""
    local = datetime.fromtimestamp(hour * HOUR, STOCKHOLM)
    return local.weekday() * 24 + local.hour


def incident_weekday_hour(incidents: QuerySet[Incident]) -> list[list[float]]:
    """The matrix for the counted incidents (summaries left out) of a queryset."""
    windows = counted(incidents).order_by().values_list("occurred_from", "occurred_to")
    return weekday_hour(windows.iterator(chunk_size=5000))
