"""Placing a point in its area, and refusing boundaries that are not polygons."""

import pytest
from django.core.exceptions import ValidationError
from shapely.geometry import shape

from trygg.geo import services
from trygg.geo.geometry import GeometryError, parse_polygon
from trygg.geo.models import Area, Municipality, Place
from trygg.geo.services import area_for_point, base_map

pytestmark = pytest.mark.django_db


def box(west, south, east, north, hole=None):
    rings = [[[west, south], [east, south], [east, north], [west, north], [west, south]]]
    if hole:
        w, s, e, n = hole
        rings.append([[w, s], [w, n], [e, n], [e, s], [w, s]])
    return {"type": "Polygon", "coordinates": rings}


@pytest.fixture
def vastervik(db):
    municipality = Municipality.objects.create(name="Västervik", scb_code="0883")
    town = Area.objects.create(
        municipality=municipality,
        name="Västervik",
        slug="vastervik",
        geometry=box(16.58, 57.73, 16.70, 57.79),
    )
    # A district inside the town: the smaller area is the more precise answer.
    district = Area.objects.create(
        municipality=municipality,
        name="Karstorp",
        slug="karstorp",
        geometry=box(16.60, 57.755, 16.625, 57.772),
    )
    return municipality, town, district


def test_the_smallest_containing_area_wins(vastervik):
    municipality, town, district = vastervik
    assert area_for_point(57.7577, 16.6370, municipality) == town
    assert area_for_point(57.765, 16.612, municipality) == district
    assert area_for_point(57.90, 16.30, municipality) is None


def test_a_point_on_the_boundary_belongs_to_the_area(vastervik):
    municipality, town, _ = vastervik
    assert area_for_point(57.73, 16.65, municipality) == town


def test_holes_and_multipolygons(db):
    municipality = Municipality.objects.create(name="Karlshamn", scb_code="1082")
    ring = Area.objects.create(
        municipality=municipality,
        name="Ring",
        slug="ring",
        geometry=box(14.80, 56.15, 14.90, 56.20, hole=(14.84, 56.17, 14.86, 56.18)),
    )
    islands = Area.objects.create(
        municipality=municipality,
        name="Öar",
        slug="oar",
        geometry={
            "type": "MultiPolygon",
            "coordinates": [
                box(15.0, 56.0, 15.1, 56.1)["coordinates"],
                box(15.2, 56.0, 15.3, 56.1)["coordinates"],
            ],
        },
    )
    assert area_for_point(56.19, 14.81) == ring
    assert area_for_point(56.175, 14.85) is None  # in the hole
    assert area_for_point(56.05, 15.25) == islands


def test_a_point_reads_only_the_areas_whose_box_holds_it(vastervik, monkeypatch):
    municipality, town, district = vastervik
    for column in range(20):  # a row of villages east of the town
        west = 16.8 + column * 0.02
        Area.objects.create(
            municipality=municipality,
            name=f"By {column}",
            slug=f"by-{column}",
            geometry=box(west, 57.73, west + 0.01, 57.74),
        )
    read = []
    counting = services.parse_polygon

    def parse_polygon(geometry):
        read.append(geometry)
        return counting(geometry)

    monkeypatch.setattr(services, "parse_polygon", parse_polygon)
    assert area_for_point(57.765, 16.612, municipality) == district
    assert len(read) == 2  # the district and the town around it, none of the villages
    read.clear()
    assert area_for_point(57.735, 16.805, municipality).name == "By 0"
    assert len(read) == 1
    read.clear()
    assert area_for_point(57.735, 16.815, municipality) is None  # between two villages
    assert read == []
    assert area_for_point(57.79, 16.70, municipality) == town  # on the corner: the box holds it

    # A boundary changed through update_fields moves its box with it.
    district.geometry = box(16.90, 57.80, 16.95, 57.85)
    district.save(update_fields=["geometry"])
    assert area_for_point(57.765, 16.612, municipality) == town
    assert area_for_point(57.82, 16.93, municipality) == district


def test_an_area_stored_without_its_box_is_still_found(vastervik):
    municipality, town, _ = vastervik
    island = box(16.9, 57.6, 17.0, 57.7)
    (bulk,) = Area.objects.bulk_create(
        [Area(municipality=municipality, name="Ön", slug="on", geometry=island)]
    )
    assert (bulk.west, bulk.outline) == (None, None)  # save() never ran
    assert area_for_point(57.65, 16.95, municipality) == bulk
    map_areas = base_map(Area.objects.filter(pk__in=[bulk.pk, town.pk]))["areas"]["features"]
    assert [feature["properties"]["name"] for feature in map_areas] == ["Västervik", "Ön"]
    assert shape(map_areas[1]["geometry"]).equals(shape(bulk.geometry))


def test_a_place_finds_its_area_when_saved(vastervik):
    municipality, _, district = vastervik
    place = Place.objects.create(
        municipality=municipality, name="Karstorps centrum", latitude=57.765, longitude=16.612
    )
    assert place.area == district


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ({"type": "Point", "coordinates": [16.6, 57.7]}, "Polygon eller MultiPolygon"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}, "ogiltig"),
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[1600000, 6400000], [1600100, 6400000], [1600100, 6400100], [1600000, 6400000]]
                ],
            },
            "WGS 84",
        ),
        ("inte json", "GeoJSON-objekt"),
    ],
)
def test_bad_boundaries_are_refused_with_a_reason(geometry, message):
    with pytest.raises(GeometryError, match=message):
        parse_polygon(geometry)
    municipality = Municipality.objects.create(name="Högsby", scb_code="0821")
    area = Area(municipality=municipality, name="Fel", slug="fel", geometry=geometry)
    with pytest.raises(ValidationError) as error:
        area.full_clean()
    assert message in str(error.value)
