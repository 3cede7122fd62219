"""`trygg restore FILE`: put a backup made by `trygg backup` back, into an empty database.

    trygg restore /var/backups/trygg/trygg-20250601-031500.zip
    trygg restore trygg-before-upgrade.zip --force      # replaces what is there now

Stop the web server and the worker first. Refused before anything changes: an archive
that is damaged, from another database vendor (a SQLite backup goes into SQLite, a
PostgreSQL one into PostgreSQL) or from a newer Trygg, and a database or media folder that
is not empty (trygg/ops/backup.py: existing_data) unless --force is given.
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from trygg.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Återställ en säkerhetskopia från trygg backup till en tom databas och mediemapp."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Zip-filen från trygg backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ersätt databasens och mediemappens nuvarande innehåll.",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Databasen i DATABASES (default)."
        )

    def handle(self, *args, **options) -> None:
        try:
            restored = restore_backup(
                options["file"], force=options["force"], using=options["database"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = restored.manifest
        media = sum(entry["name"].startswith("media/") for entry in manifest["files"])
        self.stdout.write(
            f"Återställde säkerhetskopian från {manifest['created_at']} (Trygg "
            f"{manifest['trygg_version']}): databasen och {media} mediefiler."
        )
        if restored.replaced_rows or restored.replaced_media:
            self.stdout.write(
                f"Ersatte {sum(restored.replaced_rows.values())} rader i "
                f"{len(restored.replaced_rows)} tabeller och {restored.replaced_media} mediefiler."
            )
        if restored.migrations_to_apply:
            self.stdout.write(
                "Säkerhetskopian är från en äldre version: kör trygg migrate innan Trygg startas "
                f"({', '.join(restored.migrations_to_apply)})."
            )
