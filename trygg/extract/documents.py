"""A signed document as text: plain text, Word (.docx) or PDF, one paragraph per line.

The reader (`reader.py`) works on lines, so each format is turned into the
same shape: a paragraph per line, list items marked "- ". PDF text comes in
printed lines, so lines broken mid-sentence are joined again (`reflow`).

A file that cannot be read raises `DocumentError` with a Swedish message that
names the file and says what is wrong, for the command line and the upload page.
"""

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
from docx.opc.exceptions import PackageNotFoundError
from pypdf.errors import PdfReadError

from trygg.uploads import TooLarge, check_zip

from .reader import reflow


class DocumentError(ValueError):
    """A file that cannot be read as a document; the message names the file."""


def _plain_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as older Word saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise DocumentError("är varken UTF-8- eller Windows-1252-text") from None


def _docx_text(data: bytes) -> str:
    """Paragraphs and table cells in document order; list paragraphs as "- " items."""
    try:
        check_zip(io.BytesIO(data))
    except TooLarge as error:
        raise DocumentError(str(error)) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise DocumentError("är ingen läsbar Word-fil (.docx)") from None
    lines: list[str] = []
    for part in document.iter_inner_content():
        if isinstance(part, docx.table.Table):  # a row of a plan: "Åtgärd | Ansvar | När"
            for row in part.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
                lines.append(" | ".join(cell for cell in cells if cell))
            continue
        style = (part.style.name if part.style is not None else "") or ""
        numbered = part._p.pPr is not None and part._p.pPr.numPr is not None
        is_item = style.startswith("List") or numbered
        lines.append(f"- {part.text}" if is_item and part.text.strip() else part.text)
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    """The text of every page, with lines broken by the page width joined again."""
    try:
        pdf = pypdf.PdfReader(io.BytesIO(data))
        if pdf.is_encrypted and not pdf.decrypt(""):
            raise DocumentError("är lösenordsskyddad; spara den utan lösenord och försök igen")
        pages = [page.extract_text() or "" for page in pdf.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise DocumentError("är ingen läsbar PDF-fil") from None
    return reflow("\n".join(pages), printed=True)


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": _plain_text,
    ".md": _plain_text,
    ".docx": _docx_text,
    ".pdf": _pdf_text,
}


def read_document(data: bytes, name: str) -> str:
    """The text of a document given as bytes, by its file name's ending."""
    suffix = Path(name).suffix.lower()
    if suffix not in READERS:
        hint = " (spara den som .docx)" if suffix == ".doc" else ""
        raise DocumentError(
            f"{name}: filtypen {suffix or '(ingen)'} kan inte läsas{hint}; "
            "använd .txt, .docx eller .pdf."
        )
    if not data.strip():
        raise DocumentError(f"{name}: filen är tom.")
    try:
        text = READERS[suffix](data)
    except DocumentError as error:
        raise DocumentError(f"{name}: filen {error}.") from None
    if not text.strip():
        raise DocumentError(
            f"{name}: filen innehåller ingen text att läsa (är den skannad som bild? "
            "Kör textigenkänning först eller klistra in texten)."
        )
    return text


def read_path(path: str | Path) -> str:
    """The text of a document on disk."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path}: filen finns inte.") from None
    except IsADirectoryError:
        raise DocumentError(f"{path}: är en katalog, inte en fil.") from None
    except OSError as error:
        raise DocumentError(f"{path}: filen kan inte öppnas ({error.strerror}).") from None
    return read_document(data, str(path))
