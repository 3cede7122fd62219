"""Importing the police's public events: dates, places, summaries, idempotency, errors."""

import json
import shutil
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from trygg.geo.models import Municipality
from trygg.incidents.importers import ImportAborted, import_file
from trygg.incidents.importers.base import iter_json_array
from trygg.incidents.models import Incident, Source
from trygg.privacy import MASK

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*parts):
    return datetime(*parts, tzinfo=STOCKHOLM)


@pytest.fixture
def imported():
    result = import_file("polisen-events", FIXTURES / "polisen.json")
    assert result.created == 7
    return {i.external_id: i for i in Incident.objects.filter(source=Source.POLICE_EVENT)}


def test_the_year_is_inferred_across_new_year(imported):
    # Published 2 January 2026, happened on 31 December: the year before.
    assert imported["1001"].occurred_from == at(2025, 12, 31, 23, 10)
    assert imported["1001"].occurred_to == imported["1001"].occurred_from
    # Published the same morning, "02 januari 00.30": this year.
    assert imported["1002"].occurred_from == at(2026, 1, 2, 0, 30)


def test_unpadded_hour_and_both_separators(imported):
    # "datetime": "2026-01-03 9:00:12 +01:00"; name "2 januari 23:47".
    assert imported["1003"].published_at == at(2026, 1, 3, 9, 0, 12)
    assert imported["1003"].occurred_from == at(2026, 1, 2, 23, 47)
    assert imported["1004"].occurred_from == at(2026, 1, 3, 1, 15)


def test_municipalities_come_from_the_shipped_table(imported):
    karlshamn = imported["1001"].municipality
    assert (karlshamn.name, karlshamn.scb_code, karlshamn.county) == (
        "Karlshamn",
        "1082",
        "Blekinge län",
    )
    assert imported["1003"].municipality.scb_code == "0821"


def test_county_events_with_and_without_a_municipality(imported):
    fire = imported["1004"]
    assert fire.municipality is None
    assert "Kalmar län" in fire.title
    crash = imported["1005"]
    assert crash.municipality.name == "Mönsterås"
    assert crash.source_type == "Trafikolycka, personskada"
    assert crash.category.slug == "trafik"


def test_no_coordinates_are_stored(imported):
    for incident in imported.values():
        assert incident.latitude is None and incident.longitude is None
        assert incident.precision == Incident.Precision.MUNICIPALITY


def test_summaries_are_flagged_and_span_the_day(imported):
    summary = imported["1006"]
    assert summary.is_summary
    assert summary.occurred_from == at(2026, 1, 2)
    assert summary.occurred_to == at(2026, 1, 2, 23, 59, 59)
    assert not imported["1001"].is_summary


def test_fields_categories_links_and_masking(imported):
    assault = imported["1001"]
    assert assault.category.slug == "vald"
    assert assault.visibility == Incident.Visibility.PUBLIC
    assert assault.url == "https://polisen.se/aktuellt/handelser/2026/januari/1001/"
    assert assault.title == "31 december 23.10, Misshandel, Karlshamn"
    assert "811218-9876" not in imported["1007"].text
    assert MASK in imported["1007"].text
    assert imported["1006"].category is None  # summaries are not mapped


def test_importing_twice_creates_no_duplicates(imported):
    again = import_file("polisen-events", FIXTURES / "polisen.json")
    assert (again.created, again.existing) == (0, 7)
    assert Incident.objects.count() == 7


def test_an_overlapping_file_adds_only_new_ids(imported):
    result = import_file("polisen-events", FIXTURES / "polisen_overlap.json")
    assert (result.created, result.existing) == (1, 2)
    assert Incident.objects.count() == 8
    assert Incident.objects.get(external_id="1008").category.slug == "klotter"


def test_a_bad_row_changes_nothing(imported):
    before = {i.pk: (i.title, i.occurred_from) for i in Incident.objects.all()}
    municipalities = Municipality.objects.count()
    with pytest.raises(ImportAborted) as error:
        import_file("polisen-events", FIXTURES / "polisen_bad.json")
    assert str(error.value) == (
        'polisen_bad.json, post 2, fält datetime: "2026-13-03 6:28:39 +01:00" '
        "är inget giltigt datum"
    )
    assert {i.pk: (i.title, i.occurred_from) for i in Incident.objects.all()} == before
    assert Municipality.objects.count() == municipalities


def test_the_command_fails_with_the_message(tmp_path):
    with pytest.raises(CommandError, match="polisen_bad.json, post 2, fält datetime"):
        call_command("import", "polisen-events", str(FIXTURES / "polisen_bad.json"))
    assert Incident.objects.count() == 0


def test_skip_invalid_writes_a_rejects_file(tmp_path):
    path = tmp_path / "polisen_bad.json"
    shutil.copy(FIXTURES / "polisen_bad.json", path)
    out = StringIO()
    call_command("import", "polisen-events", str(path), "--skip-invalid", stdout=out)
    assert "Importerade 2 händelser, 0 fanns redan, 1 avvisade" in out.getvalue()
    assert sorted(Incident.objects.values_list("external_id", flat=True)) == ["2001", "2003"]
    rejects = (tmp_path / "polisen_bad.json.rejects.csv").read_text(encoding="utf-8-sig")
    header, row = rejects.splitlines()
    assert header.split(";") == [
        "id",
        "datetime",
        "name",
        "summary",
        "url",
        "type",
        "location.name",
        "location.gps",
        "post",
        "fält",
        "orsak",
    ]
    assert row.startswith("2002;2026-13-03 6:28:39 +01:00;")
    assert row.endswith(';2;datetime;"""2026-13-03 6:28:39 +01:00"" är inget giltigt datum"')


def test_the_command_prints_a_summary():
    out = StringIO()
    call_command("import", "polisen-events", str(FIXTURES / "polisen.json"), stdout=out)
    assert out.getvalue().strip() == "Importerade 7 händelser, 0 fanns redan, 0 avvisade"


@pytest.mark.parametrize(
    ("name", "published", "expected"),
    [
        (
            "31 december 23.10, Brand, Västervik",
            "2026-01-02 0:05:00 +01:00",
            (2025, 12, 31, 23, 10),
        ),
        ("02 januari 00.30, Brand, Västervik", "2026-01-02 0:05:00 +01:00", (2026, 1, 2, 0, 30)),
        ("29 februari 12.00, Brand, Västervik", "2026-03-01 9:00:00 +01:00", (2024, 2, 29, 12, 0)),
        ("15 juli 9.05, Brand, Västervik", "2026-07-15 9:30:00 +02:00", (2026, 7, 15, 9, 5)),
    ],
)
def test_year_inference(tmp_path, name, published, expected):
    path = tmp_path / "one.json"
    event = {"id": 1, "datetime": published, "name": name, "type": "Brand"}
    event["location"] = {"name": "Västervik", "gps": "57.7,16.6"}
    path.write_text(json.dumps([event]), encoding="utf-8")
    import_file("polisen-events", path)
    assert Incident.objects.get().occurred_from == at(*expected)


@pytest.mark.parametrize(
    ("event", "field"),
    [
        ({"datetime": "2026-01-02 6:28:39 +01:00", "name": "Misshandel, Karlshamn"}, "name"),
        ({"datetime": "igår", "name": "02 januari 10.00, Brand, Västervik"}, "datetime"),
        ({"datetime": "2026-01-02 6:28:39 +01:00", "name": "02 januari 25.00, Brand"}, "name"),
        ({"datetime": "2026-01-02 6:28:39 +01:00", "name": "31 februari 10.00, Brand"}, "name"),
    ],
)
def test_bad_fields_are_named(tmp_path, event, field):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": 5, "type": "Brand", **event}]), encoding="utf-8")
    with pytest.raises(ImportAborted, match=f"bad.json, post 1, fält {field}: "):
        import_file("polisen-events", path)


def test_a_file_that_is_not_an_array_is_refused(tmp_path):
    path = tmp_path / "object.json"
    path.write_text('{"id": 1}', encoding="utf-8")
    with pytest.raises(ImportAborted, match="object.json: filen är ingen JSON-lista"):
        import_file("polisen-events", path)
    path.write_text('[{"id": 1}, {"id": 2', encoding="utf-8")
    with pytest.raises(ImportAborted, match="filen tar slut mitt i post 2|post 2 är ingen giltig"):
        import_file("polisen-events", path, skip_invalid=True, rejects_path=tmp_path / "r.csv")
    assert not (tmp_path / "r.csv").exists()


def test_the_json_reader_streams_across_chunk_boundaries():
    items = [
        {"id": i, "name": "x" * (i % 50), "nested": {"a": [1, 2, {"b": "å"}]}} for i in range(300)
    ]
    text = json.dumps(items, ensure_ascii=False, indent=2)
    parsed = list(iter_json_array(StringIO(text), chunk_size=7))
    assert [value for _, value in parsed] == items
    assert [number for number, _ in parsed] == list(range(1, 301))
    assert list(iter_json_array(StringIO(" [ ] "))) == []
