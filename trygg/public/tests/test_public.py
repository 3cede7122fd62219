"""The public promise page and its open-data twin: public promises only, nothing internal."""

from datetime import date

import pytest
from django.urls import reverse

from trygg.promises.models import Activity, ActivityKind

pytestmark = pytest.mark.django_db

SECRET_NOTE = "Intern anteckning: samtal med boende i trapphus 4"


@pytest.fixture
def logged(world):
    activity = Activity.objects.create(
        kind=ActivityKind.SITE_VISIT,
        date=date(2025, 2, 1),
        count=30,
        organisation=world.police,
        place=world.square,
        note=SECRET_NOTE,
        created_by=world.reporter,
    )
    activity.commitments.add(world.site_visits)
    return activity


def test_public_page_needs_no_login_and_shows_progress(client, world, logged):
    response = client.get(
        reverse("public-promise", args=[world.promise.slug]), {"datum": "2026-01-01"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert world.site_visits.text in page
    assert "30 av 100" in page
    assert "Ej uppnått" in page


def test_public_page_leaks_nothing_internal(client, world, logged):
    pages = [
        client.get(reverse("public-promises")),
        client.get(reverse("public-promise", args=[world.promise.slug])),
        client.get(reverse("api-promises")),
        client.get(reverse("api-promise", args=[world.promise.slug])),
    ]
    for response in pages:
        body = response.content.decode()
        assert response.status_code == 200
        assert SECRET_NOTE not in body
        assert world.internal.title not in body
        assert world.reporter.username not in body
        assert "Stora torget" not in body  # where work was done is not published
        assert str(world.square.latitude) not in body


def test_an_internal_promise_has_no_public_page(client, world):
    assert client.get(reverse("public-promise", args=[world.internal.slug])).status_code == 404
    assert client.get(reverse("api-promise", args=[world.internal.slug])).status_code == 404


def test_api_lists_public_promises_with_targets_and_progress(client, world, logged):
    data = client.get(reverse("api-promises"), {"datum": "2025-06-30"}).json()
    assert data["as_of"] == "2025-06-30"
    assert [p["slug"] for p in data["promises"]] == ["vastervik-2025"]
    promise = data["promises"][0]
    assert promise["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert {party["name"] for party in promise["parties"]} == {
        "Lokalpolisområde Västervik",
        "Västerviks kommun",
    }
    visits, meetings, study = promise["commitments"]
    assert visits["target"] == {
        "kind": "count",
        "quantity": 100,
        "unit": "platsbesök",
        "per": "year",
        "minimum": True,
        "due": None,
        "due_text": None,
    }
    assert visits["progress"]["done"] == 30
    assert visits["progress"]["target"] == 100
    assert visits["progress"]["status"] == "behind"  # expected 49.6 by 30 June
    assert meetings["target"]["quantity"] == 4
    assert study["target"]["kind"] == "milestone"
    assert study["target"]["due"] == "2025-05-31"
    assert study["progress"]["status"] == "overdue"
    assert study["progress"]["done"] is None


def test_api_is_read_only(client, world):
    assert client.post(reverse("api-promises"), {}).status_code == 405


@pytest.mark.parametrize("asked", ["2025-02-30", "igår"])
def test_a_day_that_does_not_exist_is_a_bad_request(client, world, asked):
    response = client.get("/api/v1/promises/", {"datum": asked})
    assert response.status_code == 400
