"""The permission matrix: every refusal shown, not only every success."""

from datetime import date

import pytest
from django.urls import reverse

from trygg.promises.models import Activity, ActivityKind, Promise

pytestmark = pytest.mark.django_db


def pages(world):
    return {
        "start": reverse("start"),
        "promise": reverse("promise", args=[world.promise.slug]),
        "commitment": reverse("commitment", args=[world.site_visits.pk]),
        "log": reverse("log-activity", args=[world.site_visits.pk]),
        "promise-edit": reverse("promise-edit", args=[world.promise.slug]),
        "commitment-edit": reverse("commitment-edit", args=[world.site_visits.pk]),
        "agreement": reverse("agreement", args=[world.agreement.slug]),
        "forum": reverse("forum", args=[world.tistel.slug]),
    }


def visit_log(world):
    return {
        "kind": ActivityKind.SITE_VISIT,
        "date": "2025-03-01",
        "count": 2,
        "organisation": world.police.pk,
        "note": "Platsbesök vid torget",
    }


def test_anonymous_is_sent_to_log_in(client, world):
    for url in pages(world).values():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login"))


def test_another_collaboration_sees_nothing(client, world):
    client.force_login(world.outsider)
    urls = pages(world)
    assert world.promise.title not in client.get(urls.pop("start")).content.decode()
    for name, url in urls.items():
        assert client.get(url).status_code == 404, name
    assert client.post(urls["log"], visit_log(world)).status_code == 404
    assert client.post(urls["promise-edit"], {"title": "Kapat"}).status_code == 404
    assert not Activity.objects.exists()


def test_viewer_reads_but_cannot_log_or_edit(client, world):
    client.force_login(world.viewer)
    urls = pages(world)
    for name in ("start", "promise", "commitment", "agreement", "forum"):
        assert client.get(urls[name]).status_code == 200, name
    assert client.get(urls["log"]).status_code == 403
    assert client.post(urls["log"], visit_log(world)).status_code == 403
    assert client.get(urls["promise-edit"]).status_code == 403
    assert client.post(urls["commitment-edit"], {"text": "Ändrad"}).status_code == 403
    assert client.post(urls["forum"], {"meeting-date": "2025-02-02"}).status_code == 403
    assert urls["log"] not in client.get(urls["commitment"]).content.decode()
    assert not Activity.objects.exists()


def test_reporter_logs_but_cannot_edit_promises(client, world):
    client.force_login(world.reporter)
    urls = pages(world)
    assert urls["log"] in client.get(urls["commitment"]).content.decode()
    assert client.get(urls["log"]).status_code == 200
    response = client.post(urls["log"], visit_log(world))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.count, activity.organisation, activity.created_by) == (
        2,
        world.police,
        world.reporter,
    )
    assert list(activity.commitments.all()) == [world.site_visits]
    assert client.get(urls["promise-edit"]).status_code == 403
    assert client.post(urls["promise-edit"], {"title": "Kapat"}).status_code == 403
    assert client.get(urls["commitment-edit"]).status_code == 403
    world.promise.refresh_from_db()
    assert world.promise.title == "Medborgarlöfte 2025"


def test_reporter_cannot_log_in_another_organisations_name(client, world):
    client.force_login(world.reporter)  # member of the police only
    data = visit_log(world) | {"organisation": world.municipality.pk}
    response = client.post(pages(world)["log"], data)
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_no_logging_ahead_of_time(client, world):
    client.force_login(world.reporter)
    response = client.post(pages(world)["log"], visit_log(world) | {"date": "2999-01-01"})
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_coordinator_edits(client, world):
    client.force_login(world.coordinator)
    urls = pages(world)
    response = client.post(
        urls["promise-edit"],
        {
            "title": "Medborgarlöfte 2025, reviderat",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    world.promise.refresh_from_db()
    assert world.promise.title == "Medborgarlöfte 2025, reviderat"


def test_coordinator_gets_a_clear_error_for_a_backwards_period(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        pages(world)["promise-edit"],
        {"title": "X", "period_start": "2025-12-31", "period_end": "2025-01-01"},
    )
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    world.promise.refresh_from_db()
    assert world.promise.period_end == date(2025, 12, 31)


def test_forum_meeting_logged_by_a_member_counts(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        pages(world)["forum"],
        {
            "meeting-date": "2025-02-02",
            "meeting-count": 1,
            "meeting-organisation": world.municipality.pk,
        },
    )
    assert response.status_code == 302
    meeting = Activity.objects.get()
    assert (meeting.kind, meeting.forum) == (ActivityKind.FORUM_MEETING, world.tistel)


class TestAdmin:
    def test_reporter_and_viewer_are_kept_out(self, client, world):
        for user in (world.reporter, world.viewer):
            client.force_login(user)
            response = client.get(reverse("admin:index"))
            assert response.status_code == 302
            assert reverse("admin:login") in response.url

    def test_coordinator_sees_only_their_own(self, client, world):
        other = Promise.objects.create(
            title="Karlshamns löfte",
            slug="karlshamn",
            period_start=date(2023, 9, 1),
            period_end=date(2023, 12, 31),
        )
        other.parties.set([world.outsider_org])
        client.force_login(world.coordinator)
        listing = client.get(reverse("admin:promises_promise_changelist"))
        assert listing.status_code == 200
        assert "Medborgarlöfte 2025" in listing.content.decode()
        assert "Karlshamns löfte" not in listing.content.decode()
        change = reverse("admin:promises_promise_change", args=[other.pk])
        assert client.get(change).status_code in (302, 404)
        assert client.post(change, {"title": "Kapat"}).status_code in (302, 403, 404)
        other.refresh_from_db()
        assert other.title == "Karlshamns löfte"

    def test_roles_and_covered_municipalities_are_for_superusers(self, client, world):
        client.force_login(world.coordinator)
        assert client.get(reverse("admin:organisations_membership_add")).status_code == 403
        change = reverse("admin:organisations_organisation_change", args=[world.municipality.pk])
        page = client.get(change)
        assert "municipalities" not in page.context["adminform"].form.fields
        assert "membership_set-TOTAL_FORMS" not in page.content.decode() or not any(
            formset.formset.can_delete for formset in page.context["inline_admin_formsets"]
        )


ADMIN_MODELS = [
    "organisations_organisation",
    "organisations_membership",
    "geo_municipality",
    "geo_area",
    "geo_place",
    "agreements_agreement",
    "agreements_collaborationarea",
    "agreements_forum",
    "promises_promise",
    "promises_focusarea",
    "promises_commitment",
    "promises_activity",
    "incidents_incident",
    "incidents_category",
    "incidents_categorymapping",
    "est_meeting",
    "est_action",
]


def test_coordinator_has_an_admin_page_for_every_model(client, world):
    client.force_login(world.coordinator)
    for model in ADMIN_MODELS:
        assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200, model
        assert client.get(reverse(f"admin:{model}_add")).status_code in (200, 403), model
    change = reverse("admin:promises_promise_change", args=[world.promise.pk])
    assert client.get(change).status_code == 200
