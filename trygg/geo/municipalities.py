"""Sweden's 290 municipalities, shipped with Trygg as a table.

Imports name municipalities in many ways ("Västervik", "Västerviks kommun",
"0883", "VÄSTERVIK"). The shipped table (SCB codes, names, counties) lets an
import on a freshly migrated database create the Municipality rows it needs,
with the right SCB code, instead of asking someone to enter them first.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .models import Municipality

TABLE = Path(__file__).parent / "data" / "municipalities.csv"

# Official names whose genitive or style does not follow the "name + s" rule.
_ALIASES = {
    "falu": "Falun",
    "region gotland": "Gotland",
    "gotlands": "Gotland",
}


@dataclass(frozen=True)
class MunicipalityRow:
    """One row of the shipped table."""

    scb_code: str
    name: str
    county: str


def _key(text: str) -> str:
    """Case-, hyphen- and space-insensitive key: "Upplands-Väsby" == "upplands väsby"."""
    return re.sub(r"[\s\-]+", " ", text.strip().casefold())


@lru_cache(maxsize=1)
def table() -> tuple[MunicipalityRow, ...]:
    """All rows of the shipped table, read once per process."""
    with TABLE.open(encoding="utf-8", newline="") as file:
        return tuple(
            MunicipalityRow(row["scb_code"], row["name"], row["county"])
            for row in csv.DictReader(file)
        )


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, MunicipalityRow], dict[str, MunicipalityRow], frozenset[str]]:
    by_code = {row.scb_code: row for row in table()}
    by_name = {_key(row.name): row for row in table()}
    counties = frozenset(_key(row.county) for row in table())
    return by_code, by_name, counties


def find(name_or_code: str) -> MunicipalityRow | None:
    """The table row for a name or SCB code, or None; nothing is written."""
    if not name_or_code:
        return None
    by_code, by_name, _ = _indexes()
    text = name_or_code.strip()
    if text.isdigit():
        return by_code.get(text.zfill(4))
    key = _key(text)
    for suffix in (" kommun", " stad", " municipality"):
        if key.endswith(suffix):
            key = key.removesuffix(suffix)
            break
    if key in by_name:
        return by_name[key]
    if key in _ALIASES:
        return by_name[_key(_ALIASES[key])]
    # The genitive of "Västerviks kommun": drop one "s", but only when that
    # gives a known name (so "Borås" and "Mönsterås" stay themselves).
    if key.endswith("s") and key[:-1] in by_name:
        return by_name[key[:-1]]
    return None


def is_county(name: str) -> bool:
    """Whether a place name is a county ("Kalmar län", "Stockholms län")."""
    if not name:
        return False
    _, _, counties = _indexes()
    key = _key(name)
    return key in counties or key.endswith(" län")


def municipality_for(name_or_code: str) -> Municipality | None:
    """The Municipality for a name or SCB code, created from the table if missing.

    Returns None for anything the table does not know (a county, a typo), so
    the caller decides whether that is an error.
    """
    row = find(name_or_code)
    if row is None:
        return None
    # Keyed on the SCB code: a row entered by hand keeps its name and county.
    municipality, _ = Municipality.objects.get_or_create(
        scb_code=row.scb_code, defaults={"name": row.name, "county": row.county}
    )
    return municipality
