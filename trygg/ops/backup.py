"""One archive of the database and the media files, and putting it back (`trygg backup`/`restore`).

The archive is a zip file (random access, so the manifest is read without unpacking the rest):

    manifest.json       what it holds: format, Trygg version, database vendor and version,
                        migrations applied per app, when it was made, and every other member
                        with its size and sha256
    database.sqlite3    SQLite: a copy made with SQLite's online backup API, or
    database.sql        PostgreSQL: pg_dump's plain SQL (one snapshot), without owners or grants
    media/...           every file under MEDIA_ROOT

The database is copied first and the media files after it, while Trygg runs: a photo
uploaded in between is in the archive without a row pointing to it, which is harmless.
Restoring checks everything before it changes anything, then replaces the database in one
step (SQLite's backup API; one psql transaction) and the media files after it.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.sql"}
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# Rows that `trygg migrate` writes by itself: a freshly migrated database has them and is
# still empty. Everything else in Trygg's own apps, and every user account, is data.
REFERENCE_MODELS = {"incidents.category", "incidents.categorymapping"}


class BackupError(Exception):
    """A backup that cannot be made, or an archive that must not be restored here, and why."""


@dataclass
class Restored:
    """What a restore did: the manifest it followed, what it replaced, what is left to do."""

    manifest: dict
    replaced_rows: dict[str, int] = field(default_factory=dict)
    replaced_media: int = 0
    migrations_to_apply: list[str] = field(default_factory=list)


def create_backup(target: str | Path, using: str = "default") -> tuple[Path, dict]:
    """Write the database and MEDIA_ROOT to one zip archive; return its path and manifest.

    A directory as target gets a file named by the time. The archive holds personal data,
    so it is readable by its owner only; it appears under its name only once complete.
    """
    target = Path(target)
    if target.is_dir():
        target = target / f"trygg-{datetime.now():%Y%m%d-%H%M%S}.zip"
    if not target.parent.is_dir():
        raise BackupError(f"Mappen {target.parent} finns inte.")
    connection = connections[using]
    partial = target.with_name(target.name + ".partial")
    try:
        with tempfile.TemporaryDirectory(prefix="trygg-backup-") as folder:
            dump = _dump_database(connection, Path(folder))
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with (
                os.fdopen(descriptor, "wb") as raw,
                zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive,
            ):
                files = [_add_file(archive, dump, dump.name)]
                for path, name in _media_files(Path(settings.MEDIA_ROOT)):
                    try:
                        files.append(_add_file(archive, path, MEDIA_PREFIX + name))
                    except FileNotFoundError:
                        continue  # deleted while the backup ran (e.g. by citizen_retention)
                manifest = _manifest(connection, files)
                archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        os.replace(partial, target)
    except OSError as error:
        raise BackupError(f"Säkerhetskopian kunde inte skrivas till {target}: {error}") from error
    finally:
        partial.unlink(missing_ok=True)
    return target, manifest


def restore_backup(source: str | Path, *, force: bool = False, using: str = "default") -> Restored:
    """Put an archive back into the configured database and MEDIA_ROOT.

    Refuses, before changing anything, an archive that is not a Trygg backup, is damaged,
    comes from another database vendor or from a newer Trygg, and a target that is not
    empty (see `existing_data`) unless `force` is given.
    """
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    with _open_archive(source) as archive:
        manifest = read_manifest(archive)
        check_compatible(manifest, connection)
        _verify(archive, manifest)
        rows = existing_data(connection)
        media = [path for path, _name in _media_files(media_root)]
        if (rows or media) and not force:
            raise BackupError(_not_empty_message(rows, len(media)))
        database_file = manifest["database"]["file"]
        with tempfile.TemporaryDirectory(prefix="trygg-restore-") as folder:
            dump = Path(folder) / database_file
            _extract(archive, database_file, dump)
            _load_database(connection, dump)
        for path in media:
            path.unlink()
        for entry in manifest["files"]:
            if entry["name"].startswith(MEDIA_PREFIX):
                destination = media_root / entry["name"].removeprefix(MEDIA_PREFIX)
                destination.parent.mkdir(parents=True, exist_ok=True)
                _extract(archive, entry["name"], destination)
    return Restored(
        manifest=manifest,
        replaced_rows=rows,
        replaced_media=len(media),
        migrations_to_apply=_missing_migrations(manifest),
    )


def read_manifest(archive: zipfile.ZipFile) -> dict:
    """The archive's manifest, or BackupError if it has none this Trygg can read."""
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError(
            "Arkivet saknar en läsbar manifest.json: det är ingen Trygg-säkerhetskopia."
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            f"Arkivets format ({manifest.get('format') if isinstance(manifest, dict) else '?'}) "
            f"känns inte igen; den här versionen av Trygg läser format {FORMAT}."
        )
    return manifest


def check_compatible(manifest: dict, connection: BaseDatabaseWrapper) -> None:
    """Refuse a backup of another database vendor, or from migrations this code does not have."""
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"Säkerhetskopian är av en {VENDOR_NAMES.get(vendor, vendor)}-databas men Trygg är "
            f"inställt på {VENDOR_NAMES.get(connection.vendor, connection.vendor)} "
            "(DATABASE_URL). En säkerhetskopia återställs bara till samma sorts databas: "
            f"peka DATABASE_URL på en {VENDOR_NAMES.get(vendor, vendor)}-databas."
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            f"Säkerhetskopian är gjord av en nyare Trygg ({manifest.get('trygg_version')}) än den "
            f"här ({_trygg_version()}): den har migreringar som koden saknar "
            f"({', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}). "
            "Installera samma eller en nyare version av Trygg och återställ sedan."
        )


def existing_data(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """Rows per table that make a database non-empty: {table: count}, only tables with rows.

    Empty means: no user account and no row in any table of Trygg's own apps, apart from
    the reference data that migrations write (REFERENCE_MODELS). Tables that do not exist
    yet count as empty, so both a new database and one just migrated are empty.
    """
    tables = set(connection.introspection.table_names())
    models = [apps.get_model("auth", "User")] + [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("trygg.")
        for model in config.get_models(include_auto_created=True)
        if model._meta.label_lower not in REFERENCE_MODELS
    ]
    counts = {}
    for model in models:
        if model._meta.db_table in tables:
            count = model._base_manager.using(connection.alias).count()
            if count:
                counts[model._meta.db_table] = count
    return counts


def _not_empty_message(rows: dict[str, int], media: int) -> str:
    parts = []
    if rows:
        largest = sorted(rows.items(), key=lambda item: -item[1])
        tables = ", ".join(f"{table} {count}" for table, count in largest[:5])
        tables += ", …" if len(largest) > 5 else ""
        parts.append(f"databasen har {sum(rows.values())} rader i {len(rows)} tabeller ({tables})")
    if media:
        parts.append(f"mediemappen {settings.MEDIA_ROOT} har {media} filer")
    return (
        "Återställningen görs bara till en tom databas och mediemapp, men "
        + " och ".join(parts)
        + ". Ange --force för att ersätta dem med säkerhetskopians innehåll."
    )


def _trygg_version() -> str:
    try:
        return version("trygg")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "okänd"


def _manifest(connection: BaseDatabaseWrapper, files: list[dict]) -> dict:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    server_version = (
        sqlite3.sqlite_version
        if connection.vendor == "sqlite"
        else ".".join(map(str, divmod(connection.pg_version, 10000)))
    )
    return {
        "format": FORMAT,
        "trygg_version": _trygg_version(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": {
            "vendor": connection.vendor,
            "version": server_version,
            "file": DATABASE_FILES[connection.vendor],
        },
        "migrations": applied,
        "files": files,
    }


def _media_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every regular file under root, with its name relative to root (forward slashes)."""
    if not root.is_dir():
        return
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path, path.relative_to(root).as_posix()


def _add_file(archive: zipfile.ZipFile, path: Path, name: str) -> dict:
    """Copy a file into the archive, hashing it on the way: read once, however large."""
    digest = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo.from_file(path, name, strict_timestamps=False)
    info.compress_type = zipfile.ZIP_DEFLATED
    with open(path, "rb") as source, archive.open(info, "w", force_zip64=True) as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


def _open_archive(source: str | Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except FileNotFoundError as error:
        raise BackupError(f"Filen {source} finns inte.") from error
    except zipfile.BadZipFile as error:
        raise BackupError(
            f"{source} är ingen zip-fil: det är ingen Trygg-säkerhetskopia."
        ) from error


def _verify(archive: zipfile.ZipFile, manifest: dict) -> None:
    """Every member the manifest names is there, safe to unpack, with its size and sha256."""
    database_file = manifest["database"]["file"]
    if database_file not in {entry["name"] for entry in manifest["files"]}:
        raise BackupError(f"Säkerhetskopian saknar databasen ({database_file}).")
    for entry in manifest["files"]:
        name = entry["name"]
        path = PurePosixPath(name)
        safe = not path.is_absolute() and ".." not in path.parts and "\\" not in name
        if not safe or (name != database_file and not name.startswith(MEDIA_PREFIX)):
            raise BackupError(f"Säkerhetskopian har en fil med otillåtet namn: {name!r}.")
        digest = hashlib.sha256()
        size = 0
        try:
            with archive.open(name) as member:
                while chunk := member.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
        except (KeyError, zipfile.BadZipFile) as error:
            raise BackupError(f"Säkerhetskopian är skadad: {name} går inte att läsa.") from error
        if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
            raise BackupError(
                f"Säkerhetskopian är skadad: {name} stämmer inte med manifestet (storlek eller "
                "sha256)."
            )


def _extract(archive: zipfile.ZipFile, name: str, destination: Path) -> None:
    with archive.open(name) as member, open(destination, "wb") as out:
        shutil.copyfileobj(member, out, CHUNK)


def _missing_migrations(manifest: dict) -> list[str]:
    """Migrations the code has that the backup's database had not applied yet."""
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(
        f"{app}.{name}" for app, name in loader.graph.leaf_nodes() if (app, name) not in applied
    )


def _dump_database(connection: BaseDatabaseWrapper, folder: Path) -> Path:
    path = folder / DATABASE_FILES.get(connection.vendor, "")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            with connection.wrap_database_errors:
                connection.connection.backup(copy)
        finally:
            copy.close()
    elif connection.vendor == "postgresql":
        _run_postgresql(
            "pg_dump",
            ["--format=plain", "--no-owner", "--no-privileges", f"--file={path}"],
            connection,
        )
    else:
        raise BackupError(
            f"Trygg säkerhetskopierar SQLite och PostgreSQL, inte {connection.vendor}."
        )
    return path


def _load_database(connection: BaseDatabaseWrapper, dump: Path) -> None:
    """Replace the whole database with the dump, in one step."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            with connection.wrap_database_errors:
                source.backup(connection.connection)
        finally:
            source.close()
        return
    # The tables there now are dropped in the same transaction that loads the dump, so a
    # failed load leaves the database as it was.
    tables = connection.introspection.table_names()
    drop = dump.with_name("drop.sql")
    drop.write_text(
        "".join(f"DROP TABLE IF EXISTS {connection.ops.quote_name(t)} CASCADE;\n" for t in tables)
    )
    connection.close()
    _run_postgresql(
        "psql",
        [
            "--no-psqlrc",
            "--quiet",
            "--set=ON_ERROR_STOP=1",
            "--single-transaction",
            f"--file={drop}",
            f"--file={dump}",
        ],
        connection,
    )


def _run_postgresql(program: str, arguments: list[str], connection: BaseDatabaseWrapper) -> None:
    """Run pg_dump or psql against the configured database; the login goes in the environment."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} finns inte på PATH. Installera PostgreSQL:s klientprogram "
            "(Debian: apt-get install postgresql-client), samma huvudversion som servern "
            "eller nyare."
        )
    result = subprocess.run(
        [executable, *arguments],
        env=os.environ | postgresql_environment(connection.settings_dict),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} misslyckades: {result.stderr.strip()}")


def postgresql_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for Django's connection settings: never a password on a command line."""
    names = {
        "NAME": "PGDATABASE",
        "USER": "PGUSER",
        "PASSWORD": "PGPASSWORD",
        "HOST": "PGHOST",
        "PORT": "PGPORT",
    }
    environment = {
        variable: str(settings_dict[key])
        for key, variable in names.items()
        if settings_dict.get(key)
    }
    options = settings_dict.get("OPTIONS") or {}
    for option in ("sslmode", "sslrootcert", "sslcert", "sslkey"):
        if options.get(option):
            environment[f"PG{option.upper()}"] = str(options[option])
    return environment
