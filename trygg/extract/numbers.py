"""Swedish numbers as promises write them: "100", "1 000", "hundra", "tjugofem", "ett tjugotal".

Documents mix digits and words ("minst fyra gånger per år", "minst hundra
platsbesök", "minst två (2) gånger"), and sometimes say only roughly how many
("ett tjugotal föräldrar"). This module turns those words into integers; the
reader decides which number is a target.
"""

import re

ONES: dict[str, int] = {
    "noll": 0,
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
}
TENS: dict[str, int] = {
    "tjugo": 20,
    "trettio": 30,
    "tretti": 30,
    "fyrtio": 40,
    "förtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
}
# "ett tjugotal" is about twenty: the round number the word is built on.
APPROXIMATE: dict[str, int] = {
    "tiotal": 10,
    "tjugotal": 20,
    "trettiotal": 30,
    "fyrtiotal": 40,
    "femtiotal": 50,
    "sextiotal": 60,
    "sjuttiotal": 70,
    "åttiotal": 80,
    "nittiotal": 90,
    "hundratal": 100,
    "tusental": 1000,
}

_MORPHEMES = sorted([*ONES, *TENS, "hundra", "tusen"], key=len, reverse=True)
# A word made only of number parts: "fyra", "tjugofem", "tvåhundrafemtio".
NUMBER_WORD = r"(?:" + "|".join(_MORPHEMES) + r")+"
# Digits, with a space between thousands: "100", "1 000".
DIGITS = r"\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)|\d+"


def _below_hundred(word: str) -> int | None:
    """0–99 written as one word: "fyra", "tolv", "tjugofem"."""
    if word in ONES:
        return ONES[word]
    for tens, value in TENS.items():
        if word == tens:
            return value
        if word.startswith(tens) and word[len(tens) :] in ONES:
            ones = ONES[word[len(tens) :]]
            return value + ones if 0 < ones < 10 else None
    return None


def _below_thousand(word: str) -> int | None:
    """0–999: "hundra", "etthundra", "tvåhundrafemtio"."""
    if "hundra" not in word:
        return _below_hundred(word)
    left, _, right = word.partition("hundra")
    multiplier = _below_hundred(left) if left else 1
    rest = _below_hundred(right) if right else 0
    if multiplier is None or rest is None or not 1 <= multiplier <= 9:
        return None
    return multiplier * 100 + rest


def word_value(text: str) -> int | None:
    """The value of a number written in Swedish words, or None if it is not one.

    Accepts one word or several ("ett hundra", "två tusen fem hundra"):
    Swedish writes numbers as one word but documents do not always.
    """
    word = re.sub(r"\s+", "", text.lower())
    if not word or not re.fullmatch(NUMBER_WORD, word):
        return None
    if "tusen" not in word:
        return _below_thousand(word)
    left, _, right = word.partition("tusen")
    multiplier = _below_thousand(left) if left else 1
    rest = _below_thousand(right) if right else 0
    if multiplier is None or rest is None or multiplier == 0:
        return None
    return multiplier * 1000 + rest


def digits_value(text: str) -> int:
    """The value of digits with thousands separated: "1 000" is 1000."""
    return int(re.sub(r"\s", "", text))
