"""The target of one commitment sentence: a count, a milestone, or ongoing work.

A count is a number of something per stretch of time: "minst fyra gånger per
år", "minst hundra platsbesök på ett år", "vid minst 100 tillfällen" (in the
promise's period, when no stretch is named), "ett tjugotal föräldrar" (about
twenty). A milestone is a date, a month or a season: "senast 31 mars 2026",
"under våren 2025", "under hösten/vintern". Anything else is ongoing work.

These are plain rules over Swedish wording, written for documents of any
municipality; `bench/bench_extract.py` measures them on the five seed documents.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from trygg.promises.seasons import SEASON_ENDS, season_due, season_end

from .numbers import APPROXIMATE, DIGITS, NUMBER_WORD, digits_value, word_value

Period = tuple[date, date] | None


@dataclass
class Target:
    """What a commitment promises, as read from its words."""

    kind: str = "ongoing"  # "count", "milestone" or "ongoing"
    quantity: int | None = None
    unit: str = ""
    # "year", "month", "week" or "period"; per_text holds the words ("per kvartal"
    # is read as per year, four times the number).
    per: str = ""
    per_text: str = ""
    minimum: bool = True  # False for "högst"
    approximate: bool = False  # "ett tjugotal", "cirka 40"
    # "minst en medborgardialog för centrala Högsby och centrala Mönsterås" is read as
    # one in each place: one target per place, named here.
    place: str = ""
    due: date | None = None
    due_text: str = ""
    evidence: str = ""  # the words the target was read from


# ---------------------------------------------------------------------------
# Counts
# ---------------------------------------------------------------------------

_QUALIFIERS = {
    "minst": "at_least",
    "åtminstone": "at_least",
    "inte mindre än": "at_least",
    "fler än": "at_least",
    "mer än": "at_least",
    "över": "at_least",
    "totalt": "exact",
    "sammanlagt": "exact",
    "högst": "at_most",
    "maximalt": "at_most",
    "max": "at_most",
    "upp till": "at_most",
    "cirka": "about",
    "ca": "about",
    "ca.": "about",
    "c:a": "about",
    "omkring": "about",
    "ungefär": "about",
    "runt": "about",
    "drygt": "about",
    "knappt": "about",
}
_QUALIFIER = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_APPROXIMATE = "|".join(APPROXIMATE)

_COUNT = re.compile(
    rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:(?P<approx>\b(?:ett|några)\s+(?:{_APPROXIMATE}|par|\d+-tal))"
    rf"|(?P<digits>(?<![\w.,-])(?:{DIGITS})(?:\s*[-–]\s*(?:{DIGITS}))?(?![\w.,-]\d))"
    rf"|(?P<word>\b{NUMBER_WORD}(?:\s+(?:hundra|tusen){NUMBER_WORD}?)?\b))"
    r"(?:\s*\(\s*\d+\s*\))?"  # "två (2) gånger"
    r"(?:\s+(?:st\.?|stycken)(?!\w))?",  # "4 st utbildningar"
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, to keep long word lists readable."""
    return frozenset(text.split())


# Words that end the unit: "platsbesök | på ett år", "gånger | per år".
_UNIT_STOP = _words(
    """med på per i under för som vid och till av om inom varje samt eller där mot kring efter
    genom hos från mellan när då att ska kommer är blir utöver varav enligt både före innan
    inför senast utifrån bland annat årligen månatligen veckovis"""
)
# Numbers of these are ages, durations, shares or money, not things done.
_NOT_UNITS = _words(
    """år års åren åring åringar månad månader månaders vecka veckor veckors dag dagar dagars
    procent procentenheter kronor kr tkr mkr miljoner miljon januari februari mars april maj
    juni juli augusti september oktober november december"""
)
_WORD = re.compile(r"\s*([a-zåäöéü][\wåäöéü-]*)", re.IGNORECASE)

# (per, how many of those make a year, pattern). "per kvartal" is counted per year,
# four times the number: Trygg counts per year, month, week or period.
_PER = [
    (
        "year",
        1,
        r"per (?:kalender|verksamhets|läs)?år|om året|i året|varje (?:kalender|läs)?år|årligen"
        r"|på ett år|under ett år|under året|/\s*år\b",
    ),
    ("month", 1, r"per månad|i månaden|varje månad|månatligen|/\s*mån(?:ad)?\b"),
    ("week", 1, r"per vecka|i veckan|varje vecka|veckovis|/\s*v(?:ecka)?\b"),
    ("year", 4, r"per kvartal|varje kvartal|i kvartalet"),
    ("year", 3, r"per tertial|varje tertial"),
    ("year", 2, r"per (?:halvår|termin)|varje (?:halvår|termin)|i halvåret|i terminen"),
    (
        "period",
        1,
        r"under (?:hela |aktuell |den aktuella )?(?:perioden|löftesperioden|löftestiden"
        r"|avtalsperioden|avtalstiden)|per period|totalt under",
    ),
]
_PER_RE = [(per, times, re.compile(pattern, re.IGNORECASE)) for per, times, pattern in _PER]

_PLACE = r"(?:(?:centrala|norra|södra|östra|västra|hela|inre|yttre)\s+)?[A-ZÅÄÖ][\wåäö-]+"
_PLACES = re.compile(
    rf"\s+(?:för|i|på)\s+(?P<places>{_PLACE}(?:\s*,\s*{_PLACE})*\s+(?:och|samt)\s+{_PLACE})"
)

_YEARS = re.compile(r"(?<![\d-])(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?(?![\d-])")
_DATES = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}\b|\b\d+(?:\.\d+)+\b")


def _masked(sentence: str) -> str:
    """The sentence with dates, years and section numbers blanked, keeping positions.

    "Under 2024-2025 lovar…" holds no count; "minst 2000 besök" does, so a year
    right after a qualifier is kept.
    """

    def blank(match: re.Match) -> str:
        before = sentence[: match.start()].rstrip().lower()
        if any(before.endswith(q) for q in _QUALIFIERS):
            return match.group()
        return "#" * len(match.group())

    return _YEARS.sub(blank, _DATES.sub(lambda m: "#" * len(m.group()), sentence))


def _unit_after(text: str, start: int) -> tuple[str, int]:
    """The unit counted: the noun after the number, with the adjectives before it.

    "minst 50 trygghetsskapande promenader per år" counts "trygghetsskapande
    promenader". Swedish adjectives before a plural or definite noun end in -a or
    -e, nouns seldom do, so a word ending otherwise ends the unit; so does a
    small word such as "per", "på" or "med".
    """
    words: list[str] = []
    position = start
    while len(words) < 3:
        match = _WORD.match(text, position)
        if not match or match.group(1).lower() in _UNIT_STOP:
            break
        words.append(match.group(1))
        position = match.end()
        if not words[-1].lower().endswith(("a", "e")):
            break
    return " ".join(words), position


def _quantity(match: re.Match) -> tuple[int | None, bool, bool]:
    """The number a count match names, whether it is approximate, and whether it is "en"/"ett".

    "en" and "ett" are articles more often than numbers ("genomföra en
    förstudie"); they count only after "minst"/"högst" or before a stretch of
    time ("en gång i månaden"), which the caller checks.
    """
    if match.group("approx"):
        word = match.group("approx").split()[-1].lower()
        if word.endswith("-tal"):  # "ett 20-tal"
            return int(word[:-4]), True, False
        return (2 if word == "par" else APPROXIMATE[word]), True, False
    if match.group("digits"):
        low = re.split(r"\s*[-–]\s*", match.group("digits"))[0]  # "4–6 tillfällen": at least 4
        return digits_value(low), False, False
    word = match.group("word").lower()
    qualifier = _QUALIFIERS.get((match.group("qualifier") or "").lower())
    article = word in ("en", "ett") and qualifier not in ("at_least", "at_most", "exact")
    return word_value(word), False, article


def _per(sentence: str, start: int, end: int) -> tuple[str, int, str]:
    """The stretch a count is per: searched after it, then anywhere in the sentence."""
    for window in (sentence[start:end], sentence[start:], sentence):
        found = [
            (match.start(), per, times, match.group())
            for per, times, pattern in _PER_RE
            for match in pattern.finditer(window)
        ]
        if found:
            _, per, times, text = min(found)
            return per, times, text
    return "period", 1, ""


def _per_right_after(sentence: str, position: int) -> bool:
    """Does a stretch of time follow at once ("en gång | i månaden")?"""
    rest = sentence[position:].lstrip()
    return any(pattern.match(rest) and per != "period" for per, _t, pattern in _PER_RE)


def count_targets(sentence: str) -> list[Target]:
    """Every count in a sentence, in order (usually one)."""
    masked = _masked(sentence)
    found: list[tuple[re.Match, int, bool, str, int]] = []
    for match in _COUNT.finditer(masked):
        quantity, approximate, article = _quantity(match)
        if not quantity:
            continue
        unit, unit_end = _unit_after(masked, match.end())
        if not unit or unit.split()[0].lower() in _NOT_UNITS or word_value(unit.split()[0]):
            continue
        if article and not _per_right_after(sentence, unit_end):
            continue
        found.append((match, quantity, approximate, unit, unit_end))

    targets = []
    for index, (match, quantity, approximate, unit, unit_end) in enumerate(found):
        next_start = found[index + 1][0].start() if index + 1 < len(found) else len(sentence)
        per, times, per_text = _per(sentence, unit_end, next_start)
        qualifier = _QUALIFIERS.get((match.group("qualifier") or "").lower(), "")
        target = Target(
            kind="count",
            quantity=quantity * times,
            unit=unit,
            per=per,
            per_text=per_text,
            minimum=qualifier != "at_most",
            approximate=approximate or qualifier == "about",
            evidence=sentence[match.start() : unit_end].strip(),
        )
        targets.extend(_one_per_place(target, sentence, unit_end))
    return targets


def _one_per_place(target: Target, sentence: str, unit_end: int) -> list[Target]:
    """ "minst en medborgardialog för centrala Högsby och centrala Mönsterås": one in each.

    Only for a single thing promised to several named places: one dialogue "for"
    two towns is read as one in each, while "100 platsbesök i A och B" stays one
    total.
    """
    places = _PLACES.match(sentence, unit_end)
    if target.quantity != 1 or not places:
        return [target]
    names = re.split(r"\s*,\s*|\s+(?:och|samt)\s+", places.group("places"))
    return [
        Target(**{**target.__dict__, "place": name, "evidence": target.evidence}) for name in names
    ]


# ---------------------------------------------------------------------------
# Milestones
# ---------------------------------------------------------------------------

_MONTH_NAMES = (
    "januari februari mars april maj juni juli augusti september oktober november december"
)
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}
_MONTH = "|".join(MONTHS)
# "i vår" is this spring only at a clause's end or before a year: "i vår kommun" is "in our
# municipality". The definite forms ("våren") are always seasons.
_SEASON = "|".join(
    name if name.endswith("en") else rf"{name}(?=\s*(?:(?:19|20)\d\d\b|[.,;:!?)/]|$))"
    for name in sorted(SEASON_ENDS, key=len, reverse=True)
)
_BEFORE = {"före", "innan", "inför"}

_MILESTONES = [
    (
        "iso",
        r"(?:(?P<prep>senast|före|innan|till och med|till|t\.o\.m\.?)\s+)?(?:den\s+)?"
        r"(?P<iso>\d{4}-\d{2}-\d{2})",
    ),
    (
        "day",
        r"(?:(?P<prep>senast|före|innan|till och med|till|t\.o\.m\.?)\s+)?(?:den\s+)?"
        rf"(?P<day>\d{{1,2}})(?::e|:a)?\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?",
    ),
    (
        "season",
        r"\b(?P<prep>under|i|till|senast|före|innan|inför|fram till)\s+"
        r"(?:(?:början|slutet|mitten) av\s+)?"
        rf"(?P<season>{_SEASON})(?:\s*(?:/|och|eller|–|-)\s*(?P<season2>{_SEASON}))?\b"
        r"(?:\s+(?P<year>\d{4})\b)?",
    ),
    (
        "part",
        r"\b(?:under|senast|till|i slutet av|före utgången av)\s+(?:det\s+)?"
        r"(?P<ordinal>första|andra|tredje|fjärde)\s+(?P<part>halvåret|kvartalet|tertialet)"
        r"(?:\s+(?P<year>\d{4})\b)?",
    ),
    (
        "month",
        r"\b(?P<prep>under|i|senast i|senast|till och med|till|före|innan|fram till)\s+"
        rf"(?:(?:början|slutet|mitten) av\s+)?(?P<month>{_MONTH})\b(?!\s*[-–])"
        r"(?:\s+(?P<year>\d{4})\b)?",
    ),
    (
        "year_end",
        r"\b(?:vid|till|före|senast vid|senast till)\s+(?:årsskiftet|årets slut|utgången av året)"
        r"|\bi slutet av året",
    ),
    (
        "year",
        r"\b(?P<prep>under|senast|före|innan|till|i slutet av|vid utgången av|före utgången av)"
        r"\s+(?:år\s+)?(?P<year>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)",
    ),
]
_MILESTONE_RE = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _MILESTONES]
_ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _in_year(name: str, match: re.Match, year: int) -> date | None:
    """The due date a milestone match names, in a given year (when it names none)."""
    groups = match.groupdict()
    if name == "year_end":
        return date(year, 12, 31)
    prep = (groups.get("prep") or "").lower()
    if "season" in groups and groups["season"]:
        seasons = [groups["season"], groups.get("season2")]
        if prep in _BEFORE:
            return _before_season(groups["season"].lower(), year)
        return max(season_end(season, year) for season in seasons if season)
    if "part" in groups and groups["part"]:
        parts = {"halvåret": 2, "kvartalet": 4, "tertialet": 3}[groups["part"].lower()]
        ordinal = _ORDINALS[groups["ordinal"].lower()]
        if ordinal > parts:
            return None
        return _month_end(year, ordinal * 12 // parts)
    if "day" in groups and groups["day"]:
        due = date(year, MONTHS[groups["month"].lower()], int(groups["day"]))
        return due - timedelta(days=1) if prep in _BEFORE else due
    if "month" in groups and groups["month"]:
        month = MONTHS[groups["month"].lower()]
        if prep in _BEFORE:
            return _month_end(year - 1, 12) if month == 1 else _month_end(year, month - 1)
        return _month_end(year, month)
    return None


def _before_season(season: str, year: int) -> date:
    """ "före sommaren": the day before it starts, by the seasons rule (seasons.season_due)."""
    return season_due(f"före {season}", year)


def milestone(sentence: str, period: Period) -> Target | None:
    """The first date, month or season in the sentence that sets a deadline, if any.

    A deadline without a year ("under våren") falls in the first year of the
    period in which it is not before the period starts. A bare year that is the
    promise's whole period ("under 2025" in a promise for 2025) sets no deadline.
    """
    matches = [
        (match.start(), name, match)
        for name, pattern in _MILESTONE_RE
        for match in pattern.finditer(sentence)
    ]
    for _, name, match in sorted(matches, key=lambda item: item[0]):
        due = _due(name, match, period)
        if due is not False:
            return Target(
                kind="milestone", due=due, due_text=match.group().strip(), evidence=match.group()
            )
    return None


def _due(name: str, match: re.Match, period: Period) -> date | None | bool:
    """The due date of a match; None if it needs a year nobody gave; False if no deadline."""
    groups = match.groupdict()
    if name == "iso":
        try:
            due = date.fromisoformat(groups["iso"])
        except ValueError:
            return False
        return due - timedelta(days=1) if (groups["prep"] or "").lower() in _BEFORE else due
    if name == "year":
        year = int(groups["year"])
        if period and period[0].year == period[1].year == year:
            return False
        if groups["prep"].lower() in _BEFORE:
            return date(year - 1, 12, 31)
        return date(year, 12, 31)
    if groups.get("year"):
        try:
            return _in_year(name, match, int(groups["year"]))
        except ValueError:
            return False
    if not period:
        return None
    for year in range(period[0].year, period[1].year + 1):
        due = _in_year(name, match, year)
        if due and due >= period[0]:
            return due
    return _in_year(name, match, period[0].year)


def read_targets(sentence: str, period: Period) -> list[Target]:
    """The targets of one commitment: its counts, else its deadline, else ongoing work."""
    return count_targets(sentence) or [milestone(sentence, period) or Target()]
