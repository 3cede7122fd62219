"""Nothing a user typed runs as code: hostile names on every page that shows them, in Chromium.

Names that are markup, in an area imported from a GeoJSON file through the real
area importer, a neighbourhood-watch area, a named place, a walk (its findings'
labels), an incident's title and a citizen's report text (accepted). Each page
must show them as literal text (map labels included), run none of them, and
break no rule of the Content-Security-Policy: a violation would mean markup a
user typed reached the page as markup, or that the policy broke the page.
"""

import io
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from PIL import Image

from conftest import CHROMIUM
from trygg.citizens import services as citizens
from trygg.citizens.models import CitizenReport
from trygg.geo.area_import import import_areas
from trygg.geo.models import Area, Place
from trygg.incidents.models import Category, Incident, Source
from trygg.participation.models import NeighbourhoodWatch
from trygg.walks import services as walks
from trygg.walks.models import Finding, Walk

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    '"><svg onload="window.__pwned=1">',
]
# Before any page script: what the policy refused, and any dialog a payload opened.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def square(west: float, south: float, size: float = 0.01) -> dict:
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size]]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


@pytest.fixture
def hostile(world, tmp_path):
    """Every kind of name a user gives, each one markup, in Västervik."""
    features = [
        {"type": "Feature", "properties": {"namn": name}, "geometry": square(16.60 + n / 50, 57.74)}
        for n, name in enumerate(HOSTILE)
    ]
    path = tmp_path / "omraden.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    assert import_areas(path, world.vastervik).created == len(HOSTILE)
    for n, name in enumerate(HOSTILE):
        NeighbourhoodWatch.objects.create(
            municipality=world.vastervik,
            name=name,
            geometry=square(16.60 + n / 50, 57.76, 0.005),
            contact_organisation=world.municipality,
            status=NeighbourhoodWatch.Status.ACTIVE,
            started_on=date(2025, 1, 1),
        )
        Place.objects.create(
            municipality=world.vastervik, name=name, latitude=57.745, longitude=16.605 + n / 50
        )
    walk = Walk.objects.create(
        title=HOSTILE[0],
        municipality=world.vastervik,
        area=Area.objects.get(name=HOSTILE[1]),
        date=date(2025, 4, 8),
        organiser=world.municipality,
    )
    walk.organisations.set([world.municipality])
    walk.places.set(Place.objects.all())
    walks.add_finding(
        walk,
        category=Finding.Category.GRAFFITI,
        latitude=57.745,
        longitude=16.625,
        by=world.coordinator,
    )
    now = datetime.now(STOCKHOLM)
    Incident.objects.create(
        source=Source.STAFF,
        title=HOSTILE[2],
        category=Category.objects.get(slug="klotter"),
        occurred_from=now,
        occurred_to=now,
        municipality=world.vastervik,
        organisation=world.municipality,
    )
    report = citizens.submit(
        channel="form",
        municipality=world.vastervik,
        category=Category.objects.get(slug="klotter"),
        happened_at=now,
        latitude=57.745,
        longitude=16.645,
        text=HOSTILE[1],
    )
    citizens.accept(report, world.coordinator, report.category, report.text)
    return walk


def log_in(page, live_server, user: User) -> None:
    """The user's session in the browser, without the login form (tested elsewhere)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def open_page(page, live_server, path: str, dialogs: list) -> None:
    """Open a page and check that nothing ran: no payload, no dialog, no policy violation."""
    response = page.goto(live_server.url + path)
    assert response.status == 200, path
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned") is None, path
    assert page.evaluate("window.__violations") == [], path
    assert not dialogs, path
    assert page.locator('img[src="x"], [onerror], [onload]').count() == 0, path


def map_labels(page, selector: str) -> set[str]:
    """Every label and tooltip on a Leaflet map: the permanent ones, and each shape's on hover."""
    page.locator(f"{selector} .leaflet-interactive").first.wait_for(state="attached")
    tooltips = page.locator(f"{selector} .leaflet-tooltip")
    texts = set(tooltips.all_inner_texts())
    for shape in page.locator(f"{selector} .leaflet-interactive").all():
        shape.dispatch_event("mouseover")
        texts |= set(tooltips.all_inner_texts())
        shape.dispatch_event("mouseout")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(f'{selector} img[src="x"], {selector} svg[onload]').count() == 0
    return texts


@pytest.fixture
def browser_page(page):
    """The conftest's phone-sized page, watching for policy violations and dialogs."""
    dialogs: list[str] = []
    page.context.add_init_script(WATCH)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page, dialogs


def test_the_maps_of_the_collaboration_show_hostile_names_as_text(
    live_server, world, hostile, browser_page
):
    page, dialogs = browser_page
    log_in(page, live_server, world.coordinator)

    open_page(page, live_server, reverse("lagesbild-week", args=["0883"]), dialogs)
    assert set(HOSTILE) <= map_labels(page, "#map")

    watch = NeighbourhoodWatch.objects.get(name=HOSTILE[0])
    open_page(page, live_server, reverse("watch", args=["0883", watch.pk]), dialogs)
    assert set(HOSTILE) <= map_labels(page, "#watch-map")
    open_page(page, live_server, reverse("watch-edit", args=["0883", watch.pk]), dialogs)
    assert set(HOSTILE) <= map_labels(page, "#draw-map")

    open_page(page, live_server, reverse("walk", args=[hostile.pk]), dialogs)
    labels = map_labels(page, "#walk-map")
    assert set(HOSTILE) <= labels  # the route's places
    assert str(hostile.findings.get()) in labels  # the finding, named after the walk
    assert str(hostile.findings.get()).startswith(HOSTILE[0])
    open_page(page, live_server, reverse("walk-report", args=[hostile.pk]), dialogs)
    # The report's own SVG map (trygg.lagesbild.svgmap), inline in the page: the walk's area.
    assert HOSTILE[1] in page.locator(".svgmap svg text").all_text_contents()
    open_page(page, live_server, reverse("walk-add-finding", args=[hostile.pk]), dialogs)
    assert set(HOSTILE) <= map_labels(page, "#walk-map")

    open_page(page, live_server, reverse("report-incident"), dialogs)
    assert set(HOSTILE) <= map_labels(page, "#report-map")  # the named places


def test_lists_and_the_admin_show_hostile_names_as_text(live_server, world, hostile, browser_page):
    page, dialogs = browser_page
    log_in(page, live_server, world.coordinator)

    open_page(page, live_server, reverse("incidents"), dialogs)
    main = page.get_by_role("main").inner_text()
    assert HOSTILE[1] in main  # the accepted citizen report's text, and the finding's area
    assert HOSTILE[2] in main  # the citizen report's area

    open_page(page, live_server, reverse("walks"), dialogs)
    assert HOSTILE[0] in page.get_by_role("main").inner_text()
    open_page(page, live_server, reverse("watches", args=["0883"]), dialogs)
    assert set(HOSTILE) <= map_labels(page, "#watch-map")

    open_page(page, live_server, "/admin/incidents/incident/", dialogs)
    assert HOSTILE[2] in page.locator("#result_list").inner_text()  # the incident's title
    open_page(page, live_server, "/admin/geo/place/", dialogs)
    assert all(name in page.locator("#result_list").inner_text() for name in HOSTILE)
    place = Place.objects.get(name=HOSTILE[2])
    open_page(page, live_server, f"/admin/geo/place/{place.pk}/change/", dialogs)
    assert page.locator("#id_name").input_value() == HOSTILE[2]


def test_public_pages_show_hostile_names_as_text(live_server, world, hostile, browser_page):
    page, dialogs = browser_page

    open_page(page, live_server, reverse("public-watch", args=["0883"]), dialogs)
    assert set(HOSTILE) <= map_labels(page, "#watch-map")
    # Permanent labels: each name twice, once for the imported area, once for the watch area.
    labels = page.locator("#watch-map .map-label").all_inner_texts()
    assert sorted(labels) == sorted(HOSTILE * 2)

    open_page(page, live_server, reverse("public-municipality", args=["0883"]), dialogs)
    open_page(page, live_server, reverse("citizen-report"), dialogs)
    page.locator("#report-map .leaflet-interactive").first.wait_for(state="attached")
    assert page.evaluate("window.__pwned") is None


def test_a_residents_hostile_report_with_a_photo_is_moderated_as_text(
    live_server, world, hostile, browser_page, settings, tmp_path
):
    """Through the public form and the moderation page: the text stays text, the photo shows."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()  # the rate limit counts per address, and every test comes from 127.0.0.1
    photo = tmp_path / "foto.png"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 90, 200)).save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())
    page, dialogs = browser_page

    open_page(page, live_server, reverse("citizen-report"), dialogs)
    page.locator("#id_municipality").select_option(label="Västervik")
    page.get_by_text("Klotter", exact=True).click()
    page.locator("#report-map").click(position={"x": 150, "y": 120})
    page.locator("#id_text").fill(HOSTILE[0])
    page.locator("#id_photo").set_input_files(str(photo))
    page.locator("form.report button[type=submit]").click()
    page.get_by_role("status").wait_for()
    report = CitizenReport.objects.get(text=HOSTILE[0])

    log_in(page, live_server, world.coordinator)
    open_page(page, live_server, reverse("citizen-report-detail", args=[report.pk]), dialogs)
    assert HOSTILE[0] in page.get_by_role("main").inner_text()
    shown = page.locator("img.photo")
    assert shown.evaluate("image => image.complete && image.naturalWidth") > 0
    page.get_by_role("button", name="Godkänn").click()
    page.wait_for_load_state("load")
    report.refresh_from_db()
    assert report.status == CitizenReport.Status.ACCEPTED
    open_page(page, live_server, reverse("incidents"), dialogs)
    assert HOSTILE[0] in page.get_by_role("main").inner_text()
