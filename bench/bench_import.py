"""How fast `trygg import polisen-events` stores a large file, beside raw COPY.

Generates (or reuses) a file of police events in the API's exact shape with
bench/generate_incidents.py, imports it into an empty, freshly migrated
database through run_import (what the command and the upload page run),
then measures the floor on the same rows, with the same table and indexes:

* PostgreSQL: the imported rows are copied out (COPY TO), the table is
  emptied, and the same rows are COPYed back in from that file: the
  database's own bulk path, with no parsing at all.
* SQLite: the same rows are read back as tuples and inserted again with one
  executemany into the emptied table: the fastest way in from Python.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/trygg_imp \\
        .venv/bin/python bench/bench_import.py --rows 1000000
    DATABASE_URL=sqlite:////tmp/trygg_imp.sqlite3 \\
        .venv/bin/python bench/bench_import.py --rows 1000000

The database named in DATABASE_URL is dropped and created again.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")
# A benchmark builds its own throwaway database: a throwaway key will do.
os.environ.setdefault("SECRET_KEY", "bench-only-" + "throwaway-key-" * 4)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402

from trygg.incidents.importers import import_file  # noqa: E402
from trygg.incidents.models import Incident  # noqa: E402


def fresh_database() -> None:
    """An empty, migrated database under the name DATABASE_URL gives."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    else:
        connection.close()
        Path(name).unlink(missing_ok=True)
    call_command("migrate", verbosity=0)


def events_file(rows: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"trygg_bench_polisen_{rows}.json"
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate_incidents.py"),
                "--rows",
                str(rows),
                "--format",
                "polisen-json",
                "--out",
                str(path),
            ],
            check=True,
        )
    return path


def raw_copy_postgresql(table: str, columns: str) -> float:
    """Seconds to COPY the table's rows back in from a file of themselves."""
    with tempfile.TemporaryFile() as dump:
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table} ({columns}) TO STDOUT") as copy:
                for block in copy:
                    dump.write(block)
            cursor.execute(f"TRUNCATE {table} CASCADE")
        dump.seek(0)
        start = time.perf_counter()
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            while block := dump.read(1 << 20):
                copy.write(block)
        return time.perf_counter() - start


def raw_insert_sqlite(table: str, columns: str, count: int) -> float:
    """Seconds to executemany the table's rows back in as ready tuples."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table}")
        rows = cursor.fetchall()
        cursor.execute(f"DELETE FROM {table}")
    placeholders = ", ".join(["%s"] * len(rows[0]))
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
    assert len(rows) == count
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()

    path = events_file(args.rows)
    fresh_database()
    start = time.perf_counter()
    result = import_file("polisen-events", path)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    count = Incident.objects.count()
    assert count == result.created, (count, result.created)

    ops = connection.ops
    table = ops.quote_name(Incident._meta.db_table)
    columns = ", ".join(
        ops.quote_name(f.column) for f in Incident._meta.concrete_fields if not f.primary_key
    )
    if connection.vendor == "postgresql":
        floor_name, floor = "raw COPY of the same rows", raw_copy_postgresql(table, columns)
    else:
        floor_name, floor = "executemany of the same rows", raw_insert_sqlite(table, columns, count)

    print(f"{connection.vendor}, {path.name} ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"import:  {count:,} rows in {seconds:.1f} s = {count / seconds:,.0f} rows/s")
    print(f"{floor_name}: {floor:.1f} s = {count / floor:,.0f} rows/s")
    print(f"import rate / floor rate: {floor / seconds:.2f}")
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
