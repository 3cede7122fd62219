"""The admin cannot cross a collaboration: the attacks tried with the `karlshamn` demo login."""

import pytest
from django.urls import reverse

from trygg.geo.models import Area, Municipality
from trygg.incidents.models import Incident
from trygg.organisations.models import Membership
from trygg.participation.models import NeighbourhoodWatch
from trygg.promises.models import Activity, ActivityKind, Commitment

pytestmark = pytest.mark.django_db


def form_data(client, url: str, **values) -> dict:
    """What the admin form at url would post as it stands, with values changed.

    Built from the page's own form and inline formsets, as a browser would send it.
    """
    context = client.get(url).context
    data = {}
    form = context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, list | tuple) or hasattr(value, "all"):
            value = [getattr(item, "pk", item) for item in value]
        data[name] = "" if value is None else value
    for inline in context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
        for inline_form in inline.formset.initial_forms:
            for name, field in inline_form.fields.items():
                value = inline_form.initial.get(name, field.initial)
                data[inline_form.add_prefix(name)] = getattr(value, "pk", value) or ""
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


def test_a_coordinator_cannot_add_a_municipality_to_their_organisation(client, world):
    client.force_login(world.outsider)
    url = reverse("admin:organisations_organisation_change", args=[world.outsider_org.pk])
    client.post(url, form_data(client, url, municipalities=[world.vastervik.pk]))
    assert list(world.outsider_org.municipalities.all()) == [
        Municipality.objects.get(scb_code="1082")
    ]


def test_a_coordinator_cannot_grant_themselves_another_role_or_organisation(client, world):
    client.force_login(world.outsider)
    url = reverse("admin:organisations_membership_add")
    response = client.post(
        url, {"user": world.outsider.pk, "organisation": world.municipality.pk, "role": "admin"}
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(user=world.outsider, organisation=world.municipality)


def test_the_membership_list_shows_only_the_users_own_organisations(client, world):
    client.force_login(world.outsider)
    page = client.get(reverse("admin:organisations_membership_changelist"))
    assert page.status_code == 200
    shown = {m.user.username for m in page.context["cl"].result_list}
    assert shown == {"karlshamn"}


def test_activity_against_another_collaborations_commitment_is_refused(client, world):
    client.force_login(world.outsider)
    url = reverse("admin:promises_activity_add")
    form = client.get(url).context["adminform"].form
    assert world.site_visits not in form.fields["commitments"].queryset
    response = client.post(
        url,
        {
            "kind": ActivityKind.SITE_VISIT,
            "date": "2025-03-01",
            "count": 500,
            "organisation": world.outsider_org.pk,
            "commitments": [world.site_visits.pk],
        },
    )
    assert response.status_code == 200  # the form again, with its error
    assert "commitments" in response.context["adminform"].form.errors
    assert not Activity.objects.exists()


def test_commitment_on_another_collaborations_promise_is_refused(client, world):
    client.force_login(world.outsider)
    before = Commitment.objects.count()
    response = client.post(
        reverse("admin:promises_commitment_add"),
        {
            "promise": world.promise.pk,
            "order": 9,
            "text": "Karlshamn lovar åt Västervik",
            "target_kind": "count",
            "quantity": 1,
            "per": "year",
            "revisions-TOTAL_FORMS": 0,
            "revisions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "promise" in response.context["adminform"].form.errors
    assert Commitment.objects.count() == before


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (
            "incidents_incident",
            {
                "source": "other",
                "occurred_from_0": "2025-03-01",
                "occurred_from_1": "12:00",
                "occurred_to_0": "2025-03-01",
                "occurred_to_1": "12:00",
                "visibility": "public",
                "precision": "municipality",
            },
        ),
        ("geo_area", {"name": "Karlshamns påhitt", "slug": "pahitt", "kind": "district"}),
        (
            "participation_neighbourhoodwatch",
            {
                "name": "Falsk grannsamverkan",
                "status": "active",
                "geometry": '{"type": "Polygon", "coordinates": '
                "[[[16.6, 57.7], [16.7, 57.7], [16.7, 57.8], [16.6, 57.7]]]}",
                "signs-TOTAL_FORMS": 0,
                "signs-INITIAL_FORMS": 0,
            },
        ),
    ],
)
def test_nothing_is_created_in_another_collaborations_municipality(client, world, model, values):
    client.force_login(world.outsider)
    response = client.post(
        reverse(f"admin:{model}_add"),
        {**values, "municipality": world.vastervik.pk, "organisation": world.outsider_org.pk},
    )
    assert response.status_code == 200
    assert "municipality" in response.context["adminform"].form.errors
    assert not Incident.objects.filter(municipality=world.vastervik).exists()
    assert not Area.objects.filter(municipality=world.vastervik).exists()
    assert not NeighbourhoodWatch.objects.exists()


def test_parties_are_chosen_from_the_collaboration_only(client, world):
    client.force_login(world.coordinator)
    url = reverse("admin:promises_promise_change", args=[world.promise.pk])
    form = client.get(url).context["adminform"].form
    assert set(form.fields["parties"].queryset) == {world.police, world.municipality}
    client.post(url, form_data(client, url, parties=[world.outsider_org.pk]))
    assert set(world.promise.parties.all()) == {world.police, world.municipality}


def test_work_is_recorded_for_the_users_own_organisation(client, world):
    """Who did the work is one of the coordinator's own organisations, not the police's."""
    client.force_login(world.coordinator)
    form = client.get(reverse("admin:promises_activity_add")).context["adminform"].form
    assert list(form.fields["organisation"].queryset) == [world.municipality]
    assert set(form.fields["commitments"].queryset) == {
        world.site_visits,
        world.tistel_meetings,
        world.study,
    }
