"""The upload page queues an import; the database worker runs the same importer."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from trygg.incidents.models import ImportJob, Incident

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, world, name: str, **extra):
    data = {
        "kind": "polisen-events",
        "file": SimpleUploadedFile(name, (FIXTURES / name).read_bytes()),
        "organisation": world.municipality.pk,
    }
    return client.post(reverse("import-upload"), data | extra)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


# The worker closes its database connection between tasks, as a separate
# process would; the tests that run it therefore commit for real.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_uploaded_file_is_queued_and_the_worker_imports_it(client, world):
    client.force_login(world.coordinator)
    response = upload(client, world, "polisen.json")
    job = ImportJob.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.status == ImportJob.Status.QUEUED
    assert not Incident.objects.exists()

    run_worker()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.created == Incident.objects.count() > 0
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Importerade" in page

    upload(client, world, "polisen.json")  # the same file again adds nothing
    run_worker()
    again = ImportJob.objects.latest("created_at")
    assert (again.status, again.created, again.existing) == ("done", 0, job.created)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_bad_file_fails_with_where_and_why_and_stores_nothing(client, world):
    client.force_login(world.coordinator)
    upload(client, world, "polisen_bad.json")
    run_worker()
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert "post 2, fält datetime" in job.message
    assert not Incident.objects.exists()
    assert "post 2, fält datetime" in client.get(job.get_absolute_url()).content.decode()


def test_other_csv_needs_a_mapping_that_is_json(client, world):
    client.force_login(world.coordinator)
    response = upload(client, world, "housing.csv", kind="csv", mapping="{inte json")
    assert "mapping" in response.context["form"].errors
    assert not ImportJob.objects.exists()


def test_only_coordinators_import_and_see_imports(client, world):
    client.force_login(world.coordinator)
    upload(client, world, "polisen.json")
    job = ImportJob.objects.get()
    for user in (world.reporter, world.viewer):
        client.force_login(user)
        assert client.get(reverse("import-upload")).status_code == 403
        assert upload(client, world, "polisen.json").status_code == 403
        assert client.get(job.get_absolute_url()).status_code == 403
    client.force_login(world.outsider)  # a coordinator, of another collaboration
    assert client.get(job.get_absolute_url()).status_code == 404
    assert ImportJob.objects.count() == 1
