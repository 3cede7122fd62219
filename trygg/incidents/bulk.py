"""Writing many rows at once, for imports and the demo.

bulk_create spends about 0.3 ms a row building and preparing model
instances and, on SQLite's parameter limit, sends a statement for every few
dozen rows: most of an import's time. Here rows are plain dicts of field
values, and they go to the database the fastest way it offers: `COPY FROM
STDIN` on PostgreSQL, one `executemany` on SQLite. Like bulk_create this
bypasses Model.save(), but not the masked text fields (trygg.privacy): their
values pass through the field's own preparation, so an identity number is
masked here as on every other path, and a field made masked is covered
without a change here.
"""

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from django.db import connection
from django.db.models import DateTimeField, Model
from django.utils import timezone

from trygg.privacy import MaskedField


class RowWriter:
    """Writes rows of field values (dicts by attname) into one model's table.

    Everything that does not change from row to row (the columns, the
    defaults, how a datetime is written) is worked out once, so the per-row
    work is a tuple of values. A field a row leaves out gets its default, and
    an auto_now(_add) field left empty gets the time the writer was made, as
    Model.save() would give them. A masked text field's value goes through
    the field's get_prep_value, which masks it. `fixed` gives a field one value
    for every row (an import's job), at no cost per row.
    """

    def __init__(self, model: type[Model], fixed: dict[str, Any] | None = None) -> None:
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        now = timezone.now()
        self.defaults: dict[str, Any] = {}
        for f in self.fields:
            stamped = getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False)
            self.defaults[f.attname] = now if stamped else f.get_default()
        self.defaults.update(fixed or {})
        self.attnames = [f.attname for f in self.fields]
        self.datetimes = [i for i, f in enumerate(self.fields) if isinstance(f, DateTimeField)]
        self.masked = [
            (i, f.get_prep_value) for i, f in enumerate(self.fields) if isinstance(f, MaskedField)
        ]
        self.copy = connection.vendor == "postgresql"
        ops = connection.ops
        self.table = ops.quote_name(model._meta.db_table)
        self.columns = ", ".join(ops.quote_name(f.column) for f in self.fields)

    def values(self, row: dict[str, Any]) -> list[Any]:
        """One row as the database takes it, in column order."""
        defaults = self.defaults
        values = [row[a] if a in row else defaults[a] for a in self.attnames]
        for i, prepare in self.masked:
            values[i] = prepare(values[i])
        if not self.copy:
            # psycopg writes aware datetimes itself; SQLite stores UTC text.
            for i in self.datetimes:
                if values[i] is not None:
                    values[i] = sqlite_datetime(values[i])
        return values

    def write(self, rows: Iterable[dict[str, Any]]) -> int:
        """INSERT the rows; returns how many."""
        values = [self.values(row) for row in rows]
        if not values:
            return 0
        with connection.cursor() as cursor:
            if self.copy:
                _copy(cursor.cursor, f"COPY {self.table} ({self.columns}) FROM STDIN", values)
            else:
                placeholders = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(
                    f"INSERT INTO {self.table} ({self.columns}) VALUES ({placeholders})", values
                )
        return len(values)


def _copy(cursor: Any, statement: str, values: Sequence[Sequence[Any]]) -> None:
    """COPY rows through psycopg, which adapts each value as an INSERT would."""
    with cursor.copy(statement) as copy:
        for row in values:
            copy.write_row(row)


def sqlite_datetime(value: datetime) -> str:
    """An aware datetime as Django's SQLite backend stores it: naive UTC text.

    The same text `connection.ops.adapt_datetimefield_value` gives (tested),
    without its checks, which cost more than the conversion on a million rows.
    """
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value} in an import row")
    return str(value.astimezone(UTC).replace(tzinfo=None))


def insert_rows(model: type[Model], rows: Iterable[dict[str, Any]]) -> int:
    """INSERT rows of field values (by attname) with a RowWriter made for them."""
    return RowWriter(model).write(rows)
