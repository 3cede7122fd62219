"""The one rule for every CSV Trygg writes: no cell a spreadsheet would run as a formula.

A name typed by a user or read from a file ("=HYPERLINK(...)", "@SUM(...)") is
a formula to Excel or LibreOffice when the cell starts with one of
FORMULA_STARTS; OWASP's advice is to put a single quote before it, which the
spreadsheet shows as text.
"""

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A string that starts like a formula, with a quote before it; anything else as it is.

    Only strings are neutralised: they are what users and files bring. Numbers
    Trygg writes itself (a count, a change of -3) stay numbers a spreadsheet can
    add up; a number read from a file as text ("-3") is quoted like any text.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    """csv.writer whose every cell goes through `cell`: use it for every CSV written."""

    def __init__(self, file: IO[str], **options: Any) -> None:
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([cell(value) for value in row])
