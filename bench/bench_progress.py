"""How the cost of progress grows with the activity log.

Loads the demo into a fresh database, then multiplies the synthetic activity
log by 1, 10 and 100 and times what every page leans on: progress() for every
commitment of every promise, and the open-data endpoint /api/v1/promises/.

    .venv/bin/python bench/bench_progress.py                       # SQLite in a temp file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/trygg_bench \
        .venv/bin/python bench/bench_progress.py                   # PostgreSQL (created if missing)

Prints one Markdown table row per scale; bench/RESULTS.md keeps the figures.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")
# A benchmark builds its own throwaway database: a throwaway key will do.
os.environ.setdefault("SECRET_KEY", "bench-only-" + "throwaway-key-" * 4)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from trygg.promises.models import Activity, Commitment  # noqa: E402
from trygg.promises.progress import progress  # noqa: E402

ON = date(2025, 6, 30)
SCALES = [1, 10, 100]
REPEAT = 5


def prepare_database() -> None:
    """Migrate (creating a PostgreSQL database if needed) and load the demo."""
    if connection.vendor == "postgresql":
        from django.db import connections

        name = connection.settings_dict["NAME"]
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--force", verbosity=0)


def grow_log_to(scale: int, base: list[Activity], links: list[tuple[int, list[int]]]) -> None:
    """Copy the synthetic log until it is `scale` times its size."""
    have = Activity.objects.count() // len(base)
    through = Activity.commitments.through
    for copy in range(have, scale):
        clones = [
            Activity(
                kind=a.kind,
                date=a.date,
                count=a.count,
                organisation_id=a.organisation_id,
                forum_id=a.forum_id,
                place_id=a.place_id,
                area_id=a.area_id,
                note=a.note,
                external_id=f"bench:{copy}:{a.pk}",
            )
            for a in base
        ]
        Activity.objects.bulk_create(clones, batch_size=2000)
        created = Activity.objects.filter(external_id__startswith=f"bench:{copy}:").order_by("pk")
        by_source = {a.external_id.rsplit(":", 1)[1]: a.pk for a in created}
        through.objects.bulk_create(
            [
                through(activity_id=by_source[str(pk)], commitment_id=commitment_id)
                for pk, commitment_ids in links
                for commitment_id in commitment_ids
            ],
            batch_size=5000,
        )


def timed(function) -> float:
    """Median wall time in milliseconds over REPEAT runs."""
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def count_queries(function) -> int:
    """How many SQL statements one run of `function` sends."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        function()
    return len(statements)


def main() -> None:
    prepare_database()
    base = list(Activity.objects.all())
    through = Activity.commitments.through
    links: dict[int, list[int]] = {}
    for activity_id, commitment_id in through.objects.values_list("activity_id", "commitment_id"):
        links.setdefault(activity_id, []).append(commitment_id)
    link_list = list(links.items())
    commitments = list(Commitment.objects.select_related("promise"))
    client = Client()

    print(f"database: {connection.vendor}; commitments: {len(commitments)}; day: {ON}")
    print("| activities | progress() for all commitments | queries | GET /api/v1/promises/ |")
    print("| ---: | ---: | ---: | ---: |")
    for scale in SCALES:
        grow_log_to(scale, base, link_list)
        all_progress = timed(lambda: [progress(c, ON) for c in commitments])
        queries = count_queries(lambda: [progress(c, ON) for c in commitments])
        api = timed(lambda: client.get("/api/v1/promises/", {"datum": ON.isoformat()}))
        print(
            f"| {Activity.objects.count():,} | {all_progress:.0f} ms | {queries} | {api:.0f} ms |"
        )


if __name__ == "__main__":
    main()
