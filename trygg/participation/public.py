"""What the public may know of neighbourhood watch: active areas, at area level.

The public page and its JSON twin are rendered from `watch_map_data`, so the
page never shows more than the open data. It holds the active areas only
(started and dormant ones are not yet or no longer something to rely on),
each with its boundary, name, contact organisation's name, start date and
the number of signs put up: no contact details, no trainings, no people.
"""

from typing import Any

from django.db.models import Sum
from django.urls import reverse

from trygg.geo.models import Municipality

from .models import NeighbourhoodWatch


def watch_map_data(municipality: Municipality) -> dict[str, Any]:
    """The municipality's active neighbourhood-watch areas as GeoJSON, with what may be shown."""
    watches = (
        NeighbourhoodWatch.objects.filter(
            municipality=municipality, status=NeighbourhoodWatch.Status.ACTIVE
        )
        .select_related("contact_organisation")
        .annotate(signs_total=Sum("signs__count"))
        .order_by("name")
    )
    features = [
        {
            "type": "Feature",
            "properties": {
                "name": watch.name,
                "contact_organisation": watch.contact_organisation.name,
                "started_on": watch.started_on.isoformat() if watch.started_on else None,
                "signs": watch.signs_total or 0,
            },
            "geometry": watch.geometry,
        }
        for watch in watches
    ]
    return {
        "municipality": {"name": municipality.name, "scb_code": municipality.scb_code},
        "url": reverse("public-watch", args=[municipality.scb_code]),
        "areas": {"type": "FeatureCollection", "features": features},
    }
