"""WCAG 2.1 AA on the public pages: axe-core in a real browser finds no violation.

The law on accessible public-sector websites applies to the portal. axe-core
comes with the axe-playwright-python package (no file of ours, nothing fetched
at run time) and runs every rule it has (WCAG 2.0/2.1 A and AA, and best
practice) on the pages as Chromium renders them, phone-sized and wide.
"""

from datetime import datetime

import pytest
from django.urls import reverse

from conftest import CHROMIUM
from trygg.geo.models import Area
from trygg.incidents.models import Incident
from trygg.lagesbild.weeks import STOCKHOLM
from trygg.participation.models import SurveyIndicator, SurveyResult
from trygg.public.tests.test_portal import public_promise

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

AS_OF = {"datum": "2025-07-01"}
# WCAG 1.4.10 Reflow: usable at 320 CSS pixels wide without scrolling sideways.
VIEWPORTS = {"narrow": {"width": 320, "height": 640}, "wide": {"width": 1280, "height": 900}}


@pytest.fixture
def portal_world(world):
    """A portal with something in every part: promises, counts of each kind, survey results."""
    public_promise("Medborgarlöfte 2024", 2024, world.vastervik)
    centrum = Area.objects.create(municipality=world.vastervik, name="Centrum", slug="centrum")
    for day, count in ((3, 7), (4, 2)):  # one cell published, one "färre än 5"
        for _ in range(count):
            moment = datetime(2025, day, 10, 12, tzinfo=STOCKHOLM)
            Incident.objects.create(
                source="police_event", municipality=world.vastervik, area=centrum,
                occurred_from=moment, occurred_to=moment, visibility="public",
            )  # fmt: skip
    share = SurveyIndicator.objects.create(
        name="Andel som känner sig otrygga utomhus kvällstid", kind="share"
    )
    index = SurveyIndicator.objects.create(name="Förtroendeindex", kind="mean")
    # A change beyond chance (the whole municipality), one within it, and an untested index.
    for year, whole, centre in ((2023, 24.0, 35.2), (2024, 20.0, 33.0)):
        SurveyResult.objects.create(
            indicator=share, municipality=world.vastervik, year=year, value=whole, respondents=1500
        )
        SurveyResult.objects.create(
            indicator=share, area=centrum, year=year, value=centre, respondents=200
        )
        SurveyResult.objects.create(
            indicator=index, area=centrum, year=year, value=6.1, respondents=200
        )
    return world


def public_urls(world) -> list[str]:
    query = "?datum=" + AS_OF["datum"]
    return [
        reverse("public-municipality", args=[world.vastervik.scb_code]) + query,
        reverse("public-municipalities"),
        reverse("public-promises"),
        reverse("public-promise", args=[world.promise.slug]) + query,
    ]


def violations(page) -> str:
    """axe-core's report of every violation on the page; empty when there are none."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return results.generate_report() if results.violations_count else ""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_public_pages_have_no_accessibility_violations(live_server, portal_world, page, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    for url in public_urls(portal_world):
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert violations(page) == "", url
        # Only the table scrolls sideways, inside its own focusable region; the page does not.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[viewport]["width"], url
    # Folded earlier promises are checked open, too.
    page.goto(live_server.url + public_urls(portal_world)[0])
    assert page.locator("table.survey").count() == 2  # the survey section is checked too
    page.locator("details > summary").first.click()
    assert violations(page) == ""
