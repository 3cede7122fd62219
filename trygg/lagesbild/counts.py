"""What counts as an incident, when it happened, and whether a count is unusual.

The rules, in words:

* What counts: every incident except summaries (`is_summary`): a police
  summary of a weekend repeats events that are already there one by one.
* When it happened: an incident belongs to the week, day or period in which its
  window *starts* (`occurred_from`), read on the Stockholm calendar. The start
  is the one moment every source gives (a point-in-time event has start = end),
  it is indexed together with the municipality, and it never moves an incident
  later than it could have happened. The midpoint would spread a weekend's
  break-in over Saturday for no better reason. When in the week and the day
  the hours fall is the aoristic module's job, which does use the whole window.
* A period [start_date, end_date] is inclusive on both ends: from Stockholm
  midnight starting start_date to the midnight ending end_date. An incident at
  2025-03-31 23:30 in Stockholm (21:30 UTC) is in March.
* Counting is done by the database: rows are grouped by category and by area
  with conditional aggregates over precomputed week bounds, never by pulling
  rows into Python. Incidents without an area are counted under
  "(okänt område)", without a category under "(okänd kategori)".

Is a change more than chance? Counts are treated as Poisson. This week's count
x is compared with a baseline of m earlier weeks that together have T
incidents (the previous four weeks: m = 4; the same ISO week last year: m = 1;
the same ISO week in earlier years: m = the number of those years). If this
week and the baseline weeks share one rate, then given the x + T incidents in
all m + 1 weeks, x is Binomial(x + T, 1 / (m + 1)). The two-sided exact
binomial test of that (the conditional test for comparing two Poisson rates)
gives the p-value; it is exact, and unlike testing x against the baseline mean
as if that mean were known, it accounts for the baseline being itself a count.
A change is flagged when p < 0.05, with its direction ("up" above the baseline
mean, "down" below it).

What the test cannot know: crime counts are usually overdispersed (repeats,
one person's spree), which makes a Poisson test flag more often than 5 % on
ordinary weeks; and with many categories and areas a few flags a week arise
by chance alone. A flag says "look at this", not "this is a trend".
"""

import math
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import reduce
from operator import or_

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from trygg.geo.models import Area
from trygg.incidents.models import Category, Incident

from .weeks import local_midnight, shift_week, week_bounds, weeks_between, weeks_in_year

ALPHA = 0.05
UNKNOWN_AREA = "(okänt område)"
UNKNOWN_CATEGORY = "(okänd kategori)"
# scipy.stats.binomtest's tolerance for "as likely as the observed count".
_RELATIVE_ERROR = 1 + 1e-7

Bounds = tuple[datetime, datetime]


def counted(incidents: QuerySet[Incident]) -> QuerySet[Incident]:
    """The incidents that count: everything but summaries."""
    return incidents.filter(is_summary=False)


def period_bounds(start_date: date, end_date: date) -> Bounds:
    """[start, end) as aware datetimes for the inclusive Stockholm dates [start_date, end_date]."""
    if end_date < start_date:
        raise ValueError(f"the period ends ({end_date}) before it starts ({start_date})")
    return local_midnight(start_date), local_midnight(end_date + timedelta(days=1))


def _during(bounds: Bounds) -> Q:
    return Q(occurred_from__gte=bounds[0], occurred_from__lt=bounds[1])


def in_period(
    incidents: QuerySet[Incident], start_date: date, end_date: date
) -> QuerySet[Incident]:
    """The incidents that count, in the inclusive Stockholm dates [start_date, end_date]."""
    return counted(incidents).filter(_during(period_bounds(start_date, end_date)))


# --- the test --------------------------------------------------------------------------


def _log_binomial_pmf(k: int, n: int, p: float) -> float:
    log_comb = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    return log_comb + k * math.log(p) + (n - k) * math.log1p(-p)


def binomial_test(k: int, n: int, p: float) -> float:
    """Two-sided exact binomial p-value of k successes in n trials, as scipy.stats.binomtest.

    The p-value is the total probability of every outcome no more likely than k
    (with scipy's relative tolerance of 1e-7 for ties). Terms are computed in
    log space, so n in the tens of thousands neither overflows nor loses
    precision. No trials at all are no evidence: p = 1.
    """
    if not 0 <= k <= n:
        raise ValueError(f"k must be in 0..n, got k={k}, n={n}")
    if not 0 < p < 1:
        raise ValueError(f"p must be strictly between 0 and 1, got {p}")
    if n == 0 or k == p * n:
        return 1.0
    threshold = _log_binomial_pmf(k, n, p) + math.log(_RELATIVE_ERROR)

    def unlikely(i: int) -> bool:
        return _log_binomial_pmf(i, n, p) <= threshold

    # The distribution rises to its mode and falls after, so the outcomes no
    # more likely than k are two tails, [0, a] and [b, n]. Find their inner ends
    # by bisection, then add each tail outward until its terms stop mattering:
    # a few hundred terms rather than n + 1 for n in the tens of thousands.
    mode = min(n, math.floor((n + 1) * p))
    low, high = -1, mode  # the last unlikely outcome at or below the mode
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if unlikely(middle) else (low, middle - 1)
    a = low
    low, high = max(mode, a + 1), n + 1  # the first unlikely outcome above a, past the mode
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if unlikely(middle) else (middle + 1, high)
    b = low
    total = _tail(a, -1, n, p) + _tail(b, +1, n, p)
    return min(1.0, total)


def _tail(start: int, step: int, n: int, p: float) -> float:
    """The probability of outcomes from `start` outward, which only get less likely."""
    total = 0.0
    i = start
    while 0 <= i <= n:
        term = math.exp(_log_binomial_pmf(i, n, p))
        total += term
        if term <= total * 1e-18:
            break
        i += step
    return total


def compare(count: int, baseline_total: int, baseline_weeks: int) -> dict:
    """This period's count against a baseline of `baseline_weeks` equally long periods."""
    mean = baseline_total / baseline_weeks
    p_value = binomial_test(count, count + baseline_total, 1 / (baseline_weeks + 1))
    if count > mean:
        direction = "up"
    elif count < mean:
        direction = "down"
    else:
        direction = "same"
    return {
        "total": baseline_total,
        "mean": mean,
        "p": p_value,
        "flag": p_value < ALPHA,
        "direction": direction,
    }


# --- counting in the database ----------------------------------------------------------


def _grouped_counts(incidents: QuerySet[Incident], buckets: dict[str, Q]) -> dict:
    """Counts per bucket, in total, by category slug and by area name.

    One grouped query per bucket (a time range, or a few): each reads just its
    own weeks through the (municipality, occurred_from) index, which on
    PostgreSQL covers category and area, so the rows themselves are not read.
    Groups are (category, area) id pairs; totals and the two breakdowns are
    added up from them here, and the ids named with one query each.
    """
    rows = counted(incidents).order_by()
    groups: dict[tuple, dict[str, int]] = {}
    for name, condition in buckets.items():
        for group in (
            # COUNT(*), not COUNT(id): the id is not in the index, and asking for
            # it would make PostgreSQL read every row from the table.
            rows.filter(condition).values("category_id", "area_id").annotate(n=Count("*"))
        ):
            key = (group["category_id"], group["area_id"])
            groups.setdefault(key, dict.fromkeys(buckets, 0))[name] = group["n"]
    categories = dict(Category.objects.values_list("pk", "slug"))
    areas = dict(Area.objects.filter(pk__in={area for _, area in groups}).values_list("pk", "name"))
    result = {"total": dict.fromkeys(buckets, 0), "by_category": {}, "by_area": {}}
    for (category_id, area_id), counts in groups.items():
        category = categories.get(category_id, UNKNOWN_CATEGORY)
        area = areas.get(area_id, UNKNOWN_AREA)
        for key, name in (("by_category", category), ("by_area", area)):
            summed = result[key].setdefault(name, dict.fromkeys(buckets, 0))
            for bucket in buckets:  # two areas of one name in two municipalities add up
                summed[bucket] += counts[bucket]
        for bucket in buckets:
            result["total"][bucket] += counts[bucket]
    for key in ("by_category", "by_area"):
        result[key] = dict(sorted(result[key].items()))
    return result


def _ranges(weeks: list[Bounds]) -> Q:
    """The weeks as a condition, adjacent weeks joined into one range (one index sweep)."""
    joined: list[Bounds] = []
    for start, end in sorted(weeks):
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return reduce(or_, (_during(bounds) for bounds in joined))


def _picture(
    incidents: QuerySet[Incident], this_week: Bounds, baselines: dict[str, list[Bounds]]
) -> dict:
    """This week's counts, each compared with every non-empty baseline (None when empty)."""
    buckets = {"this": _during(this_week)}
    for name, weeks in baselines.items():
        if weeks:
            buckets[name] = _ranges(weeks)
    grouped = _grouped_counts(incidents, buckets)

    def row(counts: dict) -> dict:
        result = {"count": counts["this"]}
        for name, weeks in baselines.items():
            result[name] = compare(counts["this"], counts[name], len(weeks)) if weeks else None
        return result

    return {
        "total": row(grouped["total"]),
        "by_category": {name: row(counts) for name, counts in grouped["by_category"].items()},
        "by_area": {name: row(counts) for name, counts in grouped["by_area"].items()},
    }


def _week_header(year: int, week: int) -> dict:
    start, end = week_bounds(year, week)
    return {"year": year, "week": week, "from": start.isoformat(), "to": end.isoformat()}


def weekly_picture(incidents: QuerySet[Incident], year: int, week: int) -> dict:
    """The EST week: counts by category and area against the last four weeks and last year.

    Every count row is {"count": x, "previous_weeks": comparison,
    "last_year": comparison or None}, where a comparison is {"total", "mean",
    "p", "flag", "direction"} (see the module docstring for the test). The
    previous four weeks are the four ISO weeks just before; last year is the
    same ISO week number a year earlier, and None when that year had no week
    53. A group is listed when it has an incident in any of the weeks.
    """
    previous = [week_bounds(*shift_week(year, week, -back)) for back in range(1, 5)]
    last_year = [week_bounds(year - 1, week)] if week <= weeks_in_year(year - 1) else []
    picture = _picture(
        incidents, week_bounds(year, week), {"previous_weeks": previous, "last_year": last_year}
    )
    return {**_week_header(year, week), **picture}


def seasonal(incidents: QuerySet[Incident], year: int, week: int, years_back: int = 3) -> dict:
    """This week against the same ISO week in each of the `years_back` years before.

    Seasonal crime (summer break-ins in holiday homes, New Year fireworks)
    makes the previous four weeks a poor baseline around a season's turn; the
    same week in earlier years is the fairer one. Years without this week
    number (week 53) are left out; "years" lists the ones used. Rows are
    {"count": x, "earlier_years": comparison or None}.
    """
    years = [y for y in range(year - 1, year - years_back - 1, -1) if week <= weeks_in_year(y)]
    picture = _picture(
        incidents,
        week_bounds(year, week),
        {"earlier_years": [week_bounds(y, week) for y in years]},
    )
    return {**_week_header(year, week), "years": years, **picture}


def _by_week(rows: QuerySet[Incident], weeks: Iterable[tuple[int, int]]) -> list[dict]:
    """Counts per ISO week in one grouped query: CASE on the sorted week ends numbers each row."""
    weeks = list(weeks)
    week_index = Case(
        *(
            When(occurred_from__lt=week_bounds(year, week)[1], then=Value(index))
            for index, (year, week) in enumerate(weeks)
        ),
        output_field=IntegerField(),
    )
    counts = dict(
        rows.annotate(week_index=week_index)
        .values("week_index")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("week_index", "n")
    )
    return [
        {"year": year, "week": week, "count": counts.get(index, 0)}
        for index, (year, week) in enumerate(weeks)
    ]


def period_summary(incidents: QuerySet[Incident], start_date: date, end_date: date) -> dict:
    """Totals for the inclusive Stockholm dates [start_date, end_date].

    by_week lists every ISO week with a day in the period, counting only the
    days inside it, so the weeks add up to the total even when the period
    starts or ends mid-week.
    """
    rows = in_period(incidents, start_date, end_date).order_by()
    by_category = {
        slug or UNKNOWN_CATEGORY: n
        for slug, n in rows.values("category__slug")
        .annotate(n=Count("pk"))
        .order_by("category__slug")
        .values_list("category__slug", "n")
    }
    by_area: dict[str, int] = {}
    for name, n in (
        rows.values("area__name")
        .annotate(n=Count("pk"))
        .order_by("area__name")
        .values_list("area__name", "n")
    ):
        by_area[name or UNKNOWN_AREA] = by_area.get(name or UNKNOWN_AREA, 0) + n
    return {
        "total": sum(by_category.values()),
        "by_category": by_category,
        "by_area": by_area,
        "by_week": _by_week(rows, weeks_between(start_date, end_date)),
    }
