"""Writing many incidents at once, for imports and the demo.

bulk_create spends about 0.3 ms a row preparing values and, on SQLite's
999-parameter limit, sends a statement for every 47 incidents: most of an
import's time. Here rows go to the database in one executemany, and only
datetimes need adapting to the backend. Like bulk_create, this bypasses
Model.save(): callers mask free text themselves (trygg.privacy).
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import DateTimeField, Model
from django.utils import timezone


def instance_row(instance: Model) -> dict:
    """An unsaved instance as {attname: value}, for insert_rows."""
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def insert_rows(model: type[Model], rows: Iterable[dict]) -> int:
    """INSERT rows of field values (by attname); returns how many.

    A field a row leaves out gets its default, and an auto_now(_add) field
    left empty gets now, as Model.save() would give them.
    """
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    stamped = {
        f.attname
        for f in fields
        if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False)
    }
    datetimes = {f.attname for f in fields if isinstance(f, DateTimeField)}
    adapt = connection.ops.adapt_datetimefield_value
    values = []
    for row in rows:
        record = []
        for f in fields:
            value = row[f.attname] if f.attname in row else f.get_default()
            if value is None and f.attname in stamped:
                value = now
            record.append(adapt(value) if f.attname in datetimes else value)
        values.append(record)
    if not values:
        return 0
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)
    return len(values)
