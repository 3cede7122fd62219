"""Safety-survey results over the years, and whether a change is more than sampling error.

Each indicator's result for an area is compared with the same area's previous
measured year (surveys are often every other year, so the previous measured
year, not necessarily the year before). The test depends on what the value is:

* A share of respondents (a percentage, "andel som känner sig otrygga"): the
  two-proportion z-test. With shares p1, p2 of n1, n2 respondents and the
  pooled share p = (p1·n1 + p2·n2) / (n1 + n2), the standard error of the
  difference is √(p(1 − p)(1/n1 + 1/n2)) and z = (p2 − p1) / SE. The
  respondent counts are all it needs.
* A mean of a scale (an index such as an otrygghetsindex on a 1–10 scale): the
  difference of two means, z = (m2 − m1) / √(s1²/n1 + s2²/n2). That needs each
  year's standard deviation s, which a file gives in its optional `sd`
  column. Without it for both years the change is shown but not tested: the
  page says so rather than guess, since an index's spread cannot be recovered
  from its mean.

A change is flagged when the two-sided p < 0.05 (|z| > 1.96), the lägesbild's
level. What the test assumes: simple random samples, independent between
years. Real surveys are weighted and sometimes clustered, which makes the
true sampling error larger than this one, and many indicators × areas give a
few flags by chance alone: a flag says "look at this", as in the lägesbild.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Q
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _

from trygg.geo.models import Area, Municipality

from .models import WHOLE_MUNICIPALITY, SurveyIndicator, SurveyResult

ALPHA = 0.05

VERDICTS = {
    "up": _("Increase larger than chance explains"),
    "down": _("Decrease larger than chance explains"),
    "chance": _("Within what chance explains"),
    "untested": _("Not tested: the file gives no standard deviation"),
}


@dataclass(frozen=True)
class Change:
    """How a year's result differs from the previous measured year's, and the test's verdict."""

    since: int
    difference: float
    z: float | None
    p: float | None
    verdict: str  # one of VERDICTS

    @property
    def flag(self) -> bool:
        return self.verdict in ("up", "down")

    @property
    def label(self) -> LazyText:
        return VERDICTS[self.verdict]


@dataclass(frozen=True)
class Point:
    """One year's result, and its change since the previous measured year (None for the first)."""

    year: int
    value: float
    respondents: int
    sd: float | None
    change: Change | None


@dataclass(frozen=True)
class Trend:
    """One indicator in one area, or in the whole municipality (area None), year by year."""

    indicator: SurveyIndicator
    area: Area | None
    points: list[Point]

    @property
    def place_name(self) -> str:
        return self.area.name if self.area else str(WHOLE_MUNICIPALITY)


def two_sided_p(z: float) -> float:
    """The normal distribution's two-sided tail beyond |z|."""
    return math.erfc(abs(z) / math.sqrt(2))


def _verdict(difference: float, z: float | None, p: float | None) -> str:
    if z is None:
        return "untested"
    if p < ALPHA:
        return "up" if difference > 0 else "down"
    return "chance"


def _difference(earlier: SurveyResult, later: SurveyResult) -> float:
    """later − earlier without binary noise: 4.6 − 4.1 is 0.5, not 0.4999999999999991."""
    return round(later.value - earlier.value, 9)


def share_change(since: int, earlier: SurveyResult, later: SurveyResult) -> Change:
    """Two shares in percent of their respondents: the two-proportion z-test."""
    p1, p2 = earlier.value / 100, later.value / 100
    n1, n2 = earlier.respondents, later.respondents
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    error = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    difference = _difference(earlier, later)
    if error == 0:  # everyone, or no one, both years: no change at all
        return Change(since, difference, 0.0, 1.0, "chance")
    z = (p2 - p1) / error
    p = two_sided_p(z)
    return Change(since, difference, z, p, _verdict(difference, z, p))


def mean_change(since: int, earlier: SurveyResult, later: SurveyResult) -> Change:
    """Two means of a scale with their standard deviations; untested without them."""
    difference = _difference(earlier, later)
    if earlier.sd is None or later.sd is None:
        return Change(since, difference, None, None, "untested")
    error = math.sqrt(earlier.sd**2 / earlier.respondents + later.sd**2 / later.respondents)
    if error == 0:
        return Change(since, difference, None, None, "untested")
    z = difference / error
    p = two_sided_p(z)
    return Change(since, difference, z, p, _verdict(difference, z, p))


def change(kind: str, earlier: SurveyResult, later: SurveyResult) -> Change:
    """The change from one measured year to the next, tested as the indicator's kind requires."""
    test = share_change if kind == SurveyIndicator.Kind.SHARE else mean_change
    return test(earlier.year, earlier, later)


def survey_trends(
    areas: Iterable[Area],
    first_year: int | None = None,
    last_year: int | None = None,
    *,
    municipality: Municipality | None = None,
) -> list[Trend]:
    """Every indicator's trend in each of these areas, with each change tested.

    The one function the survey page, the effect page and the strategic
    lägesbild read. With `municipality`, its whole-municipality results are a
    trend of their own, first within each indicator. Years outside
    [first_year, last_year] are not shown, but the first year shown is still
    compared with the measurement before it. Ordered by indicator, then area.
    """
    wanted = Q(area__in=list(areas))
    if municipality is not None:
        wanted |= Q(municipality=municipality, area__isnull=True)
    results = (
        SurveyResult.objects.filter(wanted)
        .select_related("indicator", "area")
        .order_by(
            "indicator__name",
            F("area__name").asc(nulls_first=True),
            F("area_id").asc(nulls_first=True),
            "year",
        )
    )
    trends: list[Trend] = []
    previous: SurveyResult | None = None
    for result in results:
        same_series = (
            previous is not None
            and previous.indicator_id == result.indicator_id
            and previous.area_id == result.area_id
        )
        if not same_series:
            trends.append(Trend(result.indicator, result.area, []))
        step = change(result.indicator.kind, previous, result) if same_series else None
        previous = result
        if (first_year and result.year < first_year) or (last_year and result.year > last_year):
            continue
        point = Point(result.year, result.value, result.respondents, result.sd, step)
        trends[-1].points.append(point)
    return [trend for trend in trends if trend.points]
