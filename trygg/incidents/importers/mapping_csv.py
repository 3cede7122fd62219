"""Any CSV (or XLSX), described by a small JSON mapping file.

A housing company, a security firm or a school exports what it has; the
mapping says which column means what, and is itself the saved, reusable
description of that export. Example::

    {
      "source": "housing",              # a Source value (required)
      "id": "Ärende",                   # column with the row's own id (required)
      "from": "Datum",                  # column: date or date-time (required)
      "time": "Klockslag",              # column: time of day joined to "from" (optional)
      "to": null,                       # column: end date or date-time (optional)
      "category": "Typ",                # column with the source's own type (optional)
      "category_map": {"Klotter": "klotter", "Skadegörelse": "skadegorelse"},
      "latitude": "Lat", "longitude": "Lon",  # WGS 84 columns (optional), or:
      "sweref_n": null, "sweref_e": null,     # SWEREF 99 TM columns (optional)
      "place": null,                    # column: place or area text (optional)
      "municipality": "Kommun",         # column: name or SCB code (optional)
      "default_municipality": null,     # used when there is no such column
      "text": "Beskrivning",            # column: free text, masked (optional)
      "title": null,                    # column (optional; else the type + place)
      "delimiter": ";",                 # optional; guessed from the header otherwise
      "date_format": "%Y-%m-%d",        # optional strptime format for from/to
      "visibility": "shared"            # internal | shared | public (default shared)
    }

A coordinator can also save a mapping under a name (ImportMapping: on the upload
page or in the admin); `trygg import csv FILE --mapping NAME` then uses it, see
find_mapping.

Categories: category_map (type → category slug) first, then the
CategoryMapping table for the source, else no category; source_type keeps
the type as written. Ids are per source, so two companies both sending
source "housing" must not reuse each other's ids (use "source": "other" or a
prefix in the id column if they might).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trygg.organisations.models import Organisation

from ..models import Category, ImportMapping, Incident, Source
from .base import (
    ImportAborted,
    ImportContext,
    Record,
    Row,
    RowError,
    SwerefConverter,
    Table,
    TableImporter,
    parse_clock,
    parse_local_datetime,
    parse_number,
    window,
)

COLUMN_KEYS = (
    "id",
    "from",
    "time",
    "to",
    "category",
    "latitude",
    "longitude",
    "sweref_n",
    "sweref_e",
    "place",
    "municipality",
    "text",
    "title",
)
OTHER_KEYS = (
    "source",
    "category_map",
    "default_municipality",
    "delimiter",
    "date_format",
    "visibility",
)


@dataclass
class Mapping:
    """A validated mapping file."""

    source: str
    columns: dict[str, str]
    category_map: dict[str, int] = field(default_factory=dict)
    default_municipality: str = ""
    delimiter: str | None = None
    date_format: str | None = None
    visibility: str = Incident.Visibility.SHARED


def load_mapping(mapping: str | Path | dict) -> Mapping:
    """Read and check a mapping (a path or a dict); ImportAborted says what is wrong."""
    name = "mappningen"
    if not isinstance(mapping, dict):
        path = Path(mapping)
        name = path.name
        try:
            mapping = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as error:
            raise ImportAborted(f"{name}: kan inte läsas ({error.strerror})") from None
        except ValueError as error:
            raise ImportAborted(f"{name}: ingen giltig JSON ({error})") from None
    if not isinstance(mapping, dict):
        raise ImportAborted(f"{name}: ska vara ett JSON-objekt")
    unknown = sorted(set(mapping) - set(COLUMN_KEYS) - set(OTHER_KEYS))
    if unknown:
        raise ImportAborted(f"{name}: okända nycklar {', '.join(unknown)}")
    source = mapping.get("source")
    if source not in Source.values:
        raise ImportAborted(
            f"{name}: source {source!r} är ingen källa; välj en av {', '.join(Source.values)}"
        )
    columns = {}
    for key in COLUMN_KEYS:
        value = mapping.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise ImportAborted(f"{name}: {key} ska vara ett kolumnnamn eller null")
        columns[key] = value
    for key in ("id", "from"):
        if key not in columns:
            raise ImportAborted(f"{name}: {key} (kolumnnamn) krävs")
    for pair in (("latitude", "longitude"), ("sweref_n", "sweref_e")):
        if (pair[0] in columns) != (pair[1] in columns):
            raise ImportAborted(f"{name}: {pair[0]} och {pair[1]} anges tillsammans")
    category_map = {}
    raw_map = mapping.get("category_map") or {}
    if not isinstance(raw_map, dict):
        raise ImportAborted(f"{name}: category_map ska vara ett objekt typ → kategori")
    slugs = dict(Category.objects.values_list("slug", "pk"))
    for value, slug in raw_map.items():
        if slug not in slugs:
            raise ImportAborted(f"{name}: category_map: kategorin {slug!r} finns inte")
        category_map[str(value).strip().casefold()] = slugs[slug]
    visibility = mapping.get("visibility") or Incident.Visibility.SHARED
    if visibility not in Incident.Visibility.values:
        raise ImportAborted(f"{name}: visibility {visibility!r} är ogiltig")
    return Mapping(
        source=source,
        columns=columns,
        category_map=category_map,
        default_municipality=mapping.get("default_municipality") or "",
        delimiter=mapping.get("delimiter") or None,
        date_format=mapping.get("date_format") or None,
        visibility=visibility,
    )


def find_mapping(value: str, organisation: Organisation | None = None) -> str | dict:
    """What `--mapping` names: a mapping file if there is one, else a saved mapping.

    A saved mapping belongs to an organisation. With an organisation given, only
    its own mappings are found; without one, the name must belong to a single
    organisation, so the command never silently uses another's mapping.
    """
    if Path(value).is_file():
        return value
    saved = ImportMapping.objects.filter(name=value)
    if organisation is not None:
        saved = saved.filter(organisation=organisation)
    found = list(saved[:2])
    if not found:
        owner = f" hos {organisation}" if organisation is not None else ""
        raise ImportAborted(f"{value}: ingen mappningsfil och ingen sparad mappning{owner}")
    if len(found) > 1:
        raise ImportAborted(
            f"{value}: flera organisationer har en sparad mappning med det namnet; "
            "ange vilken med --organisation"
        )
    return found[0].mapping


class MappingCsvImporter(TableImporter):
    """csv: a table whose meaning a Mapping describes."""

    kind = "csv"
    source = Source.OTHER
    position_label = "rad"

    def __init__(self, path: Path, context: ImportContext, mapping: Mapping) -> None:
        super().__init__(path, context)
        self.mapping = mapping
        self.source = mapping.source  # type: ignore[misc]
        self.visibility = mapping.visibility  # type: ignore[misc]
        self.table = Table(path, mapping.delimiter)
        self.index: dict[str, int] = {}
        self.converter: SwerefConverter | None = None

    def find_columns(self) -> None:
        by_name = {name.strip().casefold(): i for i, name in enumerate(self.table.header)}
        missing = []
        for key, column in self.mapping.columns.items():
            if column.strip().casefold() in by_name:
                self.index[key] = by_name[column.strip().casefold()]
            else:
                missing.append(column)
        if missing:
            raise ValueError(
                f"kolumnen {', '.join(missing)} saknas (rubrikerna är: "
                f"{', '.join(self.table.header)})"
            )

    def _value(self, record: Record, key: str) -> Any:
        return self.cell(record, self.index.get(key))

    def _field(self, key: str) -> str:
        return self.mapping.columns.get(key, key)

    def parse(self, record: Record) -> Row:
        external_id = self._value(record, "id")
        if isinstance(external_id, float) and external_id.is_integer():
            external_id = int(external_id)
        external_id = "" if external_id is None else str(external_id).strip()
        if not external_id:
            raise RowError(self._field("id"), "saknas")
        if len(external_id) > 100:
            raise RowError(self._field("id"), "är längre än 100 tecken")

        fmt = self.mapping.date_format
        start = parse_local_datetime(self._value(record, "from"), self._field("from"), fmt)
        if start is None:
            raise RowError(self._field("from"), "saknas")
        clock = parse_clock(self._value(record, "time"), self._field("time"))
        if clock is not None:
            start = (start[0].replace(hour=clock.hour, minute=clock.minute, second=0), True)
        end = parse_local_datetime(self._value(record, "to"), self._field("to"), fmt)
        occurred_from, occurred_to = window(start, end, self._field("to"))

        kind = self._value(record, "category")
        kind = "" if kind is None else str(kind).strip()
        category_id = self.mapping.category_map.get(kind.casefold()) or self.context.category(kind)

        municipality = None
        name = self._value(record, "municipality") or self.mapping.default_municipality
        if name:
            municipality = self.context.municipality(str(name))
            if municipality is None:
                raise RowError(self._field("municipality"), f'"{name}" är ingen svensk kommun')

        latitude = longitude = area = None
        precision = Incident.Precision.MUNICIPALITY
        if "latitude" in self.index:
            latitude = parse_number(self._value(record, "latitude"), self._field("latitude"))
            longitude = parse_number(self._value(record, "longitude"), self._field("longitude"))
            if latitude is not None and not 55.0 <= latitude <= 69.5:
                raise RowError(self._field("latitude"), f"{latitude:g} ligger inte i Sverige")
            if longitude is not None and not 10.5 <= longitude <= 24.5:
                raise RowError(self._field("longitude"), f"{longitude:g} ligger inte i Sverige")
        elif "sweref_n" in self.index:
            north = parse_number(self._value(record, "sweref_n"), self._field("sweref_n"))
            east = parse_number(self._value(record, "sweref_e"), self._field("sweref_e"))
            if north is not None and east is not None:
                if self.converter is None:
                    self.converter = SwerefConverter()
                latitude, longitude = self.converter.to_wgs84(
                    north, east, self._field("sweref_n"), self._field("sweref_e")
                )
            elif (north is None) != (east is None):
                raise RowError(self._field("sweref_n" if north is None else "sweref_e"), "saknas")
        if (latitude is None) != (longitude is None):
            raise RowError(self._field("latitude" if latitude is None else "longitude"), "saknas")
        if latitude is not None:
            precision = Incident.Precision.POINT
            area = self.context.area(latitude, longitude, getattr(municipality, "pk", None))
            if municipality is None and area is not None:
                municipality = area.municipality

        place = self._value(record, "place")
        title = self._value(record, "title") or ", ".join(str(p) for p in (kind, place) if p)
        clean = self.context.clean_text
        return {
            "source": self.source,
            "external_id": external_id,
            "source_type": clean(kind),
            "category_id": category_id,
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
