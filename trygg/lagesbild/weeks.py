"""What a week is: the one definition every count, baseline and chart uses.

The rules, in words:

* A week is an ISO week: it starts Monday 00:00 and ends Sunday 24:00 (that is,
  the next Monday 00:00), wall-clock time in Europe/Stockholm. Week 1 is the
  week with the year's first Thursday, so 2025-W01 starts on 2024-12-30 and
  some years (2020, 2026) have a week 53.
* Bounds are timezone-aware datetimes, start included and end excluded, so
  weeks tile time without gaps or overlaps. A week with a DST change is an
  hour shorter (March) or longer (October) than 168 hours; it is still one
  week, because people plan by the calendar, not by elapsed hours.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def local_midnight(day: date) -> datetime:
    """The aware datetime at which `day` begins in Stockholm (00:00 never falls in a DST gap)."""
    return datetime.combine(day, time(0), tzinfo=STOCKHOLM)


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December is always in the ISO year's last week."""
    return date(year, 12, 28).isocalendar().week


def week_monday(year: int, week: int) -> date:
    """The Monday that starts ISO week `week` of ISO year `year`."""
    if not 1 <= week <= weeks_in_year(year):
        raise ValueError(f"{year} has no ISO week {week}")
    return date.fromisocalendar(year, week, 1)


def week_bounds(year: int, week: int) -> tuple[datetime, datetime]:
    """[start, end) of the ISO week as aware Stockholm datetimes."""
    monday = week_monday(year, week)
    return local_midnight(monday), local_midnight(monday + timedelta(days=7))


def week_of(moment: datetime | date) -> tuple[int, int]:
    """The (ISO year, ISO week) that a moment falls in, judged by the Stockholm calendar.

    A naive datetime is taken to be Stockholm wall-clock time already; an aware
    one is converted first, so 2024-12-29 23:30 UTC is Monday 2024-12-30 in
    Stockholm and belongs to 2025-W01.
    """
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(STOCKHOLM)
        moment = moment.date()
    iso = moment.isocalendar()
    return iso.year, iso.week


def shift_week(year: int, week: int, weeks: int) -> tuple[int, int]:
    """The ISO week `weeks` later (earlier when negative)."""
    return week_of(week_monday(year, week) + timedelta(weeks=weeks))


def weeks_between(start: date, end: date) -> list[tuple[int, int]]:
    """Every ISO week that has a day in [start, end], in order."""
    weeks = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        weeks.append(week_of(monday))
        monday += timedelta(weeks=1)
    return weeks
