"""Two people change the same walk or finding at once: the second save is refused, not lost."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import make_user
from trygg.lib.tests.forms import admin_posted, posted
from trygg.organisations.models import Role
from trygg.walks.models import Finding
from trygg.walks.services import add_finding

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coordinators(world):
    """Two coordinators of the organiser, each in their own browser."""
    other = make_user("trygghetssamordnare", world.municipality, Role.COORDINATOR)
    return logged_in(world.coordinator), logged_in(other)


@pytest.fixture
def finding(world, walk) -> Finding:
    return add_finding(
        walk, category="belysning", latitude=57.755, longitude=16.63, by=world.reporter
    )


def test_a_walk_changed_meanwhile_is_not_overwritten(coordinators, walk):
    first, second = coordinators
    url = reverse("walk-edit", args=[walk.pk])
    mine, theirs = first.get(url).context["form"], second.get(url).context["form"]
    assert first.post(url, posted(mine, title="Vandring i Karstorp")).status_code == 302
    response = second.post(url, posted(theirs, residents="30"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Titel: ”Trygghetsvandring Karstorp” när du öppnade formuläret" in page
    assert "”Vandring i Karstorp” nu." in page
    walk.refresh_from_db()
    assert (walk.title, walk.residents) == ("Vandring i Karstorp", 12)


def test_a_walk_held_meanwhile_is_not_recorded_again_unseen(coordinators, walk):
    first, second = coordinators
    page = reverse("walk", args=[walk.pk])
    url = reverse("walk-hold", args=[walk.pk])
    mine, theirs = first.get(page).context["hold_form"], second.get(page).context["hold_form"]
    first.post(url, posted(mine, residents="15"))
    response = second.post(url, posted(theirs, residents="20"), follow=True)
    text = response.content.decode()
    assert "Inget sparades." in text
    assert "Boende som deltar: ”12” när du öppnade formuläret, ”15” nu." in text
    walk.refresh_from_db()
    assert walk.residents == 15


def test_a_finding_routed_meanwhile_is_not_routed_again_unseen(
    coordinators, world, finding, housing
):
    first, second = coordinators
    page = reverse("finding", args=[finding.pk])
    url = reverse("finding-route", args=[finding.pk])
    mine, theirs = first.get(page).context["route_form"], second.get(page).context["route_form"]
    first.post(url, posted(mine, owner=str(housing.company.pk), due="2025-05-31"))
    response = second.post(url, posted(theirs, owner=str(world.municipality.pk), due="2025-06-30"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Ansvarig: ”–” när du öppnade formuläret, ”Västerviks Bostäder” nu." in text
    finding.refresh_from_db()
    assert (finding.owner, str(finding.due)) == (housing.company, "2025-05-31")
    assert finding.changes.count() == 2  # noted, routed once


def test_a_status_changed_meanwhile_is_not_overwritten(world, finding, housing):
    from trygg.walks.services import route_finding

    route_finding(finding, housing.company, finding.walk.date, world.coordinator)
    first = logged_in(housing.caretaker)
    second = logged_in(make_user("forvaltare", housing.company, Role.REPORTER))
    page = reverse("finding", args=[finding.pk])
    url = reverse("finding-status", args=[finding.pk])
    mine, theirs = first.get(page).context["status_form"], second.get(page).context["status_form"]
    first.post(url, posted(mine, status="accepted"))
    response = second.post(url, posted(theirs, status="rejected", note="Inte vår mark"))
    assert response.status_code == 200
    assert "Status: ”Nytt” när du öppnade formuläret, ”Accepterat” nu." in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == "accepted"


def test_the_admin_refuses_a_stale_walk_change(coordinators, walk):
    first, second = coordinators
    url = reverse("admin:walks_walk_change", args=[walk.pk])
    mine, theirs = first.get(url), second.get(url)
    assert first.post(url, admin_posted(mine, title="Vandring i Karstorp")).status_code == 302
    response = second.post(url, admin_posted(theirs, residents="40"))
    assert response.status_code == 200
    assert "”Vandring i Karstorp” nu." in response.content.decode()
    walk.refresh_from_db()
    assert (walk.title, walk.residents) == ("Vandring i Karstorp", 12)
