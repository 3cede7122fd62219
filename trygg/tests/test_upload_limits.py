"""Uploads are bounded: by size before they are stored, and zips by what they unpack to."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from trygg.extract.documents import DocumentError, read_document
from trygg.geo.area_import import import_areas
from trygg.geo.models import Area
from trygg.incidents.importers import ImportAborted, import_file
from trygg.incidents.models import ImportJob, Incident
from trygg.participation.models import SurveyResult

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TRYGG_MAX_UPLOAD_MB = 1
    settings.TRYGG_MAX_UNZIPPED_MB = 5


def bomb(member: str, megabytes: int = 8) -> bytes:
    """A small zip whose one member unpacks to megabytes of zeros (a ratio near 1000)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, b"\0" * (megabytes * 1024 * 1024))
    return buffer.getvalue()


def nothing_stored(settings) -> bool:
    media = Path(settings.MEDIA_ROOT)
    return not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_an_incident_import_larger_than_the_limit_is_refused_before_it_is_stored(
    client, world, settings
):
    client.force_login(world.coordinator)
    big = SimpleUploadedFile("handelser.json", b" " * (1024 * 1024 + 1))
    response = client.post(
        reverse("import-upload"),
        {"kind": "polisen-events", "file": big, "organisation": world.municipality.pk},
    )
    assert response.status_code == 200
    assert "Filen är 1 MB; gränsen är 1 MB." in response.content.decode()
    assert not ImportJob.objects.exists()
    assert nothing_stored(settings)


def test_an_xlsx_that_unpacks_to_too_much_is_refused_on_upload_and_on_import(
    client, world, settings, tmp_path
):
    data = bomb("xl/worksheets/sheet1.xml")
    assert len(data) < 1024 * 1024
    client.force_login(world.coordinator)
    response = client.post(
        reverse("import-upload"),
        {
            "kind": "police-extract",
            "file": SimpleUploadedFile("anmalningar.xlsx", data),
            "organisation": world.municipality.pk,
        },
    )
    assert "Filen packas upp till 8 MB; gränsen är 5 MB." in response.content.decode()
    assert not ImportJob.objects.exists()
    assert nothing_stored(settings)

    path = tmp_path / "anmalningar.xlsx"
    path.write_bytes(data)
    with pytest.raises(ImportAborted, match="packas upp till 8 MB"):
        import_file("police-extract", path)
    assert not Incident.objects.exists()


def test_a_zip_that_unpacks_to_many_times_its_size_is_refused(world, settings, tmp_path):
    settings.TRYGG_MAX_UNZIPPED_MB = 100
    kmz = tmp_path / "omraden.kmz"
    kmz.write_bytes(bomb("doc.kml"))
    before = Area.objects.count()
    with pytest.raises(ImportAborted, match="gränsen är 100 gånger"):
        import_areas(kmz, world.vastervik)
    assert Area.objects.count() == before


def test_an_area_file_that_unpacks_to_too_much_is_refused_on_the_page(client, world, settings):
    before = Area.objects.count()
    client.force_login(world.coordinator)
    response = client.post(
        reverse("area-import", args=[world.vastervik.scb_code]),
        {"file": SimpleUploadedFile("omraden.kmz", bomb("doc.kml")), "kind": "other"},
    )
    assert "Filen packas upp till 8 MB; gränsen är 5 MB." in response.content.decode()
    assert Area.objects.count() == before
    assert nothing_stored(settings)


def test_a_survey_file_larger_than_the_limit_is_refused(client, world, settings):
    client.force_login(world.coordinator)
    big = SimpleUploadedFile("matning.csv", b"indikator;omrade\n" + b"x" * (2 * 1024 * 1024))
    response = client.post(reverse("survey-upload", args=[world.vastervik.scb_code]), {"file": big})
    assert "Filen är 2 MB; gränsen är 1 MB." in response.content.decode()
    assert not SurveyResult.objects.exists()
    assert nothing_stored(settings)


def test_a_docx_that_unpacks_to_too_much_is_refused():
    with pytest.raises(DocumentError, match="packas upp till 8 MB"):
        read_document(bomb("word/document.xml"), "medborgarlofte.docx")
