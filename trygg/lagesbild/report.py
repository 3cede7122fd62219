"""The lägesbild of one municipality for a stretch of days, as one JSON-ready dict.

Combines the period's counts (by category, area and ISO week), its hotspots
and its weekday × hour picture, all over the same incidents: those of the
municipality, summaries left out, whose window starts on a Stockholm date in
[start_date, end_date] (both included). Hotspots use only the incidents placed
at a point; "hotspot_basis" says how many those were, so a reader can tell a
quiet map from an unplaced one.

The caller decides who may see what: pass `incidents` (for a page, the
user's visible_incidents) to draw the picture from those only. The default is
every incident, which suits the command line run by an operator.
"""

from datetime import date

from django.db.models import QuerySet

from trygg.geo.models import Municipality
from trygg.geo.services import named_municipality
from trygg.incidents.models import Incident

from .aoristic import incident_weekday_hour
from .counts import in_period, period_summary
from .hotspots import DEFAULT_RESOLUTION, DEFAULT_THRESHOLD, hotspots


def find_municipality(municipality: Municipality | str) -> Municipality:
    """A municipality given as itself, its name (any case) or its four-digit SCB code."""
    if isinstance(municipality, Municipality):
        return municipality
    found = named_municipality(municipality)
    if found is None:
        raise ValueError(f"no municipality named or coded {municipality!r}")
    return found


def lagesbild(
    municipality: Municipality | str,
    start_date: date,
    end_date: date,
    incidents: QuerySet[Incident] | None = None,
    resolution: int = DEFAULT_RESOLUTION,
    k: int = 1,
    z: float = DEFAULT_THRESHOLD,
) -> dict:
    """The situation picture: totals, breakdowns, hotspots and the weekday × hour matrix."""
    municipality = find_municipality(municipality)
    base = incidents if incidents is not None else Incident.objects.all()
    summary = period_summary(base.filter(municipality=municipality), start_date, end_date)
    return {
        "municipality": municipality.name,
        "from": start_date.isoformat(),
        "to": end_date.isoformat(),
        "total": summary["total"],
        "by_category": summary["by_category"],
        "by_area": summary["by_area"],
        "by_week": summary["by_week"],
        **patterns(municipality, start_date, end_date, base, resolution, k, z),
    }


def patterns(
    municipality: Municipality,
    start_date: date,
    end_date: date,
    incidents: QuerySet[Incident],
    resolution: int = DEFAULT_RESOLUTION,
    k: int = 1,
    z: float = DEFAULT_THRESHOLD,
) -> dict:
    """Where and when, without the counts: hotspots and the weekday × hour matrix.

    The week page shows its counts from weekly_picture (with the comparisons),
    so it asks for this part alone.
    """
    during = in_period(incidents.filter(municipality=municipality), start_date, end_date)
    points = list(
        during.filter(
            precision=Incident.Precision.POINT,
            latitude__isnull=False,
            longitude__isnull=False,
        )
        .order_by()
        .values_list("latitude", "longitude")
    )
    matrix = incident_weekday_hour(during)
    return {
        "hotspots": hotspots(points, resolution=resolution, k=k, z=z),
        "hotspot_basis": {"incidents": len(points), "resolution": resolution, "k": k, "z": z},
        "weekday_hour": [[round(value, 6) for value in row] for row in matrix],
    }
