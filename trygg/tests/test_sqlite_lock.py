"""On SQLite a write waits for the import holding the lock, instead of failing after 5 s."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the busy timeout is SQLite's (PostgreSQL waits on locks)"
)


def open_database(path) -> DatabaseWrapper:
    """A connection with Trygg's own SQLite settings, to a file of the test's own."""
    return DatabaseWrapper({**settings.DATABASES["default"], "NAME": str(path)}, alias="lock")


def test_a_writer_waits_for_the_lock_with_a_long_busy_timeout(tmp_path, django_db_blocker):
    path = tmp_path / "db"
    holding = threading.Event()

    def long_import_step() -> None:
        importer = open_database(path)  # its own connection, in its own thread
        with importer.cursor() as cursor:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("INSERT INTO activity VALUES ('import')")
            holding.set()
            time.sleep(1)
            cursor.execute("COMMIT")
        importer.close()

    with django_db_blocker.unblock():  # two connections of the test's own, not the test database
        web = open_database(path)
        with web.cursor() as cursor:
            cursor.execute("CREATE TABLE activity (note text)")
        thread = threading.Thread(target=long_import_step)
        thread.start()
        assert holding.wait(timeout=10)
        started = time.monotonic()
        with web.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 60_000
            cursor.execute("INSERT INTO activity VALUES ('logged by a coordinator')")
            waited = time.monotonic() - started
            cursor.execute("SELECT note FROM activity ORDER BY rowid")
            assert [note for (note,) in cursor.fetchall()] == ["import", "logged by a coordinator"]
        thread.join()
        web.close()
    assert waited >= 0.5  # it waited for the import's lock, then succeeded
