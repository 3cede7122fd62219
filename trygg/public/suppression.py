"""Small counts on public pages: the one rule for what a published count may say.

Every count that leaves Trygg for the public (the portal's pages, their JSON
twins, anything else public) goes through `publish()`, and every total through
`total()`. Nothing public builds a count any other way.

The rules, in words:

* A count from 1 to 4 is not published: it is shown as "färre än 5" (in JSON,
  `{"count": null, "fewer_than": 5}`). A small count of incidents in one area
  in one month, or of concern talks with young people, can point at a person;
  0 and 5 or more are published as they are (`{"count": 7}`).
* Differencing: a suppressed cell must not be recoverable by subtracting the
  other cells from a row or column total. So no total is ever counted from the
  data: a total is added up from the *published* cells only. Where every cell
  it adds is published, the total is their exact sum (`{"count": 37}`). Where
  k of them are suppressed, the total is a lower bound: the sum of the
  published cells plus k, since each suppressed cell is at least 1 (shown as
  "minst 39"; in JSON `{"count": null, "at_least": 39}`). Such a total says
  nothing that the cells did not already say, so subtracting cells from it
  recovers nothing. The price: a total over many small cells understates (a
  month with three areas of 2, 2 and 2 incidents is "minst 3", not 6). That
  price is deliberate; the classic alternative, counting the true total and
  suppressing a second cell in every line with one suppressed cell, still
  lets a reader narrow the hidden cells down (two hidden cells that add up to
  2 are both 1) and must be re-solved for every table shape.
* Progress toward a commitment counted in individual cases (concern talks,
  outreach meetings: `INDIVIDUAL_CASES`) is such a count too: 1 to 4 done is
  published as "färre än 5", and the percentage that would give it away is
  left out.
* Other tables: a published cell is always a whole category of its own (an
  area in a whole calendar month), never a part of another published cell,
  so two tables cannot be subtracted from each other either.
* Safety-survey results (`published_survey_points`): a result based on fewer
  than MIN_SURVEY_RESPONDENTS respondents is not published at all. So few
  answers say little (a share from 49 respondents has a 95 % margin of error
  of up to ±14 percentage points, more than most real changes), and in a
  small area they are few enough that someone who knows who answered could
  guess a neighbour's answer. A change between two years is described only
  when both years are published: the difference and the published year's
  value would give the hidden one back. The whole municipality's result is an
  estimate of its own, not a sum of the areas': a hidden area weighs in it
  by its few respondents only, so working the area out of it from rounded
  figures would multiply the rounding many times over.
"""

from collections.abc import Iterable
from dataclasses import replace
from typing import TypedDict

from trygg.participation.survey import Point
from trygg.promises.models import ActivityKind

THRESHOLD = 5
MIN_SURVEY_RESPONDENTS = 50

# Work counted in individual cases: each concern talk or outreach meeting is one young
# person (and their family). Progress toward such a commitment is a count of people, so
# it is published by the same rule. Meetings, patrols and visits count the authorities'
# own work and concern no one: their progress is published as it is.
INDIVIDUAL_CASES = frozenset({ActivityKind.CONCERN_TALK, ActivityKind.OUTREACH_MEETING})


class Count(TypedDict, total=False):
    """A published count: exactly one of the shapes described in the module docstring."""

    count: int | None
    fewer_than: int
    at_least: int


def is_suppressed(count: int) -> bool:
    """True for the counts that are too small to publish (1 to THRESHOLD - 1)."""
    return 0 < count < THRESHOLD


def publish(count: int) -> Count:
    """The count as the public may see it: as it is, or "fewer than 5"."""
    if count < 0:
        raise ValueError(f"a count cannot be negative, got {count}")
    if is_suppressed(count):
        return {"count": None, "fewer_than": THRESHOLD}
    return {"count": count}


def total(cells: Iterable[Count]) -> Count:
    """A total added up from published cells only, so it can reveal no hidden cell.

    Exact when every cell is exact; otherwise the lower bound "at least (the
    published counts + 1 for each hidden cell)". A lower-bound total can itself
    be added up (a grand total of row totals): it adds its bound, which equals
    adding up the cells it came from.
    """
    bound, exact = 0, True
    for cell in cells:
        if cell.get("count") is not None:
            bound += cell["count"]
        else:
            exact = False
            bound += cell.get("at_least", 1)
    return {"count": bound} if exact else {"count": None, "at_least": bound}


def published_survey_points(points: Iterable[Point]) -> list[Point]:
    """One place's survey results as the public may see them, year by year.

    Results from fewer than MIN_SURVEY_RESPONDENTS respondents are left out,
    and so is any change measured from a year that is left out (or not among
    `points` at all), since the change would give that year's value away.
    """
    published = [point for point in points if point.respondents >= MIN_SURVEY_RESPONDENTS]
    years = {point.year for point in published}
    return [
        point
        if point.change is None or point.change.since in years
        else replace(point, change=None)
        for point in published
    ]
