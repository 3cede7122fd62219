"""`trygg backup FILE`: the database and the media files in one archive, while Trygg runs.

    trygg backup /var/backups/trygg/             # trygg-20250601-031500.zip in that folder
    trygg backup trygg-before-upgrade.zip

SQLite is copied with its online backup API, PostgreSQL with pg_dump (on PATH; the login
is passed in PG* environment variables). What the archive holds: trygg/ops/backup.py.
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from trygg.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Säkerhetskopiera databasen och mediefilerna till en zip-fil (medan Trygg körs)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Zip-filen som skrivs, eller en mapp att skriva den i.")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Databasen i DATABASES (default)."
        )

    def handle(self, *args, **options) -> None:
        try:
            path, manifest = create_backup(options["file"], using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = [entry for entry in manifest["files"] if entry["name"].startswith("media/")]
        size = path.stat().st_size / 1024 / 1024
        self.stdout.write(
            f"Säkerhetskopian {path} är skriven ({size:.1f} MB): "
            f"{manifest['database']['vendor']}-databasen och {len(media)} mediefiler."
        )
