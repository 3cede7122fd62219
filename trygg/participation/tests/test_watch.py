"""Neighbourhood watch: areas drawn on the map, trainings that count, and the public map."""

import json
from datetime import date

import pytest
from django.urls import reverse

from trygg.followup.tests.geography import demo_area
from trygg.participation.models import NeighbourhoodWatch, WatchSigns, WatchTraining
from trygg.promises.models import Activity, ActivityKind, Commitment
from trygg.promises.progress import progress

pytestmark = pytest.mark.django_db

# A small square inside the demo's Västervik town area, outside Karstorp.
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[16.632, 57.768], [16.645, 57.768], [16.647, 57.775], [16.634, 57.776], [16.632, 57.768]]
    ],
}
BOW_TIE = {
    "type": "Polygon",
    "coordinates": [
        [[16.63, 57.76], [16.64, 57.77], [16.64, 57.76], [16.63, 57.77], [16.63, 57.76]]
    ],
}


@pytest.fixture
def watch_world(world):
    world.town = demo_area(world, "vastervik")
    world.trainings = Commitment.objects.create(
        promise=world.promise,
        order=5,
        text="Kommunen ska hålla utbildningar för uppstart av grannsamverkan.",
        activity_kind=ActivityKind.TRAINING,
    )
    world.trainings.responsible.set([world.municipality])
    return world


def make_watch(world, name: str = "Norr", status: str = "active") -> NeighbourhoodWatch:
    return NeighbourhoodWatch.objects.create(
        municipality=world.vastervik,
        name=name,
        geometry=SQUARE,
        contact_organisation=world.municipality,
        status=status,
        started_on=date(2024, 4, 1),
    )


def watch_form(world, **changes) -> dict:
    return {
        "name": "Norr",
        "status": "active",
        "started_on": "2024-04-01",
        "contact_organisation": world.municipality.pk,
        "geometry": json.dumps(SQUARE),
        **changes,
    }


def test_a_coordinator_draws_an_area(client, watch_world):
    client.force_login(watch_world.coordinator)
    url = reverse("watch-new", args=[watch_world.vastervik.scb_code])
    page = client.get(url)
    assert page.status_code == 200 and 'id="draw-map"' in page.content.decode()
    feature = {"type": "Feature", "properties": {}, "geometry": SQUARE}
    response = client.post(url, watch_form(watch_world, geometry=json.dumps(feature)))
    assert response.status_code == 302
    watch = NeighbourhoodWatch.objects.get()
    assert watch.geometry == SQUARE  # a pasted Feature is stored as its geometry
    assert watch.contact_organisation == watch_world.municipality


@pytest.mark.parametrize(
    ("geometry", "says"),
    [
        (json.dumps(BOW_TIE), "ogiltig"),
        ('{"type": "Point", "coordinates": [16.6, 57.7]}', "Polygon eller MultiPolygon"),
        ("{not json", "JSON"),
    ],
)
def test_a_bad_boundary_is_refused_with_the_reason(client, watch_world, geometry, says):
    client.force_login(watch_world.coordinator)
    url = reverse("watch-new", args=[watch_world.vastervik.scb_code])
    response = client.post(url, watch_form(watch_world, geometry=geometry))
    assert response.status_code == 200
    assert says in " ".join(response.context["form"].errors["geometry"])
    assert not NeighbourhoodWatch.objects.exists()


def test_a_training_counts_toward_commitments_and_signs_are_recorded(client, watch_world):
    watch = make_watch(watch_world)
    url = reverse("watch", args=[watch_world.vastervik.scb_code, watch.pk])
    client.force_login(watch_world.coordinator)
    response = client.post(
        url,
        {
            "training": "1",
            "training-date": "2025-02-19",
            "training-organisation": watch_world.municipality.pk,
            "training-participants": "14",
            "training-commitments": [watch_world.trainings.pk],
        },
    )
    assert response.status_code == 302
    activity = WatchTraining.objects.get().activity
    assert (activity.kind, activity.date, activity.organisation, activity.area) == (
        "training",
        date(2025, 2, 19),
        watch_world.municipality,
        watch_world.town,
    )
    assert progress(watch_world.trainings, date(2025, 12, 31)).done == 1

    client.post(url, {"signs": "1", "signs-date": "2025-03-01", "signs-count": "3"})
    client.post(url, {"signs": "1", "signs-date": "2025-03-02", "signs-count": "0"})
    assert list(WatchSigns.objects.values_list("count", flat=True)) == [3]

    WatchTraining.objects.get().delete()
    assert not Activity.objects.exists()
    assert progress(watch_world.trainings, date(2025, 12, 31)).done == 0


def test_a_training_outside_the_promise_does_not_count(client, watch_world):
    watch = make_watch(watch_world)
    client.force_login(watch_world.coordinator)
    response = client.post(
        reverse("watch", args=[watch_world.vastervik.scb_code, watch.pk]),
        {
            "training": "1",
            "training-date": "2024-11-01",
            "training-organisation": watch_world.municipality.pk,
            "training-commitments": [watch_world.trainings.pk],
        },
    )
    assert response.status_code == 200
    assert "commitments" in response.context["training_form"].errors
    assert not WatchTraining.objects.exists() and not Activity.objects.exists()


def test_who_may_see_and_record_neighbourhood_watch(client, watch_world):
    code = watch_world.vastervik.scb_code
    watch = make_watch(watch_world)
    pages = [reverse("watches", args=[code]), reverse("watch", args=[code, watch.pk])]
    edit = reverse("watch-edit", args=[code, watch.pk])
    signs = {"signs": "1", "signs-date": "2025-03-01", "signs-count": "3"}

    client.force_login(watch_world.viewer)
    for url in pages:
        assert client.get(url).status_code == 200
    assert client.get(reverse("watch-new", args=[code])).status_code == 403
    assert client.post(edit, watch_form(watch_world, status="dormant")).status_code == 403
    assert client.post(pages[1], signs).status_code == 403

    client.force_login(watch_world.outsider)
    for url in [*pages, edit]:
        assert client.get(url).status_code == 404
    assert client.post(pages[1], signs).status_code == 404

    client.logout()
    assert client.get(pages[0]).status_code == 302
    watch.refresh_from_db()
    assert watch.status == "active" and not WatchSigns.objects.exists()


def test_the_public_map_shows_active_areas_only_and_no_contact_details(client, watch_world):
    active = make_watch(watch_world, "Norr")
    make_watch(watch_world, "Syd", status="dormant")
    make_watch(watch_world, "Öst", status="started")
    WatchSigns.objects.create(watch=active, date=date(2024, 5, 1), count=4)
    WatchSigns.objects.create(watch=active, date=date(2024, 9, 1), count=2)
    code = watch_world.vastervik.scb_code

    data = client.get(reverse("api-watch", args=[code])).json()  # no login
    assert data["municipality"] == {"name": "Västervik", "scb_code": "0883"}
    (feature,) = data["areas"]["features"]
    assert feature["properties"] == {
        "name": "Norr",
        "contact_organisation": "Västerviks kommun",
        "started_on": "2024-04-01",
        "signs": 6,
    }
    assert feature["geometry"] == SQUARE

    response = client.get(reverse("public-watch", args=[code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Norr" in page and "Syd" not in page and "Öst" not in page
    map_data = response.context["map"]
    assert map_data["watches"] == data["areas"]  # the page's map is the open data's areas
    assert [f["properties"]["name"] for f in map_data["areas"]["features"]] == ["Västervik"]
    assert client.get(reverse("api-watch", args=["9999"])).status_code == 404
