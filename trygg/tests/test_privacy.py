"""Personal identity numbers never reach the database, whatever their shape and path."""

import csv
import json
from datetime import date, datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from trygg.citizens.models import CitizenReport
from trygg.incidents.bulk import insert_rows
from trygg.incidents.importers import import_file
from trygg.incidents.models import Category, Incident, Source
from trygg.privacy import (
    MASK,
    MaskedCharField,
    MaskedField,
    MaskedJSONField,
    MaskedTextField,
    mask_identity_numbers,
)
from trygg.promises.models import Activity, ActivityKind

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# Every way people have been seen to write a personnummer or samordningsnummer.
MASKED = [
    "19121212-1212",
    "121212-1212",
    "191212121212",
    "1212121212",
    "121212+1212",  # over a hundred years old
    "850101-1234",  # wrong check digit: still meant as one
    "19850101 1235",
    "850101-1235",
    "8501011235",
    "198501011235",
    "121212–1212",  # en dash
    "121212—1212",  # em dash
    "121212\u20101212",  # hyphen
    "121212\u20111212",  # non-breaking hyphen
    "121212\u22121212",  # minus sign
    "121212\u00ad1212",  # soft hyphen
    "１２１２１２－１２１２",  # full-width digits and hyphen
    "１２１２１２1212",
    "١٢١٢١٢-١٢١٢",  # Arabic-Indic digits
    "121212/1212",
    "121212.1212",
    "121212_1212",
    "121212 1212",
    "121212   1212",
    "121212 - 1212",
    "121212 – 1212",
    "121212\t1212",
    "121212\u00a01212",  # no-break space
    "121212\u20091212",  # thin space
    "121212\u202f1212",  # narrow no-break space
    "121212\u200b1212",  # zero-width space
    "12 12 12-12 12",
    "12 12 12 12 12",
    "19 85 01 01-12 35",
    "1985 01 01-1235",
    "850161-1235",  # samordningsnummer: day + 60
    "19850191-1235",
    "8501611235",
    "000229-1234",  # 29 February 2000
    "18991231-1234",
    "20010101/1234",
]

# Numbers Trygg stores all the time that are no identity numbers.
KEPT = [
    "5000-K1234-25",  # police diarienummer
    "K123456-25",
    "Diarienummer 2025-1234",
    "2025-03-01 22:00",
    "2025-03-01",
    "2025-03-01–2025-03-31",
    "kl. 22.00–02.00",
    "0490-123 45",
    "070-123 45 67",
    "070 123 45 67",
    "+46 70 123 45 67",
    "Ring 114 14 eller 0490-25 40 00",
    "57.7577, 16.6370",
    "16.637012, 57.757716",
    "brottskod 9301 och 0390",
    "1 250 000 kr",
    "Tio besök, 1234567890 kr",  # no date in it
    "år 2024 och 2025",
    "2024–2025",
    "556036-0793",  # an organisation number (month 60 is no month)
    "850132-1235",  # no 32nd day
    "851301-1235",  # no 13th month
    "850230-1235",  # no 30 February
    "19850161 12",  # too short
    "121212121212",  # no such century
]


@pytest.mark.parametrize("number", MASKED)
def test_identity_numbers_are_masked(number):
    assert mask_identity_numbers(f"Samtal om {number} vid torget") == f"Samtal om {MASK} vid torget"


@pytest.mark.parametrize("text", KEPT)
def test_other_numbers_are_kept(text):
    assert mask_identity_numbers(text) == text


def test_only_the_number_changes_and_masking_twice_changes_nothing():
    text = "Samtal – med １２ personer, 850101–1235 och 121212\u00a01212; ﬁk kl 22:00"
    masked = mask_identity_numbers(text)
    assert masked == f"Samtal – med １２ personer, {MASK} och {MASK}; ﬁk kl 22:00"
    assert mask_identity_numbers(masked) == masked


# All the shapes in one text, as a path under test receives it, and what must be stored.
ALL_SHAPES = "; ".join(MASKED)
ALL_MASKED = "; ".join([MASK] * len(MASKED))


@pytest.mark.django_db
def test_the_fields_are_plain_django_fields_to_migrations():
    """Masking is behaviour, not schema: no migration, now or when a field becomes masked."""
    assert MaskedTextField().deconstruct()[1] == "django.db.models.TextField"
    assert MaskedCharField(max_length=10).deconstruct()[1] == "django.db.models.CharField"
    assert MaskedJSONField().deconstruct()[1] == "django.db.models.JSONField"
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_trygg_text_field_is_masked():
    """A TextField is free text by nature; a new one that forgets masking fails here."""
    plain = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("trygg.")
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField) and not isinstance(field, MaskedField)
    ]
    assert plain == []


@pytest.mark.django_db
def test_an_activity_note_is_masked_when_saved(world):
    activity = Activity.objects.create(
        kind=ActivityKind.CONCERN_TALK,
        date=date(2025, 3, 1),
        organisation=world.police,
        note=ALL_SHAPES,
    )
    assert activity.note == ALL_MASKED  # the object holds what was stored
    activity.refresh_from_db()
    assert activity.note == ALL_MASKED


def incident(**fields) -> Incident:
    when = datetime(2025, 3, 1, 22, 0, tzinfo=STOCKHOLM)
    return Incident(source=Source.STAFF, occurred_from=when, occurred_to=when, **fields)


@pytest.mark.django_db
def test_update_bulk_create_and_bulk_update_mask(world):
    stored = incident(title="Klotter")
    stored.save()
    Incident.objects.filter(pk=stored.pk).update(text=ALL_SHAPES, title="Sågs: 850101–1235")
    stored.refresh_from_db()
    assert (stored.text, stored.title) == (ALL_MASKED, f"Sågs: {MASK}")

    [made] = Incident.objects.bulk_create([incident(text=ALL_SHAPES)])
    assert Incident.objects.get(pk=made.pk).text == ALL_MASKED

    made.text = "Igen 19 85 01 01-12 35"
    Incident.objects.bulk_update([made], ["text"])
    assert Incident.objects.get(pk=made.pk).text == f"Igen {MASK}"


@pytest.mark.django_db
def test_a_masked_char_field_still_fits_its_column(world):
    """The mask is longer than the number; the title is cut to fit rather than refused."""
    title = "x" * 240 + " 8501011235"
    stored = incident(title=title)
    stored.save()
    stored.refresh_from_db()
    assert len(stored.title) == 250
    assert stored.title == ("x" * 240 + " " + MASK)[:249] + "…"


@pytest.mark.django_db
def test_the_bulk_writer_asks_the_fields(world):
    """RowWriter (COPY on PostgreSQL, executemany on SQLite) bypasses save(), not masking."""
    when = datetime(2025, 3, 1, 22, 0, tzinfo=STOCKHOLM)
    row = {"source": Source.STAFF, "occurred_from": when, "occurred_to": when}
    insert_rows(
        Incident,
        [row | {"external_id": "a", "text": ALL_SHAPES, "title": "Om ١٢١٢١٢-١٢١٢"}],
    )
    stored = Incident.objects.get(external_id="a")
    assert (stored.text, stored.title) == (ALL_MASKED, f"Om {MASK}")


@pytest.mark.django_db
def test_an_imported_csv_is_stored_masked(world, tmp_path):
    """Through import_file and RowWriter, as `trygg import csv` and the upload page run it."""
    path = tmp_path / "rapporter.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(["Ärende", "Datum", "Typ", "Rubrik", "Beskrivning"])
        for n, number in enumerate(MASKED):
            writer.writerow([f"R-{n}", "2025-03-01", f"Typ {number}", f"Om {number}", ALL_SHAPES])
    mapping = {
        "source": "housing",
        "id": "Ärende",
        "from": "Datum",
        "category": "Typ",
        "title": "Rubrik",
        "text": "Beskrivning",
        "default_municipality": "Västervik",
    }
    result = import_file("csv", path, mapping=mapping)
    assert result.created == len(MASKED)
    stored = Incident.objects.filter(source=Source.HOUSING)
    assert set(stored.values_list("text", flat=True)) == {ALL_MASKED}
    assert set(stored.values_list("title", flat=True)) == {f"Om {MASK}"}
    assert set(stored.values_list("source_type", flat=True)) == {f"Typ {MASK}"}


@pytest.mark.django_db
def test_the_report_form_stores_masked_text(client, world):
    client.force_login(world.reporter)
    response = client.post(
        reverse("report-incident"),
        {
            "category": Category.objects.get(slug="klotter").pk,
            "place": world.square.pk,
            "happened_at": "2025-03-01T22:15",
            "text": ALL_SHAPES,
            "organisation": world.police.pk,
            "visibility": "shared",
        },
    )
    assert response.status_code == 302
    assert Incident.objects.get().text == ALL_MASKED


@pytest.mark.django_db
def test_a_citizen_report_is_stored_masked(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/medborgarrapport/",
            {
                "municipality": world.vastervik.pk,
                "category": Category.objects.get(slug="otrygg-plats").pk,
                "latitude": "57.757712",
                "longitude": "16.637043",
                "address": "Vid porten till 12 12 12-12 12",
                "happened_at": "2025-03-05T21:30",
                "text": ALL_SHAPES,
                "email": "",
                "website": "",
            },
        )
    assert response.status_code == 302
    report = CitizenReport.objects.get()
    assert (report.text, report.address) == (ALL_MASKED, f"Vid porten till {MASK}")


class _FormValues(HTMLParser):
    """The values a browser would submit from a page's form (inputs, selects, textareas)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") != "checkbox" or "checked" in attrs:
                self.data[name] = attrs.get("value") or ""
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value") or ""
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea] += data.removeprefix("\n")


@pytest.mark.django_db
def test_the_admin_stores_masked_text(client, world):
    stored = incident(title="Klotter", municipality=world.vastervik)
    stored.save()
    client.force_login(world.coordinator)
    change = reverse("admin:incidents_incident_change", args=[stored.pk])
    form = _FormValues()
    form.feed(client.get(change).content.decode())
    data = form.data | {"text": ALL_SHAPES, "title": "Om １２１２１２－１２１２"}
    response = client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    stored.refresh_from_db()
    assert (stored.text, stored.title) == (ALL_MASKED, f"Om {MASK}")


@pytest.mark.django_db
def test_a_saved_mapping_and_a_report_comment_are_masked(world):
    """JSON fields mask every string in them."""
    from trygg.followup.models import Report

    report = Report.objects.create(
        promise=world.promise,
        title="Uppföljning 2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
        comments={str(world.site_visits.pk): "Samtal med 850101-1235", "x": ["121212–1212", 3]},
    )
    report.refresh_from_db()
    assert report.comments == {
        str(world.site_visits.pk): f"Samtal med {MASK}",
        "x": [MASK, 3],
    }
    assert json.loads(json.dumps(report.comments))  # still plain JSON


def test_an_empty_or_digitless_text_is_returned_as_it_is():
    text = "Inga siffror här, bara åäö." * 10
    assert mask_identity_numbers(text) is text
    assert mask_identity_numbers("") == ""
