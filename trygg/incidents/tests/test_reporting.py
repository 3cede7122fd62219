"""Reporting an incident from the field, and who sees which incidents."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from conftest import make_user
from trygg.geo.models import Area, Municipality
from trygg.incidents.access import visible_incidents
from trygg.incidents.models import Category, Incident, Source
from trygg.organisations.models import Organisation, Role
from trygg.privacy import MASK

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def incident(**fields) -> Incident:
    when = datetime(2025, 3, 1, 22, 0, tzinfo=STOCKHOLM)
    return Incident.objects.create(
        source=fields.pop("source", Source.STAFF),
        occurred_from=when,
        occurred_to=when,
        category=Category.objects.get(slug="klotter"),
        **fields,
    )


@pytest.fixture
def housing(world):
    """A housing company in Västervik whose caretaker reports what they see."""
    company = Organisation.objects.create(name="Västerviks Bostäder", slug="vb", kind="housing")
    company.municipalities.add(world.vastervik)
    return company, make_user("vaktmastare", company, Role.REPORTER)


def report(client, world, **overrides):
    data = {
        "category": Category.objects.get(slug="klotter").pk,
        "place": world.square.pk,
        "happened_at": "2025-03-01T22:15",
        "text": "Klotter på busskuren",
        "visibility": "shared",
    }
    return client.post(reverse("report-incident"), data | overrides)


def test_a_caretaker_reports_from_a_named_place(client, world, housing):
    company, caretaker = housing
    client.force_login(caretaker)
    response = report(client, world, organisation=company.pk)
    assert response.status_code == 302
    reported = Incident.objects.get()
    assert (reported.source, reported.organisation, reported.created_by) == (
        Source.HOUSING,
        company,
        caretaker,
    )
    assert reported.municipality == world.vastervik
    assert reported.precision == Incident.Precision.PLACE
    assert (
        reported.occurred_from
        == reported.occurred_to
        == datetime(2025, 3, 1, 22, 15, tzinfo=STOCKHOLM)
    )


def test_a_reported_point_finds_its_area(client, world, housing):
    company, caretaker = housing
    town = Area.objects.create(
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
    client.force_login(caretaker)
    report(
        client, world, organisation=company.pk, place="", latitude="57.7580", longitude="16.6400"
    )
    reported = Incident.objects.get()
    assert (reported.area, reported.municipality) == (town, world.vastervik)
    assert reported.precision == Incident.Precision.POINT


def test_nowhere_or_backwards_is_refused_and_nothing_stored(client, world, housing):
    company, caretaker = housing
    client.force_login(caretaker)
    response = report(client, world, organisation=company.pk, place="")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    response = report(client, world, organisation=company.pk, happened_until="2025-03-01T20:00")
    assert "happened_until" in response.context["form"].errors
    assert not Incident.objects.exists()


def test_identity_numbers_are_masked_in_reports(client, world, housing):
    company, caretaker = housing
    client.force_login(caretaker)
    report(client, world, organisation=company.pk, text="Sågs av 19121212-1212 vid kiosken")
    assert Incident.objects.get().text == f"Sågs av {MASK} vid kiosken"


def test_viewers_cannot_report(client, world):
    client.force_login(world.viewer)
    assert client.get(reverse("report-incident")).status_code == 403
    assert report(client, world, organisation=world.municipality.pk).status_code == 403
    assert not Incident.objects.exists()


def test_reporters_see_their_own_coordinators_their_collaborations(client, world, housing):
    company, caretaker = housing
    karlshamn = Municipality.objects.get(scb_code="1082")
    own = incident(municipality=world.vastervik, organisation=company, created_by=caretaker)
    police_event = incident(municipality=world.vastervik, source=Source.POLICE_EVENT)
    elsewhere = incident(municipality=karlshamn, source=Source.POLICE_EVENT)
    kept_internal = incident(
        municipality=world.vastervik,
        organisation=world.police,
        visibility=Incident.Visibility.INTERNAL,
    )
    assert set(visible_incidents(caretaker)) == {own}
    assert set(visible_incidents(world.coordinator)) == {own, police_event}
    assert set(visible_incidents(world.viewer)) == {own, police_event}
    assert set(visible_incidents(world.reporter)) == set()  # a reporter of the police
    assert set(visible_incidents(world.outsider)) == {elsewhere}  # Karlshamn's only
    kommunpolis = make_user("kommunpolis", world.police, Role.COORDINATOR)
    assert kept_internal in set(visible_incidents(kommunpolis))

    client.force_login(world.outsider)
    page = client.get(reverse("incidents")).content.decode()
    assert "Klotter" in page
    assert client.get(reverse("incidents")).context["incidents"][0] == elsewhere


def test_the_admin_keeps_another_organisations_internal_incidents_out(client, world):
    kept_internal = incident(
        municipality=world.vastervik,
        organisation=world.police,
        visibility=Incident.Visibility.INTERNAL,
        title="Intern polisiär uppgift",
    )
    shared = incident(municipality=world.vastervik, title="Delad händelse")
    client.force_login(world.coordinator)  # Västerviks kommun
    page = client.get(reverse("admin:incidents_incident_changelist")).content.decode()
    assert shared.title in page
    assert kept_internal.title not in page
    change = reverse("admin:incidents_incident_change", args=[kept_internal.pk])
    assert client.get(change).status_code in (302, 404)
