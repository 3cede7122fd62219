"""How long the weekly lägesbild of one municipality takes on millions of incidents.

Fills a fresh PostgreSQL database with synthetic incidents (the demo's places,
seasons and rhythms over 2019–2025, four municipalities) by COPY, at 0.5M and
then 5M rows, and times for Västervik, ISO week 10 of 2025:

* weekly_picture(): counts by category and area against the four weeks
  before and the same week last year (what the page and the EST meeting show);
* the bare GROUP BY of the same week's rows by category, as the floor;
* lagesbild() for the week: adds hotspots (Gi*) and the weekday × hour matrix.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/trygg_bench5m \\
        .venv/bin/python bench/bench_lagesbild.py [--sizes 500000 5000000]

The database named in DATABASE_URL is dropped and created again, unless
--keep reuses it (then only the missing rows are copied in).
"""

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")
# A benchmark builds its own throwaway database: a throwaway key will do.
os.environ.setdefault("SECRET_KEY", "bench-only-" + "throwaway-key-" * 4)
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/trygg_bench5m")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

from trygg.demo.incidents import CATEGORIES, DEMO_CENTRES, SOURCES, generate_columns  # noqa: E402
from trygg.geo.municipalities import municipality_for  # noqa: E402
from trygg.incidents.models import Category, Incident  # noqa: E402
from trygg.lagesbild.counts import weekly_picture  # noqa: E402
from trygg.lagesbild.report import lagesbild  # noqa: E402
from trygg.lagesbild.weeks import shift_week, week_bounds, week_monday  # noqa: E402

YEAR, WEEK = 2025, 10
COLUMNS = (
    "source", "external_id", "source_type", "category_id", "is_summary", "occurred_from",
    "occurred_to", "municipality_id", "latitude", "longitude", "precision", "title", "text",
    "url", "visibility", "created_at",
)  # fmt: skip


def fresh_database() -> None:
    if connection.vendor != "postgresql":
        raise SystemExit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://…).")
    name = connection.settings_dict["NAME"]
    with connections["default"]._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def copy_incidents(first: int, count: int) -> float:
    """COPY `count` synthetic incidents numbered from `first`; returns seconds."""
    categories = dict(Category.objects.values_list("slug", "pk"))
    category_ids = [categories[slug] for slug in CATEGORIES]
    municipality_ids = {c.municipality: municipality_for(c.municipality).pk for c in DEMO_CENTRES}
    centre_municipality = [municipality_ids[c.municipality] for c in DEMO_CENTRES]
    now = datetime.now(UTC)
    started = time.perf_counter()
    table = Incident._meta.db_table
    with connection.cursor() as cursor:
        with cursor.connection.cursor().copy(
            f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN"
        ) as copy:
            for chunk in generate_columns(
                count,
                seed=first,
                start=date(2019, 1, 1),
                end=date(2026, 1, 1),
                centres=DEMO_CENTRES,
            ):
                only_municipality = chunk["municipality_only"].tolist()
                for i, number in enumerate(chunk["number"].tolist()):
                    placed = not only_municipality[i]
                    copy.write_row(
                        (
                            SOURCES[chunk["source"][i]],
                            f"bench-{first + number}",
                            "",
                            category_ids[chunk["category"][i]],
                            False,
                            datetime.fromtimestamp(int(chunk["utc_from"][i]), UTC),
                            datetime.fromtimestamp(int(chunk["utc_to"][i]), UTC),
                            centre_municipality[chunk["centre"][i]],
                            float(chunk["latitude"][i]) if placed else None,
                            float(chunk["longitude"][i]) if placed else None,
                            "point" if placed else "municipality",
                            "",
                            str(chunk["text"][i]),
                            "",
                            "internal" if chunk["internal"][i] else "shared",
                            now,
                        )
                    )
        # As autovacuum would soon after a load: statistics, and the visibility
        # map that lets PostgreSQL answer from the covering index alone.
        cursor.execute(f"VACUUM (ANALYZE) {table}")
    return time.perf_counter() - started


def median_ms(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_group_by(municipality_id: int) -> None:
    """The floor: the same rows weekly_picture reads (this week, the four before,
    the same week last year), grouped by category in one plain query."""
    this_start, this_end = week_bounds(YEAR, WEEK)
    before_start = week_bounds(*shift_week(YEAR, WEEK, -4))[0]
    last_start, last_end = week_bounds(YEAR - 1, WEEK)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT category_id, COUNT(*) FROM {Incident._meta.db_table} "
            "WHERE municipality_id = %s AND NOT is_summary AND ("
            "(occurred_from >= %s AND occurred_from < %s) OR "
            "(occurred_from >= %s AND occurred_from < %s)) GROUP BY category_id",
            [municipality_id, before_start, this_end, last_start, last_end],
        )
        cursor.fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[500_000, 5_000_000])
    parser.add_argument(
        "--keep", action="store_true", help="reuse the database and the incidents already in it"
    )
    options = parser.parse_args()
    sizes = sorted(options.sizes)
    if not options.keep:
        fresh_database()
    vastervik = municipality_for("0883")
    incidents = Incident.objects.filter(municipality=vastervik)
    monday = week_monday(YEAR, WEEK)
    sunday = date.fromordinal(monday.toordinal() + 6)

    print(f"database: PostgreSQL; municipality: Västervik; week {WEEK} {YEAR}")
    print("| incidents | COPY | weekly_picture() | bare GROUP BY | lagesbild() for the week |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    have = Incident.objects.count()
    for size in sizes:
        copy_seconds = copy_incidents(have, size - have) if size > have else 0.0
        have = max(have, size)
        picture = median_ms(lambda: weekly_picture(incidents, YEAR, WEEK))
        floor = median_ms(lambda: bare_group_by(vastervik.pk))
        whole = median_ms(lambda: lagesbild(vastervik, monday, sunday, incidents=incidents), 3)
        row = [f"{size:,}", f"{copy_seconds:.0f} s", f"{picture:.0f} ms", f"{floor:.1f} ms"]
        print("| " + " | ".join([*row, f"{whole:.0f} ms"]) + " |")


if __name__ == "__main__":
    main()
