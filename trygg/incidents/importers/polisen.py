"""The police's public events ("Händelser från polisen", polisen.se/api/events).

A file is one JSON array of objects like::

    {"id": 612345, "datetime": "2026-01-03 6:28:39 +01:00",
     "name": "02 januari 23.47, Misshandel, Karlshamn", "summary": "…",
     "url": "/aktuellt/handelser/2026/januari/2/…/", "type": "Misshandel",
     "location": {"name": "Karlshamn", "gps": "56.170303,14.863073"}}

What the fields mean, and why they are read the way they are:

* datetime is when the police *published* the event (hour not zero-padded,
  a UTC offset). When it *happened* is only in name: day, Swedish month and
  usually a time ("02 januari 23.47", "2 januari 23:47"). The year is
  inferred: the latest such date that is not after publishing (plus a small
  tolerance), so "31 december 23.10" published on 2 January is last year.
  Without a time the window is the whole day.
* location.name is a municipality or a county ("Kalmar län"). For a county
  the municipality, if any, is the last comma-separated part of name.
* location.gps is only the centroid of that municipality or county, not where
  it happened, so no coordinates are stored: precision is municipality.
* Types starting with "Sammanfattning" summarise a night or weekend: kept as
  context (is_summary), never counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any

from trygg.geo.municipalities import is_county

from ..models import Incident, Source
from .base import STOCKHOLM, Importer, Record, Row, RowError, iter_json_array

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    )
}

_NAME_DATE = re.compile(
    r"^\s*(?P<day>\d{1,2})\s+(?P<month>[a-zåäö]+)"
    r"(?:\s+(?:kl\.?\s*)?(?P<hour>\d{1,2})[.:](?P<minute>\d{2}))?\s*(?:,|$)",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})[ T]+"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{1,2})(?::(?P<second>\d{1,2}))?"
    r"\s*(?:(?P<sign>[+-])(?P<oh>\d{1,2}):?(?P<om>\d{2})|(?P<z>Z))?\s*$"
)
# An event may be published with a time a little before the one in its name
# (clocks, rounding); beyond this the date belongs to the year before.
TOLERANCE = timedelta(hours=2)
URL_MAX = 200  # Incident.url is a URLField of Django's default length.


def parse_published(value: Any) -> datetime:
    """The publishing time ("2026-01-03 6:28:39 +01:00"); no offset means Stockholm time."""
    if value is None or value == "":
        raise RowError("datetime", "saknas")
    fast = _published_iso(value)
    if fast is not None:
        return fast
    match = _PUBLISHED.match(value) if isinstance(value, str) else None
    if match is None:
        raise RowError("datetime", f"{_quote(value)} är inget giltigt datum")
    parts = {key: int(v) for key, v in match.groupdict().items() if v and v.isdigit()}
    if match["sign"]:
        offset = timedelta(hours=parts["oh"], minutes=parts["om"])
        tz = timezone(-offset if match["sign"] == "-" else offset)
    elif match["z"]:
        tz = UTC
    else:
        tz = STOCKHOLM
    try:
        return datetime(
            parts["year"],
            parts["month"],
            parts["day"],
            parts["hour"],
            parts["minute"],
            parts.get("second", 0),
            tzinfo=tz,
        )
    except ValueError:
        raise RowError("datetime", f"{_quote(value)} är inget giltigt datum") from None


def _published_iso(value: Any) -> datetime | None:
    """The usual shape, "2026-01-03 6:28:39 +01:00", through datetime.fromisoformat.

    Ten times faster than the regular expression; anything else (no offset,
    "Z", odd spacing) returns None and takes the careful way.
    """
    if not isinstance(value, str):
        return None
    parts = value.split(" ")
    if len(parts) != 3 or len(parts[2]) != 6 or parts[2][0] not in "+-":
        return None
    day, clock, offset = parts
    if len(clock) == 7:
        clock = "0" + clock
    try:
        return datetime.fromisoformat(f"{day}T{clock}{offset}")
    except ValueError:
        return None


def occurrence_window(name: str, published: datetime) -> tuple[datetime, datetime]:
    """When it happened, from the event's name and the publishing time.

    The minute in the name (Stockholm time) gives from = to; a name without a
    time gives the whole day.
    """
    match = _NAME_DATE.match(name)
    month = MONTHS.get(match["month"].lower()) if match else None
    if match is None or month is None:
        raise RowError("name", f'{_quote(name)} börjar inte med dag och månad ("02 januari 23.47")')
    day = int(match["day"])
    has_time = match["hour"] is not None
    clock = time(0, 0)
    if has_time:
        hour, minute = int(match["hour"]), int(match["minute"])
        if hour > 23 or minute > 59:
            raise RowError(
                "name", f"{_quote(name)}: {hour}.{minute:02d} är inget giltigt klockslag"
            )
        clock = time(hour, minute)
    # The latest such date not after publishing: this year's, or else an earlier
    # year's (nine years back always reaches a leap year for "29 februari").
    latest = published + TOLERANCE
    year = published.astimezone(STOCKHOLM).year + 1
    for candidate in range(year, year - 10, -1):
        try:
            start = datetime(candidate, month, day, clock.hour, clock.minute, tzinfo=STOCKHOLM)
        except ValueError:
            continue
        if start <= latest:
            if has_time:
                return start, start
            return start, start.replace(hour=23, minute=59, second=59)
    raise RowError("name", f"{_quote(name)}: {day} {match['month']} är inget giltigt datum")


def _quote(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _text(obj: dict, key: str) -> str:
    value = obj.get(key)
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise RowError(key, f"{_quote(value)} är ingen text")
    return str(value).strip()


class PolisenEventsImporter(Importer):
    """polisen-events: the police's public events API, saved as a JSON array."""

    kind = "polisen-events"
    source = Source.POLICE_EVENT
    position_label = "post"
    visibility = Incident.Visibility.PUBLIC
    skips_elsewhere = True
    COLUMNS = ["id", "datetime", "name", "summary", "url", "type", "location.name", "location.gps"]

    def __init__(self, path, context) -> None:
        super().__init__(path, context)
        self._types: dict[str, tuple[str, int | None, bool]] = {}
        self._places: dict[tuple[str, str], int | None] = {}

    def original_columns(self) -> list[str]:
        return list(self.COLUMNS)

    def records(self) -> Iterator[Record]:
        try:
            file = self.path.open(encoding="utf-8-sig")
        except OSError as error:
            raise self.fail(f"kan inte läsas ({error.strerror})") from None
        with file:
            try:
                for number, value in iter_json_array(file):
                    yield Record(number, value)
            except ValueError as error:  # also UnicodeDecodeError
                raise self.fail(str(error)) from None

    def original_fields(self, record: Record) -> dict[str, Any]:
        return _flatten(record.data)

    def parse(self, record: Record) -> Row:
        obj = record.data
        if not isinstance(obj, dict):
            raise RowError("post", "är inget JSON-objekt")
        raw_id = obj.get("id")
        if raw_id is None or isinstance(raw_id, bool) or str(raw_id).strip() == "":
            raise RowError("id", "saknas")
        external_id = str(raw_id).strip()
        if len(external_id) > 100:
            raise RowError("id", "är längre än 100 tecken")
        published = parse_published(obj.get("datetime"))
        name = _text(obj, "name")
        if not name:
            raise RowError("name", "saknas")
        occurred_from, occurred_to = occurrence_window(name, published)
        event_type = _text(obj, "type")

        location = obj.get("location") or {}
        if not isinstance(location, dict):
            raise RowError("location", "ska vara ett objekt med name och gps")
        location_name = _text(location, "name")
        last = name.rsplit(",", 1)[-1].strip() if name.count(",") >= 2 else ""
        municipality = self._municipality(location_name, last)

        url = _text(obj, "url")
        if url.startswith("/"):
            url = "https://polisen.se" + url
        if len(url) > URL_MAX or not url.startswith(("http://", "https://")):
            url = ""  # a link that does not fit is better left out than cut

        kind = self._type(event_type)
        clean = self.context.clean_text
        return {
            "source": self.source,
            "external_id": external_id,
            "source_type": kind[0],
            "category_id": kind[1],
            "is_summary": kind[2],
            "occurred_from": occurred_from,
            "occurred_to": occurred_to,
            "published_at": published,
            "municipality_id": municipality,
            "precision": Incident.Precision.MUNICIPALITY,
            "title": clean(name),
            "text": clean(_text(obj, "summary")),
            "url": url,
            "organisation_id": self.context.organisation_id,
            "visibility": self.visibility,
        }

    def _type(self, event_type: str) -> tuple[str, int | None, bool]:
        """(type as stored, category id, is summary); a file has a handful of types."""
        known = self._types.get(event_type)
        if known is None:
            known = self._types[event_type] = (
                self.context.clean_text(event_type),
                self.context.category(event_type),
                event_type.casefold().startswith("sammanfattning"),
            )
        return known

    def _municipality(self, location_name: str, last: str) -> int | None:
        """The municipality's id; a file names a few hundred places over and over."""
        key = (location_name, last)
        if key not in self._places:
            self._places[key] = self._find_municipality(location_name, last)
        return self._places[key]

    def _find_municipality(self, location_name: str, last: str) -> int | None:
        """The municipality named by location, or for a county by the last part of name."""
        if location_name and not is_county(location_name):
            found = self.context.municipality(location_name)
            if found is not None:
                return found.pk
        if last and not is_county(last):
            found = self.context.municipality(last)
            return found.pk if found is not None else None
        return None


def _flatten(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        return {"id": value}
    fields = {key: value.get(key) for key in PolisenEventsImporter.COLUMNS if "." not in key}
    location = value.get("location")
    if isinstance(location, dict):
        fields["location.name"] = location.get("name")
        fields["location.gps"] = location.get("gps")
    else:
        fields["location.name"] = location
    return fields
