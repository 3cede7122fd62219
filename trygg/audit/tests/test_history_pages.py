"""Every object page named in the brief links its history for those who may change the
object, and refuses everybody else as the object's page does."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from conftest import PASSWORD
from trygg.citizens.models import CitizenReport
from trygg.est.models import Action, Meeting
from trygg.followup.models import Report
from trygg.geo.models import Area
from trygg.incidents.models import Category, Incident
from trygg.participation.models import NeighbourhoodWatch
from trygg.walks import services as walk_services
from trygg.walks.models import Finding, Walk

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[16.6, 57.7], [16.7, 57.7], [16.7, 57.8], [16.6, 57.8], [16.6, 57.7]]],
}


@pytest.fixture
def things(world) -> SimpleNamespace:
    """One of each object whose history has a page, all in Västervik."""
    category = Category.objects.first()
    incident = Incident.objects.create(
        source="staff",
        category=category,
        occurred_from=datetime(2025, 3, 1, 22, tzinfo=UTC),
        occurred_to=datetime(2025, 3, 1, 22, tzinfo=UTC),
        municipality=world.vastervik,
        organisation=world.municipality,
        text="Skadegörelse vid busshållplatsen.",
    )
    meeting = Meeting.objects.create(
        forum=world.tistel,
        municipality=world.vastervik,
        year=2025,
        week=10,
        held_on=date(2025, 3, 3),
    )
    action = Action.objects.create(
        meeting=meeting, what="Extra patrull", responsible=world.police, due=date(2025, 3, 9)
    )
    walk = Walk.objects.create(
        title="Trygghetsvandring centrum",
        municipality=world.vastervik,
        date=date(2025, 4, 8),
        organiser=world.municipality,
    )
    walk.organisations.set([world.municipality, world.police])
    finding = walk_services.add_finding(
        walk,
        category=Finding.Category.LIGHTING,
        latitude=57.7577,
        longitude=16.637,
        note="Trasig lampa",
        by=world.coordinator,
    )
    report = Report.objects.create(
        promise=world.promise,
        title="Halvårsrapport",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
    )
    citizen = CitizenReport.objects.create(
        channel=CitizenReport.Channel.FORM,
        municipality=world.vastervik,
        category=category,
        happened_at=datetime(2025, 3, 2, 21, tzinfo=UTC),
        text="Mörkt i parken.",
        email="boende@example.org",
    )
    area = Area.objects.create(municipality=world.vastervik, name="Centrum", slug="centrum")
    watch = NeighbourhoodWatch.objects.create(
        municipality=world.vastervik,
        name="Grannsamverkan Gamlebyn",
        geometry=SQUARE,
        contact_organisation=world.municipality,
    )
    code = world.vastervik.scb_code
    return SimpleNamespace(
        # name: (history url, the page that links it)
        pages={
            "promise": (
                reverse("promise-history", args=[world.promise.slug]),
                world.promise.get_absolute_url(),
            ),
            "commitment": (
                reverse("commitment-history", args=[world.site_visits.pk]),
                world.site_visits.get_absolute_url(),
            ),
            "agreement": (
                reverse("agreement-history", args=[world.agreement.slug]),
                world.agreement.get_absolute_url(),
            ),
            "incident": (reverse("incident-history", args=[incident.pk]), reverse("incidents")),
            "meeting": (
                reverse("est-meeting-history", args=["tistel", 2025, 10]),
                meeting.get_absolute_url(),
            ),
            "action": (
                reverse("est-action-history", args=["tistel", action.pk]),
                meeting.get_absolute_url(),
            ),
            "walk": (reverse("walk-history", args=[walk.pk]), walk.get_absolute_url()),
            "finding": (
                reverse("finding-history", args=[finding.pk]),
                reverse("finding", args=[finding.pk]),
            ),
            "report": (reverse("report-history", args=[report.pk]), report.get_absolute_url()),
            "citizen": (
                reverse("citizen-report-history", args=[citizen.pk]),
                reverse("citizen-report-detail", args=[citizen.pk]),
            ),
            "area": (
                reverse("area-history", args=[code, area.pk]),
                reverse("area-import", args=[code]),
            ),
            "watch": (
                reverse("watch-history", args=[code, watch.pk]),
                reverse("watch", args=[code, watch.pk]),
            ),
        },
        incident=incident,
        finding=finding,
        citizen=citizen,
        action=action,
    )


# Each page's own refusals: 403 for a collaboration member who may not change the
# object, 404 for one who may not see it (and always for the outsider).
REFUSALS = {
    "promise": {"viewer": 403, "reporter": 403},
    "commitment": {"viewer": 403, "reporter": 403},
    "agreement": {"viewer": 403, "reporter": 403},
    "incident": {"viewer": 403, "reporter": 404},  # a reporter sees only their own reports
    "meeting": {"viewer": 403, "reporter": 403},
    "action": {"viewer": 403, "reporter": 403},
    "walk": {"viewer": 403, "reporter": 403},
    "finding": {"viewer": 403, "reporter": 403},
    "report": {"viewer": 403, "reporter": 403},
    "citizen": {"viewer": 403, "reporter": 403},
    "area": {"viewer": 403, "reporter": 403},
    "watch": {"viewer": 403, "reporter": 404},  # participation is read by readers only
}


@pytest.mark.parametrize("name", list(REFUSALS))
def test_coordinators_reach_the_history_from_the_objects_page(client, world, things, name):
    history_url, page_url = things.pages[name]
    client.login(username="samordnare", password=PASSWORD)
    page = client.get(page_url)
    assert page.status_code == 200
    assert f'href="{history_url}"' in page.content.decode()
    response = client.get(history_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Historik:" in html
    assert "Skapad" in html or "utan användare" in html


@pytest.mark.parametrize("name", list(REFUSALS))
def test_everybody_else_gets_the_pages_refusal(client, world, things, name):
    """Viewer, reporter, outsider and anonymous: one fixture, each refusal asserted."""
    history_url, page_url = things.pages[name]
    response = client.get(history_url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    for who in ["viewer", "reporter", "outsider"]:
        client.login(username=getattr(world, who).username, password=PASSWORD)
        expected = 404 if who == "outsider" else REFUSALS[name][who]
        assert client.get(history_url).status_code == expected, who
        page = client.get(page_url)
        if page.status_code == 200:  # the object's page never links what would be refused
            assert f'href="{history_url}"' not in page.content.decode(), who
        client.logout()


def test_a_findings_routing_is_recorded_with_its_author(client, world, things):
    client.login(username="samordnare", password=PASSWORD)
    response = client.post(
        reverse("finding-route", args=[things.finding.pk]),
        {"owner": world.police.pk, "due": "2025-05-01"},
    )
    assert response.status_code == 302
    html = client.get(things.pages["finding"][0]).content.decode()
    assert "samordnare" in html
    assert "<td>Lokalpolisområde Västervik</td>" in html
    assert "Ändrad" in html


def test_a_citizens_email_is_not_kept_in_the_history(world, things):
    """The email is cleared by retention; a copy in the history would outlive it."""
    fields = {f.name for f in CitizenReport.history.model._meta.fields}
    assert "email" not in fields and "photo" not in fields
    assert things.citizen.history.count() == 1


def test_a_deleted_citizen_report_takes_its_history_with_it(world, things):
    """Retention deletes rejected reports; their text must not stay behind in the history."""
    things.citizen.delete()
    assert not CitizenReport.history.model.objects.filter(id=things.citizen.pk).exists()


def test_an_est_actions_commitments_are_part_of_its_history(client, world, things):
    things.action._history_user = world.coordinator
    things.action.commitments.add(world.site_visits)
    client.login(username="samordnare", password=PASSWORD)
    html = client.get(things.pages["action"][0]).content.decode()
    assert world.site_visits.text in html


def test_moderation_and_the_admin_are_recorded_with_their_author(client, world, things):
    """Accepting a citizen report makes an incident, and the admin changes one: both authored."""
    client.login(username="samordnare", password=PASSWORD)
    response = client.post(
        reverse("citizen-report-detail", args=[things.citizen.pk]),
        {"action": "accept", "category": things.citizen.category_id, "text": "Mörkt i parken."},
    )
    assert response.status_code == 302
    things.citizen.refresh_from_db()
    decided = things.citizen.history.first()
    assert (decided.history_user, decided.status) == (world.coordinator, "accepted")
    created = things.citizen.incident.history.get()
    assert (created.history_type, created.history_user) == ("+", world.coordinator)

    incident = things.incident
    admin_page = reverse("admin:incidents_incident_change", args=[incident.pk])
    form = client.get(admin_page).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, datetime)
    }
    data |= {
        "title": "Rättad i registret",
        "occurred_from_0": "2025-03-01",
        "occurred_from_1": "23:00:00",
        "occurred_to_0": "2025-03-01",
        "occurred_to_1": "23:00:00",
    }
    response = client.post(admin_page, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = incident.history.first()
    assert (latest.history_user, latest.title) == (world.coordinator, "Rättad i registret")
