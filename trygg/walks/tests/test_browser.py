"""On the walk, with a phone: tap what it is, tap where, add a photo, save.

Runs Debian's Chromium through Playwright with the same phone-sized page as
trygg/tests/test_browser.py; skipped with a reason where no Chromium is installed.
"""

from pathlib import Path

import pytest
from django.urls import reverse

from conftest import CHROMIUM, PASSWORD, PHONE
from trygg.walks.models import Finding

from .helpers import jpeg_with_gps

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_participant_adds_a_finding_with_a_photo_on_a_phone(
    live_server,
    world,
    walk,
    page,  # noqa: F811
    tmp_path,
    media,
):
    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(jpeg_with_gps())

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Användarnamn").fill(world.reporter.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Våra löften").wait_for()

    page.goto(live_server.url + reverse("walk", args=[walk.pk]))
    page.locator(f"a[href='{reverse('walk-add-finding', args=[walk.pk])}']").first.click()
    # Category chips are large enough to hit with a thumb.
    chip = page.locator("label.chip:has(input[value='belysning'])")
    assert chip.bounding_box()["height"] >= 44
    chip.click()
    page.locator("#walk-map").click(position={"x": 150, "y": 120})
    assert page.locator("#id_latitude").input_value() != ""
    page.locator("#id_note").fill("Lampan i gångtunneln är trasig")
    page.locator("#id_photos").set_input_files(str(photo))
    page.locator("form.finding button[type='submit']").click()

    page.get_by_role("status").first.wait_for()
    finding = Finding.objects.get()
    assert (finding.category, finding.walk, finding.created_by) == (
        "belysning",
        walk,
        world.reporter,
    )
    assert finding.incident is not None
    stored = Path(media) / finding.photos.get().image.name
    assert stored.exists()
    # Ready for the next finding, and nothing wider than the phone.
    assert page.url.endswith(reverse("walk-add-finding", args=[walk.pk]))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
