"""Counting incidents in the treated area, its comparison and the rings around them.

Real boundaries and incidents at hand-worked positions (see geography.py), on
whichever database the suite uses (PostgreSQL with DATABASE_URL).
"""

from datetime import date, timedelta

import pytest
from shapely.geometry import LineString

from trygg.followup.effect import (
    PrePost,
    ZoneError,
    in_metres,
    measure,
    treated_zone,
    unplaced,
    zones,
)
from trygg.geo.geometry import parse_polygon
from trygg.incidents.access import visible_incidents
from trygg.incidents.models import Incident
from trygg.promises.progress import Slice

from .geography import (
    FAR_AWAY,
    INSIDE_ANKARSRUM,
    INSIDE_KARSTORP,
    SOUTH_OF_ANKARSRUM_100_M,
    WEST_100_M,
    WEST_300_M,
    at,
    demo_area,
    incident,
)

BEFORE = Slice(date(2025, 3, 1), date(2025, 3, 31))
AFTER = Slice(date(2025, 4, 1), date(2025, 5, 1))


@pytest.fixture
def places(world):
    karstorp, ankarsrum = demo_area(world, "karstorp"), demo_area(world, "ankarsrum")
    treated = treated_zone([karstorp], [], place_radius=0)
    control = in_metres(parse_polygon(ankarsrum.geometry))
    return {"karstorp": karstorp, "ankarsrum": ankarsrum, "treated": treated, "control": control}


def test_metres_are_metres_on_the_ground():
    """A tenth of a degree of latitude near Västervik is about 11.14 km in SWEREF 99 TM."""
    line = in_metres(LineString([(16.6, 57.70), (16.6, 57.80)]))
    assert line.length == pytest.approx(11_140, rel=0.002)


def test_the_ring_is_as_wide_as_asked(places):
    """For a convex area, the ring's area is perimeter × width + π × width²."""
    where = zones(places["treated"], places["control"], buffer=200)
    perimeter = places["treated"].length
    expected = perimeter * 200 + 3.14159 * 200**2
    assert where.displacement.area == pytest.approx(expected, rel=0.01)
    assert where.displacement.intersection(where.treated).area == pytest.approx(0, abs=1e-6)
    assert where.control_displacement.area == pytest.approx(
        places["control"].length * 200 + 3.14159 * 200**2, rel=0.01
    )


def test_counts_in_each_zone_before_and_after(world, places):
    last_before, first_after = BEFORE.end, AFTER.start
    # Before: three in Karstorp (one at 23:30 on the last day), one 100 m west of it,
    # two in Ankarsrum, one just south of Ankarsrum.
    for hour in (10, 12):
        incident(world, INSIDE_KARSTORP, at(date(2025, 3, 10), hour))
    incident(world, INSIDE_KARSTORP, at(last_before, 23, 30))
    incident(world, WEST_100_M, at(date(2025, 3, 5), 20))
    incident(world, INSIDE_ANKARSRUM, at(date(2025, 3, 6), 20))
    incident(world, INSIDE_ANKARSRUM, at(date(2025, 3, 7), 20))
    incident(world, SOUTH_OF_ANKARSRUM_100_M, at(date(2025, 3, 8), 20))
    # After: one in Karstorp (ten past midnight on the first day), two 100 m west,
    # three in Ankarsrum.
    incident(world, INSIDE_KARSTORP, at(first_after, 0, 10))
    incident(world, WEST_100_M, at(date(2025, 4, 10), 22))
    incident(world, WEST_100_M, at(date(2025, 4, 11), 22))
    for day in (12, 13, 14):
        incident(world, INSIDE_ANKARSRUM, at(date(2025, 4, day), 1))
    # Not counted anywhere: outside the 200 m ring, far away, a day after the period,
    # a summary, a position known only by municipality, and another party's internal report.
    incident(world, WEST_300_M, at(date(2025, 4, 2), 12))
    incident(world, FAR_AWAY, at(date(2025, 4, 2), 12))
    incident(world, INSIDE_KARSTORP, at(AFTER.end + timedelta(days=1), 0, 30))
    incident(world, INSIDE_KARSTORP, at(date(2025, 4, 3), 12), is_summary=True)
    incident(
        world,
        INSIDE_KARSTORP,
        at(date(2025, 4, 3), 13),
        precision=Incident.Precision.MUNICIPALITY,
    )
    incident(world, None, at(date(2025, 4, 3), 14), precision=Incident.Precision.MUNICIPALITY)
    incident(
        world,
        INSIDE_KARSTORP,
        at(date(2025, 4, 3), 15),
        organisation=world.police,
        visibility=Incident.Visibility.INTERNAL,
    )

    seen = visible_incidents(world.coordinator)
    result = measure(seen, zones(places["treated"], places["control"], 200), BEFORE, AFTER)

    assert result.treated == PrePost(3, 1)
    assert result.control == PrePost(2, 3)
    assert result.displacement == PrePost(1, 2)
    assert result.control_displacement == PrePost(1, 0)
    assert result.wdd == (1 - 3) - (3 - 2) + (2 - 1) - (0 - 1)
    # The two incidents known only by their municipality have no position to test.
    assert (unplaced(seen, BEFORE), unplaced(seen, AFTER)) == (0, 2)

    # A wider ring takes in the incident 300 m west; no ring leaves displacement out.
    wide = measure(seen, zones(places["treated"], places["control"], 400), BEFORE, AFTER)
    assert wide.displacement == PrePost(1, 3)
    narrow = measure(seen, zones(places["treated"], places["control"], 0), BEFORE, AFTER)
    assert narrow.displacement == narrow.control_displacement == PrePost(0, 0)
    assert narrow.treated == PrePost(3, 1)

    # Who sees what is visible_incidents' rule: a reporter sees only their own reports.
    where = zones(places["treated"], places["control"], 200)
    assert measure(visible_incidents(world.reporter), where, BEFORE, AFTER).treated == (0, 0)


def test_a_place_is_a_circle_around_its_point(world, places):
    """Stora torget (57.7577, 16.6370) with a 100 m radius: 50 m north is in, 150 m is not."""
    square = treated_zone([], [world.square], place_radius=100)
    north_50, north_150 = (57.7577 + 0.00045, 16.6370), (57.7577 + 0.00135, 16.6370)
    incident(world, north_50, at(date(2025, 4, 2), 12))
    incident(world, north_150, at(date(2025, 4, 2), 13))
    result = measure(
        visible_incidents(world.coordinator), zones(square, places["control"], 200), BEFORE, AFTER
    )
    assert result.treated == PrePost(0, 1)
    assert result.displacement == PrePost(0, 1)


def test_a_comparison_area_may_not_overlap_the_treated_one(world, places):
    town = in_metres(parse_polygon(demo_area(world, "vastervik").geometry))  # Karstorp lies in it
    with pytest.raises(ZoneError, match="överlappar"):
        zones(places["treated"], town, 200)


def test_the_rings_never_count_an_incident_twice(world, places):
    """Rings wide enough to meet (Karstorp and Ankarsrum are about 17 km apart)."""
    where = zones(places["treated"], places["control"], 9_000)
    assert where.displacement.intersection(where.control_displacement).area == pytest.approx(
        0, abs=1e-3
    )
    assert where.displacement.intersection(where.control).area == pytest.approx(0, abs=1e-3)
    incident(world, INSIDE_ANKARSRUM, at(date(2025, 4, 2), 12))
    result = measure(visible_incidents(world.coordinator), where, BEFORE, AFTER)
    assert (result.control.after, result.displacement.after) == (1, 0)
