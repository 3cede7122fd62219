"""/healthz: the database, the background worker and the disk, for a load balancer or a probe."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from trygg.ops import health

pytestmark = pytest.mark.django_db

GIB = 1024**3


def task(status: str, enqueued_ago: timedelta, **moments) -> DBTaskResult:
    result = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="trygg.incidents.tasks.run_import",
        backend_name="default",
        run_after=get_date_max(),
        **moments,
    )
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=timezone.now() - enqueued_ago)
    return result


def test_all_is_well_without_login_and_nothing_is_cached(client, world):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True}
    assert body["worker"] == {"ok": True, "pending": 0, "running": 0, "last_seen": None}
    assert body["disk"]["ok"] and body["disk"]["free_bytes"] > 0
    # Nothing about people or the collaboration's work.
    for name in ("samordnare", "Västervik", "Medborgarlöfte"):
        assert name not in response.content.decode()


def test_a_worker_is_stale_when_jobs_wait_and_none_has_run_for_long(client):
    now = timezone.now()
    task(TaskResultStatus.SUCCESSFUL, timedelta(hours=3), finished_at=now - timedelta(hours=2))
    task(TaskResultStatus.READY, timedelta(minutes=30))
    response = client.get("/healthz")
    # A warning, not 503: the worker serves every app server, so none should leave the pool.
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "warning"
    assert body["worker"]["ok"] is False
    assert body["worker"]["message"] == "no worker seen for 120 minutes"
    assert body["worker"]["pending"] == 1


def test_a_task_left_running_by_a_killed_worker_shows_no_busy_worker(client):
    started = timezone.now() - timedelta(hours=3)
    task(TaskResultStatus.RUNNING, timedelta(hours=3), started_at=started)
    task(TaskResultStatus.READY, timedelta(minutes=30))
    worker = client.get("/healthz").json()["worker"]
    assert (worker["message"], worker["running"]) == ("no worker seen for 180 minutes", 1)


def test_a_worker_that_never_ran_is_stale_by_the_oldest_wait(client):
    task(TaskResultStatus.READY, timedelta(minutes=45))
    assert client.get("/healthz").json()["worker"]["message"] == "no worker seen for 45 minutes"


@pytest.mark.parametrize(
    "moments",
    [
        # A job just queued: an idle worker has not had a second to take it.
        {"enqueued_ago": timedelta(seconds=5)},
        # A worker busy with a long import: the queue waits behind it.
        {"enqueued_ago": timedelta(minutes=30), "running": True},
        # A worker that finished something a minute ago is alive.
        {"enqueued_ago": timedelta(minutes=30), "finished_ago": timedelta(minutes=1)},
    ],
)
def test_a_waiting_job_alone_is_no_stale_worker(client, moments):
    if moments.get("running"):
        task(TaskResultStatus.RUNNING, timedelta(hours=1), started_at=timezone.now())
    if moments.get("finished_ago"):
        finished = timezone.now() - moments["finished_ago"]
        task(TaskResultStatus.SUCCESSFUL, timedelta(hours=1), finished_at=finished)
    task(TaskResultStatus.READY, moments["enqueued_ago"])
    body = client.get("/healthz").json()
    assert (body["status"], body["worker"]["ok"]) == ("ok", True)


def test_an_unreachable_database_is_503(client, monkeypatch):
    def refuse():
        raise OperationalError("connection to server at db.internal failed: password for trygg")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == {"ok": False, "message": "database unreachable"}
    assert "db.internal" not in response.content.decode(), "no host or user names shown"


@pytest.mark.parametrize(
    ("free", "total", "status"),
    [
        (500 * 1024**2, 100 * GIB, 503),  # under 1 GiB left
        (10 * GIB, 1000 * GIB, 503),  # under 2 % left
        (30 * GIB, 1000 * GIB, 200),
    ],
)
def test_a_nearly_full_disk_is_503(client, monkeypatch, settings, tmp_path, free, total, status):
    settings.MEDIA_ROOT = tmp_path / "media" / "not-yet-created"
    asked = []

    def usage(path):
        asked.append(path)
        return SimpleNamespace(total=total, used=total - free, free=free)

    monkeypatch.setattr(health.shutil, "disk_usage", usage)
    response = client.get("/healthz")
    assert response.status_code == status
    assert asked == [tmp_path], "the nearest existing folder of MEDIA_ROOT"
    disk = response.json()["disk"]
    assert (disk["free_bytes"], disk["total_bytes"]) == (free, total)
    if status == 503:
        assert (response.json()["status"], disk["message"]) == ("error", "disk nearly full")


def test_healthz_answers_plain_http_where_https_is_enforced(client, settings):
    """A load balancer probes over HTTP inside the network; everything else is redirected."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/medborgarloften/").status_code == 301


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
