"""Two coordinators write the same report or plan at once: the second save is refused."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import make_user
from trygg.followup.models import Report, StrategicPlan
from trygg.followup.reports import publish
from trygg.lib.tests.forms import posted
from trygg.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(world):
    first, second = Client(), Client()
    first.force_login(world.coordinator)
    second.force_login(make_user("kommunpolis", world.police, Role.COORDINATOR))
    return first, second


@pytest.fixture
def report(world) -> Report:
    return Report.objects.create(
        promise=world.promise,
        title="Halvårsrapport 2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
    )


def test_a_draft_written_meanwhile_is_not_overwritten(two, world, report):
    first, second = two
    page = reverse("report", args=[report.pk])
    url = reverse("report-edit", args=[report.pk])
    mine, theirs = first.get(page).context["form"], second.get(page).context["form"]
    comment = f"comment_{world.site_visits.pk}"
    assert first.post(url, posted(mine, **{comment: "Väl genomfört."})).status_code == 302
    response = second.post(url, posted(theirs, introduction="Så gick första halvåret."))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kommentar till 1. Polisen ska ha hög synlighet" in text
    assert "”–” när du öppnade formuläret, ”Väl genomfört.” nu." in text
    report.refresh_from_db()
    assert (report.introduction, report.comments) == (
        "",
        {str(world.site_visits.pk): "Väl genomfört."},
    )


def test_a_correction_over_an_unseen_correction_is_refused(two, world, report):
    publish(report, world.coordinator)
    first, second = two
    url = reverse("report-correct", args=[report.pk])
    page = reverse("report", args=[report.pk])
    mine, theirs = first.get(page).context["form"], second.get(page).context["form"]
    first.post(url, posted(mine, introduction="Rättad text", change_note="Fel i inledningen."))
    response = second.post(url, posted(theirs, introduction="Annan text", change_note="Ny text."))
    assert response.status_code == 200
    assert "Inledning: ”–” när du öppnade formuläret, ”Rättad text” nu." in (
        response.content.decode()
    )
    assert [v.change_note for v in report.versions.order_by("number")] == [
        "",
        "Fel i inledningen.",
    ]


def test_a_plan_written_meanwhile_is_not_overwritten(two, world):
    plan = StrategicPlan.objects.create(
        municipality=world.vastervik, year=2026, focus_text="Stölder i centrum."
    )
    first, second = two
    page = reverse("strategic-plan", args=[plan.pk])
    url = reverse("strategic-plan-edit", args=[plan.pk])
    mine, theirs = first.get(page).context["form"], second.get(page).context["form"]
    first.post(url, posted(mine, focus_text="Stölder och skadegörelse i centrum."))
    response = second.post(url, posted(theirs, decided_by="Kommunstyrelsen"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Valda fokusområden, och varför: ”Stölder i centrum.” när du öppnade" in text
    plan.refresh_from_db()
    assert (plan.focus_text, plan.decided_by) == ("Stölder och skadegörelse i centrum.", "")
