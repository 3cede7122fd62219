"""Importing safety-survey results from CSV or XLSX, with the incident importers' rules.

A file is a table in one of three layouts; the header row decides which
(find_layout):

* Long: one row per indicator, area and year, with an indicator column and
  a value column:

      indicator;area;year;value;respondents;sd;kind
      Otrygghetsindex;Karstorp;2024;3,1;412;1,9;mean
      Andel som avstår aktiviteter p.g.a. otrygghet;Karstorp;2024;18,5;405;;share

* Indicators as columns (the police's local tables): no indicator column and
  no value column; one row per area and year, the respondents once per row,
  every other column an indicator named by its header:

      Område;År;Antal svar;Problemindex;Otrygghetsindex;Andel otrygga (%)
      Karstorp;2024;412;2,9;3,1;18,5

* Years as columns: an indicator column, no value column and one column per
  year ("2024", "År 2024", "2024.0"); the respondents in one column for all
  years or one per year ("Antal svar 2024", "n 2024", "Svarande 2024"; the sd
  likewise, "sd 2024"):

      Indikator;Område;2023;2024;Svarande 2023;Svarande 2024
      Otrygghetsindex;Karstorp;4,1;4,6;210;198

Headers are compared loosely (case, å/ä/ö, spaces and punctuation do not
count; COLUMNS lists the spellings): area also område, stadsdel,
bostadsområde…; year år, årtal, mätår…; indicator indikator, fråga, mått,
nyckeltal, variabel; value värde, resultat, andel, procent, medelvärde,
indexvärde; respondents svarande, antal svar, antal, bas, n…; `sd`
(standardavvikelse) and `kind` (typ: mean/medel/index or share/andel/procent)
are optional. "Index" is the ambiguous one: it is the value column when
another column names the indicator, the indicator column when another column
is the value, and otherwise an indicator of its own (indicators as columns).
In the indicators-as-columns layout, columns that describe the place rather
than measure it (kommun, län, region, lokalpolisområde, kommentar) and columns
without a header are not indicators.

An indicator named for the first time gets the kind the file gives: its kind
column, a value written with a percent sign ("61,5 %", or an XLSX cell
formatted as a percentage), or a header that says share ("Andel …", "… (%)",
"Procent"); else "mean". A coordinator can change it in the admin. A share is
a percentage, 0–100. Areas are the municipality's areas, by name or slug,
then loosely (case, spacing and a trailing "(…)" note do not count).

One municipality is imported at a time, from a file that may cover several:
the police publish a table per lokalpolisområde or county, with each
municipality's areas, a total per municipality and one for the whole LPO:

    Kommun;Område;År;Antal svar;Problemindex;Otrygghetsindex
    Västervik;Karstorp;2024;412;2,9;3,1
    Västervik;Totalt;2024;1100;2,0;2,3
    Högsby;Berga;2024;150;1,5;1,9
    Lokalpolisområde Västervik;Totalt;2024;1700;1,9;2,2

Where a row belongs is one rule (SurveyFile.place_of), for a name in the
municipality column (kommun, kommunnamn, kommunkod; any layout) and for an
area that is none of the municipality's:

* This municipality: its name compared loosely, "Västerviks kommun",
  "Västervik stad", or in the municipality column its SCB code ("0883", also
  "883" or 883.0 as Excel leaves it). In the municipality column the row is
  then read as in a file without one.
* Another municipality: any of Sweden's 290 (the shipped table,
  trygg.geo.municipalities), by name or, in the municipality column, code.
  In a file without a municipality column, also an area of another
  municipality in Trygg (with one, a row it gives to this municipality keeps
  its unknown area an error: "Centrum" may be an area not yet entered here).
  Skipped and counted, whatever the rest of the row says.
* A larger area: "Lokalpolisområde …", "LPO …", "Polisområde …",
  "Polisregion …", "Region …", "… län", "Hela länet", "Riket", "Sverige"; in
  the municipality column also "Totalt", or a placeholder or an empty cell
  with no municipality above it: the whole file's total. Skipped and counted.

Any other value in the municipality column is an error naming the column.

What the files carry besides results:

* No year at all: a table for one year often has it only in its title
  ("Trygghetsmätning 2024"). The importer does not guess it from there: the
  user gives it (`--year 2024`, or the year on the upload page), and a year
  given for a file that has a year column or year headers is refused.
* Title rows above the header: the header is the first of the first 20
  non-blank rows that has the columns of a layout.
* Notes below the data: a row with only a text in its first column
  ("Källa: Polisen") after the last row of data is skipped and counted.
* Grouped rows: a table made for reading names the municipality, the
  indicator or the area once for the rows under it, in merged cells (Excel
  keeps the value in the first cell only, and so does a CSV saved from it)
  or just left empty. An empty cell in those columns (FILL_DOWN) takes the
  value of the row above it.
* Missing cells: in the wide layouts an empty cell or a statistician's
  placeholder ("..", "-", "–", "—", "x", "*": not measured, or too few
  answers to show) is no result, skipped and counted. In the long layout a
  row without a value is an error, as a row is there to give one.
* The whole municipality ("Totalt", "Hela kommunen", "Samtliga", the
  municipality's own name…): its results are stored without an area, as the
  whole municipality's ("Hela kommunen" on the pages), unless an area of
  that name exists. Rows for another municipality or a larger area are
  skipped and counted, as above. Any other unknown area is an error.

The rules, as for incidents (trygg.incidents.importers.base):

* The same reader: CSV (";", "," or tab; UTF-8 or Windows-1252) or the first
  sheet of an XLSX, line numbers as Excel shows them.
* Atomic: the first bad row refuses the whole file, naming file, line and
  field (in the wide layouts, a result's field is its column header), and
  nothing changes.
* Idempotent on (indicator, area, year): the same file twice changes nothing.
* A value that differs from the stored one for the same key is a correction.
  It is refused, naming line, field and both values, unless the import is asked
  to correct (`--correct`, or the box on the upload page): then the stored
  result takes the file's value, respondents and sd, and the summary counts
  it. A survey is corrected now and then (a late batch of answers, a
  reweighting); a typo must not overwrite last year's figure unnoticed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from django.db import transaction

from trygg.geo.models import Area, Municipality
from trygg.geo.municipalities import find
from trygg.incidents.importers.base import (
    ImportAborted,
    PercentCell,
    Record,
    RowError,
    Table,
    TableImporter,
    header_key,
    header_text,
    open_text,
    parse_number,
)

from .models import SurveyIndicator, SurveyResult

# Column -> the header spellings accepted for it, compared with header_key; when
# several headers match, the earlier spelling wins.
COLUMNS = {
    "indicator": ("indicator", "indikator", "fraga", "matt", "nyckeltal", "variabel"),
    "area": (
        "area",
        "omrade",
        "bostadsomrade",
        "stadsdel",
        "delomrade",
        "kommundel",
        "omradesnamn",
        "geografi",
    ),
    "year": ("year", "ar", "artal", "matar", "undersokningsar"),
    "value": ("value", "varde", "resultat", "andel", "procent", "medelvarde", "indexvarde"),
    "respondents": (
        "respondents",
        "svarande",
        "antalsvar",
        "antalsvarande",
        "n",
        "antal",
        "antalrespondenter",
        "respondenter",
        "svar",
        "bas",
    ),
    "sd": ("sd", "standardavvikelse", "std"),
    "kind": ("kind", "typ"),
    # Which municipality a row is for, in a file that covers several.
    "municipality": ("municipality", "kommun", "kommunnamn", "kommunkod"),
}
SPELLINGS = {spelling for spellings in COLUMNS.values() for spelling in spellings}
# Indicator or value, depending on the other headers: see find_layout.
INDEX = "index"
# Columns that say where, not how safe: never indicators.
CONTEXT = {
    "kommun",
    "kommunnamn",
    "kommunkod",
    "lan",
    "lansnamn",
    "region",
    "polisregion",
    "lokalpolisomrade",
    "polisomrade",
    "kommentar",
    "anmarkning",
    "fotnot",
}
REQUIRED = ("indicator", "area", "year", "value", "respondents")
KINDS = {
    "mean": SurveyIndicator.Kind.MEAN,
    "medel": SurveyIndicator.Kind.MEAN,
    "medelvarde": SurveyIndicator.Kind.MEAN,
    "index": SurveyIndicator.Kind.MEAN,
    "share": SurveyIndicator.Kind.SHARE,
    "andel": SurveyIndicator.Kind.SHARE,
    "procent": SurveyIndicator.Kind.SHARE,
}
# What statisticians write in a cell with no result: not measured, or suppressed.
PLACEHOLDERS = {"", "..", "-", "–", "—", "x", "*"}
# Rows for the whole municipality (compared with area_key), besides its own name.
WHOLE_MUNICIPALITY = (
    "Totalt",
    "Total",
    "Summa",
    "Samtliga",
    "Alla",
    "Alla områden",
    "Kommunen",
    "Hela kommunen",
    "Kommunen totalt",
)
# Where a place named in a file lies, seen from the municipality being
# imported: the municipality itself, another one, or an area larger than one.
Place = Literal["this", "other", "larger"]
THIS: Place = "this"
OTHER: Place = "other"
LARGER: Place = "larger"
# Areas larger than a municipality, or the whole file's total (compared with
# area_key, without the "hela …"/"… totalt" of TOTAL_AFFIX).
LARGER_AREA = re.compile(
    r"(?:lokalpolisområdet?|lpo|polisområdet?|polisregion(?:en)?|region(?:en)?)(?:[ -].*)?"
    r"|.* län|länet|riket|sverige|landet|totalt?|summa|samtliga|alla"
)
TOTAL_AFFIX = re.compile(r"^hela |\s+totalt?$")
# An SCB code as a cell may hold it: "0883", "883" or "883.0" once Excel has seen it.
SCB_CODE = re.compile(r"(\d{3,4})(?:[.,]0+)?")
# Columns whose empty cell means "as in the row above": merged or grouped cells.
FILL_DOWN = ("municipality", "indicator", "area")
FIRST_YEAR, LAST_YEAR = 1970, 2100
HEADER_ROWS = 20


@dataclass
class SurveyImportResult:
    created: int = 0
    unchanged: int = 0
    corrected: int = 0
    empty_cells: int = 0
    larger_areas: int = 0
    other_municipalities: int = 0
    notes: int = 0

    def skip(self, place: Place) -> None:
        """Count a row skipped for where it is: a larger area, or another municipality."""
        if place == LARGER:
            self.larger_areas += 1
        else:
            self.other_municipalities += 1

    def summary(self) -> str:
        text = (
            f"{self.created} nya resultat, {self.unchanged} fanns redan, {self.corrected} rättade"
        )
        skipped = [
            _count(self.empty_cells, "tom cell", "tomma celler", " (ej mätt eller skyddad)"),
            _count(self.larger_areas, "rad för ett större område", "rader för större områden"),
            _count(
                self.other_municipalities, "rad för en annan kommun", "rader för andra kommuner"
            ),
            _count(self.notes, "anteckningsrad", "anteckningsrader"),
        ]
        skipped = [part for part in skipped if part]
        if skipped:
            text += "; " + ", ".join(skipped) + " hoppades över"
        return text


def _count(number: int, one: str, many: str, after: str = "") -> str:
    """ "1 rad för …", "2 rader för …"; nothing for none."""
    if not number:
        return ""
    return f"{number} {one if number == 1 else many}{after}"


@dataclass(frozen=True)
class SurveyRow:
    """One result to store, and the field names its messages use (the column
    headers in a wide file)."""

    indicator: str
    kind: str | None
    area: Area | None  # None: the whole municipality's result
    year: int
    value: float
    respondents: int
    sd: float | None
    fields: dict[str, str] = field(default_factory=dict, compare=False)

    def field_name(self, name: str) -> str:
        return self.fields.get(name, name)

    @property
    def place(self) -> str:
        """Where the result is, as messages name it."""
        return self.area.name if self.area else "hela kommunen"


@dataclass
class ParsedRow:
    """What one row of the file gives: its results, and what it skipped.

    skipped is where a row without results is: a larger area or another
    municipality.
    """

    results: list[SurveyRow]
    empty_cells: int = 0
    skipped: Place | None = None


@dataclass(frozen=True)
class Slot:
    """Where one result of a row is, and what the header already says of it.

    The long layout has one slot per row; the wide ones one per indicator or
    year column. indicator and year are set when the header names them.
    """

    value: int
    value_field: str
    respondents: int
    respondents_field: str = "respondents"
    sd: int | None = None
    sd_field: str = "sd"
    indicator: str | None = None
    year: int | None = None
    share: bool = False


@dataclass(frozen=True)
class Layout:
    name: str  # "long", "indicators" (as columns) or "years" (as columns)
    columns: dict[str, int]
    slots: tuple[Slot, ...]

    @property
    def wide(self) -> bool:
        return self.name != "long"


class NoLayout(ValueError):
    """A header row that is none of the layouts; recognised counts the columns it did name."""

    def __init__(self, message: str, recognised: int) -> None:
        super().__init__(message)
        self.recognised = recognised


def share_header(text: str) -> tuple[str, bool]:
    """A header without its percent sign, and whether it says the column is a share.

    "Andel otrygga (%)" -> ("Andel otrygga", True); "Problemindex" -> (…, False).
    """
    name = " ".join(text.split())
    bare = re.sub(r"\s*[,(]?\s*%\s*\)?$", "", name)
    key = header_key(bare)
    return bare or name, bare != name or key.startswith("andel") or key == "procent"


def header_year(name: str) -> tuple[int, str] | None:
    """A year in a header ("2024", "År 2024", "2024.0", "Antal svar 2024") and the
    header_key of the rest; None without exactly one year."""
    years = list(re.finditer(r"(?<![\d.,])((?:19|20)\d\d)(?:[.,]0+)?(?![\d.,])", name))
    if len(years) != 1:
        return None
    year = int(years[0].group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return year, header_key(name[: years[0].start()] + name[years[0].end() :])


def _per_year_column(label: str) -> str | None:
    """What a column with a year in its header holds: a value, respondents or sd."""
    if label == "" or label in COLUMNS["year"] or label in COLUMNS["value"]:
        return "value"
    for column in ("respondents", "sd"):
        if label in COLUMNS[column]:
            return column
    return None


# The Swedish header for each column, named beside the English one in messages.
SWEDISH_HEADERS = {
    "indicator": "indikator",
    "area": "område",
    "year": "år",
    "value": "värde",
    "respondents": "svarande",
    "sd": "standardavvikelse",
    "kind": "typ",
}


def column_label(column: str) -> str:
    """ "year (år)": a missing column named as either header would be written."""
    return f"{column} ({SWEDISH_HEADERS[column]})"


def find_layout(header: list[str], year: int | None = None) -> Layout:
    """Which layout a header row is, and where each result of a row is.

    The one place that decides (see the module docstring); NoLayout, with the
    Swedish reason, when the row is none of them. `year` is the year of a file
    that names none (a table headed "Trygghetsmätning 2024"): it stands in for
    the year column of the long and indicators-as-columns layouts.
    """
    cells = [share_header(text) for text in header]
    keys = [header_key(name) or ("procent" if share else "") for name, share in cells]
    columns: dict[str, int] = {}
    for column, spellings in COLUMNS.items():
        for spelling in spellings:
            if spelling in keys:
                columns[column] = keys.index(spelling)
                break
    if INDEX in keys:
        if "indicator" in columns:
            columns.setdefault("value", keys.index(INDEX))
        elif "value" in columns:
            columns["indicator"] = keys.index(INDEX)
    used = set(columns.values())
    per_year: dict[tuple[str, int], int] = {}
    others: list[int] = []
    for index, key in enumerate(keys):
        if index in used or not key:
            continue
        dated = header_year(cells[index][0])
        column = _per_year_column(dated[1]) if dated else None
        if column:
            per_year.setdefault((column, dated[0]), index)
        elif key not in SPELLINGS and key not in CONTEXT:
            others.append(index)
    recognised = len(columns) + len(per_year)
    listed = ", ".join(header)

    def require(*names: str, layout: str = "") -> None:
        absent = [name for name in names if name not in columns]
        if absent:
            raise NoLayout(
                f"kolumnen {', '.join(column_label(name) for name in absent)} saknas{layout} "
                f"(rubrikraden har: {listed})",
                recognised,
            )

    years = sorted(found for column, found in per_year if column == "value")
    if year is not None and ("year" in columns or years):
        raise NoLayout(
            f"filen anger själv året (rubrikraden har: {listed}); ange inget år för den",
            len(header) + 1,  # this reason, not another row's, is the one to give
        )
    given = ("year",) if year is None else ()
    if "indicator" in columns and "value" not in columns and years:
        require("area", layout=" i en fil med år som kolumner")
        slots = []
        for found in years:
            respondents = per_year.get(("respondents", found), columns.get("respondents"))
            if respondents is None:
                raise NoLayout(
                    f"kolumnen {column_label('respondents')} saknas för {found} "
                    f"(rubrikraden har: {listed})",
                    recognised,
                )
            sd = per_year.get(("sd", found), columns.get("sd"))
            value = per_year[("value", found)]
            slots.append(
                Slot(
                    value,
                    header[value],
                    respondents,
                    header[respondents] if ("respondents", found) in per_year else "respondents",
                    sd,
                    header[sd] if ("sd", found) in per_year else "sd",
                    year=found,
                    share=cells[value][1],
                )
            )
        return Layout("years", columns, tuple(slots))
    if "indicator" not in columns and "value" not in columns:
        require("area", *given, "respondents", layout=" i en fil med indikatorer som kolumner")
        if not others:
            raise NoLayout(f"ingen kolumn med en indikator (rubrikraden har: {listed})", recognised)
        if "sd" in columns and len(others) > 1:
            raise NoLayout(
                "kolumnen sd kan inte gälla flera indikatorer; en fil med indikatorer som "
                "kolumner har ingen standardavvikelse",
                recognised,
            )
        slots = [
            Slot(
                index,
                header[index],
                columns["respondents"],
                sd=columns.get("sd"),
                indicator=cells[index][0],
                year=year,
                share=cells[index][1],
            )
            for index in others
        ]
        return Layout("indicators", columns, tuple(slots))
    require(*(column for column in REQUIRED if column != "year"), *given)
    value = columns["value"]
    slot = Slot(
        value,
        "value",
        columns["respondents"],
        sd=columns.get("sd"),
        year=year,
        share=cells[value][1],
    )
    return Layout("long", columns, (slot,))


def is_missing(value: Any) -> bool:
    """An empty cell or a placeholder: no result here (not measured, or suppressed)."""
    return value is None or (isinstance(value, str) and value.strip().casefold() in PLACEHOLDERS)


def is_note(values: list[Any]) -> bool:
    """A footnote row ("Källa: Polisen"): a text in the first column, nothing else."""
    return (
        bool(values)
        and isinstance(values[0], str)
        and bool(values[0].strip())
        and all(value is None or str(value).strip() == "" for value in values[1:])
    )


def parse_value(value: Any, field_name: str) -> tuple[float, bool]:
    """A result as people write it ("3,1", "61,5 %", "61.5%"), and whether it is a share.

    A percent sign makes it a share, and so does an XLSX cell formatted as a
    percentage, whose stored fraction (0.615) is the percentage shown (61,5).
    """
    share = isinstance(value, PercentCell)
    if share:
        number = round(value * 100, 9)
    elif isinstance(value, str) and value.strip().endswith("%"):
        share = True
        try:
            number = parse_number(value.strip()[:-1], field_name)
        except RowError:
            number = None
        if number is None:
            raise RowError(field_name, f'"{value}" är inget tal')
    else:
        number = parse_number(value, field_name)
    if number is None or not math.isfinite(number):
        raise RowError(field_name, f'"{value}" är inget tal')
    return number, share


def area_key(name: str) -> str:
    """An area name compared loosely: case, spacing and a trailing "(…)" note do not count."""
    name = " ".join(name.split())
    return (re.sub(r"\s*\([^()]*\)$", "", name) or name).casefold()


def guess_delimiter(path: Path) -> str | None:
    """The CSV delimiter that splits some line of the first HEADER_ROWS most.

    Table guesses from the first line, which here may be a title ("Trygghet,
    2024") above the header; None for XLSX.
    """
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return None
    with open_text(path) as file:
        lines = [line for _, line in zip(range(HEADER_ROWS), file, strict=False)]
    return max(
        ";,\t", key=lambda delimiter: max((line.count(delimiter) for line in lines), default=0)
    )


def _check_name_length(name: str, field_name: str) -> None:
    """An indicator's name, from its column or its header, must fit the model."""
    if len(name) > SurveyIndicator._meta.get_field("name").max_length:
        raise RowError(field_name, "namnet är för långt (högst 200 tecken)")


def _number_text(value: float | None) -> str:
    """A number as a Swedish reader writes it: 3,1."""
    return "–" if value is None else f"{value:g}".replace(".", ",")


class SurveyFile(TableImporter):
    """A survey table: the incident importers' reading, file errors and row messages."""

    def __init__(
        self,
        path: Path,
        municipality: Municipality,
        name: str | None = None,
        year: int | None = None,
    ) -> None:
        # A survey has no incident source, so no ImportContext: rows are parsed here.
        super().__init__(path, context=None)
        self.year = year
        self.table = Table(path, percent_cells=True)
        self.name = name or path.name
        self.municipality = municipality
        self.layout: Layout | None = None
        self.notes = 0
        self.areas: dict[str, Area] = {}
        loose: dict[str, list[Area]] = {}
        for area in Area.objects.filter(municipality=municipality):
            self.areas[area.name.casefold()] = area
            self.areas.setdefault(area.slug.casefold(), area)
            loose.setdefault(area_key(area.name), []).append(area)
        # Two areas alike but for a "(…)" note: neither is found loosely.
        self.loose = {key: found[0] for key, found in loose.items() if len(found) == 1}
        name = municipality.name
        # The municipality's own names, as it is named in the DB (which the
        # shipped table that place_of also asks may spell otherwise).
        self.own = {
            area_key(text)
            for text in (
                name,
                f"{name} kommun",
                f"{name}s kommun",
                f"{name} stad",
                f"{name}s stad",
                f"{name} totalt",
                f"Hela {name}",
            )
        }
        self.whole = self.own | {area_key(text) for text in WHOLE_MUNICIPALITY}

    @cached_property
    def other_areas(self) -> set[str]:
        """The names of other municipalities' areas in Trygg: read once, when first needed."""
        names = Area.objects.exclude(municipality=self.municipality).values_list("name", flat=True)
        return {area_key(name) for name in names}

    @property
    def display_name(self) -> str:
        return self.name

    def data_rows(self) -> Iterator[tuple[int, list[Any]]]:
        """The rows below the header, found among the first rows; notes at the end left out.

        A note-like row followed by data is no note: it is yielded, and parsed
        like any row. Rows of data have their grouped cells filled (fill_down).
        """
        self.table.delimiter = guess_delimiter(self.path)
        lines = self.table.lines()
        self.find_header(lines)
        notes: list[tuple[int, list[Any]]] = []
        above: dict[int, Any] = {}
        for line, values in lines:
            if is_note(values):
                notes.append((line, values))
                continue
            yield from notes
            notes = []
            yield line, self.fill_down(values, above)
        self.notes = len(notes)

    def fill_down(self, values: list[Any], above: dict[int, Any]) -> list[Any]:
        """The row with an empty cell in a FILL_DOWN column taken from the rows above.

        `above` holds the last value seen in each of those columns and is
        updated here. Only an empty cell is filled: a placeholder ("-", "..")
        says something of its own.
        """
        for column in FILL_DOWN:
            index = self.layout.columns.get(column)
            if index is None:
                continue
            value = values[index] if index < len(values) else None
            if value is not None and str(value).strip():
                above[index] = value
            elif index in above:
                values = values + [None] * (index + 1 - len(values))
                values[index] = above[index]
        return values

    def find_header(self, lines: Iterator[tuple[int, list[Any]]]) -> None:
        """The first of the first HEADER_ROWS rows that is a layout's header.

        Rows above it (titles) are passed over. Without one, the reason given
        is that of the row that named the most columns.
        """
        best: NoLayout | None = None
        for _, (_line, values) in zip(range(HEADER_ROWS), lines, strict=False):
            header = header_text(values)
            try:
                self.layout = find_layout(header, self.year)
            except NoLayout as error:
                if best is None or error.recognised > best.recognised:
                    best = error
                continue
            self.table.header = header
            return
        if best is not None:
            raise best

    def value(self, record: Record, column: str) -> Any:
        return self.cell(record, self.layout.columns.get(column))

    def place_of(self, text: str, *, codes: bool = False) -> Place | None:
        """Where a place named in the file lies: this municipality, another one or a larger area.

        The one rule (see the module docstring) for the municipality column and
        for an area name that is none of this municipality's areas; None for
        anything else. Municipalities are found in the shipped table of all
        290, so one that Trygg has no row for is still known. SCB codes count
        only when asked for (the municipality column): in the area column a
        number is more likely a year in the wrong column than a municipality.
        """
        key = area_key(text)
        if key in self.own:
            return THIS
        bare = TOTAL_AFFIX.sub("", key)  # "Hela Högsby", "Högsby totalt": Högsby
        code = SCB_CODE.fullmatch(bare)
        if code and not codes:
            return None
        row = find(code.group(1) if code else bare)
        if row is not None:
            return THIS if row.scb_code == self.municipality.scb_code else OTHER
        if LARGER_AREA.fullmatch(bare):
            return LARGER
        return None

    def municipality_place(self, record: Record) -> Place | None:
        """Where the row's municipality column puts it; None in a file without one.

        An empty cell or a placeholder is the file's own total (the LPO's, the
        county's), which no municipality column names.
        """
        index = self.layout.columns.get("municipality")
        if index is None:
            return None
        value = self.cell(record, index)
        if is_missing(value):
            return LARGER
        place = self.place_of(str(value), codes=True)
        if place is None:
            raise RowError(
                self.table.header[index],
                f'"{value}" är varken {self.municipality}, en annan kommun eller ett större '
                "område (lokalpolisområde, polisområde, region, län, riket)",
            )
        return place

    def area(self, record: Record) -> Area | Place:
        """The row's area: by name or slug, then loosely; else where the row is.

        THIS for the whole municipality; else place_of's answer, and OTHER for
        an area of another municipality in a file with no municipality column.
        With one, the column has said the row is this municipality's: an
        unknown area is then an error, as it may be one not yet entered here
        that another municipality also has ("Centrum").
        """
        text = str(self.value(record, "area") or "")
        area = self.areas.get(text.casefold()) or self.loose.get(area_key(text))
        if area is not None:
            return area
        if area_key(text) in self.whole:
            return THIS
        place = self.place_of(text)
        if (
            place is None
            and "municipality" not in self.layout.columns
            and area_key(text) in self.other_areas
        ):
            place = OTHER
        if place is None:
            known = ", ".join(sorted({a.name for a in self.areas.values()})) or "inga"
            raise RowError(
                "area", f'"{text}" är inget område i {self.municipality} (kända: {known})'
            )
        return place

    def parse(self, record: Record) -> ParsedRow:
        """One row, checked field by field; RowError names the field.

        A row for another municipality or a larger area is skipped before its
        other fields are read: they are not this import's to check.
        """
        place = self.municipality_place(record)
        if place is not None and place != THIS:
            return ParsedRow([], skipped=place)
        found = self.area(record)
        if isinstance(found, str) and found != THIS:
            return ParsedRow([], skipped=found)
        area = found if isinstance(found, Area) else None  # THIS: the whole municipality's
        columns = self.layout.columns
        indicator = self._indicator_name(record) if "indicator" in columns else None
        kind = self._kind(record)
        year = self._year(record) if "year" in columns else None
        parsed = ParsedRow([])
        for slot in self.layout.slots:
            raw = self.cell(record, slot.value)
            if is_missing(raw):
                if not self.layout.wide:
                    raise RowError("value", "värdet saknas")
                parsed.empty_cells += 1
                continue
            parsed.results.append(self._result(record, slot, raw, indicator, kind, area, year))
        return parsed

    def _result(
        self,
        record: Record,
        slot: Slot,
        raw: Any,
        indicator: str | None,
        kind: str | None,
        area: Area | None,
        year: int | None,
    ) -> SurveyRow:
        """The result in one slot of the row."""
        value, share = parse_value(raw, slot.value_field)
        if share and kind == SurveyIndicator.Kind.MEAN:
            raise RowError(slot.value_field, f'"{raw}" är en andel, men typen säger medel')
        fields = {
            "value": slot.value_field,
            "respondents": slot.respondents_field,
            "sd": slot.sd_field,
            "kind": "kind" if kind else slot.value_field,
        }
        if kind is None and (share or slot.share):
            kind = SurveyIndicator.Kind.SHARE
        name = slot.indicator or indicator
        _check_name_length(name, slot.value_field if slot.indicator else "indicator")
        given = self.cell(record, slot.respondents)
        respondents = None if is_missing(given) else parse_number(given, slot.respondents_field)
        if respondents is None or respondents != int(respondents) or respondents < 1:
            raise RowError(slot.respondents_field, f'"{given or ""}" är inget antal svarande')
        sd = parse_number(self.cell(record, slot.sd), slot.sd_field)
        if sd is not None and sd < 0:
            raise RowError(slot.sd_field, "standardavvikelsen kan inte vara negativ")
        return SurveyRow(name, kind, area, slot.year or year, value, int(respondents), sd, fields)

    def _indicator_name(self, record: Record) -> str:
        indicator = " ".join(str(self.value(record, "indicator") or "").split())
        if not indicator:
            raise RowError("indicator", "indikatorn saknas")
        return indicator

    def _kind(self, record: Record) -> str | None:
        kind_text = str(self.value(record, "kind") or "")
        if not kind_text:
            return None
        kind = KINDS.get(header_key(kind_text))
        if kind is None:
            raise RowError("kind", f'"{kind_text}" är varken medel eller andel')
        return kind

    def _year(self, record: Record) -> int:
        year = parse_number(self.value(record, "year"), "year")
        if year is None or year != int(year) or not FIRST_YEAR <= year <= LAST_YEAR:
            raise RowError("year", f'"{self.value(record, "year")}" är inget årtal')
        return int(year)


def import_survey(
    path: str | Path,
    municipality: Municipality,
    *,
    correct: bool = False,
    name: str | None = None,
    year: int | None = None,
) -> SurveyImportResult:
    """Import one survey file for one municipality; see the module docstring for the rules.

    Raises ImportAborted (file, line, field, reason in Swedish) and stores nothing
    when any row is bad. name is the file's name as the user knows it (an upload);
    year is the year of a file without a year column (refused for one with it).
    """
    path = Path(path)
    if not path.is_file():
        raise ImportAborted(f"{name or path}: filen finns inte")
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise ImportAborted(f"{name or path}: {year} är inget årtal")
    survey = SurveyFile(path, municipality, name, year)
    result = SurveyImportResult()
    seen: dict[tuple[str, int | None, int], tuple[int, SurveyRow]] = {}
    indicators = {
        indicator.name.casefold(): indicator for indicator in SurveyIndicator.objects.all()
    }
    with transaction.atomic():
        for record in survey.records():
            try:
                parsed = survey.parse(record)
                result.empty_cells += parsed.empty_cells
                if parsed.skipped is not None:
                    result.skip(parsed.skipped)
                for row in parsed.results:
                    key = (row.indicator.casefold(), row.area and row.area.pk, row.year)
                    if key in seen:
                        _same_as_before(seen[key], row)
                        result.unchanged += 1
                        continue
                    seen[key] = (record.position, row)
                    indicator = _indicator(indicators, row)
                    _store(indicator, row, municipality, correct, result)
            except RowError as error:
                raise ImportAborted(survey.row_message(record, error)) from None
        result.notes = survey.notes
    return result


def _same_as_before(first: tuple[int, SurveyRow], row: SurveyRow) -> None:
    """The same key twice in one file is fine only if it says the same thing twice."""
    line, earlier = first
    if (earlier.value, earlier.respondents, earlier.sd) != (row.value, row.respondents, row.sd):
        raise RowError(
            row.field_name("value"),
            f"{row.indicator}, {row.place}, {row.year} finns redan på rad {line} med andra värden",
        )


def _indicator(indicators: dict[str, SurveyIndicator], row: SurveyRow) -> SurveyIndicator:
    """The named indicator, created with the file's kind if new; another kind is refused."""
    indicator = indicators.get(row.indicator.casefold())
    if indicator is None:
        indicator = SurveyIndicator.objects.create(
            name=row.indicator, kind=row.kind or SurveyIndicator.Kind.MEAN
        )
        indicators[row.indicator.casefold()] = indicator
    elif row.kind is not None and row.kind != indicator.kind:
        raise RowError(
            row.field_name("kind"),
            f"{indicator.name} är sparad som {indicator.get_kind_display()}, "
            f"filen säger {SurveyIndicator.Kind(row.kind).label}",
        )
    if indicator.kind == SurveyIndicator.Kind.SHARE and not 0 <= row.value <= 100:
        raise RowError(
            row.field_name("value"), f"{_number_text(row.value)} är ingen andel i procent (0–100)"
        )
    return indicator


def _store(
    indicator: SurveyIndicator,
    row: SurveyRow,
    municipality: Municipality,
    correct: bool,
    result: SurveyImportResult,
) -> None:
    stored = SurveyResult.objects.filter(
        indicator=indicator, municipality=municipality, area=row.area, year=row.year
    ).first()
    if stored is None:
        SurveyResult.objects.create(
            indicator=indicator,
            municipality=municipality,
            area=row.area,
            year=row.year,
            value=row.value,
            respondents=row.respondents,
            sd=row.sd,
        )
        result.created += 1
        return
    fields = {"value": row.value, "respondents": row.respondents, "sd": row.sd}
    differing = [name for name, value in fields.items() if getattr(stored, name) != value]
    if not differing:
        result.unchanged += 1
        return
    if not correct:
        field = differing[0]
        raise RowError(
            row.field_name(field),
            f"{indicator.name}, {row.place}, {row.year} är sparat med "
            f"{_number_text(getattr(stored, field))}, filen säger {_number_text(fields[field])}; "
            "välj att rätta sparade resultat om filen är en rättelse",
        )
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.save(update_fields=list(fields))
    result.corrected += 1
