"""Photos of findings: checked by content, limited in size, resized, stored without EXIF."""

from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from trygg.incidents.models import Incident
from trygg.photos import MAX_SIDE, PhotoError, clean_photo
from trygg.walks.models import Finding, FindingPhoto

from .helpers import INSIDE, jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


def note_with_photos(client, walk, *photos):
    data = {"category": "belysning", "note": "Trasig lampa", "photos": list(photos)} | INSIDE
    return client.post(reverse("walk-add-finding", args=[walk.pk]), data)


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_a_phone_photo_is_stored_resized_and_without_exif(client, world, walk, media):
    original = jpeg_with_gps()
    with Image.open(BytesIO(original)) as phone:  # the test photo really carries GPS
        assert phone.getexif().get_ifd(0x8825)[2] == (57.0, 45.0, 18.0)
        assert phone.getexif()[0x0110] == "Fickkamera 3000"

    client.force_login(world.reporter)
    response = note_with_photos(client, walk, upload("IMG_0042.jpg", original))
    assert response.status_code == 302
    photo = FindingPhoto.objects.get()

    # Read the file back from where it was stored, not from anything in memory.
    path = Path(media) / photo.image.name
    assert stored_files(Path(media)) == [path]
    assert path.parent == Path(media) / "walks" / str(walk.pk)
    assert "IMG_0042" not in path.name
    with Image.open(path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) == MAX_SIDE == 1600
        assert stored.size == (photo.width, photo.height) == (1600, 1200)
        assert len(stored.getexif()) == 0
        assert stored.getexif().get_ifd(0x8825) == {}
        assert not {"exif", "xmp", "icc_profile"} & set(stored.info)
    assert b"Fickkamera" not in path.read_bytes() and b"Exif" not in path.read_bytes()


def test_an_upright_photo_stays_upright(world):
    """A phone holds the camera sideways and says so in EXIF; the stored photo is turned."""
    image = Image.new("RGB", (400, 300), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    clean = clean_photo(upload("sideways.jpg", out.getvalue()))
    assert (clean.width, clean.height) == (300, 400)


def test_a_png_with_transparency_becomes_a_jpeg(world):
    image = Image.new("RGBA", (50, 40), (0, 0, 0, 0))
    out = BytesIO()
    image.save(out, "PNG")
    clean = clean_photo(upload("skiss.png", out.getvalue(), "image/png"))
    with Image.open(BytesIO(clean.content)) as stored:
        assert (stored.format, stored.mode, stored.getpixel((0, 0))) == (
            "JPEG",
            "RGB",
            (255, 255, 255),
        )


def test_a_jpg_that_is_really_text_is_refused_by_content(client, world, walk, media):
    fake = upload("lampa.jpg", "Det här är ingen bild, bara text.\n".encode() * 20)
    client.force_login(world.reporter)
    with translation.override("en"):
        response = note_with_photos(client, walk, fake)
    assert response.status_code == 200
    errors = response.context["form"].errors["photos"]
    assert errors == [
        "lampa.jpg är inte en bild som Trygg kan läsa. Välj en bild i JPEG, PNG eller WebP."
    ]
    # Nothing of the finding is stored: no finding, no incident, no file.
    assert not Finding.objects.exists() and not Incident.objects.exists()
    assert stored_files(Path(media)) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("halv.jpg", jpeg_with_gps((200, 100))[:400]),  # cut off in the middle
        ("sida.gif", b"GIF89a" + b"\0" * 50),  # a format that is not a photo
        ("tom.jpg", b""),
    ],
)
def test_broken_and_unaccepted_files_are_refused(world, name, content):
    with pytest.raises(PhotoError, match=name):
        clean_photo(upload(name, content))


def test_a_photo_over_10_mb_is_refused_before_it_is_read(client, world, walk, media):
    huge = upload("stor.jpg", b"\xff\xd8" + b"\0" * (10 * 1024 * 1024))
    client.force_login(world.reporter)
    with translation.override("en"):
        response = note_with_photos(client, walk, huge)
    assert "stor.jpg är 10.0 MB; ett foto får vara högst 10 MB." in str(
        response.context["form"].errors["photos"]
    )
    assert not Finding.objects.exists() and stored_files(Path(media)) == []


def test_photos_are_served_only_to_those_who_may_see_the_finding(
    client, world, walk, housing, settings
):
    client.force_login(world.reporter)
    note_with_photos(client, walk, upload("a.jpg", jpeg_with_gps((300, 200))))
    photo = FindingPhoto.objects.get()
    url = reverse("walk-photo", args=[photo.pk])

    for user in (world.reporter, world.viewer):  # people of the walk
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert "private" in response["Cache-Control"]
    client.force_login(housing.viewer)  # not yet the owner: nothing
    assert client.get(url).status_code == 404
    Finding.objects.update(owner=housing.company)
    assert client.get(url).status_code == 200  # the owner's people see it

    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    # And there is no public address for the file itself.
    assert client.get("/" + settings.MEDIA_URL + photo.image.name).status_code == 404


def test_deleting_a_walk_removes_its_photo_files(
    client, world, walk, media, django_capture_on_commit_callbacks
):
    client.force_login(world.reporter)
    note_with_photos(client, walk, upload("a.jpg", jpeg_with_gps((300, 200))))
    assert len(stored_files(Path(media))) == 1
    with django_capture_on_commit_callbacks(execute=True):
        walk.delete()
    assert stored_files(Path(media)) == []
