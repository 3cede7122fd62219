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
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from trygg.geo.municipalities import is_county

from ..models import Incident, Source
from .base import STOCKHOLM, Importer, Record, RowError, iter_json_array

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
    latest = published + TOLERANCE
    year = published.astimezone(STOCKHOLM).year
    # Nine years back always reaches a leap year for "29 februari".
    for candidate in range(year + 1, year - 9, -1):
        try:
            day_date = date(candidate, month, day)
        except ValueError:
            continue
        start = datetime.combine(day_date, clock, tzinfo=STOCKHOLM)
        if start <= latest:
            if has_time:
                return start, start
            end = datetime.combine(day_date, time(23, 59, 59), tzinfo=STOCKHOLM)
            return start, end
    raise RowError("name", f"{_quote(name)}: {day} {match['month']} är inget giltigt datum")


def _quote(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _text(obj: dict, key: str) -> str:
    value = obj.get(key)
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
    COLUMNS = ["id", "datetime", "name", "summary", "url", "type", "location.name", "location.gps"]

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
                    yield Record(number, _flatten(value), value)
            except ValueError as error:  # also UnicodeDecodeError
                raise self.fail(str(error)) from None

    def parse(self, record: Record) -> Incident:
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
        municipality = self._municipality(location_name, name)

        url = _text(obj, "url")
        if url.startswith("/"):
            url = "https://polisen.se" + url
        if len(url) > URL_MAX or not url.startswith(("http://", "https://")):
            url = ""  # a link that does not fit is better left out than cut

        clean = self.context.clean_text
        return Incident(
            source=self.source,
            external_id=external_id,
            source_type=clean(event_type, 150),
            category_id=self.context.category(event_type),
            is_summary=event_type.casefold().startswith("sammanfattning"),
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            published_at=published,
            municipality=municipality,
            precision=Incident.Precision.MUNICIPALITY,
            title=clean(name, 250),
            text=clean(_text(obj, "summary")),
            url=url,
            organisation=self.context.organisation,
            visibility=self.visibility,
        )

    def _municipality(self, location_name: str, name: str):
        """The municipality named by location, or for a county by the end of name."""
        parts = [part.strip() for part in name.split(",")]
        last = parts[-1] if len(parts) >= 3 else ""
        if location_name and not is_county(location_name):
            found = self.context.municipality(location_name)
            if found is not None:
                return found
        if last and not is_county(last):
            return self.context.municipality(last)
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
