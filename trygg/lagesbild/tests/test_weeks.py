from datetime import UTC, date, datetime, timedelta

import pytest

from trygg.lagesbild.weeks import (
    STOCKHOLM,
    shift_week,
    week_bounds,
    week_of,
    weeks_between,
    weeks_in_year,
)


def elapsed(start: datetime, end: datetime) -> timedelta:
    return end.astimezone(UTC) - start.astimezone(UTC)


def test_a_week_runs_monday_midnight_to_monday_midnight_stockholm():
    start, end = week_bounds(2025, 10)
    assert start == datetime(2025, 3, 3, tzinfo=STOCKHOLM)
    assert end == datetime(2025, 3, 10, tzinfo=STOCKHOLM)
    assert start.utcoffset() == timedelta(hours=1)


def test_week_53_exists_in_2020_and_not_in_2021():
    assert weeks_in_year(2020) == 53
    assert weeks_in_year(2021) == 52
    start, end = week_bounds(2020, 53)
    assert start.date() == date(2020, 12, 28)
    assert end.date() == date(2021, 1, 4)
    assert week_of(datetime(2021, 1, 3, 23, 59, tzinfo=STOCKHOLM)) == (2020, 53)
    with pytest.raises(ValueError):
        week_bounds(2021, 53)


def test_a_week_spanning_new_year_belongs_to_the_iso_year():
    start, end = week_bounds(2025, 1)
    assert start == datetime(2024, 12, 30, tzinfo=STOCKHOLM)
    assert end == datetime(2025, 1, 6, tzinfo=STOCKHOLM)
    assert week_of(date(2024, 12, 31)) == (2025, 1)
    assert week_of(date(2024, 12, 29)) == (2024, 52)


def test_dst_weeks_are_calendar_weeks_of_167_and_169_hours():
    # Subtracting aware datetimes of one tzinfo gives wall-clock time; elapsed time needs UTC.
    spring_start, spring_end = week_bounds(2025, 13)  # clocks forward Sunday 30 March
    assert elapsed(spring_start, spring_end) == timedelta(hours=167)
    assert spring_start.utcoffset() == timedelta(hours=1)
    assert spring_end.utcoffset() == timedelta(hours=2)
    autumn_start, autumn_end = week_bounds(2025, 43)  # clocks back Sunday 26 October
    assert elapsed(autumn_start, autumn_end) == timedelta(hours=169)
    assert autumn_end == datetime(2025, 10, 27, tzinfo=STOCKHOLM)


def test_week_of_reads_the_stockholm_calendar_not_utc():
    # Sunday 23:30 UTC is already Monday 00:30 in Stockholm.
    assert week_of(datetime(2024, 12, 29, 23, 30, tzinfo=UTC)) == (2025, 1)
    assert week_of(datetime(2024, 12, 29, 22, 59, tzinfo=UTC)) == (2024, 52)
    # Naive datetimes are Stockholm wall-clock time.
    assert week_of(datetime(2024, 12, 29, 23, 30)) == (2024, 52)


def test_weeks_tile_time():
    for year, week in [(2020, 53), (2025, 1), (2025, 13), (2025, 43)]:
        start, end = week_bounds(year, week)
        assert week_bounds(*shift_week(year, week, 1))[0] == end
        assert week_of(start) == (year, week)
        assert week_of(end - timedelta(microseconds=1)) == (year, week)
        assert week_of(end) == shift_week(year, week, 1)


def test_shift_and_weeks_between_cross_year_ends():
    assert shift_week(2021, 1, -1) == (2020, 53)
    assert shift_week(2025, 2, -4) == (2024, 50)
    assert weeks_between(date(2020, 12, 30), date(2021, 1, 11)) == [
        (2020, 53),
        (2021, 1),
        (2021, 2),
    ]
