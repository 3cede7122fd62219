"""The moderation queue: who decides, what accepting makes, and what the reporter hears."""

import io
import os
import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from conftest import make_user
from trygg.citizens import retention
from trygg.citizens.models import CitizenReport
from trygg.incidents.access import visible_incidents
from trygg.incidents.models import Category, Incident, Source
from trygg.lagesbild.counts import period_summary, weekly_picture
from trygg.organisations.models import Role
from trygg.privacy import MASK

from .conftest import STOCKHOLM, received

pytestmark = pytest.mark.django_db


def detail_url(report) -> str:
    return reverse("citizen-report-detail", args=[report.pk])


def accept(client, report, **overrides):
    data = {"action": "accept", "category": report.category.pk, "text": report.text}
    return client.post(detail_url(report), data | overrides)


def test_a_coordinator_sees_the_queue_of_their_municipality(client, world):
    report = received(world)
    client.force_login(world.coordinator)
    response = client.get(reverse("citizen-reports"))
    assert response.status_code == 200
    assert list(response.context["reports"]) == [report]
    assert reverse("citizen-reports") in response.content.decode()  # the navigation link
    assert client.get(detail_url(report)).status_code == 200


def test_accepting_makes_one_shared_citizen_incident_in_its_area(
    client, world, town, django_capture_on_commit_callbacks
):
    report = received(world, email="boende@example.se")
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = accept(
            client,
            report,
            category=Category.objects.get(slug="skadegorelse").pk,
            text="Trasig belysning i gångtunneln. Anmälare 19121212-1212.",
        )
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert incident.source == Source.CITIZEN
    assert incident.visibility == Incident.Visibility.SHARED
    assert incident.area == town
    assert incident.municipality == world.vastervik
    assert incident.organisation == world.municipality
    assert incident.category.slug == "skadegorelse"
    assert incident.text == f"Trasig belysning i gångtunneln. Anmälare {MASK}."
    assert incident.occurred_from == datetime(2025, 3, 5, 21, 30, tzinfo=STOCKHOLM)
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.ACCEPTED
    assert report.incident == incident
    assert report.decided_by == world.coordinator
    # The email served its purpose and is gone; the reporter heard the decision.
    assert report.email == ""
    (message,) = mail.outbox
    assert message.to == ["boende@example.se"]
    assert "samordnare" not in message.body


def test_accepted_reports_count_in_the_lagesbild_and_others_do_not(client, world, town):
    accepted, merged, rejected = received(world), received(world), received(world)
    received(world)  # still waiting
    client.force_login(world.coordinator)
    accept(client, accepted)
    incident = Incident.objects.get()
    client.post(detail_url(merged), {"action": "merge", "incident": incident.pk})
    client.post(detail_url(rejected), {"action": "reject", "reason": "Dubblett."})

    incidents = visible_incidents(world.coordinator)
    picture = weekly_picture(incidents, 2025, 10)  # 5 March 2025 is in week 10
    assert picture["total"]["count"] == 1
    assert picture["by_category"]["otrygg-plats"]["count"] == 1
    assert picture["by_area"]["Västervik centrum"]["count"] == 1
    summary = period_summary(incidents, datetime(2025, 3, 1).date(), datetime(2025, 3, 31).date())
    assert summary["total"] == 1
    # The viewer of the collaboration reads the same picture.
    assert weekly_picture(visible_incidents(world.viewer), 2025, 10)["total"]["count"] == 1


def test_a_report_with_an_address_only_is_placed_in_its_municipality(client, world, town):
    report = received(world, latitude=None, longitude=None, address="Storgatan 1")
    client.force_login(world.coordinator)
    accept(client, report)
    incident = Incident.objects.get()
    assert (incident.area, incident.latitude, incident.precision) == (None, None, "municipality")


def test_merging_closes_the_report_as_a_repeat_of_an_incident(
    client, world, town, django_capture_on_commit_callbacks
):
    first = received(world, email="forsta@example.se", text="Trasiga lampor, Anna Andersson")
    client.force_login(world.coordinator)
    accept(client, first)
    incident = Incident.objects.get()
    repeat = received(world, email="andra@example.se")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail_url(repeat), {"action": "merge", "incident": incident.pk})
    assert response.status_code == 302
    repeat.refresh_from_db()
    assert (repeat.status, repeat.merged_into, repeat.email) == ("merged", incident, "")
    assert Incident.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == ["andra@example.se"]
    # Nothing of the other report or its reporter.
    for other in ("forsta@example.se", "Anna Andersson", "Trasiga lampor"):
        assert other not in message.body
        assert other not in message.subject
    # The only numbers are the report's own and the phone numbers: no other report's, no id.
    numbers = set(re.findall(r"\d+", message.subject + message.body))
    assert numbers <= {str(repeat.pk), "112", "114", "14"}


def test_merging_into_an_incident_the_coordinator_cannot_see_is_refused(client, world):
    karlshamn = world.outsider_org.municipalities.get()
    elsewhere = Incident.objects.create(
        source=Source.STAFF,
        municipality=karlshamn,
        occurred_from=datetime(2025, 3, 5, 21, 0, tzinfo=STOCKHOLM),
        occurred_to=datetime(2025, 3, 5, 21, 0, tzinfo=STOCKHOLM),
    )
    report = received(world)
    client.force_login(world.coordinator)
    response = client.post(detail_url(report), {"action": "merge", "incident": elsewhere.pk})
    assert response.status_code == 200
    assert "incident" in response.context["merge_form"].errors
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.RECEIVED


def test_rejecting_tells_the_reporter_why(client, world, django_capture_on_commit_callbacks):
    report = received(world, email="boende@example.se")
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail_url(report), {"action": "reject", "reason": "Annan kommun."})
    report.refresh_from_db()
    assert (report.status, report.reason, report.email) == ("rejected", "Annan kommun.", "")
    assert not Incident.objects.exists()
    (message,) = mail.outbox
    assert "Annan kommun." in message.body


def test_a_rejection_needs_a_reason(client, world):
    report = received(world)
    client.force_login(world.coordinator)
    response = client.post(detail_url(report), {"action": "reject", "reason": ""})
    assert "reason" in response.context["reject_form"].errors
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.RECEIVED


def test_a_report_is_decided_once(client, world):
    report = received(world)
    client.force_login(world.coordinator)
    accept(client, report)
    response = client.post(detail_url(report), {"action": "reject", "reason": "Nej."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.ACCEPTED
    assert Incident.objects.count() == 1


def test_without_an_email_nobody_is_mailed(client, world, django_capture_on_commit_callbacks):
    report = received(world, email="")
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        accept(client, report)
    assert not mail.outbox


# --- who may not ------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    report = received(world)
    for url in (reverse("citizen-reports"), detail_url(report)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    client.post(detail_url(report), {"action": "reject", "reason": "x"})
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.RECEIVED


@pytest.mark.parametrize("who", ["viewer", "reporter"])
def test_viewers_and_reporters_may_not_moderate(client, world, who):
    report = received(world)
    client.force_login(getattr(world, who))
    assert client.get(reverse("citizen-reports")).status_code == 403
    assert client.get(detail_url(report)).status_code == 403
    assert accept(client, report).status_code == 403
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.RECEIVED
    assert reverse("citizen-reports") not in client.get(reverse("start")).content.decode()


def test_a_coordinator_of_another_municipality_sees_nothing_of_it(client, world):
    report = received(world)
    client.force_login(world.outsider)
    response = client.get(reverse("citizen-reports"))
    assert response.status_code == 200
    assert list(response.context["reports"]) == []
    assert client.get(detail_url(report)).status_code == 404
    assert accept(client, report).status_code == 404
    assert client.get(reverse("citizen-report-photo", args=[report.pk])).status_code == 404
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.RECEIVED
    assert not Incident.objects.exists()


def test_the_photo_is_shown_to_moderators_only(client, world):
    report = received(world)
    report.photo.save("x.jpg", ContentFile(b"\xff\xd8 stored jpeg"))
    url = reverse("citizen-report-photo", args=[report.pk])
    assert client.get(url).status_code == 302  # to log in
    client.force_login(world.viewer)
    assert client.get(url).status_code == 403
    client.force_login(world.coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8 stored jpeg"


def test_a_police_coordinator_of_the_area_moderates_too(client, world):
    report = received(world)
    kommunpolis = make_user("kommunpolis", world.police, Role.COORDINATOR)
    client.force_login(kommunpolis)
    accept(client, report)
    assert Incident.objects.get().organisation == world.police


# --- retention --------------------------------------------------------------------------


def test_retention_clears_old_emails_and_deletes_old_rejections(
    client, world, django_capture_on_commit_callbacks
):
    waiting = received(world, email="vantar@example.se")
    rejected = received(world)
    rejected.photo.save("y.jpg", ContentFile(b"photo"))
    photo_path = rejected.photo.path
    client.force_login(world.coordinator)
    client.post(detail_url(rejected), {"action": "reject", "reason": "Nej."})
    accepted = received(world)
    accept(client, accepted)

    soon = retention.apply_retention(waiting.received_at + timedelta(days=10))
    assert soon == {"emails_cleared": 0, "rejected_deleted": 0}
    later = waiting.received_at + timedelta(days=retention.EMAIL_DAYS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        result = retention.apply_retention(later)
    assert result == {"emails_cleared": 1, "rejected_deleted": 1}
    waiting.refresh_from_db()
    assert waiting.email == "" and waiting.status == CitizenReport.Status.RECEIVED
    assert not CitizenReport.objects.filter(pk=rejected.pk).exists()
    assert CitizenReport.objects.filter(pk=accepted.pk).exists()
    assert not os.path.exists(photo_path)
    out = io.StringIO()
    call_command("citizen_retention", stdout=out)
    assert "0 e-postadresser" in out.getvalue()
