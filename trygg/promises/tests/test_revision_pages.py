"""Revising and cancelling a commitment from its page: who may, what is kept, what is shown."""

from datetime import date

import pytest
from django.urls import reverse

from trygg.promises.models import Commitment, CommitmentRevision

pytestmark = pytest.mark.django_db


def revise_url(commitment):
    return reverse("commitment-revise", args=[commitment.pk])


def cancel_url(commitment):
    return reverse("commitment-cancel", args=[commitment.pk])


def revision_post(commitment, **changes):
    """The revision form as posted: the current target with some fields changed."""
    data = {
        "effective_on": "2025-07-01",
        "reason": "Färre poliser i tjänst under hösten.",
        "target_kind": commitment.target_kind,
        "quantity": commitment.quantity or "",
        "unit": commitment.unit,
        "per": commitment.per,
        "minimum": "on" if commitment.minimum else "",
        "due": commitment.due.isoformat() if commitment.due else "",
        "due_text": commitment.due_text,
    }
    return data | changes


def test_a_coordinator_revises_and_the_history_shows_it(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("commitment", args=[world.site_visits.pk])).content.decode()
    assert revise_url(world.site_visits) in page
    assert cancel_url(world.site_visits) in page

    form = client.get(revise_url(world.site_visits)).context["form"]
    assert form["quantity"].value() == 100
    response = client.post(
        revise_url(world.site_visits), revision_post(world.site_visits, quantity=60)
    )
    assert response.status_code == 302

    revision = CommitmentRevision.objects.get()
    assert (revision.kind, revision.effective_on, revision.changes, revision.created_by) == (
        "revised",
        date(2025, 7, 1),
        {"quantity": [100, 60]},
        world.coordinator,
    )
    assert Commitment.objects.get(pk=world.site_visits.pk).quantity == 60

    response = client.get(
        reverse("commitment", args=[world.site_visits.pk]), {"datum": "2025-07-01"}
    )
    assert response.context["progress"].target == 60
    assert response.context["terms"].quantity == 60
    page = response.content.decode()
    assert "Färre poliser i tjänst under hösten." in page
    assert "100 → 60" in page
    # On a day before the revision, the page shows the old target.
    earlier = client.get(
        reverse("commitment", args=[world.site_visits.pk]), {"datum": "2025-06-30"}
    )
    assert earlier.context["progress"].target == 100
    assert earlier.context["terms"].quantity == 100


def test_a_coordinator_cancels_and_the_reason_shows_everywhere(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        cancel_url(world.tistel_meetings),
        {"effective_on": "2025-09-01", "reason": "Tistel har ersatts av ett regionalt nätverk."},
    )
    assert response.status_code == 302
    revision = CommitmentRevision.objects.get()
    assert (revision.kind, revision.changes) == ("cancelled", {})

    page = client.get(
        reverse("commitment", args=[world.tistel_meetings.pk]), {"datum": "2025-10-01"}
    )
    assert page.context["progress"].status == "cancelled"
    text = page.content.decode()
    assert "Tistel har ersatts av ett regionalt nätverk." in text
    # Once cancelled, it can be neither revised nor cancelled again.
    assert revise_url(world.tistel_meetings) not in text
    refused = client.post(
        revise_url(world.tistel_meetings), revision_post(world.tistel_meetings, quantity=2)
    )
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors()
    assert CommitmentRevision.objects.count() == 1

    start = client.get(reverse("start"), {"datum": "2025-10-01"})
    [(_, items, summary, _)] = start.context["current"]
    assert ("cancelled", 1) in [(code, n) for code, _, n in summary]

    api = client.get(
        reverse("api-promise", args=[world.promise.slug]), {"datum": "2025-10-01"}
    ).json()
    [tistel] = [c for c in api["promise"]["commitments"] if c["id"] == world.tistel_meetings.pk]
    assert tistel["progress"]["status"] == "cancelled"
    assert tistel["progress"]["reason"] == "Tistel har ersatts av ett regionalt nätverk."
    assert tistel["progress"]["cancelled_on"] == "2025-09-01"
    assert tistel["revisions"] == [
        {
            "kind": "cancelled",
            "from": "2025-09-01",
            "changes": {},
            "reason": "Tistel har ersatts av ett regionalt nätverk.",
        }
    ]
    public = client.get(
        reverse("public-promise", args=[world.promise.slug]), {"datum": "2025-10-01"}
    )
    assert "Tistel har ersatts av ett regionalt nätverk." in public.content.decode()


def test_the_api_shows_the_target_in_force_on_the_day_asked(client, world):
    client.force_login(world.coordinator)
    client.post(revise_url(world.site_visits), revision_post(world.site_visits, quantity=60))
    client.logout()

    def site_visits(day):
        data = client.get(reverse("api-promise", args=[world.promise.slug]), {"datum": day}).json()
        [item] = [c for c in data["promise"]["commitments"] if c["id"] == world.site_visits.pk]
        return item

    before, after = site_visits("2025-06-30"), site_visits("2025-07-01")
    assert (before["target"]["quantity"], before["progress"]["target"]) == (100, 100)
    assert before["revisions"] == []
    assert (after["target"]["quantity"], after["progress"]["target"]) == (60, 60)
    assert after["revisions"][0]["changes"] == {"quantity": [100, 60]}
    assert "pace" in after["progress"]


@pytest.mark.parametrize("who", ["viewer", "reporter"])
def test_viewers_and_reporters_may_not_revise_or_cancel(client, world, who):
    client.force_login(getattr(world, who))
    page = client.get(reverse("commitment", args=[world.site_visits.pk])).content.decode()
    assert revise_url(world.site_visits) not in page
    assert client.get(revise_url(world.site_visits)).status_code == 403
    assert (
        client.post(revise_url(world.site_visits), revision_post(world.site_visits)).status_code
        == 403
    )
    response = client.post(
        cancel_url(world.site_visits), {"effective_on": "2025-07-01", "reason": "x"}
    )
    assert response.status_code == 403
    assert not CommitmentRevision.objects.exists()


def test_an_outsider_does_not_even_see_the_commitment(client, world):
    client.force_login(world.outsider)
    assert client.get(revise_url(world.site_visits)).status_code == 404
    response = client.post(
        cancel_url(world.site_visits), {"effective_on": "2025-07-01", "reason": "x"}
    )
    assert response.status_code == 404
    assert not CommitmentRevision.objects.exists()


def test_anonymous_users_are_sent_to_log_in(client, world):
    for url in (revise_url(world.site_visits), cancel_url(world.site_visits)):
        response = client.post(url, {"effective_on": "2025-07-01", "reason": "x"})
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
    assert not CommitmentRevision.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"effective_on": "2026-01-01", "quantity": 60}, "effective_on"),  # after the period
        ({"effective_on": "2024-12-31", "quantity": 60}, "effective_on"),  # before it
        ({"reason": "", "quantity": 60}, "reason"),
        ({"quantity": ""}, "quantity"),  # a count needs a quantity
        ({}, None),  # nothing changed
    ],
)
def test_bad_revisions_are_refused_and_change_nothing(client, world, changes, field):
    client.force_login(world.coordinator)
    response = client.post(
        revise_url(world.site_visits), revision_post(world.site_visits, **changes)
    )
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors[field] if field else form.non_field_errors()
    assert errors
    assert not CommitmentRevision.objects.exists()
    assert Commitment.objects.get(pk=world.site_visits.pk).quantity == 100


def test_a_revision_cannot_go_back_before_the_latest_change(client, world):
    client.force_login(world.coordinator)
    client.post(revise_url(world.site_visits), revision_post(world.site_visits, quantity=60))
    commitment = Commitment.objects.get(pk=world.site_visits.pk)
    response = client.post(
        revise_url(commitment), revision_post(commitment, effective_on="2025-06-01", quantity=80)
    )
    assert "2025-07-01" in str(response.context["form"].errors["effective_on"])
    assert CommitmentRevision.objects.count() == 1


def test_a_milestone_given_only_in_words_gets_its_date_by_the_season_rule(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        revise_url(world.study),
        revision_post(world.study, effective_on="2025-05-01", due="", due_text="under hösten"),
    )
    assert response.status_code == 302
    study = Commitment.objects.get(pk=world.study.pk)
    assert (study.due, study.due_text) == (date(2025, 11, 30), "under hösten")
    assert CommitmentRevision.objects.get().changes == {
        "due": ["2025-05-31", "2025-11-30"],
        "due_text": ["under våren", "under hösten"],
    }
    response = client.post(
        revise_url(study), revision_post(study, due="", due_text="när det passar")
    )
    assert response.context["form"].errors["due"]


def test_the_admin_shows_the_history_read_only(client, world):
    client.force_login(world.coordinator)
    client.post(revise_url(world.site_visits), revision_post(world.site_visits, quantity=60))
    response = client.get(reverse("admin:promises_commitment_change", args=[world.site_visits.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Färre poliser i tjänst under hösten." in page
    assert 'name="revisions-0-reason"' not in page  # shown, not editable
