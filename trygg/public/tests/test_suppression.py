"""The one rule for small counts, and why no total gives a hidden cell away."""

import itertools
import random

import pytest

from trygg.participation.survey import Change, Point
from trygg.public.suppression import (
    MIN_SURVEY_RESPONDENTS,
    THRESHOLD,
    is_suppressed,
    publish,
    published_survey_points,
    total,
)

FEWER = {"count": None, "fewer_than": 5}


def test_counts_from_1_to_4_are_suppressed_and_0_and_5_are_not():
    assert THRESHOLD == 5
    assert publish(0) == {"count": 0}
    for n in range(1, 5):
        assert publish(n) == FEWER
        assert is_suppressed(n)
    assert publish(5) == {"count": 5}
    assert publish(1234) == {"count": 1234}


def test_a_negative_count_is_an_error():
    with pytest.raises(ValueError, match="negative"):
        publish(-1)


def test_a_total_of_published_cells_is_exact():
    assert total([publish(7), publish(0), publish(12)]) == {"count": 19}
    assert total([]) == {"count": 0}


def test_a_total_with_hidden_cells_is_a_lower_bound_from_the_published_cells():
    # 7 + 0 + (1 for the hidden 3), whatever the hidden cell really is.
    assert total([publish(7), publish(0), publish(3)]) == {"count": None, "at_least": 8}
    assert total([publish(2), publish(2), publish(2)]) == {"count": None, "at_least": 3}


def test_a_total_of_totals_equals_the_total_of_their_cells():
    rows = [[7, 3, 0], [5, 5, 1], [0, 0, 0]]
    row_totals = [total(publish(n) for n in row) for row in rows]
    every_cell = total(publish(n) for row in rows for n in row)
    assert total(row_totals) == every_cell == {"count": None, "at_least": 19}


def published_table(grid: list[list[int]]) -> dict:
    """A table as the portal publishes it: cells, row totals, column totals, grand total."""
    cells = [[publish(n) for n in row] for row in grid]
    return {
        "cells": cells,
        "rows": [total(row) for row in cells],
        "columns": [total(column) for column in zip(*cells, strict=True)],
        "all": total(total(row) for row in cells),
    }


def test_no_hidden_cell_can_be_recovered_from_any_total():
    """Differencing: change the hidden cells to any other values from 1 to 4, and
    the published table stays exactly the same, so nothing published (cells or
    totals of rows, columns or all) can tell the true value."""
    rng = random.Random(5)
    for _ in range(200):
        grid = [[rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 20]) for _ in range(3)] for _ in range(3)]
        hidden = [(r, c) for r in range(3) for c in range(3) if is_suppressed(grid[r][c])]
        published = published_table(grid)
        for values in itertools.islice(itertools.product(range(1, 5), repeat=len(hidden)), 50):
            other = [row[:] for row in grid]
            for (r, c), value in zip(hidden, values, strict=True):
                other[r][c] = value
            assert published_table(other) == published


def test_the_lone_hidden_cell_of_a_row_stays_hidden():
    """The classic leak: a row with one small cell and an exact total."""
    published = published_table([[10, 3, 8]])
    assert published["cells"][0][1] == FEWER
    assert published["rows"][0] == {"count": None, "at_least": 19}
    # 19 - 10 - 8 = 1 is only the bound every hidden cell has: the 3 is not recovered.


def survey_point(year: int, respondents: int, since: int | None = None) -> Point:
    change = Change(since, 1.0, 0.5, 0.6, "chance") if since else None
    return Point(year, 30.0, respondents, None, change)


def test_a_survey_result_from_fewer_than_50_respondents_is_not_published():
    assert MIN_SURVEY_RESPONDENTS == 50
    points = [survey_point(2022, 50), survey_point(2023, 49, 2022), survey_point(2024, 51, 2023)]
    published = published_survey_points(points)
    assert [(p.year, p.respondents) for p in published] == [(2022, 50), (2024, 51)]
    # 2024's change is measured from the hidden 2023: it would give that value back.
    assert published[1].change is None


def test_a_change_between_two_published_years_is_kept_as_it_is():
    points = [survey_point(2022, 400), survey_point(2024, 380, 2022)]
    assert published_survey_points(points) == points
    # A change from a year not among the points cannot be checked, so it is left out.
    (alone,) = published_survey_points([survey_point(2024, 380, 2022)])
    assert alone.change is None
