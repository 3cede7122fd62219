"""Findings: noted on the walk, in the lägesbild, routed to an owner, followed to the end."""

from datetime import date

import pytest
from django.urls import reverse

from trygg.incidents.access import visible_incidents
from trygg.incidents.models import Incident, Source
from trygg.privacy import MASK
from trygg.walks.models import Finding, FindingChange
from trygg.walks.services import add_finding

from .helpers import INSIDE

pytestmark = pytest.mark.django_db


def note_finding(client, walk, **overrides):
    data = {"category": "klotter", "note": "Klotter på gångtunneln"} | INSIDE
    return client.post(reverse("walk-add-finding", args=[walk.pk]), data | overrides)


def finding_of(walk, world, category="belysning") -> Finding:
    return add_finding(walk, category=category, latitude=57.755, longitude=16.63, by=world.reporter)


def test_a_participant_notes_a_finding_and_it_enters_the_lagesbild(client, world, walk):
    client.force_login(world.reporter)
    assert client.get(reverse("walk-add-finding", args=[walk.pk])).status_code == 200
    response = note_finding(client, walk, note="Sågs av 19121212-1212 vid tunneln")
    # Straight back to the form, ready for the next finding.
    assert response.status_code == 302
    assert response.url == reverse("walk-add-finding", args=[walk.pk])

    finding = Finding.objects.get()
    assert (finding.number, finding.category, finding.status) == (1, "klotter", "new")
    assert finding.area == walk.area
    assert finding.note == f"Sågs av {MASK} vid tunneln"
    assert finding.created_by == world.reporter
    created = finding.changes.get()
    assert (created.from_status, created.to_status, created.changed_by) == (
        "",
        "new",
        world.reporter,
    )

    incident = finding.incident
    assert incident.walk_finding == finding
    assert (incident.source, incident.category.slug, incident.visibility) == (
        Source.SAFETY_WALK,
        "klotter",
        Incident.Visibility.SHARED,
    )
    assert (incident.municipality, incident.area, incident.organisation) == (
        world.vastervik,
        walk.area,
        world.municipality,
    )
    assert (incident.latitude, incident.longitude) == (57.755, 16.63)
    assert incident.text == f"Sågs av {MASK} vid tunneln"
    # The collaboration's viewers see it in their lägesbild; another collaboration does not.
    assert incident in visible_incidents(world.viewer)
    assert incident not in visible_incidents(world.outsider)


def test_findings_are_numbered_on_their_walk(world, walk):
    assert [finding_of(walk, world).number for _ in range(3)] == [1, 2, 3]


def test_every_finding_category_has_a_lagesbild_category(world, walk):
    for code, _label in Finding.Category.choices:
        assert finding_of(walk, world, code).incident.category is not None


def test_a_finding_without_a_point_is_refused_and_nothing_stored(client, world, walk):
    client.force_login(world.reporter)
    response = note_finding(client, walk, latitude="", longitude="")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    response = note_finding(client, walk, latitude="40.0")  # not in Sweden
    assert response.context["form"].non_field_errors()
    assert not Finding.objects.exists() and not Incident.objects.exists()


def test_routing_status_and_history(client, world, walk, housing):
    finding = finding_of(walk, world)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("finding-route", args=[finding.pk]),
        {"owner": housing.company.pk, "due": "2025-05-31", "note": "Er gångtunnel"},
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.owner, finding.due, finding.status) == (
        housing.company,
        date(2025, 5, 31),
        "new",
    )

    # The owner sees it in "Mina fynd" and takes it from there.
    client.force_login(housing.caretaker)
    mine = client.get(reverse("my-findings"))
    assert list(mine.context["findings"]) == [finding]
    assert client.get(reverse("finding", args=[finding.pk])).context["status_form"]
    for status in ("accepted", "planned", "done"):
        client.post(reverse("finding-status", args=[finding.pk]), {"status": status, "note": ""})
    finding.refresh_from_db()
    assert finding.status == "done"
    # Done findings leave the open list, and stay in the full one.
    assert list(client.get(reverse("my-findings")).context["findings"]) == []
    assert list(client.get(reverse("my-findings"), {"alla": "1"}).context["findings"]) == [finding]

    history = list(
        finding.changes.values_list("from_status", "to_status", "changed_by__username", "note")
    )
    assert history == [
        ("", "new", "rapportor", ""),
        ("new", "new", "samordnare", "Er gångtunnel"),
        ("new", "accepted", "vaktmastare", ""),
        ("accepted", "planned", "vaktmastare", ""),
        ("planned", "done", "vaktmastare", ""),
    ]


def test_a_rejection_needs_a_reason(client, world, walk, housing):
    finding = finding_of(walk, world)
    client.force_login(world.coordinator)
    client.post(
        reverse("finding-route", args=[finding.pk]),
        {"owner": housing.company.pk, "due": "2025-05-31"},
    )
    client.force_login(housing.caretaker)
    response = client.post(
        reverse("finding-status", args=[finding.pk]), {"status": "rejected", "note": " "}
    )
    assert response.status_code == 200
    assert "note" in response.context["status_form"].errors
    finding.refresh_from_db()
    assert finding.status == "new" and finding.changes.count() == 2

    client.post(
        reverse("finding-status", args=[finding.pk]),
        {"status": "rejected", "note": "Marken är kommunens, inte vår."},
    )
    finding.refresh_from_db()
    assert finding.status == "rejected"
    assert finding.changes.last().note == "Marken är kommunens, inte vår."


def test_routing_to_another_owner_starts_over_as_new(client, world, walk, housing):
    finding = finding_of(walk, world)
    client.force_login(world.coordinator)
    route = reverse("finding-route", args=[finding.pk])
    client.post(route, {"owner": housing.company.pk, "due": "2025-05-31"})
    client.force_login(housing.caretaker)
    client.post(
        reverse("finding-status", args=[finding.pk]),
        {"status": "rejected", "note": "Inte vår mark"},
    )
    client.force_login(world.coordinator)
    client.post(route, {"owner": world.municipality.pk, "due": "2025-06-15"})
    finding.refresh_from_db()
    assert (finding.owner, finding.status) == (world.municipality, "new")
    assert FindingChange.objects.filter(finding=finding).last().from_status == "rejected"


def test_the_owner_sees_the_finding_but_not_the_walk(client, world, walk, housing):
    finding = finding_of(walk, world)
    finding.owner = housing.company
    finding.save()
    client.force_login(housing.viewer)
    assert client.get(reverse("finding", args=[finding.pk])).status_code == 200
    assert client.get(reverse("walk", args=[walk.pk])).status_code == 404
    assert client.get(reverse("walk-report", args=[walk.pk])).status_code == 404


# ---------------------------------------------------------------------------
# Refusals
# ---------------------------------------------------------------------------


def test_viewers_cannot_add_findings(client, world, walk):
    client.force_login(world.viewer)
    assert client.get(reverse("walk-add-finding", args=[walk.pk])).status_code == 403
    assert note_finding(client, walk).status_code == 403
    assert not Finding.objects.exists()


def test_only_the_walks_coordinators_route_findings(client, world, walk, housing):
    finding = finding_of(walk, world)
    finding.owner = housing.company
    finding.save()
    data = {"owner": world.police.pk, "due": "2025-05-31"}
    # A reporter on the walk, and the owner's own caretaker, may not route it.
    for user in (world.reporter, housing.caretaker):
        client.force_login(user)
        assert client.post(reverse("finding-route", args=[finding.pk]), data).status_code == 403
    # Another collaboration does not even find it.
    client.force_login(world.outsider)
    assert client.post(reverse("finding-route", args=[finding.pk]), data).status_code == 404
    finding.refresh_from_db()
    assert finding.owner == housing.company and finding.changes.count() == 1


def test_only_the_owners_members_who_log_update_the_status(client, world, walk, housing):
    finding = finding_of(walk, world)
    finding.owner = housing.company
    finding.save()
    data = {"status": "accepted", "note": ""}
    url = reverse("finding-status", args=[finding.pk])
    # The walk's coordinator and reporter are not the owner; the owner's viewer only reads.
    for user in (world.coordinator, world.reporter, housing.viewer):
        client.force_login(user)
        assert client.post(url, data).status_code == 403
    client.force_login(world.outsider)
    assert client.post(url, data).status_code == 404
    assert client.get(reverse("finding", args=[finding.pk])).status_code == 404
    finding.refresh_from_db()
    assert finding.status == "new"


def test_an_unrouted_finding_has_no_one_to_update_it(client, world, walk):
    finding = finding_of(walk, world)
    client.force_login(world.coordinator)
    url = reverse("finding-status", args=[finding.pk])
    assert client.post(url, {"status": "done"}).status_code == 403
