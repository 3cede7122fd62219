"""Open311 GeoReport v2: the spec's fields and types, submitting, and what is never public."""

import io
import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from trygg.citizens import ratelimit, services
from trygg.citizens.models import CitizenReport
from trygg.incidents.models import Category
from trygg.privacy import MASK

from .conftest import EXACT_LAT, EXACT_LON, photo_bytes, received

pytestmark = pytest.mark.django_db

SERVICES = "/open311/v2/services.json"
REQUESTS = "/open311/v2/requests.json"
SERVICES_XML = "/open311/v2/services.xml"
REQUESTS_XML = "/open311/v2/requests.xml"

SERVICE_FIELDS = {
    "service_code": str,
    "service_name": str,
    "description": str,
    "metadata": bool,
    "type": str,
    "keywords": str,
    "group": str,
}
# Each field's type: a string, a number or null, as the GeoReport v2 field list describes them.
REQUEST_FIELDS = {
    "service_request_id": (str,),
    "status": (str,),
    "status_notes": (str, type(None)),
    "service_name": (str,),
    "service_code": (str,),
    "description": (str, type(None)),
    "agency_responsible": (str, type(None)),
    "service_notice": (str, type(None)),
    "requested_datetime": (str,),
    "updated_datetime": (str, type(None)),
    "expected_datetime": (str, type(None)),
    "address": (str, type(None)),
    "address_id": (str, type(None)),
    "zipcode": (str, type(None)),
    "lat": (float, type(None)),
    "long": (float, type(None)),
    "media_url": (str, type(None)),
}
POST_FIELDS = {"service_request_id": (str,), "service_notice": (str,), "account_id": (type(None),)}


def assert_spec_shape(item: dict, fields: dict) -> None:
    assert set(item) == set(fields), set(item) ^ set(fields)
    for name, types in fields.items():
        assert isinstance(item[name], types), (name, item[name])


def assert_w3c(value: str) -> None:
    moment = timezone.datetime.fromisoformat(value)
    assert moment.tzinfo is not None


def parsed_xml(response) -> ET.Element:
    """The answer's XML, after checking it is what the spec's clients expect to read."""
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(response.content)


def xml_items(response, root: str, item: str) -> list[dict[str, str]]:
    """The items of an XML list, each as its children's tags and texts, in the order sent."""
    element = parsed_xml(response)
    assert element.tag == root
    assert [child.tag for child in element] == [item] * len(element)
    return [{child.tag: child.text or "" for child in entry} for entry in element]


def as_xml_text(value) -> str:
    """What a JSON value is in the spec's XML: true/false, and an empty element for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def assert_error(response, status: int) -> None:
    """The spec's errors, in JSON or XML: each a code (the HTTP status) and a description."""
    assert response.status_code == status
    if response["Content-Type"].startswith("text/xml"):
        body = [
            {"code": int(error["code"]), "description": error["description"]}
            for error in xml_items(response, "errors", "error")
        ]
    else:
        body = response.json()
    assert isinstance(body, list) and body
    for error in body:
        assert list(error) == ["code", "description"]
        assert error["code"] == status
        assert isinstance(error["description"], str) and error["description"]


def post(client, url=REQUESTS, **fields):
    data = {
        "service_code": "klotter",
        "lat": str(EXACT_LAT),
        "long": str(EXACT_LON),
        "description": "Klotter på skolans vägg",
    }
    return client.post(url, data | fields)


# What an Open311 client may send about the reporter; Trygg stores none of it.
NOT_STORED = {
    "first_name": "Sven",
    "last_name": "Svensson",
    "phone": "070-1234567",
    "device_id": "abc-123",
    "account_id": "konto-4711",
}


def assert_nothing_of(sent: dict, report: CitizenReport) -> None:
    """No stored field of the report, the photo's file name included, holds any of the values."""
    report.refresh_from_db()
    stored = [str(getattr(report, field.attname)) for field in report._meta.concrete_fields]
    for value in sent.values():
        assert not [field for field in stored if value in field], value


def accepted(world, coordinator=None, **fields) -> CitizenReport:
    report = received(world, **fields)
    services.accept(report, coordinator or world.coordinator, report.category, report.text)
    report.refresh_from_db()
    return report


# --- services ---------------------------------------------------------------------------


def test_services_are_the_categories_with_the_spec_fields(client, db):
    response = client.get(SERVICES)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    services_list = response.json()
    assert [s["service_code"] for s in services_list] == list(
        Category.objects.values_list("slug", flat=True)
    )
    for service in services_list:
        assert_spec_shape(service, SERVICE_FIELDS)
        assert service["type"] in {"realtime", "batch", "blackbox"}
        assert service["metadata"] is False


def test_services_in_xml_are_the_same_services_with_the_spec_elements(client, db):
    services_list = xml_items(client.get(SERVICES_XML), "services", "service")
    for service in services_list:
        assert list(service) == list(SERVICE_FIELDS)
        assert service["metadata"] == "false"
    as_json = client.get(SERVICES).json()
    assert services_list == [
        {name: as_xml_text(value) for name, value in service.items()} for service in as_json
    ]


def test_an_unknown_format_is_a_json_error(client, world):
    for url in (
        "/open311/v2/services.csv",
        "/open311/v2/services/klotter.csv",
        "/open311/v2/requests.csv",
        "/open311/v2/requests/1.csv",
        "/open311/v2/discovery.html",
    ):
        response = client.get(url)
        assert response["Content-Type"] == "application/json", url
        assert_error(response, 404)
    assert_error(post(client, url="/open311/v2/requests.csv"), 404)
    assert not CitizenReport.objects.exists()


def test_errors_come_in_the_format_asked_for(client, world):
    assert_error(client.get(SERVICES_XML, {"jurisdiction_id": "9999"}), 404)
    assert_error(client.get("/open311/v2/requests/999999.xml"), 404)
    assert_error(client.get(REQUESTS_XML, {"status": "pending"}), 400)
    assert_error(post(client, url=REQUESTS_XML, service_code="potholes", lat="91"), 400)
    (error,) = xml_items(client.get("/open311/v2/services/potholes.xml"), "errors", "error")
    assert error["code"] == "404" and "potholes" in error["description"]


def test_a_service_definition_has_no_attributes(client, db):
    response = client.get("/open311/v2/services/klotter.json")
    assert response.status_code == 200
    assert response.json() == {"service_code": "klotter", "attributes": []}
    definition = parsed_xml(client.get("/open311/v2/services/klotter.xml"))
    assert definition.tag == "service_definition"
    assert [(child.tag, child.text) for child in definition] == [
        ("service_code", "klotter"),
        ("attributes", None),
    ]
    assert len(definition.find("attributes")) == 0
    assert_error(client.get("/open311/v2/services/potholes.json"), 404)
    assert_error(client.get("/open311/v2/services/klotter.json", {"jurisdiction_id": "9"}), 404)


def test_discovery_names_this_server_and_both_formats(client, db, settings):
    settings.ALLOWED_HOSTS = ["trygg.example.se", "testserver"]
    response = client.get("/open311/v2/discovery.json", HTTP_HOST="trygg.example.se", secure=True)
    assert response.status_code == 200
    found = response.json()
    assert list(found) == ["changeset", "contact", "key_service", "endpoints"]
    (entry,) = found["endpoints"]
    assert entry == {
        "specification": "http://wiki.open311.org/GeoReport_v2",
        "url": "https://trygg.example.se/open311/v2",
        "changeset": found["changeset"],
        "type": "production",
        "formats": ["text/xml", "application/json"],
    }
    assert client.get(f"{entry['url']}/services.json").status_code == 200
    assert_w3c(found["changeset"])

    discovered = parsed_xml(client.get("/open311/v2/discovery.xml"))
    assert discovered.tag == "discovery"
    (endpoint,) = discovered.find("endpoints")
    assert endpoint.tag == "endpoint"
    assert endpoint.findtext("url") == "http://testserver/open311/v2"
    assert [f.text for f in endpoint.find("formats")] == ["text/xml", "application/json"]
    assert [f.tag for f in endpoint.find("formats")] == ["format", "format"]


def test_an_unknown_jurisdiction_is_not_found(client, world):
    assert_error(client.get(SERVICES, {"jurisdiction_id": "9999"}), 404)
    assert client.get(SERVICES, {"jurisdiction_id": "0883"}).status_code == 200


# --- POST -------------------------------------------------------------------------------


def test_a_form_encoded_post_reaches_moderation(
    client, world, town, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            email="app@example.se",
            description="Klotter, 19121212-1212 gjorde det",
            **NOT_STORED,
        )
    assert response.status_code == 200
    (answer,) = response.json()
    assert_spec_shape(answer, POST_FIELDS)
    report = CitizenReport.objects.get()
    assert answer["service_request_id"] == str(report.pk)
    assert "112" in answer["service_notice"] and "114 14" in answer["service_notice"]
    assert report.status == CitizenReport.Status.RECEIVED
    assert report.channel == CitizenReport.Channel.OPEN311
    assert report.category.slug == "klotter"
    assert report.municipality == world.vastervik  # found from the point's area
    assert report.text == f"Klotter, {MASK} gjorde det"
    assert report.email == "app@example.se"
    assert_nothing_of(NOT_STORED, report)
    assert mail.outbox[0].to == ["app@example.se"]
    # Not public until accepted.
    assert client.get(REQUESTS).json() == []
    assert_error(client.get(f"/open311/v2/requests/{report.pk}.json"), 404)


def test_a_post_to_the_xml_list_reaches_moderation_and_answers_in_xml(client, world, town):
    response = post(client, url=REQUESTS_XML, email="app@example.se", **NOT_STORED)
    assert response.status_code == 200
    (answer,) = xml_items(response, "service_requests", "request")
    assert list(answer) == list(POST_FIELDS)
    report = CitizenReport.objects.get()
    assert answer["service_request_id"] == str(report.pk)
    assert "112" in answer["service_notice"] and "114 14" in answer["service_notice"]
    assert answer["account_id"] == ""
    # In the coordinators' queue, and nowhere public until accepted.
    assert report.status == CitizenReport.Status.RECEIVED
    assert report.channel == CitizenReport.Channel.OPEN311
    assert report.municipality == world.vastervik
    assert_nothing_of(NOT_STORED, report)
    assert xml_items(client.get(REQUESTS_XML), "service_requests", "request") == []
    assert_error(client.get(f"/open311/v2/requests/{report.pk}.xml"), 404)


def test_names_phone_device_and_account_ids_are_never_stored(client, world, town):
    media = SimpleUploadedFile("Sven Svensson.jpg", photo_bytes(), content_type="image/jpeg")
    assert post(client, media=media, **NOT_STORED).status_code == 200
    assert post(client, url=REQUESTS_XML, **NOT_STORED).status_code == 200
    for report in CitizenReport.objects.all():
        assert_nothing_of(NOT_STORED, report)


def test_a_post_with_an_address_and_a_photo(client, world):
    media = SimpleUploadedFile("IMG_1.jpg", photo_bytes(), content_type="image/jpeg")
    response = post(
        client, lat="", long="", address_string="Storgatan 1", jurisdiction_id="0883", media=media
    )
    assert response.status_code == 200
    report = CitizenReport.objects.get()
    assert (report.address, report.latitude) == ("Storgatan 1", None)
    with report.photo.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert len(image.getexif()) == 0


def test_post_refusals_are_spec_errors_and_store_nothing(client, world, town, monkeypatch):
    monkeypatch.setattr(ratelimit, "REPORTS_PER_HOUR", 20)  # refusals count too: room for all
    assert_error(post(client, service_code=""), 400)
    assert_error(post(client, service_code="potholes"), 400)
    assert_error(post(client, lat="", long=""), 400)
    assert_error(post(client, lat="91"), 400)
    assert_error(post(client, email="inte-en-adress"), 400)
    assert_error(post(client, description="x" * 2001), 400)
    assert_error(post(client, jurisdiction_id="9999"), 404)
    assert_error(post(client, jurisdiction_id="1082"), 400)  # the point is in Västervik's area
    not_a_photo = SimpleUploadedFile("a.jpg", b"GIF89a nope", content_type="image/jpeg")
    assert_error(post(client, media=not_a_photo), 400)
    assert not CitizenReport.objects.exists()


def test_without_jurisdiction_the_point_or_the_only_municipality_decides(client, world):
    # Västervik and Karlshamn are both served and no area holds the point: ask which.
    assert_error(post(client), 400)
    assert post(client, jurisdiction_id="0883").status_code == 200
    world.outsider_org.municipalities.clear()
    assert post(client).status_code == 200
    assert set(CitizenReport.objects.values_list("municipality", flat=True)) == {world.vastervik.pk}


def test_api_keys_are_ignored_unless_configured(client, world, settings):
    assert post(client, jurisdiction_id="0883", api_key="anything").status_code == 200
    settings.TRYGG_OPEN311_API_KEYS = ["nyckel-1"]
    assert_error(post(client, jurisdiction_id="0883"), 403)
    assert_error(post(client, jurisdiction_id="0883", api_key="fel"), 403)
    assert post(client, jurisdiction_id="0883", api_key="nyckel-1").status_code == 200
    assert CitizenReport.objects.count() == 2


def test_posts_share_the_forms_rate_limit(client, world):
    for _ in range(ratelimit.REPORTS_PER_HOUR):
        assert post(client, jurisdiction_id="0883").status_code == 200
    assert_error(post(client, jurisdiction_id="0883"), 429)
    assert CitizenReport.objects.count() == ratelimit.REPORTS_PER_HOUR
    # ... and the web form is refused too.
    assert client.post(reverse("citizen-report"), {}).status_code == 429


def test_a_post_larger_than_any_report_is_refused(client, world, monkeypatch):
    from trygg.citizens import views

    monkeypatch.setattr(views, "MAX_REQUEST_BYTES", 500)
    assert_error(post(client, jurisdiction_id="0883", description="x" * 800), 413)
    assert not CitizenReport.objects.exists()


# --- GET: only accepted reports, never the exact point ----------------------------------


def test_only_accepted_reports_are_listed_with_the_spec_fields(client, world, town):
    shown = accepted(world, text="Trasig lampa vid 19121212-1212", email="syns@example.se")
    waiting = received(world, text="Väntar på beslut")
    rejected = received(world, text="Avvisad rapport")
    services.reject(rejected, world.coordinator, "Nej.")
    merged = received(world, text="Sammanslagen rapport")
    services.merge(merged, world.coordinator, shown.incident)

    response = client.get(REQUESTS)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    (item,) = response.json()
    assert_spec_shape(item, REQUEST_FIELDS)
    assert item["service_request_id"] == str(shown.pk)
    assert item["status"] in {"open", "closed"}
    assert item["service_code"] == "otrygg-plats"
    assert item["description"] == f"Trasig lampa vid {MASK}"
    assert item["agency_responsible"] == world.municipality.name
    assert item["address"] == "Västervik centrum, Västervik"
    assert_w3c(item["requested_datetime"])
    assert_w3c(item["updated_datetime"])
    # The area's centroid, not where the reporter stood.
    assert (item["lat"], item["long"]) == (57.76, 16.64)
    assert item["media_url"] is None

    body = response.content.decode()
    for secret in (
        str(EXACT_LAT),
        str(EXACT_LON),
        "57.7577",
        "16.637",
        "syns@example.se",
        "boende@example.se",
        "19121212",
        "Väntar på beslut",
        "Avvisad rapport",
        "Sammanslagen rapport",
    ):
        assert secret not in body
    for hidden in (waiting, rejected, merged):
        assert_error(client.get(f"/open311/v2/requests/{hidden.pk}.json"), 404)


def test_one_request_is_a_list_of_one(client, world, town):
    shown = accepted(world)
    response = client.get(f"/open311/v2/requests/{shown.pk}.json")
    assert response.status_code == 200
    (item,) = response.json()
    assert_spec_shape(item, REQUEST_FIELDS)
    assert item["service_request_id"] == str(shown.pk)
    assert_error(client.get("/open311/v2/requests/abc.json"), 404)
    assert_error(client.get("/open311/v2/requests/999999.json"), 404)


def test_xml_requests_are_the_json_requests_with_the_spec_elements(client, world, town):
    shown = accepted(world, text="Trasig lampa vid 19121212-1212 & <torget>")
    accepted(world)
    waiting = received(world, text="Väntar på beslut")
    for query in ({}, {"service_request_id": f"{shown.pk},{waiting.pk}"}):
        response = client.get(REQUESTS_XML, query)
        assert response.status_code == 200
        items = xml_items(response, "service_requests", "request")
        assert items and all(list(item) == list(REQUEST_FIELDS) for item in items)
        as_json = client.get(REQUESTS, query).json()
        assert items == [
            {name: as_xml_text(value) for name, value in item.items()} for item in as_json
        ]
        assert str(waiting.pk) not in {item["service_request_id"] for item in items}
        assert "Väntar på beslut" not in response.content.decode()
    (one,) = xml_items(
        client.get(f"/open311/v2/requests/{shown.pk}.xml"), "service_requests", "request"
    )
    assert one["description"] == f"Trasig lampa vid {MASK} & <torget>"
    assert (one["lat"], one["long"], one["media_url"]) == ("57.76", "16.64", "")
    assert_error(client.get(f"/open311/v2/requests/{waiting.pk}.xml"), 404)


def test_a_character_xml_cannot_carry_is_left_out_of_the_xml(client, world):
    shown = accepted(world, text="Lampan\x0b trasig\x1f")
    (item,) = xml_items(
        client.get(f"/open311/v2/requests/{shown.pk}.xml"), "service_requests", "request"
    )
    assert item["description"] == "Lampan trasig"


def test_without_an_area_there_is_no_position_at_all(client, world):
    shown = accepted(world)  # no area holds the point
    (item,) = client.get(f"/open311/v2/requests/{shown.pk}.json").json()
    assert (item["lat"], item["long"]) == (None, None)
    assert item["address"] == "Västervik"
    assert str(EXACT_LAT) not in json.dumps(item)


def test_the_list_takes_the_specs_filters(client, world, town):
    graffiti = accepted(world, category=Category.objects.get(slug="klotter"))
    dark = accepted(world)

    def ids(**query):
        response = client.get(REQUESTS, query)
        assert response.status_code == 200, response.content
        return {item["service_request_id"] for item in response.json()}

    assert ids() == {str(graffiti.pk), str(dark.pk)}
    assert ids(service_code="klotter") == {str(graffiti.pk)}
    assert ids(service_code="klotter,otrygg-plats") == {str(graffiti.pk), str(dark.pk)}
    assert ids(service_request_id=f"{dark.pk}") == {str(dark.pk)}
    assert ids(status="open") == set()
    assert ids(status="open,closed") == {str(graffiti.pk), str(dark.pk)}
    assert ids(jurisdiction_id="0883") == {str(graffiti.pk), str(dark.pk)}
    tomorrow = (timezone.now() + timedelta(days=1)).isoformat()
    assert ids(start_date=tomorrow) == set()
    assert ids(end_date=tomorrow) == {str(graffiti.pk), str(dark.pk)}
    assert_error(client.get(REQUESTS, {"start_date": "igår"}), 400)
    assert_error(client.get(REQUESTS, {"start_date": "2025-03-01T00:00:00"}), 400)  # no zone
    assert_error(client.get(REQUESTS, {"status": "pending"}), 400)
    assert_error(client.get(REQUESTS, {"service_request_id": "1;DROP"}), 400)
    assert ids(jurisdiction_id="1082") == set()


def test_the_public_pages_show_no_report_before_it_is_accepted(client, world, town):
    received(world, text="Hemlig iakttagelse vid torget", address="Lillgatan 3")
    for url in (reverse("citizen-report"), reverse("citizen-report-thanks"), "/medborgarloften/"):
        html = client.get(url).content.decode()
        assert "Hemlig iakttagelse" not in html
        assert "Lillgatan 3" not in html
        assert str(EXACT_LAT) not in html and "57.7577" not in html
    assert client.get(REQUESTS).json() == []


def test_refused_posts_count_toward_the_rate_limit_too(client, world):
    """A bad service_code beside a photo costs work: it is counted like a report."""
    photo = SimpleUploadedFile("bild.png", photo_bytes(), content_type="image/png")
    assert_error(post(client, jurisdiction_id="0883", service_code="finns-inte", media=photo), 400)
    for _ in range(ratelimit.REPORTS_PER_HOUR - 1):
        assert_error(post(client, jurisdiction_id="0883", service_code="finns-inte"), 400)
    assert_error(post(client, jurisdiction_id="0883"), 429)  # now even a valid one
    assert not CitizenReport.objects.exists()
    assert client.post(reverse("citizen-report"), {}).status_code == 429


def test_the_count_is_kept_in_the_database_shared_by_every_process(client, world, settings):
    from django.core.cache import caches
    from django.db import connection

    from trygg import settings as production

    assert production.CACHES["default"]["BACKEND"].endswith("DatabaseCache")  # the default
    settings.CACHES = production.CACHES  # the table is made by `migrate`
    assert type(caches["default"]).__name__ == "DatabaseCache"
    post(client, jurisdiction_id="0883", service_code="finns-inte")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM trygg_cache")
        keys = [key for (key,) in cursor.fetchall()]
    assert len(keys) == 1 and keys[0].endswith(ratelimit._key(client.get(REQUESTS).wsgi_request))
