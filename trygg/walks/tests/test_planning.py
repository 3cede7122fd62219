"""Planning a walk, holding it, and counting it toward a commitment; who may do which."""

import json
from datetime import date

import pytest
from django.urls import reverse

from trygg.geo.models import Area
from trygg.incidents.models import Incident
from trygg.promises.models import Activity, ActivityKind
from trygg.promises.progress import progress
from trygg.walks.models import Walk
from trygg.walks.services import add_finding, hold_walk

pytestmark = pytest.mark.django_db

ROUTE = {"type": "LineString", "coordinates": [[16.6301, 57.7551], [16.6322, 57.7560]]}


def plan(client, world, **overrides):
    data = {
        "title": "Trygghetsvandring Karstorp",
        "municipality": world.vastervik.pk,
        "date": "2025-04-08",
        "organiser": world.municipality.pk,
        "organisations": [world.police.pk],
        "residents": "14",
        "places": [world.square.pk],
        "route": json.dumps(ROUTE),
        "note": "",
    }
    return client.post(reverse("walk-plan"), data | overrides)


def test_a_coordinator_plans_a_walk_with_a_drawn_route_and_places(client, world):
    client.force_login(world.coordinator)
    assert client.get(reverse("walk-plan")).status_code == 200
    response = plan(client, world)
    walk = Walk.objects.get()
    assert response.status_code == 302 and response.url == walk.get_absolute_url()
    assert walk.route == ROUTE
    assert walk.residents == 14
    assert set(walk.organisations.all()) == {world.police, world.municipality}
    assert list(walk.places.all()) == [world.square]
    assert (walk.status, walk.activity, walk.created_by) == ("planned", None, world.coordinator)
    page = client.get(walk.get_absolute_url())
    assert page.status_code == 200
    assert page.context["map"]["route"] == ROUTE


def test_a_walk_may_be_planned_by_places_alone(client, world):
    client.force_login(world.coordinator)
    plan(client, world, route="")
    walk = Walk.objects.get()
    assert walk.route is None and list(walk.places.all()) == [world.square]


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("{not json", "GeoJSON"),
        (json.dumps({"type": "Point", "coordinates": [16.6, 57.7]}), "LineString"),
        (json.dumps({"type": "LineString", "coordinates": [[16.6, 57.7]]}), "två punkter"),
        (json.dumps({"type": "LineString", "coordinates": [[1600000, 6400000], [1, 2]]}), "WGS"),
    ],
)
def test_a_bad_route_is_refused_with_a_reason_and_nothing_stored(client, world, route, message):
    client.force_login(world.coordinator)
    response = plan(client, world, route=route)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["route"])
    assert not Walk.objects.exists()


def test_area_places_and_commitments_must_fit_the_municipality_and_day(
    client, world, walks_commitment
):
    karlshamn = Area.objects.create(
        municipality=world.outsider_org.municipalities.get(), name="Mörrum", slug="morrum"
    )
    client.force_login(world.coordinator)
    # Karlshamn's area is not even offered to a Västervik coordinator.
    response = plan(client, world, area=karlshamn.pk)
    assert "area" in response.context["form"].errors
    # The commitment is for 2025; a walk in 2026 does not count toward it.
    response = plan(client, world, date="2026-03-01", commitments=[walks_commitment.pk])
    assert "commitments" in response.context["form"].errors
    assert not Walk.objects.exists()


def test_holding_a_walk_counts_toward_its_commitment_once(client, world, walk, walks_commitment):
    walk.commitments.set([walks_commitment])
    client.force_login(world.coordinator)
    response = client.post(
        reverse("walk-hold", args=[walk.pk]), {"date": "2025-04-09", "residents": "17"}
    )
    assert response.status_code == 302
    walk.refresh_from_db()
    assert (walk.status, walk.date, walk.residents) == ("held", date(2025, 4, 9), 17)
    activity = walk.activity
    assert (activity.kind, activity.date, activity.organisation, activity.area) == (
        ActivityKind.SAFETY_WALK,
        date(2025, 4, 9),
        world.municipality,
        walk.area,
    )
    assert list(activity.commitments.all()) == [walks_commitment]
    assert progress(walks_commitment, date(2025, 12, 31)).done == 1

    # Moving the day of a held walk moves its activity; it is still counted once.
    client.post(
        reverse("walk-edit", args=[walk.pk]),
        {
            "title": walk.title,
            "municipality": world.vastervik.pk,
            "area": walk.area.pk,
            "date": "2025-04-10",
            "organiser": world.municipality.pk,
            "organisations": [world.police.pk],
            "residents": "17",
            "commitments": [walks_commitment.pk],
        },
    )
    assert Activity.objects.get().date == date(2025, 4, 10)
    assert progress(walks_commitment, date(2025, 12, 31)).done == 1


def test_a_planned_walk_counts_nothing(world, walk, walks_commitment):
    walk.commitments.set([walks_commitment])
    assert progress(walks_commitment, date(2025, 12, 31)).done == 0
    assert not Activity.objects.exists()


def test_walk_list_shows_planned_and_held_walks(client, world, walk):
    held = Walk.objects.create(
        title="Vandring Stora torget",
        municipality=world.vastervik,
        date=date(2025, 3, 1),
        organiser=world.municipality,
        status=Walk.Status.HELD,
    )
    held.organisations.set([world.municipality])
    client.force_login(world.viewer)
    page = client.get(reverse("walks"))
    assert list(page.context["planned"]) == [walk]
    assert list(page.context["held"]) == [held]
    assert page.context["can_plan"] is False


# ---------------------------------------------------------------------------
# Refusals
# ---------------------------------------------------------------------------


def test_reporters_and_viewers_cannot_plan(client, world):
    for user in (world.reporter, world.viewer):
        client.force_login(user)
        assert client.get(reverse("walk-plan")).status_code == 403
        assert plan(client, world).status_code == 403
    assert not Walk.objects.exists()


def test_anonymous_users_are_sent_to_log_in(client, world, walk):
    for url in (
        reverse("walks"),
        reverse("walk-plan"),
        reverse("walk", args=[walk.pk]),
        reverse("my-findings"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_coordinator_cannot_organise_for_another_organisation(client, world):
    client.force_login(world.coordinator)
    response = plan(client, world, organiser=world.police.pk)
    assert "organiser" in response.context["form"].errors
    assert not Walk.objects.exists()


def test_participants_who_are_not_coordinators_cannot_change_or_hold(client, world, walk):
    for user in (world.reporter, world.viewer):
        client.force_login(user)
        assert client.get(reverse("walk", args=[walk.pk])).status_code == 200
        assert client.get(reverse("walk-edit", args=[walk.pk])).status_code == 403
        hold = client.post(reverse("walk-hold", args=[walk.pk]), {"date": "2025-04-08"})
        assert hold.status_code == 403
    walk.refresh_from_db()
    assert walk.status == Walk.Status.PLANNED


def test_another_collaboration_sees_nothing_of_the_walk(client, world, walk):
    client.force_login(world.outsider)
    for name in ("walk", "walk-edit", "walk-add-finding", "walk-report", "walk-report-pdf"):
        assert client.get(reverse(name, args=[walk.pk])).status_code == 404
    assert client.post(reverse("walk-hold", args=[walk.pk]), {}).status_code == 404
    assert list(client.get(reverse("walks")).context["planned"]) == []


def test_the_admin_shows_a_walk_to_its_coordinators_only(client, world, walk):
    client.force_login(world.coordinator)
    assert list(client.get(reverse("admin:walks_walk_changelist")).context["cl"].result_list) == [
        walk
    ]
    assert client.get(reverse("admin:walks_walk_change", args=[walk.pk])).status_code == 200
    client.force_login(world.outsider)
    assert list(client.get(reverse("admin:walks_walk_changelist")).context["cl"].result_list) == []
    change = client.get(reverse("admin:walks_walk_change", args=[walk.pk]))
    assert change.status_code == 302  # Django's admin sends an unknown object to the index


def test_a_deleted_walk_takes_its_activity_and_incidents_with_it(world, walk, walks_commitment):
    walk.commitments.set([walks_commitment])
    add_finding(walk, category="klotter", latitude=57.755, longitude=16.63, by=world.reporter)
    hold_walk(walk, walk.date, 10, world.coordinator)
    assert Activity.objects.count() == Incident.objects.count() == 1
    walk.delete()
    assert Activity.objects.count() == Incident.objects.count() == 0
    assert progress(walks_commitment, date(2025, 12, 31)).done == 0
