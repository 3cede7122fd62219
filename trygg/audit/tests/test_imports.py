"""Imports write no history row per incident; the import job says who brought which file."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import PASSWORD
from trygg.incidents.importers import import_file
from trygg.incidents.models import ImportJob, Incident
from trygg.incidents.tasks import run_import_job

pytestmark = pytest.mark.django_db
POLISEN = Path(__file__).parents[2] / "incidents" / "tests" / "fixtures" / "polisen.json"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_uploaded_import_names_its_file_and_uploader_on_the_incidents_history(client, world):
    job = ImportJob.objects.create(
        kind="polisen-events",
        file=SimpleUploadedFile("handelser-vecka-10.json", POLISEN.read_bytes()),
        organisation=world.municipality,
        created_by=world.coordinator,
    )
    run_import_job.call(job.pk)  # as the worker runs it: no request, no user
    incident = Incident.objects.filter(municipality=world.vastervik).first()
    assert incident.import_job == job
    assert not Incident.history.exists()  # the bulk path writes no history rows

    client.login(username="samordnare", password=PASSWORD)
    html = client.get(reverse("incident-history", args=[incident.pk])).content.decode()
    assert "Importerad från filen handelser-vecka-10" in html
    assert "av samordnare" in html


def test_a_change_after_import_is_recorded_as_usual(client, world):
    import_file("polisen-events", POLISEN)  # the command line: no job, no user
    incident = Incident.objects.filter(municipality=world.vastervik).first()
    assert incident.import_job is None
    incident.title = "Skadegörelse, rättad"
    incident._history_user = world.coordinator  # as the admin's request would say
    incident.save()

    client.login(username="samordnare", password=PASSWORD)
    html = client.get(reverse("incident-history", args=[incident.pk])).content.decode()
    assert "import från kommandoraden" in html
    assert "<td>Skadegörelse, rättad</td>" in html
    assert "samordnare" in html


def test_a_command_without_a_user_records_no_author(world):
    """Background jobs and commands have no request: the author is empty, nothing fails."""
    world.promise.title = "Ändrad av ett kommando"
    world.promise.save()
    assert world.promise.history.first().history_user is None
