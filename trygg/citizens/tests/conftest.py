"""What the citizen-report tests share: stored photos, a town area."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from trygg.citizens import services
from trygg.citizens.models import CitizenReport
from trygg.geo.models import Area
from trygg.incidents.models import Category

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A point by Stora torget in Västervik, inside the town area below.
EXACT_LAT, EXACT_LON = 57.757712, 16.637043


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Photos are stored under the test's own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def town(world) -> Area:
    """The town of Västervik as an area, a rectangle whose centroid is (57.76, 16.64)."""
    return Area.objects.create(
        municipality=world.vastervik,
        name="Västervik centrum",
        slug="centrum",
        geometry={
            "type": "Polygon",
            "coordinates": [
                [[16.58, 57.73], [16.70, 57.73], [16.70, 57.79], [16.58, 57.79], [16.58, 57.73]]
            ],
        },
    )


def photo_bytes(size=(3000, 2000), image_format="JPEG") -> bytes:
    """A phone photo: a camera make and model, a GPS position, and turned on its side (EXIF)."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Telefonmakarna AB"  # Make
    exif[0x0110] = "Modell 15"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° to show upright
    exif[0x8825] = {1: "N", 2: (57.0, 45.0, 27.76), 3: "E", 4: (16.0, 38.0, 13.35)}  # GPS
    output = io.BytesIO()
    image.save(output, format=image_format, exif=exif)
    return output.getvalue()


def received(world, **fields) -> CitizenReport:
    """A report waiting in Västervik's queue, as the form would have stored it."""
    defaults = {
        "channel": CitizenReport.Channel.FORM,
        "municipality": world.vastervik,
        "category": Category.objects.get(slug="otrygg-plats"),
        "happened_at": datetime(2025, 3, 5, 21, 30, tzinfo=STOCKHOLM),
        "latitude": EXACT_LAT,
        "longitude": EXACT_LON,
        "text": "Mörkt vid gångtunneln, lamporna är trasiga.",
        "email": "boende@example.se",
    }
    return services.submit(**(defaults | fields))
