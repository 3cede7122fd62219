"""Imports run in the background: the upload page queues, `trygg db_worker` runs."""

from pathlib import Path

from django.core.files import File
from django.utils import timezone
from django_tasks import task

from .importers import ImportAborted, import_file
from .models import ImportJob


def progress_path(job: ImportJob) -> Path:
    """Where a running import writes how far it has come.

    The import runs in one transaction, so a count kept in the database would
    not be seen until it ends; a small file beside the upload is.
    """
    return Path(job.file.path).with_suffix(".progress")


def read_progress(job: ImportJob) -> int | None:
    try:
        return int(progress_path(job).read_text())
    except (FileNotFoundError, ValueError):
        return None


@task()
def run_import_job(job_id: int) -> str:
    job = ImportJob.objects.get(pk=job_id)
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])
    marker = progress_path(job)

    def progress(done: int) -> None:
        marker.write_text(str(done))

    rejects = Path(job.file.path).with_suffix(".rejects.csv")
    try:
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
