"""When the next report is due, and when the reporting obligation is at risk (fixed dates)."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from trygg.followup.models import Report, ReportVersion
from trygg.followup.reports import due_dates, reporting_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def promise(world):
    """Västervik 2025, to report to citizens at least twice: due 2 July and 31 December."""
    world.promise.reports_required = 2
    world.promise.save()
    return world.promise


def published(promise, day: date) -> None:
    report = Report.objects.create(
        promise=promise, title=f"Rapport {day}", period_start=promise.period_start, period_end=day
    )
    ReportVersion.objects.create(
        report=report,
        number=1,
        published_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        content={},
    )


def test_reports_are_due_evenly_over_the_period(promise):
    assert due_dates(promise) == [date(2025, 7, 2), date(2025, 12, 31)]


def test_far_from_a_due_date_nothing_is_at_risk(promise):
    due = reporting_due(promise, date(2025, 3, 1))
    assert (due.needed, due.published, due.next_due_date, due.at_risk) == (
        0,
        0,
        date(2025, 7, 2),
        False,
    )


def test_within_30_days_of_a_due_date_without_a_report_is_at_risk(promise):
    assert reporting_due(promise, date(2025, 6, 2)).at_risk
    assert not reporting_due(promise, date(2025, 6, 1)).at_risk


def test_a_missed_due_date_stays_at_risk(promise):
    due = reporting_due(promise, date(2025, 8, 15))
    assert (due.needed, due.published, due.next_due_date, due.at_risk) == (
        1,
        0,
        date(2025, 7, 2),
        True,
    )


def test_a_published_report_moves_the_next_due_date(promise):
    published(promise, date(2025, 6, 20))
    due = reporting_due(promise, date(2025, 8, 15))
    assert (due.needed, due.published, due.next_due_date, due.at_risk) == (
        1,
        1,
        date(2025, 12, 31),
        False,
    )
    assert reporting_due(promise, date(2025, 12, 1)).at_risk
    assert reporting_due(promise, date(2025, 6, 19)).published == 0


def test_all_reports_published_is_never_at_risk(promise):
    published(promise, date(2025, 6, 20))
    published(promise, date(2025, 12, 20))
    due = reporting_due(promise, date(2026, 1, 15))
    assert (due.needed, due.published, due.next_due_date, due.at_risk) == (2, 2, None, False)


def test_coordinators_see_the_warning_on_the_promise_page(client, world, promise):
    url = reverse("promise", args=[promise.slug]) + "?datum=2025-06-15"
    client.force_login(world.coordinator)
    response = client.get(url)
    assert response.context["due"].at_risk
    assert reverse("report-create", args=[promise.slug]).encode() in response.content
    client.force_login(world.viewer)
    response = client.get(url)
    assert reverse("report-create", args=[promise.slug]).encode() not in response.content
