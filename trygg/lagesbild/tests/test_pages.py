"""The weekly lägesbild page, its twins, the command, and who may see it."""

import csv
import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import make_user
from trygg.incidents.models import Category, Incident, Source
from trygg.organisations.models import Role

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def week10(world):
    """Week 10 of 2025 in Västervik: six graffiti reports around the square, one fight."""
    graffiti, violence = Category.objects.get(slug="klotter"), Category.objects.get(slug="vald")
    monday = datetime(2025, 3, 3, 21, 0, tzinfo=STOCKHOLM)
    for n in range(6):
        Incident.objects.create(
            source=Source.STAFF,
            category=graffiti,
            occurred_from=monday + timedelta(days=n % 3),
            occurred_to=monday + timedelta(days=n % 3, hours=2),
            municipality=world.vastervik,
            latitude=57.7577 + n * 0.0002,
            longitude=16.6370,
            text=f"Klotter nummer {n}",
        )
    Incident.objects.create(
        source=Source.POLICE_EVENT,
        category=violence,
        external_id="612345",
        occurred_from=monday,
        occurred_to=monday,
        municipality=world.vastervik,
        precision=Incident.Precision.MUNICIPALITY,
    )
    return {"ar": 2025, "vecka": 10}


def test_the_week_page_counts_by_category(client, world, week10):
    client.force_login(world.viewer)
    response = client.get(reverse("lagesbild-week", args=["0883"]), week10)
    assert response.status_code == 200
    picture = response.context["picture"]
    assert picture["total"]["count"] == 7
    assert picture["by_category"]["Klotter"]["count"] == 6
    assert picture["by_category"]["Våld"]["count"] == 1
    assert response.context["period"]["hotspot_basis"]["incidents"] == 6
    page = response.content.decode()
    assert "leaflet/leaflet.js" in page
    assert 'id="map-data"' in page


def test_json_and_csv_twins(client, world, week10):
    client.force_login(world.coordinator)
    data = client.get(reverse("lagesbild-week-json", args=["0883"]), week10).json()
    assert data["lagesbild"]["total"] == 7
    assert data["week"]["week"] == 10
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("lagesbild-week-csv", args=["0883"]), week10).content.decode()
            )
        )
    )
    assert ["totalt", "", "7"] in rows
    assert ["by_category", "klotter", "6"] in rows


def test_reporters_and_other_collaborations_see_no_lagesbild(client, world, week10):
    for user in (world.reporter, world.outsider):
        client.force_login(user)
        assert client.get(reverse("lagesbild-week", args=["0883"]), week10).status_code == 404
        assert client.get(reverse("lagesbild-week-json", args=["0883"]), week10).status_code == 404


def test_the_page_counts_only_what_the_user_may_see(client, world, week10):
    Incident.objects.create(
        source=Source.POLICE_REPORT,
        occurred_from=datetime(2025, 3, 4, 12, 0, tzinfo=STOCKHOLM),
        occurred_to=datetime(2025, 3, 4, 12, 0, tzinfo=STOCKHOLM),
        municipality=world.vastervik,
        organisation=world.police,
        visibility=Incident.Visibility.INTERNAL,
    )
    client.force_login(world.viewer)  # Västerviks kommun: not the police's internal one
    response = client.get(reverse("lagesbild-week", args=["0883"]), week10)
    assert response.context["picture"]["total"]["count"] == 7
    client.force_login(make_user("kommunpolis", world.police, Role.COORDINATOR))
    response = client.get(reverse("lagesbild-week", args=["0883"]), week10)
    assert response.context["picture"]["total"]["count"] == 8


def test_the_command_prints_the_lagesbild_as_json(world, week10, capsys):
    call_command(
        "lagesbild", "--municipality", "Västervik", "--from", "2025-03-01", "--to", "2025-03-31"
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["municipality"], data["from"], data["to"], data["total"]) == (
        "Västervik",
        "2025-03-01",
        "2025-03-31",
        7,
    )
    assert data["by_category"] == {"klotter": 6, "vald": 1}


def test_the_week_prints_as_pdf_with_its_map(client, world, week10):
    from trygg.geo.models import Area

    Area.objects.create(
        municipality=world.vastervik,
        name="Västervik",
        slug="vastervik",
        geometry={
            "type": "Polygon",
            "coordinates": [
                [[16.58, 57.73], [16.70, 57.73], [16.70, 57.79], [16.58, 57.79], [16.58, 57.73]]
            ],
        },
    )
    client.force_login(world.viewer)
    response = client.get(reverse("lagesbild-week-pdf", args=["0883"]), week10)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5_000


def test_the_svg_map_draws_areas_and_hotspot_cells():
    import h3

    from trygg.lagesbild.svgmap import map_svg

    square = {
        "type": "Polygon",
        "coordinates": [
            [[16.58, 57.73], [16.70, 57.73], [16.70, 57.79], [16.58, 57.79], [16.58, 57.73]]
        ],
    }
    cell = h3.latlng_to_cell(57.7577, 16.6370, 9)
    svg = map_svg([("Västervik", square)], [{"cell": cell, "count": 6, "z": 3.1}])
    assert svg.startswith("<svg") and svg.count("<polygon") == 2
    assert ">Västervik</text>" in svg
    assert map_svg([], []) == ""


def test_the_week_is_compared_with_the_same_week_in_earlier_years(client, world, week10):
    graffiti = Category.objects.get(slug="klotter")
    for year in (2022, 2023, 2024):
        monday = datetime(year, 3, 4 if year == 2024 else 8, 12, 0, tzinfo=STOCKHOLM)
        Incident.objects.create(
            source=Source.STAFF,
            category=graffiti,
            occurred_from=monday,
            occurred_to=monday,
            municipality=world.vastervik,
        )
    client.force_login(world.viewer)
    response = client.get(reverse("lagesbild-week", args=["0883"]), week10)
    picture = response.context["picture"]
    assert picture["earlier_years"] == [2024, 2023, 2022]
    assert picture["by_category"]["Klotter"]["earlier_years"]["total"] == 3
    assert "Samma vecka, snitt av 2024, 2023, 2022" in response.content.decode()
