"""History pages: every change has an author, a time and its values before and after."""

import pytest
from django.contrib import admin
from django.urls import reverse

from conftest import PASSWORD
from trygg.promises.models import Promise


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.django_db
def test_promise_edit_is_recorded_with_author_and_values(client, world):
    login(client, world.coordinator)
    response = client.post(
        reverse("promise-edit", args=[world.promise.slug]),
        {
            "title": "Medborgarlöfte 2025, reviderat",
            "introduction": "",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "reporting_text": "",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    latest = world.promise.history.first()
    assert latest.history_user == world.coordinator
    assert latest.history_type == "~"

    page = client.get(reverse("promise-history", args=[world.promise.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "samordnare" in html
    assert "Ändrad" in html
    # The Swedish field label and the value before and after.
    assert "Titel" in html
    assert "<td>Medborgarlöfte 2025</td>" in html
    assert "<td>Medborgarlöfte 2025, reviderat</td>" in html


@pytest.mark.django_db
def test_promise_page_links_history_for_coordinators_only(client, world):
    url = reverse("promise-history", args=[world.promise.slug])
    page = login(client, world.coordinator).get(world.promise.get_absolute_url())
    assert f'href="{url}"' in page.content.decode()
    assert ">Historik<" in page.content.decode()
    client.logout()
    page = login(client, world.viewer).get(world.promise.get_absolute_url())
    assert f'href="{url}"' not in page.content.decode()


@pytest.mark.django_db
def test_a_partys_change_to_the_parties_is_recorded(client, world):
    """A promise's parties are part of its history (m2m_fields)."""
    login(client, world.coordinator)
    world.promise._history_user = world.coordinator  # as a view's request would say
    world.promise.parties.remove(world.police)
    html = client.get(reverse("promise-history", args=[world.promise.slug])).content.decode()
    assert "<td>Lokalpolisområde Västervik, Västerviks kommun</td>" in html
    assert "<td>Västerviks kommun</td>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"), [("viewer", 403), ("reporter", 403), ("outsider", 404), (None, 302)]
)
def test_promise_history_refusals(client, world, who, status):
    if who:
        login(client, getattr(world, who))
    response = client.get(reverse("promise-history", args=[world.promise.slug]))
    assert response.status_code == status


def test_no_historical_model_is_in_the_admin():
    """History is read on the object's page only: never changed, deleted or reverted."""
    registered = [model.__name__ for model in admin.site._registry]
    assert not [name for name in registered if name.startswith("Historical")]
    assert Promise.history.model.__name__ == "HistoricalPromise"
