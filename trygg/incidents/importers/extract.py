"""Extracts of police reports (utdrag ur anmälningar): CSV or XLSX.

The police hand the municipality a table per period, written by Excel or a
database tool, so the reader is forgiving about form and strict about content:

* CSV with ";" or "," (guessed from the header), UTF-8 with or without BOM,
  or Windows-1252/Latin-1 as Excel writes it; or an XLSX workbook (first sheet).
* Column names vary; they are compared without case, spaces, punctuation or
  å/ä/ö (see COLUMNS for the accepted variants).
* Coordinates are SWEREF 99 TM, in whichever order (told apart by range), with
  decimal commas allowed; converted to WGS 84 with pyproj. A row with
  coordinates gets precision point and its area from the area boundaries.
* Crime codes map to categories through CategoryMapping (source
  police_report); Excel's lost leading zero is restored ("930" → "0930").

One incident per report number (external_id): a report with several crime
codes often comes as several rows; the first row per report stands (its code
is normally the main crime) and the others are counted as already present.
Police reports are never public at point level: visibility is shared.
"""

from __future__ import annotations

from typing import Any

from ..models import Incident, Source
from .base import (
    Record,
    Row,
    RowError,
    SwerefConverter,
    Table,
    TableImporter,
    header_key,
    parse_clock,
    parse_local_datetime,
    parse_number,
    window,
)

# Role → accepted column names (as header_key makes them).
COLUMNS: dict[str, tuple[str, ...]] = {
    "report": (
        "diarienummer",
        "diarienr",
        "arendenummer",
        "arendenr",
        "anmalningsnummer",
        "anmalningsnr",
        "anmalan",
        "knummer",
    ),
    "code": ("brottskod", "brottskoder", "bkod", "kod"),
    "from": (
        "brottsdatumfran",
        "brottsdatumfrom",
        "brottfran",
        "brottsdatum",
        "brottstidfran",
        "datumfran",
        "fran",
        "frandatum",
        "fromdatum",
        "starttid",
    ),
    "from_time": ("klockslagfran", "tidfran", "klfran", "brottsklockslagfran"),
    "to": (
        "brottsdatumtill",
        "brottsdatumtom",
        "brotttill",
        "brottstidtill",
        "datumtill",
        "till",
        "tilldatum",
        "tomdatum",
        "sluttid",
    ),
    "to_time": ("klockslagtill", "tidtill", "kltill", "brottsklockslagtill"),
    "north": ("x", "xkoordinat", "xkoord", "n", "nord", "nordkoordinat", "northing"),
    "east": ("y", "ykoordinat", "ykoord", "e", "o", "ost", "ostkoordinat", "easting"),
    "place": ("plats", "omrade", "brottsplats", "adress", "platsbeskrivning", "gatuadress"),
    "municipality": ("kommun", "kommunnamn", "brottskommun", "kommunkod"),
    "text": ("beskrivning", "rubrik", "brottsbenamning", "brottsrubricering"),
}
REQUIRED = ("report", "code", "from")
LABELS = {
    "report": "Diarienummer",
    "code": "Brottskod",
    "from": "Brottsdatum från",
}


class PoliceExtractImporter(TableImporter):
    """police-extract: crime reports with codes and SWEREF 99 TM coordinates."""

    kind = "police-extract"
    source = Source.POLICE_REPORT
    position_label = "rad"
    visibility = Incident.Visibility.SHARED

    def __init__(self, path, context) -> None:
        super().__init__(path, context)
        self.table = Table(path)
        self.columns: dict[str, int] = {}
        self.converter: SwerefConverter | None = None

    def find_columns(self) -> None:
        for index, name in enumerate(self.table.header):
            key = header_key(name)
            for role, names in COLUMNS.items():
                if key in names and role not in self.columns:
                    self.columns[role] = index
        missing = [LABELS[role] for role in REQUIRED if role not in self.columns]
        if missing:
            raise ValueError(
                f"kolumnen {', '.join(missing)} saknas (rubrikerna är: "
                f"{', '.join(self.table.header)})"
            )
        if ("north" in self.columns) != ("east" in self.columns):
            raise ValueError("bara en av koordinatkolumnerna finns (X/Y, N/E)")

    def _value(self, record: Record, role: str) -> Any:
        return self.cell(record, self.columns.get(role))

    def _name(self, role: str) -> str:
        return self.table.header[self.columns[role]]

    def parse(self, record: Record) -> Row:
        report = self._value(record, "report")
        report = "" if report is None else str(report).strip()
        if not report:
            raise RowError(self._name("report"), "saknas")
        if len(report) > 100:
            raise RowError(self._name("report"), "är längre än 100 tecken")

        code = self._value(record, "code")
        if isinstance(code, float) and code.is_integer():
            code = int(code)
        code = "" if code is None else str(code).strip()
        if code.isdigit() and len(code) < 4:
            code = code.zfill(4)  # Excel drops the leading zero of "0930"
        if not code:
            raise RowError(self._name("code"), "saknas")

        start = self._datetime(record, "from", "from_time")
        if start is None:
            raise RowError(self._name("from"), "saknas")
        end = self._datetime(record, "to", "to_time")
        end_field = self._name("to") if "to" in self.columns else self._name("from")
        occurred_from, occurred_to = window(start, end, end_field)

        municipality = None
        kommun = self._value(record, "municipality")
        if kommun not in (None, ""):
            municipality = self.context.municipality(str(kommun))
            if municipality is None:
                raise RowError(self._name("municipality"), f'"{kommun}" är ingen svensk kommun')

        latitude = longitude = area = None
        precision = Incident.Precision.MUNICIPALITY
        north = parse_number(self._value(record, "north"), self._name_or("north"))
        east = parse_number(self._value(record, "east"), self._name_or("east"))
        if (north is None) != (east is None):
            missing = self._name("north") if north is None else self._name("east")
            raise RowError(missing, "saknas när den andra koordinaten finns")
        if north is not None:
            if self.converter is None:
                self.converter = SwerefConverter()
            latitude, longitude = self.converter.to_wgs84(
                north, east, self._name("north"), self._name("east")
            )
            precision = Incident.Precision.POINT
            area = self.context.area(latitude, longitude, getattr(municipality, "pk", None))
            if municipality is None and area is not None:
                municipality = area.municipality

        place = self._value(record, "place")
        clean = self.context.clean_text
        title = f"Brottskod {code}" + (f", {place}" if place else "")
        return {
            "source": self.source,
            "external_id": report,
            "source_type": code[:150],
            "category_id": self.context.category(code),
            "occurred_from": occurred_from,
            "occurred_to": occurred_to,
            "municipality_id": municipality.pk if municipality is not None else None,
            "area_id": area.pk if area is not None else None,
            "latitude": latitude,
            "longitude": longitude,
            "precision": precision,
            "title": clean(title),
            "text": clean(self._value(record, "text")),
            "organisation_id": self.context.organisation_id,
            "visibility": self.visibility,
        }

    def _name_or(self, role: str) -> str:
        return self._name(role) if role in self.columns else role

    def _datetime(self, record: Record, date_role: str, time_role: str):
        if date_role not in self.columns:
            return None
        parsed = parse_local_datetime(self._value(record, date_role), self._name(date_role))
        if parsed is None:
            return None
        if time_role in self.columns:
            clock = parse_clock(self._value(record, time_role), self._name(time_role))
            if clock is not None:
                moment = parsed[0].replace(hour=clock.hour, minute=clock.minute, second=0)
                return moment, True
        return parsed
