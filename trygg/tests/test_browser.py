"""A real browser on a phone-sized screen: log in, find a commitment, log work.

Runs Debian's Chromium (`apt-get install chromium`) through Playwright; skipped
with a reason where no Chromium is installed. `.ci/run` installs it.
"""

import pytest
from django.urls import reverse

from conftest import CHROMIUM, PASSWORD, PHONE
from trygg.promises.models import Activity

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reporter_logs_a_site_visit_on_a_phone(live_server, world, page):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Användarnamn").fill(world.reporter.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Våra löften").wait_for()

    page.get_by_role("link", name=world.promise.title).click()
    page.get_by_role("link", name="minst hundra platsbesök").click()
    # From the commitment: one tap to the form, which comes filled in, one to save.
    page.get_by_role("link", name="Logga aktivitet").click()
    page.get_by_label("Datum").fill("2025-03-01")
    page.get_by_label("Antal").fill("3")
    page.get_by_role("button", name="Spara").click()

    page.get_by_role("status").wait_for()
    assert "Loggat" in page.get_by_role("status").inner_text()
    assert "3 av 100" in page.get_by_role("main").inner_text()
    activity = Activity.objects.get()
    assert (activity.kind, activity.count, activity.organisation) == (
        "site_visit",
        3,
        world.police,
    )
    # Nothing on the page is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reporter_taps_the_map_to_report_an_incident(live_server, world, page):
    from trygg.incidents.models import Incident

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Användarnamn").fill(world.reporter.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Våra löften").wait_for()

    page.goto(live_server.url + reverse("report-incident"))
    page.get_by_text("Klotter", exact=True).click()
    page.locator("#report-map").click(position={"x": 150, "y": 120})
    assert page.locator("#id_latitude").input_value() != ""
    page.get_by_label("Vad såg du?").fill("Klotter på elskåpet")
    page.get_by_role("button", name="Skicka rapport").click()

    page.get_by_role("status").wait_for()
    incident = Incident.objects.get()
    assert incident.category.slug == "klotter"
    assert incident.precision == Incident.Precision.POINT
    assert incident.latitude is not None and incident.longitude is not None
    assert incident.municipality == world.vastervik
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_resident_taps_the_map_to_report_without_logging_in(live_server, world, page):
    from django.core.cache import cache

    from trygg.citizens.models import CitizenReport

    cache.clear()  # the rate limit counts per address, and every test comes from 127.0.0.1
    page.goto(live_server.url + reverse("citizen-report"))
    assert "114\xa014" in page.locator(".emergency").inner_text()
    page.locator("#id_municipality").select_option(label="Västervik")
    page.get_by_text("Klotter", exact=True).click()
    page.locator("#report-map").click(position={"x": 150, "y": 120})
    assert page.locator("#id_latitude").input_value() != ""
    page.locator("#id_text").fill("Klotter på tunneln")
    page.locator("form.report button[type=submit]").click()

    page.get_by_role("status").wait_for()
    report = CitizenReport.objects.get()
    assert (report.category.slug, report.status) == ("klotter", "received")
    assert report.latitude is not None and report.longitude is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_citizens_map_shows_the_municipality_chosen(live_server, world, page):
    """Served by two municipalities far apart: choosing one brings its areas into view."""
    from django.core.cache import cache
    from shapely.geometry import box, mapping

    from trygg.citizens.models import CitizenReport
    from trygg.followup.tests.geography import demo_area
    from trygg.geo.geometry import parse_polygon
    from trygg.geo.models import Area, Municipality

    cache.clear()  # the rate limit counts per address, and every test comes from 127.0.0.1
    karstorp = demo_area(world, "karstorp")
    Area.objects.create(
        municipality=Municipality.objects.get(scb_code="1082"),
        name="Mörrum",
        slug="morrum",
        geometry=mapping(box(14.72, 56.17, 14.76, 56.20)),
    )
    page.goto(live_server.url + reverse("citizen-report"))
    page.locator("#id_municipality").select_option(label="Västervik")
    page.get_by_text("Klotter", exact=True).click()
    box_ = page.locator("#report-map").bounding_box()
    page.locator("#report-map").click(position={"x": box_["width"] / 2, "y": box_["height"] / 2})
    page.locator("form.report button[type=submit]").click()

    page.get_by_role("status").wait_for()
    report = CitizenReport.objects.get()
    west, south, east, north = parse_polygon(karstorp.geometry).bounds
    # The middle of the map is in Karstorp's corner of Sweden, not between the two towns.
    assert west <= report.longitude <= east and south <= report.latitude <= north
