"""Keeping personal identity numbers out of what Trygg stores.

Trygg never stores who a case concerns. People still type a personnummer into
a free-text note now and then, or a file brings one along, so every free-text
field is a `MaskedTextField`, `MaskedCharField` or `MaskedJSONField`: whatever
writes to it (a form, the admin, `save()`, `bulk_create`, `update()`, the
importers' bulk writer) writes `mask_identity_numbers(text)`.

What is masked: a date of birth (YYMMDD, or YYYYMMDD with the century 18, 19
or 20; the day plus 60 for a samordningsnummer) followed by four digits,
written any way people write it: with or without a separator (- – — ‑ − + /
. _ or spaces), digits grouped in pairs by spaces, in full-width digits, with
non-breaking or thin spaces. The check digit decides nothing: a mistyped one
identifies the person all the same, and a valid one is a date-shaped number
like any other. Police diarienummer, dates and times, phone numbers written
with their area code apart, coordinates, crime codes, amounts and years do not
have that shape and are kept.
"""

import re
import unicodedata
from datetime import date
from typing import Any

from django.db import models

MASK = "[personnummer borttaget]"

# Characters that are dashes to a reader but not "-" to a regular expression.
_DASHES = frozenset("\u00ad\u02d7\u2043\u2212\u2796\ufe63\uff0d")
# Characters that separate digits without showing: read as a space.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


class _Fold(dict):
    """str.translate table: each character to the one character it is read as.

    NFKC per character (full-width digits, no-break and thin spaces), any
    decimal digit to 0–9, every dash to "-", every horizontal space to " ".
    One character always becomes one character, so a match in the folded text
    is at the same place in the original, and only the number is replaced: the
    rest of the text is kept exactly as written. Filled lazily; str.translate
    asks the dict, and only characters never seen before reach __missing__.
    """

    def __missing__(self, code: int) -> int:
        self[code] = folded = ord(_fold_character(chr(code)))
        return folded


def _fold_character(char: str) -> str:
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    normal = unicodedata.normalize("NFKC", char)
    if len(normal) != 1:
        return char
    if normal in _DASHES or unicodedata.category(normal) == "Pd":
        return "-"
    if normal == "\t" or normal in _INVISIBLE or unicodedata.category(normal) == "Zs":
        return " "
    return normal


_FOLD = _Fold()

# A date of birth and four digits, in the folded text. Month and day are
# checked here already (day + 60 for a samordningsnummer), so that phone
# numbers, times and amounts rarely get as far as the date check.
_CANDIDATE = re.compile(
    r"""
    (?<![0-9])
    (?:(?:18|19|20)\ ?)?                               # century
    [0-9]{2}\ ?                                        # year
    (?:0[1-9]|1[0-2])\ ?                               # month
    (?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01])  # day, or day + 60
    (?:\ *[-+/._]\ *|\ +)?                             # separator
    [0-9]{2}\ ?[0-9]{2}
    (?![0-9])
    """,
    re.VERBOSE,
)

# Digits and what may stand between them (no letters), ten characters or more:
# where a number could be. Only such a stretch is folded and searched, so a text
# with a date or a time in it costs one pass of this expression.
_STRETCH = re.compile(r"\d[\d\W_]{8,}\d")
_NOT_DIGITS = re.compile(r"[^0-9]")


def _is_date_of_birth(digits: str) -> bool:
    """Whether ten or twelve digits start with a real date (day + 60 allowed)."""
    month, day = int(digits[-8:-6]), int(digits[-6:-4])
    if day > 60:
        day -= 60
    year = int(digits[-10:-8])
    centuries = [int(digits[:2])] if len(digits) == 12 else [18, 19, 20]
    for century in centuries:
        try:
            date(century * 100 + year, month, day)
        except ValueError:
            continue
        return True
    return False


def mask_identity_numbers(text: str) -> str:
    """Replace every personal identity number (or coordination number) in text."""
    stretch = _STRETCH.search(text)
    if stretch is None:  # nearly every text: looked at once, in C
        return text
    pieces, end = [], 0
    while stretch is not None:
        start = stretch.start()
        for match in _CANDIDATE.finditer(stretch.group().translate(_FOLD)):
            if _is_date_of_birth(_NOT_DIGITS.sub("", match.group())):
                pieces += [text[end : start + match.start()], MASK]
                end = start + match.end()
        stretch = _STRETCH.search(text, stretch.end())
    if not pieces:
        return text
    return "".join(pieces) + text[end:]


class MaskedField:
    """What makes a field masked; mixed into TextField, CharField and JSONField below.

    Masking is behaviour, not schema: the column is an ordinary column, and
    `deconstruct` names the plain Django field, so migrations see a
    `models.TextField` (CharField, JSONField) and turning a field into its
    masked kind, or back, needs no migration (`makemigrations --check` stays
    clean). Historical models in migrations are therefore unmasked: a data
    migration that writes free text must mask it itself.

    pre_save masks the instance's value, so the saved object holds what was
    stored; get_prep_value masks whatever reaches the database through the
    field: save(), bulk_create, bulk_update, QuerySet.update() with a value,
    and RowWriter (trygg/incidents/bulk.py), which asks the field. A value
    computed in SQL (an F() or Concat expression in update()) does not pass
    through the field.
    """

    plain_path = ""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = self.get_prep_value(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        # A str needs nothing of the plain field's preparation (lazy text, to_python);
        # skipping it matters to RowWriter, which calls this for every imported row.
        if type(value) is not str:
            value = super().get_prep_value(value)
        return self.masked(value)

    def masked(self, value: Any) -> Any:
        return mask_identity_numbers(value) if isinstance(value, str) else value

    def deconstruct(self) -> tuple[str, str, list, dict]:
        name, _path, args, kwargs = super().deconstruct()
        return name, self.plain_path, args, kwargs


class MaskedTextField(MaskedField, models.TextField):
    """A free text with identity numbers masked; a plain TextField to migrations."""

    plain_path = "django.db.models.TextField"


class MaskedCharField(MaskedField, models.CharField):
    """A short free text with identity numbers masked; a plain CharField to migrations."""

    plain_path = "django.db.models.CharField"

    def masked(self, value: Any) -> Any:
        """Cut to max_length after masking (with "…"): the mask may be longer than the number."""
        if not isinstance(value, str):
            return value
        value = mask_identity_numbers(value)
        if self.max_length is not None and len(value) > self.max_length:
            value = value[: self.max_length - 1] + "…"
        return value


class MaskedJSONField(MaskedField, models.JSONField):
    """JSON whose every string is masked (a report's comments, a saved column mapping).

    A plain JSONField to migrations.
    """

    plain_path = "django.db.models.JSONField"

    def masked(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {key: self.masked(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.masked(item) for item in value]
        return super().masked(value)
