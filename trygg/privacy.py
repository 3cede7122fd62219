"""Keeping personal identity numbers out of what Trygg stores.

Trygg never stores who a case concerns. People still type a personnummer into a
free-text note now and then, so every free text passes through
`mask_identity_numbers` before it is saved.
"""

import re

from personnummer import personnummer

MASK = "[personnummer borttaget]"

# Ten or twelve digits, optionally with the separator "-" or "+" before the last four.
_CANDIDATE = re.compile(r"(?<![\d-])(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}(?![\d-])")


# Every identity number has six digits in a row; most texts have none, and
# looking for them is much cheaper than trying _CANDIDATE at every position.
_SIX_DIGITS = re.compile(r"\d{6}")


def _looks_like_identity_number(candidate: str) -> bool:
    compact = re.sub(r"\s", "", candidate)
    if personnummer.valid(compact):
        return True
    # A number written like 850101-1234 is meant as a personnummer even when
    # its check digit is mistyped: it identifies the person all the same.
    return bool(re.fullmatch(r"(?:\d{2})?\d{6}[-+]\d{4}", compact))


def mask_identity_numbers(text: str) -> str:
    """Replace every personal identity number (or coordination number) in text."""
    if not _SIX_DIGITS.search(text):
        return text
    return _CANDIDATE.sub(
        lambda match: MASK if _looks_like_identity_number(match.group()) else match.group(), text
    )
