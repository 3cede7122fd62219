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
from datetime import UTC, datetime, timedelta

from django.db.models import QuerySet

from trygg.incidents.models import Incident

from .counts import counted
from .weeks import STOCKHOLM

HOUR = timedelta(hours=1)
WEEK = timedelta(days=7)


def empty_matrix() -> list[list[float]]:
    return [[0.0] * 24 for _ in range(7)]


def _hour_floor(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def touched_hours(start: datetime, end: datetime) -> list[tuple[int, int]]:
    """(weekday, hour) in Stockholm of each clock hour that [start, end) overlaps."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end < start:
        raise ValueError(f"the window ends ({end}) before it starts ({start})")
    hour = _hour_floor(start)
    cells = []
    while True:
        local = hour.astimezone(STOCKHOLM)
        cells.append((local.weekday(), local.hour))
        hour += HOUR
        if hour >= end:
            return cells


def weekday_hour(windows: Iterable[tuple[datetime, datetime]]) -> list[list[float]]:
    """The 7 × 24 aoristic matrix of (occurred_from, occurred_to) windows."""
    matrix = empty_matrix()
    for start, end in windows:
        # Elapsed time, not wall-clock time: aware datetimes of one zone subtract by the clock.
        if end.astimezone(UTC) - start.astimezone(UTC) > WEEK:
            for row in matrix:
                for hour in range(24):
                    row[hour] += 1 / 168
            continue
        cells = touched_hours(start, end)
        share = 1 / len(cells)
        for day, hour in cells:
            matrix[day][hour] += share
    return matrix


def incident_weekday_hour(incidents: QuerySet[Incident]) -> list[list[float]]:
    """The matrix for the counted incidents (summaries left out) of a queryset."""
    windows = counted(incidents).order_by().values_list("occurred_from", "occurred_to")
    return weekday_hour(windows.iterator(chunk_size=5000))
