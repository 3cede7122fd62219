"""The fast paths of an import give what the careful ones give."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.backends.sqlite3 import base as sqlite

from trygg.incidents import bulk
from trygg.incidents.importers import polisen
from trygg.incidents.models import Incident

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 1, 3, 6, 28, 39, tzinfo=STOCKHOLM),
        datetime(2025, 3, 30, 3, 0, tzinfo=STOCKHOLM),  # the hour after the spring change
        datetime(2025, 10, 26, 2, 30, fold=1, tzinfo=STOCKHOLM),  # the repeated autumn hour
        datetime(2024, 2, 29, 23, 59, 59, 123456, tzinfo=UTC),
        datetime(2026, 1, 3, 6, 28, tzinfo=timezone(timedelta(hours=-5))),
    ],
)
def test_sqlite_datetimes_are_stored_as_django_stores_them(value):
    assert bulk.sqlite_datetime(value) == sqlite.DatabaseOperations(
        connection
    ).adapt_datetimefield_value(value)


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive"):
        bulk.sqlite_datetime(datetime(2026, 1, 3, 6, 28))


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-03 6:28:39 +01:00",
        "2026-01-03 16:28:39 +01:00",
        "2025-07-01 0:00:00 +02:00",
        "2025-07-01 0:00:00 -02:30",
        "2025-07-01 0:00 +02:00",
        "2025-07-01 0:00:00 Z",
        "2025-07-01 0:00:00",
        "2025-7-1 0:00:00 +02:00",
    ],
)
def test_the_fast_publishing_time_agrees_with_the_careful_one(text):
    fast = polisen._published_iso(text)
    careful = polisen.parse_published(f" {text} ")  # leading space: never the fast path
    assert fast is None or (fast == careful and fast.utcoffset() == careful.utcoffset())
    assert polisen.parse_published(text) == careful


@pytest.mark.django_db
def test_rows_left_without_a_field_get_its_default_and_the_time_stamp():
    when = datetime(2026, 1, 3, 6, 28, tzinfo=STOCKHOLM)
    written = bulk.insert_rows(
        Incident,
        [{"source": "staff", "external_id": "a", "occurred_from": when, "occurred_to": when}],
    )
    incident = Incident.objects.get()
    assert written == 1
    assert incident.occurred_from == when
    assert incident.visibility == Incident.Visibility.SHARED
    assert incident.precision == Incident.Precision.POINT
    assert incident.created_at is not None


def test_the_usual_shape_takes_the_fast_path():
    assert polisen._published_iso("2026-01-03 6:28:39 +01:00") == datetime(
        2026, 1, 3, 5, 28, 39, tzinfo=UTC
    )
