"""`trygg backup` and `trygg restore`: a round trip on the suite's database, and every refusal.

The round trip restores into a second, new database (a file beside the test on SQLite,
`<test database>_restore` on PostgreSQL) and a new media folder, then compares every
table's row count and every media file's bytes. Transactional: pg_dump reads the data
from its own connection, so it must be committed.
"""

import hashlib
import io
import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.utils import load_backend

from trygg.incidents.models import Category, Incident, Source
from trygg.ops import backup
from trygg.promises.models import Activity, ActivityKind
from trygg.walks.models import FindingPhoto, Walk
from trygg.walks.services import add_finding

# pg_dump and psql use their own connections: what they read must be committed.
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHOTO = b"\xff\xd8\xff\xe0 not really a jpeg, but bytes that must come back \xff\xd9"


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def target(tmp_path):
    """A second, empty database to restore into, as the connection alias "restore"."""
    default = connections["default"]
    config = dict(default.settings_dict)
    postgresql = default.vendor == "postgresql"
    if postgresql:
        config["NAME"] = f"{config['NAME']}_restore"
        quoted = default.ops.quote_name(config["NAME"])
        with default.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
            cursor.execute(f"CREATE DATABASE {quoted}")
    else:
        config["NAME"] = str(tmp_path / "restore.sqlite3")
    # Made by hand rather than added to DATABASES: Django's test case allows such a connection.
    connections["restore"] = load_backend(config["ENGINE"]).DatabaseWrapper(config, "restore")
    yield connections["restore"]
    connections["restore"].close()
    del connections["restore"]
    if postgresql:
        with default.cursor() as cursor:
            cursor.execute(f"DROP DATABASE {quoted} WITH (FORCE)")


def row_counts(alias: str) -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def media_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def some_work(world) -> None:
    """Data across several apps: a walk with a finding, its photo and incident, an activity."""
    walk = Walk.objects.create(
        title="Trygghetsvandring Gamlebyviken",
        municipality=world.vastervik,
        date=date(2025, 4, 8),
        organiser=world.municipality,
        residents=7,
    )
    walk.organisations.set([world.municipality, world.police])
    finding = add_finding(walk, category="belysning", latitude=57.76, longitude=16.64)
    photo = FindingPhoto(finding=finding, width=4, height=3)
    photo.image.save("photo.jpg", ContentFile(PHOTO), save=True)
    at = datetime(2025, 3, 1, 22, tzinfo=UTC)
    Incident.objects.create(
        source=Source.POLICE_EVENT,
        occurred_from=at,
        occurred_to=at,
        municipality=world.vastervik,
        organisation=world.police,
        title="Skadegörelse, Västervik",
    )
    activity = Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 3, 2), count=3, organisation=world.police
    )
    activity.commitments.add(world.site_visits)


@transactional
def test_a_backup_restores_every_row_and_every_media_file(world, media, target, settings, tmp_path):
    some_work(world)
    (media / "imports").mkdir()
    (media / "imports" / "handelser.json").write_bytes(b'[{"id": 1}]')
    archive = tmp_path / "backups"
    archive.mkdir()
    call_command("backup", str(archive), stdout=io.StringIO())
    [archive] = archive.iterdir()  # a folder gets a file named by the time
    assert archive.stat().st_mode & 0o077 == 0, "the archive holds personal data"
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert manifest["database"]["vendor"] == connections["default"].vendor
    assert "0001_initial" in manifest["migrations"]["walks"]
    [photo] = [e for e in manifest["files"] if e["name"].startswith("media/walks/")]
    assert (photo["size"], photo["sha256"]) == (len(PHOTO), hashlib.sha256(PHOTO).hexdigest())

    before = row_counts("default")
    files = media_files(media)
    assert before["walks_findingphoto"] == 1 and before["incidents_incident"] == 2
    assert len(files) == 2

    settings.MEDIA_ROOT = tmp_path / "media-restored"
    out = restore("restore", archive)

    assert row_counts("restore") == before
    assert media_files(settings.MEDIA_ROOT) == files
    assert "2 mediefiler" in out and "migrate" not in out, "the same version: nothing to do"


def restore(alias: str, archive: Path, *options: str) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), "--database", alias, *options, stdout=out)
    return out.getvalue()


@transactional
def test_a_database_or_media_folder_that_is_not_empty_is_replaced_only_when_told(
    world, media, target, settings, tmp_path
):
    archive = tmp_path / "trygg.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    settings.MEDIA_ROOT = tmp_path / "media-restored"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "kvar.txt").write_text("från förut")

    with pytest.raises(CommandError, match="mediemappen .* har 1 filer"):
        restore("restore", archive)
    assert row_counts("restore") == {}, "nothing restored"
    out = restore("restore", archive, "--force")
    assert "Ersatte 0 rader i 0 tabeller och 1 mediefiler" in out
    assert not (settings.MEDIA_ROOT / "kvar.txt").exists()

    with pytest.raises(CommandError, match="tom databas") as refused:
        restore("restore", archive)
    assert "databasen har" in str(refused.value) and "--force" in str(refused.value)
    # The suite's own database is not empty either, and is left as it was.
    before = row_counts("default")
    with pytest.raises(CommandError, match="tom databas"):
        restore("default", archive)
    assert row_counts("default") == before

    out = restore("restore", archive, "--force")
    assert f"Ersatte {sum(backup.existing_data(target).values())} rader i" in out
    assert row_counts("restore") == before


def applied_migrations() -> dict[str, list[str]]:
    """Every migration this code has, as a manifest lists them."""
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationLoader(None).disk_migrations):
        applied.setdefault(app, []).append(name)
    return applied


def fake_backup(path: Path, vendor: str | None = None, edit=lambda manifest: None) -> Path:
    """An archive as `trygg backup` writes it, its manifest changed by edit()."""
    vendor = vendor or connections["default"].vendor
    database = b"-- a database"
    manifest = {
        "format": backup.FORMAT,
        "trygg_version": "0.1.0",
        "created_at": "2025-06-01T03:15:00+00:00",
        "database": {"vendor": vendor, "version": "?", "file": backup.DATABASE_FILES[vendor]},
        "migrations": applied_migrations(),
        "files": [
            {
                "name": backup.DATABASE_FILES[vendor],
                "size": len(database),
                "sha256": hashlib.sha256(database).hexdigest(),
            }
        ],
    }
    edit(manifest)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(backup.DATABASE_FILES[vendor], database)
        archive.writestr("manifest.json", json.dumps(manifest))
    return path


@pytest.mark.django_db
def test_a_backup_of_another_database_vendor_is_refused(world, tmp_path):
    other = "postgresql" if connections["default"].vendor == "sqlite" else "sqlite"
    archive = fake_backup(tmp_path / "other.zip", vendor=other)
    with pytest.raises(CommandError, match="återställs bara till samma sorts databas"):
        restore("default", archive, "--force")
    assert Walk.objects.count() == 0 and world.promise.commitments.count() == 3


@pytest.mark.django_db
def test_a_backup_from_a_newer_trygg_is_refused(world, tmp_path):
    def newer(manifest):
        manifest["migrations"]["promises"].append("0099_from_the_future")
        manifest["trygg_version"] = "9.0.0"

    archive = fake_backup(tmp_path / "newer.zip", edit=newer)
    with pytest.raises(CommandError, match="nyare Trygg .*promises.0099_from_the_future"):
        restore("default", archive, "--force")
    assert world.promise.commitments.count() == 3


def _add_file(manifest, name):
    manifest["files"].append(manifest["files"][0] | {"name": name})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.update(files=[]), "saknar databasen"),
        (lambda m: m.update(format=2), "format"),
        (lambda m: m["files"][0].update(size=1), "skadad"),
        (lambda m: m["files"][0].update(sha256="0" * 64), "skadad"),
        (lambda m: _add_file(m, "media/../../etc/cron.d/trygg"), "otillåtet namn"),
        (lambda m: _add_file(m, "/etc/cron.d/trygg"), "otillåtet namn"),
        (lambda m: _add_file(m, "settings.py"), "otillåtet namn"),
        (lambda m: _add_file(m, "media/saknas.jpg"), "skadad"),
    ],
)
def test_a_damaged_or_foreign_archive_is_refused(world, tmp_path, edit, message):
    archive = fake_backup(tmp_path / "trygg.zip", edit=edit)
    with pytest.raises(CommandError, match=message):
        restore("default", archive, "--force")
    assert world.promise.commitments.count() == 3


@pytest.mark.django_db
def test_a_backup_into_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(CommandError, match="saknas.* finns inte"):
        call_command("backup", str(tmp_path / "saknas" / "trygg.zip"))
    assert not (tmp_path / "saknas").exists()


def test_a_file_that_is_no_backup_is_refused(tmp_path):
    not_zip = tmp_path / "trygg.zip"
    not_zip.write_text("hej")
    with pytest.raises(CommandError, match="ingen zip-fil"):
        restore("default", not_zip)
    with pytest.raises(CommandError, match="finns inte"):
        restore("default", tmp_path / "saknas.zip")


def test_the_database_password_never_goes_on_a_command_line(monkeypatch):
    calls = []
    monkeypatch.setattr(backup.shutil, "which", lambda program: f"/usr/bin/{program}")
    monkeypatch.setattr(
        backup.subprocess,
        "run",
        lambda args, env, **kw: calls.append((args, env)) or SimpleNamespace(returncode=0),
    )
    settings_dict = {
        "NAME": "trygg",
        "USER": "trygg",
        "PASSWORD": "hemligt-lösenord",
        "HOST": "db.internal",
        "PORT": 5433,
        "OPTIONS": {"sslmode": "require"},
    }
    backup._run_postgresql(
        "pg_dump", ["--format=plain"], SimpleNamespace(settings_dict=settings_dict)
    )
    [(args, env)] = calls
    assert not any("hemligt" in argument or "db.internal" in argument for argument in args)
    assert (env["PGPASSWORD"], env["PGHOST"], env["PGPORT"], env["PGDATABASE"]) == (
        "hemligt-lösenord",
        "db.internal",
        "5433",
        "trygg",
    )
    assert env["PGSSLMODE"] == "require"


def test_a_missing_pg_dump_is_named(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(backup.BackupError, match="pg_dump finns inte på PATH"):
        backup._run_postgresql("pg_dump", [], SimpleNamespace(settings_dict={}))


def test_a_backup_from_an_older_trygg_asks_for_migrate():
    applied = applied_migrations()
    dropped = applied["walks"].pop()
    manifest = {"migrations": applied}
    assert backup._missing_migrations(manifest) == [f"walks.{dropped}"]
    assert backup._missing_migrations({"migrations": applied_migrations()}) == []


@pytest.mark.django_db
def test_a_database_just_migrated_is_empty_and_one_user_is_not():
    """What `trygg migrate` writes (categories, permissions) does not count; any data does."""
    assert Category.objects.exists() and Permission.objects.exists()
    assert backup.existing_data(connections["default"]) == {}
    User.objects.create_user("ensam")
    assert backup.existing_data(connections["default"]) == {"auth_user": 1}
