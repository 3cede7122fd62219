"""Importing any CSV through a JSON mapping: a housing company's export."""

import json
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from trygg.incidents.importers import ImportAborted, import_file
from trygg.incidents.models import Incident, Source
from trygg.privacy import MASK

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
MAPPING = FIXTURES / "housing_mapping.json"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_a_housing_export_imports_with_categories_and_masked_text():
    result = import_file("csv", FIXTURES / "housing.csv", mapping=MAPPING)
    assert (result.created, result.existing, result.rejected) == (3, 0, 0)
    found = {i.external_id: i for i in Incident.objects.filter(source=Source.HOUSING)}

    graffiti = found["H-1"]
    assert graffiti.category.slug == "klotter"
    assert graffiti.source_type == "Klotter"
    assert graffiti.occurred_from == datetime(2025, 5, 2, 21, 40, tzinfo=STOCKHOLM)
    assert graffiti.occurred_to == graffiti.occurred_from
    assert (graffiti.latitude, graffiti.longitude) == (57.7577, 16.637)
    assert graffiti.precision == Incident.Precision.POINT
    assert graffiti.municipality.scb_code == "0883"
    assert graffiti.visibility == Incident.Visibility.SHARED

    window = found["H-2"]
    assert window.category.slug == "skadegorelse"
    assert "19811218-9876" not in window.text and MASK in window.text
    assert window.latitude is None and window.precision == Incident.Precision.MUNICIPALITY
    assert window.occurred_to == datetime(2025, 5, 3, 23, 59, 59, tzinfo=STOCKHOLM)

    noise = found["H-3"]
    assert noise.category is None and noise.source_type == "Störning"
    assert noise.occurred_from == datetime(2025, 5, 4, 23, 15, tzinfo=STOCKHOLM)


def test_the_command_is_idempotent():
    out = StringIO()
    args = ["import", "csv", str(FIXTURES / "housing.csv"), "--mapping", str(MAPPING)]
    call_command(*args, stdout=out)
    call_command(*args, stdout=out)
    assert out.getvalue().splitlines() == [
        "Importerade 3 händelser, 0 fanns redan, 0 avvisade",
        "Importerade 0 händelser, 3 fanns redan, 0 avvisade",
    ]
    assert Incident.objects.count() == 3


def test_a_mapping_naming_a_missing_column_is_refused(tmp_path):
    mapping = json.loads(MAPPING.read_text(encoding="utf-8"))
    mapping["text"] = "Kommentar"
    path = tmp_path / "fel.json"
    path.write_text(json.dumps(mapping), encoding="utf-8")
    with pytest.raises(ImportAborted, match="housing.csv: kolumnen Kommentar saknas"):
        import_file("csv", FIXTURES / "housing.csv", mapping=path)


def test_a_mapping_with_an_unknown_category_is_refused():
    mapping = json.loads(MAPPING.read_text(encoding="utf-8"))
    mapping["category_map"]["Klotter"] = "graffiti"
    with pytest.raises(ImportAborted, match="kategorin 'graffiti' finns inte"):
        import_file("csv", FIXTURES / "housing.csv", mapping=mapping)


def test_csv_needs_a_mapping():
    with pytest.raises(CommandError, match="--mapping"):
        call_command("import", "csv", str(FIXTURES / "housing.csv"))


def test_sweref_columns_and_a_bad_row(tmp_path):
    path = tmp_path / "vakt.csv"
    path.write_text(
        "id,datum,n,e,text\n"
        "1,2025-01-10 22:15,6580506,673779,Stök vid entrén\n"
        "2,2025-01-11 22:15,6580506,,Stök igen\n",
        encoding="utf-8",
    )
    mapping = {
        "source": "security",
        "id": "id",
        "from": "datum",
        "sweref_n": "n",
        "sweref_e": "e",
        "text": "text",
        "default_municipality": "Stockholm",
    }
    with pytest.raises(ImportAborted, match="vakt.csv, rad 3, fält e: saknas"):
        import_file("csv", path, mapping=mapping)
    result = import_file("csv", path, mapping=mapping, skip_invalid=True)
    assert (result.created, result.rejected) == (1, 1)
    incident = Incident.objects.get()
    assert incident.latitude == pytest.approx(59.3275, abs=0.001)
    assert incident.municipality.name == "Stockholm"
