"""The machinery every importer shares: streaming, batching, idempotency, errors.

An importer only knows its file format: it yields records one at a time and
turns one record into a row of Incident field values (or raises RowError
naming the field). Everything else lives here, so every source behaves the
same way:

* Streaming: records are read one by one and written in batches of
  BATCH_SIZE (COPY on PostgreSQL, executemany on SQLite: see bulk.py), so
  memory does not grow with the file.
* Idempotent: incidents are keyed on (source, external_id). Each batch looks
  its ids up and skips those already stored, so re-importing a file, or an
  overlapping one, adds only what is new. Nothing stored is ever updated.
* Atomic: the whole import runs in one transaction. By default the first bad
  row aborts it with a message naming file, line (or post) and field, and
  the database is as it was. With skip_invalid the good rows are imported
  and the bad ones are written to a rejects CSV for correction.
* Rows bypass Incident.save() but not the fields: RowWriter passes free
  text through Incident's masked fields, so identity numbers are masked as
  on every other path (trygg.privacy).
* Fast: a row is a dict, not a model instance (building an Incident cost
  more than everything else together), and what repeats (a category code, a
  municipality name) is looked up once per import.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, ClassVar
from zoneinfo import ZoneInfo

from django.db import DatabaseError, connection, transaction

from trygg import csvcells
from trygg.geo.models import Municipality
from trygg.geo.municipalities import municipality_for
from trygg.geo.services import AreaLocator
from trygg.organisations.models import Organisation
from trygg.uploads import check_zip

from ..bulk import RowWriter
from ..models import CategoryMapping, Incident

BATCH_SIZE = 5000
MAX_POST_CHARS = 16 << 20
STOCKHOLM = ZoneInfo("Europe/Stockholm")


class RowError(Exception):
    """One row is bad: which field, and why (in Swedish, for the person importing)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"fält {field}: {message}")
        self.field = field
        self.message = message


class ImportAborted(Exception):
    """The import stopped and nothing was stored; the message says where and why."""


# One incident as field values by attname ("municipality_id", not "municipality").
Row = dict[str, Any]


@dataclass(slots=True)
class Record:
    """One row or object of the file, before it is understood.

    position is the line number (CSV, XLSX) or the 1-based post number (JSON);
    data is the row's values or the decoded JSON element.
    """

    position: int
    data: Any


@dataclass
class ImportResult:
    """What an import did, for the command's summary line or an upload page."""

    created: int = 0
    existing: int = 0
    rejected: int = 0
    # Rows of a public feed about municipalities the importing organisation does not cover.
    elsewhere: int = 0
    rejects_path: Path | None = None
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        noun = "händelse" if self.created == 1 else "händelser"
        text = (
            f"Importerade {_number(self.created)} {noun}, "
            f"{_number(self.existing)} fanns redan, {_number(self.rejected)} avvisade"
        )
        if self.elsewhere:
            text += f", {_number(self.elsewhere)} i andra kommuner hoppades över"
        if self.rejects_path is not None and self.rejected:
            text += f" (se {self.rejects_path})"
        return text


def _number(value: int) -> str:
    """Swedish digit grouping: 1 234 567."""
    return f"{value:,}".replace(",", " ")


class CategoryLookup:
    """A source's CategoryMapping rows, read once per import.

    Codes match exactly first, then case-insensitively, then by prefix: a
    mapping whose code ends in "*" ("12*") covers every code that starts with
    what precedes it, the longest prefix winning. That lets one row map a whole
    chapter of crime codes while a more specific row still overrides it.
    """

    def __init__(self, source: str) -> None:
        self.exact: dict[str, int] = {}
        self.folded: dict[str, int] = {}
        self.prefixes: list[tuple[str, int]] = []
        for code, category_id in CategoryMapping.objects.filter(source=source).values_list(
            "code", "category_id"
        ):
            code = code.strip()
            if code.endswith("*"):
                self.prefixes.append((code[:-1].casefold(), category_id))
            else:
                self.exact[code] = category_id
                self.folded.setdefault(code.casefold(), category_id)
        self.prefixes.sort(key=lambda item: len(item[0]), reverse=True)

    def __call__(self, code: str) -> int | None:
        code = code.strip()
        if not code:
            return None
        if code in self.exact:
            return self.exact[code]
        folded = code.casefold()
        if folded in self.folded:
            return self.folded[folded]
        for prefix, category_id in self.prefixes:
            if folded.startswith(prefix):
                return category_id
        return None


class ImportContext:
    """What one import reads once and reuses for every row."""

    def __init__(
        self,
        source: str,
        organisation: Organisation | None = None,
        import_job_id: int | None = None,
    ) -> None:
        self.source = source
        self.organisation = organisation
        self.organisation_id = organisation.pk if organisation is not None else None
        # An organisation imports only into the municipalities it covers; the
        # command without --organisation is an operator's and may import anywhere.
        self.municipality_ids: set[int] | None = (
            set(organisation.municipalities.values_list("id", flat=True))
            if organisation is not None
            else None
        )
        # The upload this import runs for: every incident it stores names it.
        self.import_job_id = import_job_id
        self.category = CategoryLookup(source)
        self._municipalities: dict[str, Municipality | None] = {}
        self._locator: AreaLocator | None = None

    def municipality(self, name_or_code: str) -> Municipality | None:
        """municipality_for, remembered: an import names the same few places over and over."""
        key = (name_or_code or "").strip()
        if key not in self._municipalities:
            self._municipalities[key] = municipality_for(key) if key else None
        return self._municipalities[key]

    def area(self, latitude: float, longitude: float, municipality_id: int | None):
        """The area containing the point; one AreaLocator for the whole import."""
        if self._locator is None:
            self._locator = AreaLocator()
        return self._locator.locate(latitude, longitude, municipality_id)

    def is_elsewhere(self, row: Row) -> bool:
        """Is the row placed in a municipality the importing organisation does not cover?"""
        municipality_id = row.get("municipality_id")
        return (
            self.municipality_ids is not None
            and municipality_id is not None
            and municipality_id not in self.municipality_ids
        )

    @staticmethod
    def clean_text(text: Any) -> str:
        """Free text, stripped. The field masks it and then cuts it to fit its column:
        cut first, half a personnummer could be left at the end."""
        return str(text or "").strip()


class Importer:
    """One file format. Subclasses set source and position_label and implement
    records() and parse()."""

    kind: ClassVar[str] = ""
    source: ClassVar[str] = ""
    # "rad" (line) for tables, "post" for the objects of a JSON array.
    position_label: ClassVar[str] = "rad"
    visibility: ClassVar[str] = Incident.Visibility.SHARED
    # A public feed covers the whole country: rows about other municipalities are
    # skipped. A file the organisation made itself must not name them: refused.
    skips_elsewhere: ClassVar[bool] = False

    def __init__(self, path: Path, context: ImportContext) -> None:
        self.path = path
        self.context = context

    @property
    def display_name(self) -> str:
        return self.path.name

    def records(self) -> Iterator[Record]:
        raise NotImplementedError

    def original_columns(self) -> list[str]:
        """The columns of the rejects file before line, field and reason."""
        raise NotImplementedError

    def original_fields(self, record: Record) -> dict[str, Any]:
        """A record's values by column, as the rejects file writes them back."""
        raise NotImplementedError

    def parse(self, record: Record) -> Row:
        raise NotImplementedError

    def parse_checked(self, record: Record) -> Row | None:
        """The record's row; None for a feed's row about another municipality."""
        row = self.parse(record)
        if self.context.is_elsewhere(row):
            if self.skips_elsewhere:
                return None
            organisation = self.context.organisation
            raise RowError(
                "kommun", f"kommunen ligger utanför de kommuner {organisation} arbetar i"
            )
        return row

    def fail(self, message: str) -> ImportAborted:
        """A file-level error (unreadable, wrong format), naming the file."""
        return ImportAborted(f"{self.display_name}: {message}")

    def row_message(self, record: Record, error: RowError) -> str:
        return f"{self.display_name}, {self.position_label} {record.position}, {error}"


class RejectsWriter:
    """Bad rows, with their original fields, line, field and reason.

    Semicolon-separated UTF-8 with BOM, so Excel with Swedish settings opens it
    as it is; opened at the first reject, so a clean import leaves no file. The
    file's own cells go back through `trygg.csvcells`, so none runs as a formula.
    """

    def __init__(self, path: Path, importer: Importer) -> None:
        self.path = path
        self.importer = importer
        self.file: IO[str] | None = None
        self.writer: csvcells.Writer | None = None
        self.columns: list[str] = []

    def write(self, record: Record, error: RowError) -> None:
        if self.writer is None:
            originals = self.importer.original_columns()
            extra = [self.importer.position_label, "fält", "orsak"]
            self.columns = [c for c in originals if c not in extra] + extra
            self.file = self.path.open("w", encoding="utf-8-sig", newline="")
            self.writer = csvcells.Writer(self.file, delimiter=";")
            self.writer.writerow(self.columns)
        fields = self.importer.original_fields(record)
        row = {key: _cell(value) for key, value in fields.items()}
        row[self.importer.position_label] = record.position
        row["fält"] = error.field
        row["orsak"] = error.message
        self.writer.writerow(row.get(column, "") for column in self.columns)

    def close(self, *, discard: bool = False) -> None:
        if self.file is not None:
            self.file.close()
            if discard:
                self.path.unlink(missing_ok=True)


def _cell(value: Any) -> Any:
    """A value as the rejects file writes it: numbers stay numbers, the rest is text."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


def run_import(
    importer: Importer,
    *,
    skip_invalid: bool = False,
    rejects_path: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Read, validate and store one file; see the module docstring for the rules.

    progress, if given, is called after each batch with the number of
    records handled so far.
    """
    result = ImportResult()
    rejects = None
    if skip_invalid:
        rejects_path = rejects_path or importer.path.with_name(importer.path.name + ".rejects.csv")
        rejects = RejectsWriter(rejects_path, importer)
        result.rejects_path = rejects_path
    try:
        with transaction.atomic():
            writer = RowWriter(Incident, fixed={"import_job_id": importer.context.import_job_id})
            batch: dict[str, Row] = {}
            for record in importer.records():
                try:
                    row = importer.parse_checked(record)
                except RowError as error:
                    if rejects is None:
                        raise ImportAborted(importer.row_message(record, error)) from None
                    rejects.write(record, error)
                    result.rejected += 1
                    result.errors.append(importer.row_message(record, error))
                    continue
                if row is None:
                    result.elsewhere += 1
                    continue
                key = row["external_id"]
                if key in batch:
                    # The same id twice in one file (a report with several crime
                    # codes): the first row stands.
                    result.existing += 1
                    continue
                batch[key] = row
                if len(batch) >= BATCH_SIZE:
                    _flush(importer, writer, batch, result, progress)
                    batch = {}
            _flush(importer, writer, batch, result, progress)
    except ImportAborted:
        if rejects is not None:
            rejects.close(discard=True)
            rejects = None
        raise
    except DatabaseError as error:
        if rejects is not None:
            rejects.close(discard=True)
            rejects = None
        raise importer.fail(f"databasen avvisade importen, inget sparades ({error})") from error
    finally:
        if rejects is not None:
            rejects.close()
    return result


def _flush(
    importer: Importer,
    writer: RowWriter,
    batch: dict[str, Row],
    result: ImportResult,
    progress: Callable[[int], None] | None,
) -> None:
    """Store the batch's new incidents; ids already stored are counted, not touched."""
    if not batch:
        return
    stored = stored_ids(importer.source, list(batch))
    result.created += writer.write(row for key, row in batch.items() if key not in stored)
    result.existing += len(stored)
    if progress is not None:
        progress(result.created + result.existing + result.rejected)


def stored_ids(source: str, external_ids: list[str]) -> set[str]:
    """Which of these ids the source already has, in one query with one parameter.

    An ORM `__in` with thousands of values costs more to build than to run;
    an array (PostgreSQL) or a JSON list (SQLite's json_each) is one value, and
    both still look each id up in the (source, external_id) unique index.
    """
    table = connection.ops.quote_name(Incident._meta.db_table)
    if connection.vendor == "postgresql":
        ids, parameter = "SELECT unnest(%s::text[])", external_ids
    else:
        ids, parameter = "SELECT value FROM json_each(%s)", json.dumps(external_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT external_id FROM {table} WHERE source = %s AND external_id IN ({ids})",
            [source, parameter],
        )
        return {external_id for (external_id,) in cursor.fetchall()}


def open_text(path: Path) -> IO[str]:
    """A text file as Excel or a database export wrote it: UTF-8 (with or without
    BOM), or else Windows-1252.

    The encoding is decided from the first megabyte, so a multi-GB file is not
    read twice; a file that changes encoding after that fails with a clear
    message when the bad byte is reached.
    """
    with path.open("rb") as raw:
        head = raw.read(1 << 20)
    if head.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            # A multi-byte character may be cut at the end of the sample.
            head.decode("utf-8") if len(head) < (1 << 20) else head[:-4].decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                encoding = "latin-1"
    return path.open(encoding=encoding, newline="")


def iter_json_array(file: IO[str], chunk_size: int = 1 << 16) -> Iterator[tuple[int, Any]]:
    """The elements of a top-level JSON array, one at a time, numbered from 1.

    json.load would hold a multi-GB export in memory at once; this decodes one
    element at a time with raw_decode over a buffer refilled in chunks. Raises
    ValueError (Swedish message) when the file is not a JSON array.
    """
    decoder = json.JSONDecoder()
    buffer = ""
    position = 0
    eof = False

    def fill() -> bool:
        nonlocal buffer, position, eof
        if eof:
            return False
        chunk = file.read(chunk_size)
        if not chunk:
            eof = True
            return False
        buffer = buffer[position:] + chunk
        position = 0
        return True

    def skip_space() -> str:
        """The next non-space character (not consumed), or "" at the end."""
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n":
                position += 1
            if position < len(buffer):
                return buffer[position]
            if not fill():
                return ""

    first = skip_space()
    if first == "\ufeff":
        position += 1
        first = skip_space()
    if first != "[":
        raise ValueError("filen är ingen JSON-lista (den ska börja med '[')")
    position += 1
    number = 0
    if skip_space() == "]":
        return
    while True:
        number += 1
        if not skip_space():
            raise ValueError(f"filen tar slut mitt i post {number}")
        while True:
            try:
                value, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError as error:
                # Most likely the element continues in the next chunk; a real
                # syntax error shows once the element is longer than any sane post.
                if len(buffer) - position < MAX_POST_CHARS and fill():
                    continue
                raise ValueError(f"post {number} är ingen giltig JSON ({error.msg})") from None
            except RecursionError:
                # Thousands of nested brackets: no post is shaped like that.
                raise ValueError(f"post {number} är för djupt nästlad") from None
            # A number or literal at the very end may continue in the next chunk.
            at_end = end == len(buffer) and not isinstance(value, dict | list)
            if at_end and fill():
                continue
            break
        position = end
        yield number, value
        following = skip_space()
        if following == ",":
            position += 1
        elif following == "]":
            return
        elif following == "":
            raise ValueError(f"filen tar slut efter post {number} (']' saknas)")
        else:
            raise ValueError(f"oväntat tecken {following!r} efter post {number}")


def file_size(path: Path) -> int | None:
    try:
        return os.path.getsize(path)
    except OSError:
        return None


# --- Tables: CSV and XLSX, read row by row ------------------------------------


class PercentCell(float):
    """A number an XLSX cell shows as a percentage: the cell holds the fraction.

    A cell formatted "0,0 %" that shows 61,5 % holds 0.615; a reader that wants
    what the person saw asks Table for percent_cells and checks for this type.
    Everywhere else it is the float it was.
    """


class Table:
    """A CSV or XLSX file as a header and rows, read lazily.

    CSV: delimiter ";" "," or tab, guessed from the header line unless given;
    encoding as open_text decides. XLSX: the first sheet, read_only, so a large
    workbook is streamed. Line numbers are those a person sees in Excel or an
    editor; blank rows are skipped.

    rows() takes the first non-blank row as the header. A reader that must look
    for its header (a title row above it) reads lines() and sets header itself.
    percent_cells: XLSX numbers formatted as percentages come as PercentCell.
    """

    def __init__(
        self, path: Path, delimiter: str | None = None, *, percent_cells: bool = False
    ) -> None:
        self.path = path
        self.delimiter = delimiter
        self.percent_cells = percent_cells
        self.header: list[str] = []

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        for line, values in self.lines():
            if not self.header:
                self.header = header_text(values)
                continue
            yield line, values

    def lines(self) -> Iterator[tuple[int, list[Any]]]:
        """Every non-blank row, the header too, with its line number."""
        if self.path.suffix.lower() in (".xlsx", ".xlsm"):
            yield from self._xlsx_rows()
        else:
            yield from self._csv_rows()

    def _csv_rows(self) -> Iterator[tuple[int, list[Any]]]:
        with open_text(self.path) as file:
            first = file.readline()
            delimiter = self.delimiter or max(";,\t", key=first.count)
            file.seek(0)
            reader = csv.reader(file, delimiter=delimiter)
            try:
                for values in reader:
                    if not any(value.strip() for value in values):
                        continue
                    yield reader.line_num, values
            except UnicodeDecodeError:
                raise ValueError(
                    f"rad {reader.line_num + 1} går inte att läsa som {file.encoding}; "
                    "spara filen som UTF-8"
                ) from None
            except csv.Error as error:
                raise ValueError(f"rad {reader.line_num}: {error}") from None

    def _xlsx_rows(self) -> Iterator[tuple[int, list[Any]]]:
        from openpyxl import load_workbook

        check_zip(self.path)  # an XLSX is a zip: refused before it is unpacked (TooLarge)
        try:
            workbook = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise ValueError(f"kan inte läsas som Excel-fil ({error})") from None
        try:
            sheet = workbook.worksheets[0]
            rows = (
                ((_percent_cell(cell) for cell in row) for row in sheet.iter_rows())
                if self.percent_cells
                else sheet.iter_rows(values_only=True)
            )
            for line, values in enumerate(rows, start=1):
                values = list(values)
                if not any(value not in (None, "") for value in values):
                    continue
                yield line, values
        finally:
            workbook.close()


def header_text(values: list[Any]) -> list[str]:
    """A header row's cells as text, stripped (and without a BOM)."""
    return [str(value or "").strip().lstrip("\ufeff") for value in values]


def _percent_cell(cell: Any) -> Any:
    """An XLSX cell's value, a PercentCell when its format shows a percentage."""
    value = cell.value
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and "%" in (getattr(cell, "number_format", None) or ""):
        return PercentCell(value)
    return value


class TableImporter(Importer):
    """An importer of a table (CSV or XLSX): one record per row, columns found from the header.

    Subclasses set `self.table` and say in `find_columns` which column holds what;
    it runs once, when the header has been read.
    """

    table: Table

    def original_columns(self) -> list[str]:
        return list(self.table.header)

    def original_fields(self, record: Record) -> dict[str, Any]:
        header = self.table.header
        return {
            header[i] if i < len(header) else f"kolumn {i + 1}": value
            for i, value in enumerate(record.data)
        }

    def find_columns(self) -> None:
        raise NotImplementedError

    @staticmethod
    def cell(record: Record, index: int | None) -> Any:
        """The row's value in a column (text stripped); None for no such column or a short row."""
        if index is None or index >= len(record.data):
            return None
        value = record.data[index]
        return value.strip() if isinstance(value, str) else value

    def data_rows(self) -> Iterator[tuple[int, list[Any]]]:
        """The rows below the header; find_columns runs once the header is read."""
        found = False
        for line, values in self.table.rows():
            if not found:
                self.find_columns()
                found = True
            yield line, values

    def records(self) -> Iterator[Record]:
        try:
            for line, values in self.data_rows():
                yield Record(line, values)
        except OSError as error:
            raise self.fail(f"kan inte läsas ({error.strerror})") from None
        except ValueError as error:
            raise self.fail(str(error)) from None


def header_key(name: str) -> str:
    """A column name compared loosely: "Brottsdatum från" == "BROTTSDATUM_FRAN"."""
    name = name.casefold().translate(str.maketrans("åäöé", "aaoe"))
    return "".join(char for char in name if char.isalnum())


# --- Values -----------------------------------------------------------------------

_DATE_FORMATS_WITH_TIME = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H.%M",
    "%Y-%m-%d kl %H:%M",
    "%Y-%m-%d kl. %H:%M",
    "%Y-%m-%d kl %H.%M",
    "%Y-%m-%d kl. %H.%M",
    "%Y%m%d %H:%M",
)
_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d/%m/%Y", "%d.%m.%Y")


def parse_local_datetime(
    value: Any, field_name: str, date_format: str | None = None
) -> tuple[datetime, bool] | None:
    """A date or date-time in Swedish local time; None when empty.

    Returns (aware datetime, whether a time of day was given), so the caller
    can widen a bare date to the whole day.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        naive, has_time = value.replace(tzinfo=None), value.time() != datetime.min.time()
        return naive.replace(tzinfo=STOCKHOLM), has_time
    if hasattr(value, "year") and hasattr(value, "month"):  # a date cell
        return datetime(value.year, value.month, value.day, tzinfo=STOCKHOLM), False
    text = " ".join(str(value).split())
    formats = (
        [(date_format, "%H" in date_format)]
        if date_format
        else [(f, True) for f in _DATE_FORMATS_WITH_TIME] + [(f, False) for f in _DATE_FORMATS]
    )
    for fmt, has_time in formats:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.replace(tzinfo=STOCKHOLM), has_time
    raise RowError(field_name, f'"{value}" är inget giltigt datum')


def parse_clock(value: Any, field_name: str):
    """A time of day ("22:00", "22.00", "2200"), or None when empty."""
    from datetime import time as clock

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, clock):
        return value
    if isinstance(value, datetime):
        return value.time()
    text = str(value).strip().replace(".", ":")
    for fmt in ("%H:%M", "%H:%M:%S", "%H%M"):
        try:
            return datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    raise RowError(field_name, f'"{value}" är inget giltigt klockslag')


def parse_number(value: Any, field_name: str) -> float | None:
    """A number as Swedish files write it ("6398123,5", "6 398 123"); None when empty."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise RowError(field_name, f'"{value}" är inget tal') from None


def window(
    start: tuple[datetime, bool], end: tuple[datetime, bool] | None, end_field: str
) -> tuple[datetime, datetime]:
    """occurred_from/occurred_to: a bare date covers its whole day; a missing end is the start."""
    from datetime import time as clock

    def last_moment(value: tuple[datetime, bool]) -> datetime:
        moment, has_time = value
        return (
            moment
            if has_time
            else datetime.combine(moment.date(), clock(23, 59, 59), tzinfo=STOCKHOLM)
        )

    occurred_from = start[0]
    occurred_to = last_moment(end or start)
    if occurred_to < occurred_from:
        raise RowError(end_field, "ligger före startdatumet")
    return occurred_from, occurred_to


class SwerefConverter:
    """SWEREF 99 TM (EPSG:3006) to WGS 84, with one pyproj Transformer per import.

    Swedish exports disagree on which column is X: geodesists call the
    northing X, GIS tools call the easting X. The ranges do not overlap
    (northing 6.1–7.7 million, easting 0.26–0.92 million), so the columns are
    told apart by their values.
    """

    NORTHING = (6_100_000, 7_700_000)
    EASTING = (260_000, 920_000)

    def __init__(self) -> None:
        from pyproj import Transformer

        self.transformer = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)

    def to_wgs84(
        self, first: float, second: float, first_field: str, second_field: str
    ) -> tuple[float, float]:
        """(latitude, longitude) from two coordinates in either order."""

        def within(value: float, bounds: tuple[int, int]) -> bool:
            return bounds[0] <= value <= bounds[1]

        if within(first, self.NORTHING) and within(second, self.EASTING):
            northing, easting = first, second
        elif within(second, self.NORTHING) and within(first, self.EASTING):
            northing, easting = second, first
        else:
            bad_field, bad_value = (
                (first_field, first)
                if not (within(first, self.NORTHING) or within(first, self.EASTING))
                else (second_field, second)
            )
            raise RowError(
                bad_field,
                f"{bad_value:.12g} är ingen SWEREF 99 TM-koordinat i Sverige "
                "(nord 6 100 000–7 700 000, öst 260 000–920 000)",
            )
        longitude, latitude = self.transformer.transform(easting, northing)
        return round(latitude, 6), round(longitude, 6)
