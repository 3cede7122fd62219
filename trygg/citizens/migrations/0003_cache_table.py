"""The database cache's table, so the rate limits are shared by every process after `migrate`."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:
    """As `createcachetable` (only if missing), whatever CACHES says now: TRYGG_CACHE may change."""
    call_command(
        "createcachetable", "trygg_cache", database=schema_editor.connection.alias, verbosity=0
    )


class Migration(migrations.Migration):
    dependencies = [("citizens", "0002_history")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
