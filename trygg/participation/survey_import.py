"""Importing safety-survey results from CSV or XLSX, with the incident importers' rules.

The file has one row per indicator, area and year:

    indicator;area;year;value;respondents;sd;kind
    Otrygghetsindex;Karstorp;2024;3,1;412;1,9;mean
    Andel som avstår aktiviteter p.g.a. otrygghet;Karstorp;2024;18,5;405;;share

`indicator`, `area`, `year`, `value` and `respondents` are required (Swedish
headers work too: indikator, område, år, värde, svarande); `sd` (the standard
deviation of a mean, standardavvikelse) and `kind` (mean/medel/index or
share/andel/procent) are optional. An indicator named for the first time gets
the kind the file gives, or "mean" without one; a coordinator can change it in
the admin. A share is a percentage, 0–100. Areas are the municipality's areas,
by name or slug: one municipality per file.

The rules, as for incidents (trygg.incidents.importers.base):

* The same reader: CSV (";", "," or tab; UTF-8 or Windows-1252) or the first
  sheet of an XLSX, line numbers as Excel shows them.
* Atomic: the first bad row refuses the whole file, naming file, line and
  field, and nothing changes.
* Idempotent on (indicator, area, year): the same file twice changes nothing.
* A value that differs from the stored one for the same key is a correction.
  It is refused, naming line, field and both values, unless the import is asked
  to correct (`--correct`, or the box on the upload page): then the stored
  result takes the file's value, respondents and sd, and the summary counts
  it. A survey is corrected now and then (a late batch of answers, a
  reweighting); a typo must not overwrite last year's figure unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from trygg.geo.models import Area, Municipality
from trygg.incidents.importers.base import (
    ImportAborted,
    Record,
    RowError,
    Table,
    TableImporter,
    header_key,
    parse_number,
)

from .models import SurveyIndicator, SurveyResult

# Column -> the header spellings accepted for it, compared with header_key.
COLUMNS = {
    "indicator": ("indicator", "indikator", "fraga", "index"),
    "area": ("area", "omrade"),
    "year": ("year", "ar"),
    "value": ("value", "varde", "resultat"),
    "respondents": ("respondents", "svarande", "antalsvar", "antalsvarande", "n"),
    "sd": ("sd", "standardavvikelse", "std"),
    "kind": ("kind", "typ"),
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
FIRST_YEAR, LAST_YEAR = 1970, 2100


@dataclass
class SurveyImportResult:
    created: int = 0
    unchanged: int = 0
    corrected: int = 0

    def summary(self) -> str:
        return (
            f"{self.created} nya resultat, {self.unchanged} fanns redan, {self.corrected} rättade"
        )


@dataclass(frozen=True)
class SurveyRow:
    indicator: str
    kind: str | None
    area: Area
    year: int
    value: float
    respondents: int
    sd: float | None


def _number_text(value: float | None) -> str:
    """A number as a Swedish reader writes it: 3,1."""
    return "–" if value is None else f"{value:g}".replace(".", ",")


class SurveyFile(TableImporter):
    """A survey table: the incident importers' reading, file errors and row messages."""

    def __init__(self, path: Path, municipality: Municipality, name: str | None = None) -> None:
        # A survey has no incident source, so no ImportContext: rows are parsed here.
        super().__init__(path, context=None)
        self.table = Table(path)
        self.name = name or path.name
        self.municipality = municipality
        self.columns: dict[str, int] = {}
        self.areas: dict[str, Area] = {}
        for area in Area.objects.filter(municipality=municipality):
            self.areas[area.name.casefold()] = area
            self.areas.setdefault(area.slug.casefold(), area)

    @property
    def display_name(self) -> str:
        return self.name

    def find_columns(self) -> None:
        keys = [header_key(name) for name in self.table.header]
        for column, spellings in COLUMNS.items():
            for spelling in spellings:
                if spelling in keys:
                    self.columns[column] = keys.index(spelling)
                    break
        missing = [column for column in REQUIRED if column not in self.columns]
        if missing:
            raise ValueError(
                f"kolumnen {', '.join(missing)} saknas (rubrikraden har: "
                f"{', '.join(self.table.header)})"
            )

    def value(self, record: Record, column: str) -> Any:
        return self.cell(record, self.columns.get(column))

    def parse(self, record: Record) -> SurveyRow:
        """One row, checked field by field; RowError names the field."""
        indicator = str(self.value(record, "indicator") or "").strip()
        if not indicator:
            raise RowError("indicator", "indikatorn saknas")
        if len(indicator) > SurveyIndicator._meta.get_field("name").max_length:
            raise RowError("indicator", "namnet är för långt (högst 200 tecken)")
        kind_text = str(self.value(record, "kind") or "")
        kind = None
        if kind_text:
            kind = KINDS.get(header_key(kind_text))
            if kind is None:
                raise RowError("kind", f'"{kind_text}" är varken medel eller andel')
        area_text = str(self.value(record, "area") or "")
        area = self.areas.get(area_text.casefold())
        if area is None:
            known = ", ".join(sorted({a.name for a in self.areas.values()})) or "inga"
            raise RowError(
                "area", f'"{area_text}" är inget område i {self.municipality} (kända: {known})'
            )
        year = parse_number(self.value(record, "year"), "year")
        if year is None or year != int(year) or not FIRST_YEAR <= year <= LAST_YEAR:
            raise RowError("year", f'"{self.value(record, "year")}" är inget årtal')
        value = parse_number(self.value(record, "value"), "value")
        if value is None:
            raise RowError("value", "värdet saknas")
        respondents = parse_number(self.value(record, "respondents"), "respondents")
        if respondents is None or respondents != int(respondents) or respondents < 1:
            raise RowError(
                "respondents", f'"{self.value(record, "respondents")}" är inget antal svarande'
            )
        sd = parse_number(self.value(record, "sd"), "sd")
        if sd is not None and sd < 0:
            raise RowError("sd", "standardavvikelsen kan inte vara negativ")
        return SurveyRow(indicator, kind, area, int(year), value, int(respondents), sd)


def import_survey(
    path: str | Path,
    municipality: Municipality,
    *,
    correct: bool = False,
    name: str | None = None,
) -> SurveyImportResult:
    """Import one survey file for one municipality; see the module docstring for the rules.

    Raises ImportAborted (file, line, field, reason in Swedish) and stores nothing
    when any row is bad. name is the file's name as the user knows it (an upload).
    """
    path = Path(path)
    if not path.is_file():
        raise ImportAborted(f"{name or path}: filen finns inte")
    survey = SurveyFile(path, municipality, name)
    result = SurveyImportResult()
    seen: dict[tuple[str, int, int], tuple[int, SurveyRow]] = {}
    indicators = {
        indicator.name.casefold(): indicator for indicator in SurveyIndicator.objects.all()
    }
    with transaction.atomic():
        for record in survey.records():
            try:
                row = survey.parse(record)
                key = (row.indicator.casefold(), row.area.pk, row.year)
                if key in seen:
                    _same_as_before(seen[key], row)
                    result.unchanged += 1
                    continue
                seen[key] = (record.position, row)
                indicator = _indicator(indicators, row)
                _store(indicator, row, correct, result)
            except RowError as error:
                raise ImportAborted(survey.row_message(record, error)) from None
    return result


def _same_as_before(first: tuple[int, SurveyRow], row: SurveyRow) -> None:
    """The same key twice in one file is fine only if it says the same thing twice."""
    line, earlier = first
    if (earlier.value, earlier.respondents, earlier.sd) != (row.value, row.respondents, row.sd):
        raise RowError(
            "value",
            f"{row.indicator}, {row.area.name}, {row.year} finns redan på rad {line} "
            "med andra värden",
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
            "kind",
            f"{indicator.name} är sparad som {indicator.get_kind_display()}, "
            f"filen säger {SurveyIndicator.Kind(row.kind).label}",
        )
    if indicator.kind == SurveyIndicator.Kind.SHARE and not 0 <= row.value <= 100:
        raise RowError("value", f"{_number_text(row.value)} är ingen andel i procent (0–100)")
    return indicator


def _store(
    indicator: SurveyIndicator, row: SurveyRow, correct: bool, result: SurveyImportResult
) -> None:
    stored = SurveyResult.objects.filter(indicator=indicator, area=row.area, year=row.year).first()
    if stored is None:
        SurveyResult.objects.create(
            indicator=indicator,
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
            field,
            f"{indicator.name}, {row.area.name}, {row.year} är sparat med "
            f"{_number_text(getattr(stored, field))}, filen säger {_number_text(fields[field])}; "
            "välj att rätta sparade resultat om filen är en rättelse",
        )
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.save(update_fields=list(fields))
    result.corrected += 1
