"""The public form: no login, the 112 / 114 14 notice first, and what it refuses."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from trygg import photos
from trygg.citizens import ratelimit, views
from trygg.citizens.models import TEXT_MAX_LENGTH, CitizenReport
from trygg.incidents.models import Category
from trygg.privacy import MASK

from .conftest import EXACT_LAT, EXACT_LON, photo_bytes

pytestmark = pytest.mark.django_db
URL = "/medborgarrapport/"


def form_data(world, **overrides) -> dict:
    data = {
        "municipality": world.vastervik.pk,
        "category": Category.objects.get(slug="otrygg-plats").pk,
        "latitude": str(EXACT_LAT),
        "longitude": str(EXACT_LON),
        "address": "",
        "happened_at": "2025-03-05T21:30",
        "text": "Mörkt vid gångtunneln, lamporna är trasiga.",
        "email": "",
        "website": "",
    }
    return data | overrides


def test_the_form_is_public_and_says_112_and_114_14_before_anything_else(client, world):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    top = html[html.index('<main id="main">') : html.index('enctype="multipart/form-data"')]
    assert 'href="tel:112"' in top
    assert 'href="tel:11414">114&nbsp;14<' in top  # kept on one line
    # Leaflet from the package and the shared map script, nothing from another server.
    assert "/static/leaflet/leaflet.js" in html
    assert "/static/trygg/report-map.js" in html
    assert not re.search(r'(src|href)="https?://', html)


def test_the_notice_says_the_form_is_not_a_police_report(client, world):
    client.cookies["django_language"] = "en"
    html = client.get(URL).content.decode()
    notice = html[html.index('<main id="main">') : html.index('enctype="multipart/form-data"')]
    assert "Emergency? Call" in notice
    assert "To report a crime, call the police on" in notice
    assert "This form is not a police report." in notice


def test_a_report_from_the_form_reaches_moderation(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, form_data(world, text="Sågs av 19121212-1212 vid kiosken", email="a@example.se")
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("citizen-report-thanks")
    report = CitizenReport.objects.get()
    assert report.status == CitizenReport.Status.RECEIVED
    assert report.channel == CitizenReport.Channel.FORM
    assert report.municipality == world.vastervik
    assert report.text == f"Sågs av {MASK} vid kiosken"
    assert (report.latitude, report.longitude) == (EXACT_LAT, EXACT_LON)
    assert report.incident is None
    # The reporter hears that it arrived, and nothing else.
    (message,) = mail.outbox
    assert message.to == ["a@example.se"]
    assert f"{report.pk}" in message.subject
    assert "19121212" not in message.body


def test_an_address_alone_will_do_but_nowhere_will_not(client, world):
    response = client.post(URL, form_data(world, latitude="", longitude="", address="Storgatan 1"))
    assert response.status_code == 302
    assert CitizenReport.objects.get().address == "Storgatan 1"
    response = client.post(URL, form_data(world, latitude="", longitude="", address=""))
    assert response.status_code == 200
    assert "address" in response.context["form"].errors
    assert CitizenReport.objects.count() == 1


def test_errors_are_linked_to_their_fields(client, world):
    response = client.post(URL, form_data(world, category="", email="not-an-email"))
    html = response.content.decode()
    # The summary links to each field; each field points at its own message.
    assert 'href="#id_email"' in html
    assert 'href="#id_category_0"' in html
    assert re.search(r'<input[^>]*aria-describedby="[^"]*id_email_error[^"]*"', html)
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*name="email"', html) or re.search(
        r'<input[^>]*name="email"[^>]*aria-invalid="true"', html
    )
    assert 'id="id_email_error"' in html
    assert 'id="id_category_error"' in html
    assert 'aria-describedby="id_category_error"' in html
    assert '<label for="id_text"' in html
    assert not CitizenReport.objects.exists()


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, world):
    response = client.post(URL, form_data(world, website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == reverse("citizen-report-thanks")
    assert not CitizenReport.objects.exists()
    assert not mail.outbox


def test_the_honeypot_is_hidden_from_people(client, world):
    html = client.get(URL).content.decode()
    start = html.index('name="website"')
    wrapper = html.rfind("<div", 0, start)
    assert 'aria-hidden="true"' in html[wrapper:start]
    # By the stylesheet's class: the Content-Security-Policy refuses style attributes.
    assert 'class="honeypot"' in html[wrapper:start]
    stylesheet = Path(finders.find("trygg/trygg.css")).read_text()
    assert ".honeypot { position: absolute; left: -10000px; }" in stylesheet
    assert 'tabindex="-1"' in html[wrapper : html.index(">", start)]


def test_the_rate_limit_refuses_the_sixth_report_in_an_hour(client, world):
    for _ in range(ratelimit.REPORTS_PER_HOUR):
        assert client.post(URL, form_data(world)).status_code == 302
    response = client.post(URL, form_data(world))
    assert response.status_code == 429
    assert 'href="tel:112"' in response.content.decode()
    assert CitizenReport.objects.count() == ratelimit.REPORTS_PER_HOUR
    # Another address is not affected.
    assert client.post(URL, form_data(world), REMOTE_ADDR="10.0.0.7").status_code == 302


def test_the_rate_limit_counts_the_address_a_trusted_proxy_saw(client, world, settings):
    settings.TRYGG_TRUSTED_PROXIES = 1
    for _ in range(ratelimit.REPORTS_PER_HOUR):
        client.post(URL, form_data(world), HTTP_X_FORWARDED_FOR="203.0.113.9")
    # A forged first entry does not make a new client: the proxy's entry is the last one.
    forged = "198.51.100.1, 203.0.113.9"
    assert client.post(URL, form_data(world), HTTP_X_FORWARDED_FOR=forged).status_code == 429
    assert (
        client.post(URL, form_data(world), HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 302
    )


def test_the_form_still_needs_its_csrf_token(world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, form_data(world)).status_code == 403
    page = strict.get(URL)
    token = page.context["csrf_token"]
    data = form_data(world, csrfmiddlewaretoken=str(token))
    assert strict.post(URL, data).status_code == 302
    assert CitizenReport.objects.count() == 1


def test_text_longer_than_the_limit_is_refused(client, world):
    response = client.post(URL, form_data(world, text="x" * (TEXT_MAX_LENGTH + 1)))
    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    assert not CitizenReport.objects.exists()


def test_a_request_larger_than_any_report_is_refused_unread(client, world, monkeypatch):
    monkeypatch.setattr(views, "MAX_REQUEST_BYTES", 1000)
    response = client.post(URL, form_data(world, text="x" * 1500))
    assert response.status_code == 413
    assert not CitizenReport.objects.exists()


def test_a_photo_is_stored_upright_small_and_without_exif(client, world):
    upload = SimpleUploadedFile("IMG_2041.jpg", photo_bytes(), content_type="image/jpeg")
    response = client.post(URL, form_data(world, photo=upload))
    assert response.status_code == 302
    report = CitizenReport.objects.get()
    assert "IMG_2041" not in report.photo.name
    with report.photo.open("rb") as stored:
        raw = stored.read()
    assert b"Telefonmakarna" not in raw and b"Modell 15" not in raw
    image = Image.open(io.BytesIO(raw))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert "exif" not in image.info
    # Turned upright by its orientation tag, then shrunk: 3000×2000 on its side → 1067×1600.
    assert image.size == (1067, 1600)


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client, world):
    upload = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")
    response = client.post(URL, form_data(world, photo=upload))
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not CitizenReport.objects.exists()


def test_an_image_format_not_taken_is_refused(client, world):
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, format="GIF")
    upload = SimpleUploadedFile("bild.jpg", gif.getvalue(), content_type="image/jpeg")
    response = client.post(URL, form_data(world, photo=upload))
    assert "photo" in response.context["form"].errors


def test_a_photo_over_the_size_limit_is_refused(client, world, monkeypatch):
    monkeypatch.setattr(photos, "MAX_UPLOAD_BYTES", 1000)
    upload = SimpleUploadedFile("stor.jpg", photo_bytes(), content_type="image/jpeg")
    response = client.post(URL, form_data(world, photo=upload))
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not CitizenReport.objects.exists()


def test_the_time_cannot_be_in_the_future(client, world):
    response = client.post(URL, form_data(world, happened_at="2999-01-01T12:00"))
    assert "happened_at" in response.context["form"].errors


def test_a_point_in_another_municipalitys_area_is_refused(client, world, town):
    karlshamn = world.outsider_org.municipalities.get()
    response = client.post(URL, form_data(world, municipality=karlshamn.pk))
    assert "municipality" in response.context["form"].errors
    assert not CitizenReport.objects.exists()
    assert client.post(URL, form_data(world)).status_code == 302


def test_only_municipalities_someone_serves_can_be_chosen(client, world):
    from trygg.geo.models import Municipality

    unserved = Municipality.objects.create(name="Torsås", scb_code="0834")
    response = client.post(URL, form_data(world, municipality=unserved.pk))
    assert "municipality" in response.context["form"].errors


def test_invalid_posts_count_toward_the_rate_limit(client, world):
    for _ in range(ratelimit.REPORTS_PER_HOUR):
        response = client.post(URL, form_data(world, text="x" * (TEXT_MAX_LENGTH + 1)))
        assert response.status_code == 200  # the form again, with its error
    assert client.post(URL, form_data(world)).status_code == 429
    assert not CitizenReport.objects.exists()
