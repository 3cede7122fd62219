"""The public neighbourhood-watch map passes axe-core in Chromium, narrow and wide.

Run as trygg/public/tests/test_accessibility.py runs the portal: axe-core from
the axe-playwright-python package, every rule, at 320 px and 1280 px, and no
sideways scrolling. The map is Leaflet with no tile server, as on a closed
network: the areas and their labels are what it shows.
"""

import pytest
from django.urls import reverse

from conftest import CHROMIUM
from trygg.followup.tests.geography import demo_area
from trygg.participation.models import WatchSigns
from trygg.participation.tests.test_watch import make_watch
from trygg.public.tests.test_accessibility import VIEWPORTS, violations

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_public_map_has_no_accessibility_violations(live_server, world, page, viewport):
    demo_area(world, "vastervik")
    watch = make_watch(world, "Norr")
    WatchSigns.objects.create(watch=watch, date=watch.started_on, count=3)
    page.set_viewport_size(VIEWPORTS[viewport])
    response = page.goto(live_server.url + reverse("public-watch", args=["0883"]))
    assert response.status == 200
    page.wait_for_selector("#watch-map .leaflet-tooltip")  # the map has drawn its labels
    assert page.locator("#watch-map .leaflet-tooltip", has_text="Norr").count() == 1
    assert violations(page) == ""
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
