"""Follow-up reports: draft, edit, publish, correct; public page, PDF, feed; who may do what."""

from datetime import date

import pytest
from django.test import RequestFactory
from django.urls import reverse

from trygg.followup.models import Report, ReportVersion
from trygg.followup.report_views import report_pdf_html
from trygg.followup.reports import publish
from trygg.followup.templatetags.followup_charts import svg_data_uri
from trygg.promises.models import Activity, ActivityKind

pytestmark = pytest.mark.django_db

PERSONNUMMER = "19121212-1212"


@pytest.fixture
def report(world):
    """A half-year report of Västervik's 2025 promise, with 40 site visits logged by June."""
    Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 3, 1), count=40, organisation=world.police
    ).commitments.add(world.site_visits)
    return Report.objects.create(
        promise=world.promise,
        title="Halvårsrapport 2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
    )


def test_a_coordinator_drafts_edits_and_publishes_a_report(client, world):
    Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 3, 1), count=40, organisation=world.police
    ).commitments.add(world.site_visits)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("report-create", args=[world.promise.slug]),
        {"title": "Halvår 2025", "period_start": "2025-01-01", "period_end": "2025-06-30"},
    )
    report = Report.objects.get()
    assert response.url == report.get_absolute_url()

    draft = client.get(report.get_absolute_url())
    visits = draft.context["content"]["commitments"][0]
    assert (visits["progress"]["done"], visits["progress"]["target"]) == (40, 100)
    assert "<svg" in draft.context["content"]["chart_svg"]

    client.post(
        reverse("report-edit", args=[report.pk]),
        {"introduction": f"Om {PERSONNUMMER}", f"comment_{world.site_visits.pk}": "Bra fart."},
    )
    report.refresh_from_db()
    assert PERSONNUMMER not in report.introduction
    assert report.comments == {str(world.site_visits.pk): "Bra fart."}

    client.post(reverse("report-publish", args=[report.pk]))
    version = ReportVersion.objects.get()
    assert version.number == 1
    assert version.content["commitments"][0]["comment"] == "Bra fart."

    client.logout()
    public = client.get(version.get_public_url())
    assert public.status_code == 200
    assert "Bra fart." in public.content.decode()
    assert version.get_public_url() in client.get(world.promise.get_public_url()).content.decode()
    pdf = client.get(reverse("public-report-pdf", args=[world.promise.slug, report.pk, 1]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    feed = client.get(reverse("public-reports-feed", args=[world.vastervik.scb_code]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert version.get_public_url() in feed.content.decode()
    api = client.get(reverse("api-report", args=[world.promise.slug, report.pk, 1])).json()
    assert api["report"]["commitments"][0]["progress"]["done"] == 40


def test_the_pdf_carries_the_chart_as_an_svg_image(world, report):
    """An image, not inline SVG: matplotlib's style attributes are refused inline (CSP)."""
    version = publish(report, world.coordinator)
    html = report_pdf_html(version, RequestFactory().get("/"))
    assert version.content["chart_svg"].startswith("<svg")
    assert f'<img src="{svg_data_uri(version.content["chart_svg"])}"' in html


def test_a_published_report_never_changes(client, world, report):
    version = publish(report, world.coordinator)
    Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 4, 1), count=30, organisation=world.police
    ).commitments.add(world.site_visits)
    version.refresh_from_db()
    assert version.content["commitments"][0]["progress"]["done"] == 40
    with pytest.raises(ValueError):
        version.save()

    client.force_login(world.coordinator)
    edit = client.post(reverse("report-edit", args=[report.pk]), {"introduction": "Ändrat"})
    assert edit.status_code == 403
    assert client.post(reverse("report-publish", args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert report.introduction == ""


def test_a_correction_is_a_new_version_and_the_old_one_stays(client, world, report):
    first = publish(report, world.coordinator)
    client.force_login(world.coordinator)
    url = reverse("report-correct", args=[report.pk])
    refused = client.post(url, {"introduction": "Rättad text"})
    assert refused.status_code == 200 and "change_note" in refused.context["form"].errors
    assert report.versions.count() == 1

    client.post(url, {"introduction": "Rättad text", "change_note": "Fel siffra i inledningen."})
    second = report.versions.get(number=2)
    assert second.change_note == "Fel siffra i inledningen."
    assert second.content["introduction"] == "Rättad text"
    client.logout()
    old = client.get(first.get_public_url())
    assert old.context["content"]["introduction"] == ""
    assert second.get_public_url() in old.content.decode()
    assert "Fel siffra" in client.get(second.get_public_url()).content.decode()


def test_a_correction_must_say_what_changed(world, report):
    publish(report, world.coordinator)
    with pytest.raises(ValueError):
        publish(report, world.coordinator, "  ")


def test_public_pages_show_only_published_reports(client, world, report):
    assert (
        client.get(reverse("public-report", args=[world.promise.slug, report.pk, 1])).status_code
        == 404
    )
    feed = client.get(reverse("public-reports-feed", args=[world.vastervik.scb_code]))
    assert "Halvårsrapport" not in feed.content.decode()
    assert "Halvårsrapport" not in client.get(world.promise.get_public_url()).content.decode()
    portal = client.get(reverse("public-municipality", args=[world.vastervik.scb_code]))
    assert (
        reverse("public-reports-feed", args=[world.vastervik.scb_code]) in portal.content.decode()
    )


def test_a_report_of_a_promise_not_public_is_never_public(client, world):
    hidden = Report.objects.create(
        promise=world.internal,
        title="Intern",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
    )
    publish(hidden, world.coordinator)
    url = reverse("public-report", args=[world.internal.slug, hidden.pk, 1])
    assert client.get(url).status_code == 404
    pdf = reverse("public-report-pdf", args=[world.internal.slug, hidden.pk, 1])
    assert client.get(pdf).status_code == 404


def test_a_viewer_reads_but_cannot_create_edit_or_publish(client, world, report):
    client.force_login(world.viewer)
    assert client.get(report.get_absolute_url()).status_code == 200
    create = reverse("report-create", args=[world.promise.slug])
    assert client.get(create).status_code == 403
    assert client.post(reverse("report-edit", args=[report.pk]), {}).status_code == 403
    assert client.post(reverse("report-publish", args=[report.pk])).status_code == 403
    assert client.get(reverse("report-correct", args=[report.pk])).status_code == 403
    assert not report.versions.exists()


def test_an_outsider_gets_404(client, world, report):
    client.force_login(world.outsider)
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.get(reverse("report-create", args=[world.promise.slug])).status_code == 404
    assert client.post(reverse("report-publish", args=[report.pk])).status_code == 404


def test_anonymous_is_sent_to_login_for_drafts(client, world, report):
    response = client.get(report.get_absolute_url())
    assert response.status_code == 302 and "/konto/login/" in response.url
    assert client.post(reverse("report-publish", args=[report.pk])).status_code == 302
    assert not report.versions.exists()


def test_bad_periods_are_refused_and_nothing_is_stored(client, world):
    client.force_login(world.coordinator)
    url = reverse("report-create", args=[world.promise.slug])
    backwards = {"title": "X", "period_start": "2025-06-30", "period_end": "2025-01-01"}
    outside = {"title": "X", "period_start": "2025-01-01", "period_end": "2026-06-30"}
    for data in (backwards, outside):
        response = client.post(url, data)
        assert response.status_code == 200 and response.context["form"].errors
    assert not Report.objects.exists()
