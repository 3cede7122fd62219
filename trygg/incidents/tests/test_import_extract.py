"""Importing police report extracts: encodings, delimiters, XLSX, coordinates, errors."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from trygg.geo.models import Area, Municipality
from trygg.incidents.importers import ImportAborted, import_file
from trygg.incidents.models import Incident, Source

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Stockholm City Hall (Stadshuset), 59.3275 N 18.0545 E, in SWEREF 99 TM.
CITY_HALL = (6580506, 673779)


def incidents():
    return {i.external_id: i for i in Incident.objects.filter(source=Source.POLICE_REPORT)}


def test_semicolon_csv_with_bom_and_decimal_commas():
    result = import_file("police-extract", FIXTURES / "extract_semicolon.csv")
    # Report K100 has two crime codes on two rows: the first row stands.
    assert (result.created, result.existing, result.rejected) == (3, 1, 0)
    found = incidents()
    city_hall = found["5000-K100-25"]
    assert city_hall.latitude == pytest.approx(59.3275, abs=0.001)
    assert city_hall.longitude == pytest.approx(18.0545, abs=0.001)
    assert city_hall.precision == Incident.Precision.POINT
    assert city_hall.source_type == "1201"
    assert city_hall.category.slug == "skadegorelse"
    assert city_hall.municipality.scb_code == "0180"
    assert city_hall.visibility == Incident.Visibility.SHARED
    assert city_hall.occurred_from == datetime(2025, 3, 1, 22, 0, tzinfo=STOCKHOLM)
    assert city_hall.occurred_to == datetime(2025, 3, 2, 6, 0, tzinfo=STOCKHOLM)
    assert "Stadshuset" in city_hall.title

    drugs = found["5000-K101-25"]
    assert drugs.category.slug == "narkotika"
    assert drugs.municipality is None  # no Kommun, and no area boundary to find it by
    assert drugs.occurred_from == datetime(2025, 3, 5, tzinfo=STOCKHOLM)
    assert drugs.occurred_to == datetime(2025, 3, 5, 23, 59, 59, tzinfo=STOCKHOLM)

    unknown = found["5000-K102-25"]
    assert unknown.category is None and unknown.source_type == "9999"
    assert unknown.latitude is None and unknown.precision == Incident.Precision.MUNICIPALITY
    assert unknown.municipality.name == "Västervik"


def test_cp1252_with_commas_and_swapped_columns():
    result = import_file("police-extract", FIXTURES / "extract_cp1252.csv")
    assert result.created == 2
    found = incidents()
    assert found["5000-K200-25"].latitude == pytest.approx(59.3275, abs=0.001)
    assert found["5000-K200-25"].longitude == pytest.approx(18.0545, abs=0.001)
    assert "Södermalm" in found["5000-K200-25"].title
    assert "Ö Lurö" in found["5000-K201-25"].title
    assert found["5000-K201-25"].category.slug == "hot"


def test_reimport_is_idempotent():
    import_file("police-extract", FIXTURES / "extract_semicolon.csv")
    again = import_file("police-extract", FIXTURES / "extract_semicolon.csv")
    assert (again.created, again.existing) == (0, 4)
    assert Incident.objects.count() == 3


def test_xlsx(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Anmälningsnummer", "BROTTSKOD", "Brottsdatum fr.o.m.", "N", "E", "Kommun"])
    sheet.append(["5000-K400-25", 930, datetime(2025, 6, 1, 23, 5), *CITY_HALL, "0180"])
    sheet.append(["5000-K401-25", "1201", "2025-06-02", None, None, "Västervik"])
    path = tmp_path / "utdrag.xlsx"
    workbook.save(path)

    result = import_file("police-extract", path)
    assert result.created == 2
    found = incidents()
    first = found["5000-K400-25"]
    assert first.source_type == "0930"  # Excel's lost leading zero restored
    assert first.occurred_from == datetime(2025, 6, 1, 23, 5, tzinfo=STOCKHOLM)
    assert first.latitude == pytest.approx(59.3275, abs=0.001)
    assert first.municipality.name == "Stockholm"
    assert found["5000-K401-25"].municipality.scb_code == "0883"


def test_a_point_is_placed_in_its_area():
    stockholm = Municipality.objects.create(name="Stockholm", scb_code="0180")
    square = [[18.04, 59.32], [18.07, 59.32], [18.07, 59.34], [18.04, 59.34], [18.04, 59.32]]
    kungsholmen = Area.objects.create(
        municipality=stockholm,
        name="Kungsholmen",
        slug="kungsholmen",
        geometry={"type": "Polygon", "coordinates": [square]},
    )
    import_file("police-extract", FIXTURES / "extract_semicolon.csv")
    assert incidents()["5000-K100-25"].area == kungsholmen


def test_a_bad_coordinate_names_line_and_field():
    with pytest.raises(ImportAborted) as error:
        import_file("police-extract", FIXTURES / "extract_bad_coordinate.csv")
    assert str(error.value).startswith(
        "extract_bad_coordinate.csv, rad 3, fält Y: 1673779 är ingen SWEREF 99 TM-koordinat"
    )
    assert Incident.objects.count() == 0


def test_a_bad_date_names_line_and_field(tmp_path):
    path = tmp_path / "datum.csv"
    path.write_text(
        "Diarienummer;Brottskod;Brottsdatum från\n"
        "5000-K1-25;1201;2025-03-01\n"
        "5000-K2-25;1201;2025-02-30 10:00\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportAborted) as error:
        import_file("police-extract", path)
    assert str(error.value) == (
        'datum.csv, rad 3, fält Brottsdatum från: "2025-02-30 10:00" är inget giltigt datum'
    )
    result = import_file("police-extract", path, skip_invalid=True)
    assert (result.created, result.rejected) == (1, 1)
    rejects = (tmp_path / "datum.csv.rejects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rejects[0] == "Diarienummer;Brottskod;Brottsdatum från;rad;fält;orsak"
    assert rejects[1].startswith("5000-K2-25;1201;2025-02-30 10:00;3;Brottsdatum från;")


def test_missing_columns_are_named(tmp_path):
    path = tmp_path / "fel.csv"
    path.write_text("Nummer;Kod\n1;2\n", encoding="utf-8")
    with pytest.raises(ImportAborted, match="fel.csv: kolumnen Diarienummer, Brottsdatum från"):
        import_file("police-extract", path)
