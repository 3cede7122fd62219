"""Signed documents, counted work and organisations with data are kept, not deleted.

Refused by the model's delete(), and in the admin before Django's delete
confirmation collects what a delete would take along (NestedObjects.collect
is made to fail here, so a test that reached it would fail).
"""

from datetime import date, datetime, timedelta

import pytest
from django.contrib.admin.utils import NestedObjects
from django.contrib.messages import get_messages
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from trygg.geo.models import Place
from trygg.incidents.models import Incident
from trygg.lib.keep import MAX_BULK_DELETE
from trygg.promises.models import Activity, ActivityKind, Commitment, Promise

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_collecting(monkeypatch):
    """Django's delete confirmation walks every related row; a kept object never gets there."""
    real = NestedObjects.collect

    def collect(self, objs, *args, **kwargs):
        kept = [o for o in objs if isinstance(o, Promise | Commitment) and o.pk in KEPT]
        assert not kept, f"collected related objects of {kept}"
        return real(self, objs, *args, **kwargs)

    monkeypatch.setattr(NestedObjects, "collect", collect)
    KEPT.clear()


KEPT: set[int] = set()


@pytest.fixture
def signed(world) -> Promise:
    """The Västervik promise, signed, with work logged against two of its commitments."""
    world.promise.signed_on = date(2024, 12, 10)
    world.promise.save()
    for commitment in (world.site_visits, world.tistel_meetings):
        Activity.objects.create(
            kind=ActivityKind.SITE_VISIT, date=date(2025, 3, 1), organisation=world.police
        ).commitments.add(commitment)
    KEPT.update({world.promise.pk})
    return world.promise


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def refused_in_admin(client, obj, name: str) -> str:
    """The delete page, asked for and posted (as a forged form would), both refused."""
    url = reverse(f"admin:{name}_delete", args=[obj.pk])
    change = reverse(f"admin:{name}_change", args=[obj.pk])
    page = client.get(change).content.decode()
    assert url not in page  # no delete button
    for response in (client.get(url), client.post(url, {"post": "yes"})):
        assert response.status_code == 302 and response.url == change
    assert type(obj).objects.filter(pk=obj.pk).exists()
    return " ".join(messages_of(response))


def bulk_delete(client, name: str, *pks, confirm=False):
    data = {"action": "delete_selected", "_selected_action": [str(pk) for pk in pks]}
    if confirm:
        data["post"] = "yes"
    return client.post(reverse(f"admin:{name}_changelist"), data)


def test_a_signed_promise_is_not_deleted_by_its_delete(signed):
    with pytest.raises(ProtectedError, match="undertecknat"):
        signed.delete()
    assert Promise.objects.filter(pk=signed.pk).exists()
    assert Commitment.objects.filter(promise=signed).count() == 3
    assert Activity.objects.filter(commitments__promise=signed).count() == 2


def test_the_admin_refuses_to_delete_a_signed_promise(client, world, signed):
    client.force_login(world.coordinator)
    message = refused_in_admin(client, signed, "promises_promise")
    assert "är undertecknat och kan inte raderas" in message
    assert "Bocka i stället ur ”publik”" in message and "Avbryt åtagandet" in message
    for confirm in (False, True):
        response = bulk_delete(client, "promises_promise", signed.pk, confirm=confirm)
        assert response.status_code == 302
        assert "kan inte raderas" in " ".join(messages_of(response))
    assert Promise.objects.filter(pk=signed.pk).exists()
    assert Activity.objects.count() == 2


def test_an_unsigned_promise_with_logged_work_is_kept_too(client, world):
    Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 3, 1), organisation=world.police
    ).commitments.add(world.site_visits)
    KEPT.add(world.promise.pk)
    with pytest.raises(ProtectedError, match="Arbete har loggats"):
        world.promise.delete()
    client.force_login(world.coordinator)
    assert "Arbete har loggats" in refused_in_admin(client, world.promise, "promises_promise")


def test_a_commitment_with_logged_work_is_cancelled_not_deleted(client, world, signed):
    KEPT.add(world.site_visits.pk)
    with pytest.raises(ProtectedError, match="Avbryt åtagandet"):
        world.site_visits.delete()
    client.force_login(world.coordinator)
    message = refused_in_admin(client, world.site_visits, "promises_commitment")
    assert "Arbete har loggats mot åtagandet" in message
    response = bulk_delete(client, "promises_commitment", world.site_visits.pk, confirm=True)
    assert "Arbete har loggats" in " ".join(messages_of(response))
    assert Commitment.objects.filter(pk=world.site_visits.pk).exists()


def test_an_unsigned_empty_draft_promise_can_still_be_deleted(client, world):
    client.force_login(world.coordinator)
    url = reverse("admin:promises_promise_delete", args=[world.internal.pk])
    change = client.get(reverse("admin:promises_promise_change", args=[world.internal.pk]))
    assert url in change.content.decode()
    assert client.get(url).status_code == 200  # Django's confirmation
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Promise.objects.filter(pk=world.internal.pk).exists()
    # A draft with commitments but no work logged goes too, commitments and all.
    draft = Promise.objects.create(
        title="Utkast", slug="utkast", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)
    )
    Commitment.objects.create(promise=draft, order=1, text="Något vi ska göra.")
    draft.delete()
    assert not Commitment.objects.filter(promise_id=draft.pk).exists()


def test_a_signed_agreement_is_ended_not_deleted(client, world):
    world.agreement.signed_on = date(2024, 12, 1)
    world.agreement.save()
    with pytest.raises(ProtectedError, match="gäller till"):
        world.agreement.delete()
    client.force_login(world.coordinator)
    assert "Avsluta den i stället" in refused_in_admin(
        client, world.agreement, "agreements_agreement"
    )


def incident(world, **fields) -> Incident:
    when = timezone.make_aware(datetime(2025, 3, 1, 22))
    return Incident.objects.create(
        source="staff",
        occurred_from=when,
        occurred_to=when + timedelta(hours=1),
        municipality=world.vastervik,
        **fields,
    )


def test_an_organisation_with_data_is_kept(client, world):
    incident(world, organisation=world.municipality)
    with pytest.raises(ProtectedError, match="har uppgifter"):
        world.municipality.delete()
    client.force_login(world.coordinator)
    message = refused_in_admin(client, world.municipality, "organisations_organisation")
    assert "Ta i stället bort dess medlemskap" in message


def test_an_organisation_with_only_members_may_go(world):
    from conftest import make_user
    from trygg.organisations.models import Organisation, Role

    newcomer = Organisation.objects.create(name="Föreningen", slug="foreningen", kind="other")
    make_user("ordforande", newcomer, Role.COORDINATOR)
    assert newcomer.deletion_refused() is None
    newcomer.delete()
    # The outsider's municipality organisation is party to nothing, but a forum member is data.
    world.tistel.members.add(world.outsider_org)
    assert "forum" in world.outsider_org.deletion_refused()


def test_a_municipality_with_incidents_is_refused_without_collecting_them(
    client, world, monkeypatch
):
    """Any object protected by rows (PROTECT) is refused by one exists() query each."""
    incident(world)
    monkeypatch.setattr(NestedObjects, "collect", None)  # anything reaching it fails
    client.force_login(world.coordinator)
    message = refused_in_admin(client, world.vastervik, "geo_municipality")
    assert "kan inte raderas" in message


def test_incidents_have_no_bulk_delete(client, world):
    kept = incident(world, organisation=world.municipality)
    client.force_login(world.coordinator)
    listing = client.get(reverse("admin:incidents_incident_changelist"))
    assert kept in listing.context["cl"].result_list
    assert "delete_selected" not in listing.content.decode()
    bulk_delete(client, "incidents_incident", kept.pk, confirm=True)
    assert Incident.objects.filter(pk=kept.pk).exists()


def test_bulk_delete_takes_at_most_a_hundred_at_a_time(client, world):
    Place.objects.bulk_create(
        Place(municipality=world.vastervik, name=f"Plats {n}", latitude=57.7, longitude=16.6)
        for n in range(MAX_BULK_DELETE + 1)
    )
    client.force_login(world.coordinator)
    response = bulk_delete(client, "geo_place", *Place.objects.values_list("pk", flat=True))
    assert "Radera högst 100 objekt åt gången." in " ".join(messages_of(response))
    assert Place.objects.count() == MAX_BULK_DELETE + 2  # and the world's square
