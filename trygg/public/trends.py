"""Incident trends for the public: counts by area and calendar month, aggregates only.

The rules, in words:

* Which incidents: only those their reporting organisation marked public
  (`Incident.Visibility.PUBLIC`, "public in aggregate"), such as the police's
  own published events. "Shared" means shared with the collaboration, and
  "internal" kept to one organisation: neither is for citizens, even counted,
  because the organisation that reported them decided who may see them and the
  principle is that the data is sensitive. Summaries never count.
* When: by the lägesbild's rule (`lagesbild.counts.in_period`): an incident
  belongs to the month in which its window starts, on the Stockholm calendar.
* Which months: the MONTHS whole calendar months that ended before the day
  asked about (and before today). A month still running is not published:
  it would be published again every day with a little more in it, and a reader
  could subtract one day's table from the next.
* Where: by the incident's area. Every area of the municipality is listed,
  with 0 where nothing happened; incidents without an area (or with an area
  outside the municipality) are counted under an unknown area (`null`).
  Never a point, a place, a title or a text: only counts leave this module.
* Every count goes through `suppression.publish`, every total through
  `suppression.total` (see there for why totals can reveal no hidden cell).
"""

from collections import Counter
from datetime import date, timedelta
from typing import Any

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils import timezone

from trygg.geo.models import Municipality
from trygg.incidents.models import Incident
from trygg.lagesbild.counts import in_period, period_bounds
from trygg.promises.progress import add_months

from .suppression import publish, total

MONTHS = 12


def month_starts(on: date, months: int = MONTHS) -> list[date]:
    """The first days of the `months` whole months before the month of `on`, oldest first."""
    first = on.replace(day=1)
    return [add_months(first, -back) for back in range(months, 0, -1)]


def month_end(start: date) -> date:
    """The last day of the month that begins on `start`."""
    return add_months(start, 1) - timedelta(days=1)


def public_incidents(municipality: Municipality) -> QuerySet[Incident]:
    """The municipality's incidents that may be counted in public."""
    return Incident.objects.filter(municipality=municipality, visibility=Incident.Visibility.PUBLIC)


def monthly_counts(
    incidents: QuerySet[Incident], starts: list[date]
) -> dict[tuple[int | None, int], int]:
    """{(area id, month index): count} in one grouped query.

    The whole stretch is selected by `in_period`; a CASE on the months' ends
    (each from `period_bounds`, the same Stockholm midnights) numbers the month.
    """
    month_index = Case(
        *(
            When(occurred_from__lt=period_bounds(start, month_end(start))[1], then=Value(index))
            for index, start in enumerate(starts)
        ),
        output_field=IntegerField(),
    )
    rows = (
        in_period(incidents, starts[0], month_end(starts[-1]))
        .order_by()
        .annotate(month=month_index)
        .values("area_id", "month")
        .annotate(n=Count("*"))
    )
    return {(row["area_id"], row["month"]): row["n"] for row in rows}


def incident_trend(municipality: Municipality, on: date) -> dict[str, Any]:
    """Public incidents by month (rows) and area (columns), with published totals."""
    starts = month_starts(min(on, timezone.localdate()))
    areas = dict(municipality.areas.order_by("name").values_list("pk", "name"))
    grid: Counter[tuple[int | None, int]] = Counter()
    for (area, index), n in monthly_counts(public_incidents(municipality), starts).items():
        grid[area if area in areas else None, index] += n
    columns: list[int | None] = list(areas)
    if any(area is None for area, _ in grid):
        columns.append(None)
    months = []
    for index, start in enumerate(starts):
        cells = [publish(grid[area, index]) for area in columns]
        months.append({"month": start.strftime("%Y-%m"), "by_area": cells, "total": total(cells)})
    return {
        "from": starts[0].isoformat(),
        "to": month_end(starts[-1]).isoformat(),
        "areas": [areas.get(area) for area in columns],
        "months": months,
        "total": {
            "by_area": [total(row["by_area"][i] for row in months) for i in range(len(columns))],
            "total": total(row["total"] for row in months),
        },
    }
