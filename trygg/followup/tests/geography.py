"""Real boundaries and hand-placed incidents, shared by the follow-up tests.

The boundaries are the demo's Karstorp, Ankarsrum and Västervik from
areas.geojson. Positions are worked out by hand: at latitude 57.75° a degree
of longitude is about 59 450 m, so 0.00168° is 100 m; a degree of latitude is
about 111 370 m, so 0.0009° is 100 m.
"""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from trygg.geo.models import Area
from trygg.incidents.models import Incident, Source
from trygg.lagesbild.weeks import STOCKHOLM

AREAS_FILE = Path(__file__).resolve().parents[2] / "demo" / "areas.geojson"

INSIDE_KARSTORP = (57.749, 16.618)
# Karstorp's west edge crosses latitude 57.748 at longitude 16.6075.
WEST_100_M = (57.748, 16.6075 - 0.00168)
WEST_300_M = (57.748, 16.6075 - 0.00505)
INSIDE_ANKARSRUM = (57.700, 16.330)
# Ankarsrum's south edge runs along latitude 57.692.
SOUTH_OF_ANKARSRUM_100_M = (57.692 - 0.0009, 16.330)
FAR_AWAY = (57.900, 16.500)


def demo_area(world, slug: str) -> Area:
    """An area with its real boundary from the demo's areas.geojson."""
    features = json.loads(AREAS_FILE.read_text(encoding="utf-8"))["features"]
    feature = next(f for f in features if f["properties"]["slug"] == slug)
    return Area.objects.create(
        municipality=world.vastervik,
        name=feature["properties"]["name"],
        slug=slug,
        geometry=feature["geometry"],
    )


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def incident(world, where, when, **fields) -> Incident:
    latitude, longitude = where if where else (None, None)
    return Incident.objects.create(
        **{
            "source": Source.STAFF,
            "occurred_from": when,
            "occurred_to": when + timedelta(hours=1),
            "municipality": world.vastervik,
            "latitude": latitude,
            "longitude": longitude,
            **fields,
        }
    )
