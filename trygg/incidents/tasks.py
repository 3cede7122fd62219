"""Imports run in the background: the upload page queues, `trygg db_worker` runs.

A job always ends DONE or FAILED with a message the coordinator can read: an
error the importer did not foresee is logged with its traceback and the job
says so. A worker that dies mid-job (killed, out of memory) cannot say so
itself; while a job runs, a heartbeat touches its progress file, and the next
worker to start marks every running job whose heartbeat has stopped FAILED
(`reclaim_stale_jobs`). It is not re-queued: the file may be what killed the
worker, and running it again could kill the next one.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .importers import ImportAborted, import_file
from .models import ImportJob

logger = logging.getLogger(__name__)

# Seconds between heartbeats of a running import; a job is stale after
# TRYGG_IMPORT_STALE_MINUTES without one.
HEARTBEAT_SECONDS = 30


def progress_path(job: ImportJob) -> Path:
    """Where a running import writes how far it has come.

    The import runs in one transaction, so a count kept in the database would
    not be seen until it ends; a small file beside the upload is. Its
    modification time is the job's heartbeat.
    """
    return Path(job.file.path).with_suffix(".progress")


def read_progress(job: ImportJob) -> int | None:
    try:
        return int(progress_path(job).read_text())
    except (FileNotFoundError, ValueError):
        return None


@contextmanager
def heartbeat(marker: Path) -> Iterator[None]:
    """Touch marker every few seconds while the block runs, from a thread of its own.

    A file, not a database row: on SQLite the import holds the write lock, so a
    heartbeat written to the database would wait for the import to end.
    """
    stop = threading.Event()
    marker.touch()

    def beat() -> None:
        while not stop.wait(HEARTBEAT_SECONDS):
            marker.touch()

    thread = threading.Thread(target=beat, name=f"heartbeat {marker.name}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@task()
def run_import_job(job_id: int) -> str:
    job = ImportJob.objects.get(pk=job_id)
    job.status, job.started_at = ImportJob.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    marker = progress_path(job)

    def progress(done: int) -> None:
        marker.write_text(str(done))

    rejects = Path(job.file.path).with_suffix(".rejects.csv")
    try:
        with heartbeat(marker):
            result = import_file(
                job.kind,
                job.file.path,
                mapping=job.mapping,
                skip_invalid=job.skip_invalid,
                rejects_path=rejects if job.skip_invalid else None,
                progress=progress,
                organisation=job.organisation,
                import_job_id=job.pk,
            )
    except ImportAborted as error:
        job.status, job.message = ImportJob.Status.FAILED, str(error)
    except Exception as error:
        # Anything else is a fault of Trygg's (or the machine's), not of the file's
        # rows: the traceback goes to the log, the coordinator gets a short message.
        logger.exception("Import job %s (%s) failed unexpectedly", job.pk, job.kind)
        job.status = ImportJob.Status.FAILED
        job.message = _(
            "The import stopped because of an unexpected error (%(error)s). "
            "Nothing was imported; the error has been logged."
        ) % {"error": type(error).__name__}
    else:
        job.status, job.message = ImportJob.Status.DONE, result.summary()
        job.created, job.existing, job.rejected = result.created, result.existing, result.rejected
        if result.rejected and rejects.exists():
            with rejects.open("rb") as handle:
                job.rejects.save(rejects.name, File(handle), save=False)
    job.finished_at = timezone.now()
    job.save()
    marker.unlink(missing_ok=True)
    return job.status


def last_heartbeat(job: ImportJob) -> datetime | None:
    """When the job last showed it was alive: its heartbeat file, else when it started."""
    try:
        mtime = progress_path(job).stat().st_mtime
    except (FileNotFoundError, ValueError):
        return job.started_at
    return datetime.fromtimestamp(mtime, tz=UTC)


def reclaim_stale_jobs() -> list[ImportJob]:
    """Mark FAILED the running jobs whose worker stopped: no heartbeat for a while."""
    limit = timezone.now() - timedelta(minutes=settings.TRYGG_IMPORT_STALE_MINUTES)
    reclaimed = []
    for job in ImportJob.objects.filter(status=ImportJob.Status.RUNNING):
        beat = last_heartbeat(job)
        if beat is not None and beat > limit:
            continue
        job.status = ImportJob.Status.FAILED
        job.message = _(
            "Aborted: the worker process stopped. Nothing was imported; upload the file again."
        )
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "message", "finished_at"])
        progress_path(job).unlink(missing_ok=True)
        logger.warning("Import job %s was running in a worker that stopped; marked failed", job.pk)
        reclaimed.append(job)
    return reclaimed
