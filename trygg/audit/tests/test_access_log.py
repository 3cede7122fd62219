"""Reading police data leaves a trace: who, when, what, which municipality, from where."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, make_user
from trygg.audit.models import AccessLogEntry
from trygg.incidents.models import ImportJob, Incident
from trygg.organisations.models import Role

pytestmark = pytest.mark.django_db
WEEK = {"ar": "2025", "vecka": "10"}


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def test_the_lagesbild_csv_is_logged_with_user_municipality_week_and_address(client, world):
    login(client, world.coordinator)
    response = client.get(
        reverse("lagesbild-week-csv", args=["0883"]), WEEK, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.username) == (world.coordinator, "samordnare")
    assert (entry.what, entry.municipality) == ("lagesbild.csv", "0883")
    assert entry.details == {"year": 2025, "week": 10}
    assert entry.path == "/lagesbild/0883/data.csv?ar=2025&vecka=10"
    assert entry.address == "10.1.2.3"
    assert timezone.now() - entry.at < timedelta(minutes=1)


@pytest.mark.parametrize(
    ("name", "what"),
    [("lagesbild-week", "lagesbild.week"), ("lagesbild-week-json", "lagesbild.json")],
)
def test_the_week_page_and_json_are_logged(client, world, name, what):
    login(client, world.viewer)
    assert client.get(reverse(name, args=["0883"]), WEEK).status_code == 200
    assert AccessLogEntry.objects.get().what == what


def test_the_incident_list_is_logged_with_the_municipalities_shown(client, world):
    Incident.objects.create(
        source="staff",
        occurred_from=datetime(2025, 3, 1, 22, tzinfo=UTC),
        occurred_to=datetime(2025, 3, 1, 22, tzinfo=UTC),
        municipality=world.vastervik,
        organisation=world.municipality,
    )
    login(client, world.viewer)
    assert client.get(reverse("incidents")).status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.username, entry.what, entry.municipality) == ("lasare", "incidents.list", "0883")
    assert entry.details == {"shown": 1, "municipalities": "0883"}


def test_the_rejects_file_is_logged(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = ImportJob.objects.create(
        kind="polisen-events",
        file=SimpleUploadedFile("fil.json", b"[]"),
        rejects=SimpleUploadedFile("fil.rejects.csv", b"rad;fel\n"),
        organisation=world.municipality,
        created_by=world.coordinator,
    )
    login(client, world.coordinator)
    assert client.get(reverse("import-rejects", args=[job.pk])).status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.what, entry.subject) == ("import.rejects", f"importjob {job.pk}")


def test_the_est_meeting_page_is_logged_with_its_municipality(client, world):
    from datetime import date

    from trygg.est.models import Meeting

    Meeting.objects.create(
        forum=world.tistel,
        municipality=world.vastervik,
        year=2025,
        week=10,
        held_on=date(2025, 3, 3),
    )
    login(client, world.viewer)
    assert client.get(reverse("est-meeting", args=["tistel", 2025, 10])).status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.what, entry.municipality, entry.details) == (
        "est.meeting",
        "0883",
        {"year": 2025, "week": 10},
    )


def test_a_refused_request_writes_nothing(client, world):
    """Nothing was read, so nothing is logged: the outsider's 404, the reporter's refusal."""
    login(client, world.outsider)
    assert client.get(reverse("lagesbild-week-csv", args=["0883"]), WEEK).status_code == 404
    client.logout()
    login(client, world.reporter)
    assert client.get(reverse("lagesbild-week-csv", args=["0883"]), WEEK).status_code == 404
    client.logout()
    assert client.get(reverse("lagesbild-week-csv", args=["0883"]), WEEK).status_code == 302
    assert not AccessLogEntry.objects.exists()


def test_the_address_behind_a_trusted_proxy_is_the_clients(client, world, settings):
    settings.TRYGG_TRUSTED_PROXIES = 1
    login(client, world.coordinator)
    client.get(
        reverse("incidents"), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7, 10.0.0.9"
    )
    assert AccessLogEntry.objects.get().address == "10.0.0.9"


def test_pruning_deletes_entries_past_the_retention(client, world, settings, capsys):
    settings.TRYGG_ACCESS_LOG_DAYS = 30
    login(client, world.coordinator)
    client.get(reverse("incidents"))
    client.get(reverse("incidents"))
    old = AccessLogEntry.objects.first()
    AccessLogEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    call_command("prune_access_log")
    assert "1 poster" in capsys.readouterr().out
    assert list(AccessLogEntry.objects.all()) == [AccessLogEntry.objects.exclude(pk=old.pk).get()]


# ---------------------------------------------------------------------------
# Who reads the log: superusers, and administrators for their organisations' users
# ---------------------------------------------------------------------------


@pytest.fixture
def logged(client, world):
    """One read by a municipality coordinator and one by the outsider."""
    login(client, world.coordinator)
    client.get(reverse("incidents"))
    client.logout()
    login(client, world.outsider)
    client.get(reverse("incidents"))
    client.logout()
    return AccessLogEntry.objects.order_by("pk")


def test_an_administrator_reads_their_organisations_users_entries_only(client, world, logged):
    make_user("kommunadmin", world.municipality, Role.ADMIN)
    client.login(username="kommunadmin", password=PASSWORD)
    page = client.get(reverse("admin:audit_accesslogentry_changelist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "samordnare" in html
    assert "karlshamn" not in html
    outsiders = logged.get(username="karlshamn")
    url = reverse("admin:audit_accesslogentry_change", args=[outsiders.pk])
    assert client.get(url).status_code == 302  # another organisation's entry: not found
    # Filtered by user, date and kind.
    filtered = client.get(
        reverse("admin:audit_accesslogentry_changelist"),
        {"what": "incidents.list", "user__id__exact": world.coordinator.pk},
    )
    assert filtered.status_code == 200 and "samordnare" in filtered.content.decode()


def test_the_log_is_read_only_even_for_superusers(client, world, logged):
    User.objects.create_superuser("root", password=PASSWORD)
    client.login(username="root", password=PASSWORD)
    entry = logged.first()
    assert client.get(reverse("admin:audit_accesslogentry_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_accesslogentry_add")).status_code == 403
    delete = reverse("admin:audit_accesslogentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:audit_accesslogentry_change", args=[entry.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("who", ["coordinator", "viewer"])
def test_coordinators_and_others_do_not_see_the_log(client, world, logged, who):
    login(client, getattr(world, who))
    response = client.get(reverse("admin:audit_accesslogentry_changelist"))
    assert response.status_code in (302, 403)
