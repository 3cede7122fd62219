"""`/healthz`: is this Trygg able to serve, and is its background worker alive?

For a load balancer or a monitoring probe: no login, nothing personal, never cached.
HTTP 503 when this server cannot serve (the database does not answer, the disk holding
MEDIA_ROOT is nearly full), so a load balancer sends citizens elsewhere. A stale worker
is a warning with HTTP 200: the worker is shared by every app server, and taking them
all out of the load balancer would not bring it back. Monitoring alerts on any status
other than "ok".
"""

import shutil
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Max, Min
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

# A job waiting longer than this, with no task started or finished for as long, means no
# worker is running (db_worker looks for work every second).
WORKER_STALE_AFTER = timedelta(minutes=10)
# A task running longer than this was left behind by a worker that was killed: it no
# longer shows that a worker is busy.
ABANDONED_AFTER = timedelta(hours=2)
# Nearly full: less than 1 GiB or less than 2 % of the disk left for photos and uploads.
MIN_FREE_BYTES = 1024**3
MIN_FREE_SHARE = 0.02


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = database_check()
    worker = worker_check() if database["ok"] else {"ok": None, "message": "database unreachable"}
    disk = disk_check(Path(settings.MEDIA_ROOT))
    serving = database["ok"] and disk["ok"]
    status = "error" if not serving else "ok" if worker["ok"] else "warning"
    return JsonResponse(
        {"status": status, "database": database, "worker": worker, "disk": disk},
        status=200 if serving else 503,
    )


def database_check() -> dict:
    """A trivial query; the error itself is not shown, it may name hosts and users."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return {"ok": False, "message": "database unreachable"}
    return {"ok": True}


def worker_check() -> dict:
    """The worker's last sign of life: the newest start or finish of a task in the queue.

    django-tasks' database backend keeps no heartbeat of its own, so an idle worker is
    indistinguishable from a stopped one until a job waits: stale means jobs have waited
    longer than WORKER_STALE_AFTER while no task started, ended or is running (a task
    running for longer than ABANDONED_AFTER was abandoned by a killed worker).
    """
    now = timezone.now()
    results = DBTaskResult.objects
    seen = results.aggregate(started=Max("started_at"), finished=Max("finished_at"))
    last_seen = max((moment for moment in seen.values() if moment), default=None)
    ready = results.ready()
    pending = ready.count()
    running = results.running().count()
    oldest = ready.aggregate(oldest=Min("enqueued_at"))["oldest"]
    report = {
        "pending": pending,
        "running": running,
        "last_seen": last_seen.isoformat() if last_seen else None,
    }
    silent_since = max(filter(None, [last_seen, oldest]), default=now)
    busy = results.running().filter(started_at__gte=now - ABANDONED_AFTER).exists()
    if pending and not busy and now - silent_since > WORKER_STALE_AFTER:
        minutes = int((now - (last_seen or oldest)).total_seconds() // 60)
        return {"ok": False, "message": f"no worker seen for {minutes} minutes"} | report
    return {"ok": True} | report


def disk_check(media_root: Path) -> dict:
    """Free space on the disk that holds MEDIA_ROOT (its nearest existing folder)."""
    folder = media_root
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    usage = shutil.disk_usage(folder)
    ok = usage.free >= MIN_FREE_BYTES and usage.free >= MIN_FREE_SHARE * usage.total
    report = {"ok": ok, "free_bytes": usage.free, "total_bytes": usage.total}
    return report if ok else report | {"message": "disk nearly full"}
