"""Reading request parameters: a value that cannot be meant answers 400, never a 500.

Every view that reads a date, a year, a week or an id from the query string or
the path goes through these functions, so "2025-02-30", "²", a year 0 and an id
past the database's integers are refused the same way everywhere. They raise
`BadParameter` (a BadRequest): Django answers 400, and trygg.errors words it as
JSON on the API and Open311, as a page elsewhere.
"""

import re
from datetime import date, datetime

from django.core.exceptions import BadRequest
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

# The largest id a BigAutoField holds; a larger one can only be a 404.
MAX_ID = 2**63 - 1
# The years Trygg has any business with: a lägesbild, a promise, a survey.
MIN_YEAR, MAX_YEAR = 1900, 2100
# ASCII digits only: str.isdigit() also accepts "²" and "٣", which int() refuses or maps.
DIGITS = re.compile(r"[0-9]{1,19}")


class BadParameter(BadRequest):
    """A query or path value that cannot be meant; the message names the parameter."""


def integer(value: str, name: str, low: int = 0, high: int = MAX_ID) -> int:
    """`value` as a whole number in [low, high], written in ASCII digits."""
    value = value.strip()
    if not DIGITS.fullmatch(value) or not low <= int(value) <= high:
        raise BadParameter(
            _("%(name)s must be a whole number from %(low)d to %(high)d.")
            % {"name": name, "low": low, "high": high}
        )
    return int(value)


def year(value: str, name: str) -> int:
    """A calendar year Trygg can count in (1900–2100)."""
    return integer(value, name, MIN_YEAR, MAX_YEAR)


def week(value: str, name: str) -> int:
    """An ISO week number, 1–53; whether the year has a week 53 is the caller's to check."""
    return integer(value, name, 1, 53)


def _in_years(day: date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


def day(value: str, name: str) -> date:
    """A date YYYY-MM-DD that exists, in 1900–2100."""
    try:
        parsed = parse_date(value.strip())
    except ValueError:
        parsed = None
    if parsed is None or not _in_years(parsed):
        raise BadParameter(
            _("%(name)s=%(value)s is not a valid date (YYYY-MM-DD, 1900–2100).")
            % {"name": name, "value": value}
        )
    return parsed


def moment(value: str, name: str) -> datetime:
    """A date and time with a time zone (W3C) in 1900–2100: converting it cannot overflow."""
    try:
        parsed = parse_datetime(value.strip())
    except ValueError:
        parsed = None
    if parsed is None or timezone.is_naive(parsed) or not _in_years(parsed):
        raise BadParameter(
            _("%(name)s must be a date and time with a time zone, e.g. 2025-03-01T00:00:00Z.")
            % {"name": name}
        )
    return parsed


def ids(value: str, name: str) -> list[int]:
    """Ids separated by commas ("12,13"), each one a number a database row can have."""
    parts = value.split(",")
    if not all(DIGITS.fullmatch(part) and 1 <= int(part) <= MAX_ID for part in parts):
        raise BadParameter(_("%(name)s must be numbers separated by commas.") % {"name": name})
    return [int(part) for part in parts]


def query_day(request: HttpRequest, name: str = "datum") -> date:
    """?datum=YYYY-MM-DD, or today when it is left out or empty."""
    asked = request.GET.get(name, "").strip()
    return day(asked, name) if asked else timezone.localdate()
