"""A background import ends DONE or FAILED whatever happens, even when its worker dies."""

import logging
import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from trygg.incidents import tasks
from trygg.incidents.models import ImportJob, Incident

pytestmark = pytest.mark.django_db
POLISEN = Path(__file__).parent / "fixtures" / "polisen.json"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def queued_job(world, **fields) -> ImportJob:
    return ImportJob.objects.create(
        kind="polisen-events",
        file=SimpleUploadedFile("handelser.json", POLISEN.read_bytes()),
        organisation=world.municipality,
        **fields,
    )


def test_an_unforeseen_error_fails_the_job_with_a_message_and_a_logged_traceback(
    world, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise KeyError("kolumn")

    monkeypatch.setattr(tasks, "import_file", broken)
    job = queued_job(world)
    with caplog.at_level(logging.ERROR, logger="trygg.incidents.tasks"):
        assert tasks.run_import_job.call(job.pk) == ImportJob.Status.FAILED
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "oväntat fel (KeyError)" in job.message
    assert job.finished_at is not None
    assert not tasks.progress_path(job).exists()
    assert "Traceback" in caplog.text and "KeyError" in caplog.text
    assert not Incident.objects.exists()


def test_a_running_job_has_a_heartbeat(world, monkeypatch):
    """While the import runs, the progress file is touched by a thread of its own."""
    seen = {}

    def slow(*args, **kwargs):
        job = ImportJob.objects.get()
        marker = tasks.progress_path(job)
        seen["status"] = job.status
        first = marker.stat().st_mtime_ns
        time.sleep(0.3)
        seen["beat"] = marker.stat().st_mtime_ns > first
        raise tasks.ImportAborted("stopp")

    monkeypatch.setattr(tasks, "HEARTBEAT_SECONDS", 0.05)
    monkeypatch.setattr(tasks, "import_file", slow)
    job = queued_job(world)
    tasks.run_import_job.call(job.pk)
    assert seen == {"status": ImportJob.Status.RUNNING, "beat": True}
    job.refresh_from_db()
    assert (job.status, job.message) == (ImportJob.Status.FAILED, "stopp")


def age(path: Path, minutes: int) -> None:
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


# The worker closes its database connection, as a separate process would: commit for real.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_left_running_by_a_dead_worker_is_failed_when_a_worker_starts(world, settings):
    settings.TRYGG_IMPORT_STALE_MINUTES = 10
    long_ago = timezone.now() - timezone.timedelta(hours=1)
    dead = queued_job(world, status=ImportJob.Status.RUNNING, started_at=long_ago)
    tasks.progress_path(dead).write_text("1200")
    age(tasks.progress_path(dead), 11)
    no_file = queued_job(world, status=ImportJob.Status.RUNNING, started_at=long_ago)
    alive = queued_job(world, status=ImportJob.Status.RUNNING, started_at=long_ago)
    tasks.progress_path(alive).write_text("5")
    age(tasks.progress_path(alive), 2)  # another worker's job, still beating
    just_started = queued_job(world, status=ImportJob.Status.RUNNING, started_at=timezone.now())

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    for job in (dead, no_file):
        job.refresh_from_db()
        assert job.status == ImportJob.Status.FAILED
        assert job.message.startswith("Avbröts: arbetsprocessen stoppades")
        assert job.finished_at is not None
    assert not tasks.progress_path(dead).exists()
    for job in (alive, just_started):
        job.refresh_from_db()
        assert job.status == ImportJob.Status.RUNNING
