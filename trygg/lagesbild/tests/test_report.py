import json
from datetime import date, datetime, timedelta

import h3
import pytest

from trygg.geo.models import Area, Municipality
from trygg.incidents.models import Category, Incident, Source
from trygg.lagesbild.report import lagesbild
from trygg.lagesbild.weeks import STOCKHOLM

# The centre of an H3 cell, so the cluster stays inside it.
CENTRE = h3.cell_to_latlng(h3.latlng_to_cell(57.7570, 16.6370, 9))


@pytest.fixture
def place(db):
    vastervik = Municipality.objects.create(name="Västervik", scb_code="0883")
    hogsby = Municipality.objects.create(name="Högsby", scb_code="0821")
    centrum = Area.objects.create(municipality=vastervik, name="Centrum", slug="centrum")
    damage = Category.objects.get(slug="skadegorelse")
    friday = datetime(2025, 3, 7, 22, 0, tzinfo=STOCKHOLM)

    def make(municipality=vastervik, at=friday, point=None, **extra):
        lat, lon = point or (None, None)
        return Incident.objects.create(
            source=Source.POLICE_EVENT,
            occurred_from=at,
            occurred_to=extra.pop("until", at),
            municipality=municipality,
            area=centrum if municipality == vastervik else None,
            category=damage,
            latitude=lat,
            longitude=lon,
            **extra,
        )

    for i in range(30):  # a cluster in the town centre, Friday nights
        make(point=(CENTRE[0] + (i % 3) * 1e-4, CENTRE[1]), until=friday + timedelta(hours=2))
    for cell in h3.grid_ring(h3.latlng_to_cell(*CENTRE, 9), 1):  # spilling over its edges
        make(point=h3.cell_to_latlng(cell), until=friday + timedelta(hours=2))
    ring = h3.grid_ring(h3.latlng_to_cell(*CENTRE, 9), 6)
    for cell in ring:  # a thin background a kilometre around it
        make(point=h3.cell_to_latlng(cell), at=friday + timedelta(days=2))
    make(point=CENTRE, precision=Incident.Precision.MUNICIPALITY)  # counted, not placed
    make(point=CENTRE, is_summary=True)  # not counted
    make(municipality=hogsby)  # another municipality
    make(at=datetime(2025, 4, 1, 0, 0, tzinfo=STOCKHOLM))  # after the period
    return {"vastervik": vastervik, "ring": len(ring)}


def test_the_lagesbild_combines_counts_hotspots_and_hours(place):
    report = lagesbild("Västervik", date(2025, 3, 1), date(2025, 3, 31))
    json.dumps(report)  # JSON-ready as it is
    expected_total = 36 + place["ring"] + 1
    assert report["municipality"] == "Västervik"
    assert (report["from"], report["to"]) == ("2025-03-01", "2025-03-31")
    assert report["total"] == expected_total
    assert report["by_category"] == {"skadegorelse": expected_total}
    assert report["by_area"] == {"Centrum": expected_total}
    assert sum(week["count"] for week in report["by_week"]) == expected_total
    assert report["hotspot_basis"]["incidents"] == 36 + place["ring"]
    assert report["hotspots"][0]["cell"] == h3.latlng_to_cell(*CENTRE, 9)
    assert report["hotspots"][0]["count"] == 30
    matrix = report["weekday_hour"]
    assert len(matrix) == 7 and all(len(row) == 24 for row in matrix)
    assert sum(map(sum, matrix)) == pytest.approx(expected_total, abs=1e-3)
    assert matrix[4][22] == pytest.approx(19)  # Friday 22: half of 36, and one whole
    assert matrix[4][23] == pytest.approx(18)


def test_the_municipality_can_be_named_by_scb_code_or_passed_as_itself(place):
    by_code = lagesbild("0883", date(2025, 3, 1), date(2025, 3, 31))
    by_object = lagesbild(place["vastervik"], date(2025, 3, 1), date(2025, 3, 31))
    assert by_code == by_object


def test_an_unknown_municipality_is_a_clear_error(place):
    with pytest.raises(ValueError, match="Atlantis"):
        lagesbild("Atlantis", date(2025, 3, 1), date(2025, 3, 31))


def test_the_caller_can_narrow_the_incidents(place):
    report = lagesbild(
        "Västervik",
        date(2025, 3, 1),
        date(2025, 3, 31),
        incidents=Incident.objects.filter(latitude__isnull=True),
    )
    assert report["total"] == 0
    assert report["hotspots"] == []
    assert sum(map(sum, report["weekday_hour"])) == 0
