import random
from datetime import UTC, datetime, timedelta

import pytest

from trygg.lagesbild.aoristic import weekday_hour
from trygg.lagesbild.weeks import STOCKHOLM

MONDAY, TUESDAY, SATURDAY, SUNDAY = 0, 1, 5, 6


def cells(matrix):
    return {
        (day, hour): round(value, 12)
        for day, row in enumerate(matrix)
        for hour, value in enumerate(row)
        if value
    }


def test_a_point_in_time_is_one_whole_cell():
    at = datetime(2025, 3, 3, 14, 37, tzinfo=STOCKHOLM)  # a Monday
    assert cells(weekday_hour([(at, at)])) == {(MONDAY, 14): 1.0}


def test_the_hour_is_read_in_stockholm_time():
    at = datetime(2025, 3, 31, 21, 30, tzinfo=UTC)  # Monday 23:30 in Stockholm (summer time)
    assert cells(weekday_hour([(at, at)])) == {(MONDAY, 23): 1.0}


def test_a_window_across_midnight_spreads_over_four_hours_and_two_days():
    start = datetime(2025, 3, 3, 22, 0, tzinfo=STOCKHOLM)
    matrix = weekday_hour([(start, start + timedelta(hours=4))])
    assert cells(matrix) == {
        (MONDAY, 22): 0.25,
        (MONDAY, 23): 0.25,
        (TUESDAY, 0): 0.25,
        (TUESDAY, 1): 0.25,
    }


def test_a_partly_touched_hour_counts_as_touched():
    start = datetime(2025, 3, 3, 22, 45, tzinfo=STOCKHOLM)
    end = datetime(2025, 3, 3, 23, 15, tzinfo=STOCKHOLM)
    assert cells(weekday_hour([(start, end)])) == {(MONDAY, 22): 0.5, (MONDAY, 23): 0.5}


def test_a_window_longer_than_a_week_spreads_over_the_whole_week():
    start = datetime(2025, 3, 1, 12, tzinfo=STOCKHOLM)
    matrix = weekday_hour([(start, start + timedelta(days=10))])
    assert all(value == pytest.approx(1 / 168) for row in matrix for value in row)


def test_dst_hours_are_real_hours():
    # 26 October 2025: 02:00–03:00 happens twice; a 01:00–04:00 window is four real hours.
    start = datetime(2025, 10, 26, 1, 0, tzinfo=STOCKHOLM)
    end = datetime(2025, 10, 26, 4, 0, tzinfo=STOCKHOLM)
    assert cells(weekday_hour([(start, end)])) == {
        (SUNDAY, 1): 0.25,
        (SUNDAY, 2): 0.5,
        (SUNDAY, 3): 0.25,
    }
    # 30 March 2025: there is no 02:00; 01:00–04:00 is two real hours.
    start = datetime(2025, 3, 30, 1, 0, tzinfo=STOCKHOLM)
    end = datetime(2025, 3, 30, 4, 0, tzinfo=STOCKHOLM)
    assert cells(weekday_hour([(start, end)])) == {(SUNDAY, 1): 0.5, (SUNDAY, 3): 0.5}


def test_a_window_ending_before_it_starts_is_refused():
    at = datetime(2025, 3, 3, 14, 37, tzinfo=STOCKHOLM)
    with pytest.raises(ValueError):
        weekday_hour([(at, at - timedelta(minutes=1))])


def touched_hours_one_by_one(start, end):
    """The rule in the module docstring, hour by hour: the oracle for the vectorised code."""
    hour = start.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    touched = []
    while True:
        local = hour.astimezone(STOCKHOLM)
        touched.append((local.weekday(), local.hour))
        hour += timedelta(hours=1)
        if hour >= end:
            return touched


def test_the_matrix_agrees_with_the_rule_hour_by_hour():
    rng = random.Random(7)
    windows = []
    for _ in range(2000):
        start = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(366 * 86400))
        length = rng.choice([0, 0, 60, 3600, 7200, rng.randrange(7 * 86400)])
        windows.append((start.astimezone(STOCKHOLM), start + timedelta(seconds=length)))
    expected = [[0.0] * 24 for _ in range(7)]
    for start, end in windows:
        touched = touched_hours_one_by_one(start, end)
        for day, hour in touched:
            expected[day][hour] += 1 / len(touched)
    matrix = weekday_hour(windows)
    for day in range(7):
        assert matrix[day] == pytest.approx(expected[day], rel=1e-12, abs=1e-12)


def test_totals_equal_the_number_of_incidents():
    base = datetime(2025, 6, 6, 20, 0, tzinfo=STOCKHOLM)  # a Friday
    windows = [
        (base, base),
        (base, base + timedelta(hours=59)),  # a weekend
        (base - timedelta(minutes=30), base + timedelta(hours=3, minutes=10)),
        (base, base + timedelta(days=30)),
        (base + timedelta(days=1), base + timedelta(days=1, hours=1)),
    ]
    matrix = weekday_hour(windows)
    assert len(matrix) == 7
    assert all(len(row) == 24 for row in matrix)
    assert sum(map(sum, matrix)) == pytest.approx(len(windows))
    assert matrix[SATURDAY][20] > 0


@pytest.mark.django_db
def test_the_incident_matrix_leaves_summaries_out():
    from trygg.incidents.models import Incident, Source
    from trygg.lagesbild.aoristic import incident_weekday_hour

    at = datetime(2025, 3, 3, 22, 0, tzinfo=STOCKHOLM)
    Incident.objects.create(source=Source.STAFF, occurred_from=at, occurred_to=at)
    Incident.objects.create(
        source=Source.STAFF, occurred_from=at, occurred_to=at + timedelta(hours=4), is_summary=True
    )
    assert cells(incident_weekday_hour(Incident.objects.all())) == {(MONDAY, 22): 1.0}
