"""When a milestone written in words is due: the one rule that turns Swedish time words into a date.

Promises say "förstudie under våren 2025", "kartläggning under hösten/vintern",
"senast 31 mars 2026". A milestone is due by the *last* day its words allow,
so that nobody is called late while the promise's own words still hold.

The rule, as a table (the year is the one written, see below):

==========================================  ===================================
words                                       due
==========================================  ===================================
"31 mars 2026", "den 1:a mars", 2026-03-31  that day
"mars 2026", "i slutet av mars"             the last day of the month
"vecka 12", "v. 12"                         the Sunday of that ISO week
"första kvartalet" … "fjärde kvartalet",    31 March, 30 June, 30 September,
"Q1" … "Q4"                                 31 December
"första halvåret", "vårterminen",           30 June
"halvårsskiftet"
"andra halvåret", "höstterminen"            31 December
"våren"                                     31 May
"sommaren", "sensommaren"                   31 August
"försommaren"                               30 June
"hösten", "senhösten"                       30 November
"förhösten"                                 30 September
"vintern"                                   31 December
"vårvintern"                                31 March
"före/innan/inför/till sommaren" (any       the day before the season starts
season)                                     (1 March, 1 June, 1 September,
                                            1 December)
"efter sommaren" (any season)               the end of the season after it
"årsskiftet", "årets slut", "under 2025"    31 December
"före 2026", "innan 2026"                   31 December of the year before
==========================================  ===================================

Seasons are the calendar's: spring March–May, summer June–August, autumn
September–November, winter December–February. Winter crosses the new year, and
a promise runs in calendar years, so "vintern" is its December, the part that
lies in the year named: "under hösten/vintern" in a 2025 promise is due by
31 December 2025, inside the promise's period. "vintern 2025/2026" is the winter
that begins in 2025.

Several words: the most precise kind found decides (a day over a month over a
week over a quarter or half-year over a season over a year alone), and among
those the latest date ("mars–april" is due by 30 April; "hösten/vintern" by
31 December).

The year: a four-digit year right after the words belongs to them ("mars
2026"); otherwise the last year written anywhere in the text; otherwise
`default_year` (the year the promise starts, for a text like "under våren").

Text with no time in it ("löpande", "under perioden") has no due date: None.
"""

import calendar
import re
from datetime import date, timedelta

__all__ = ["SEASON_ENDS", "season_due", "season_end"]

MONTHS = {
    "januari": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Each season: (month it starts, (month, day) it ends). Winter's end is its December.
SEASONS = {
    "vårvinter": (2, (3, 31)),
    "vår": (3, (5, 31)),
    "försommar": (6, (6, 30)),
    "sommar": (6, (8, 31)),
    "sensommar": (8, (8, 31)),
    "eftersommar": (8, (8, 31)),
    "förhöst": (9, (9, 30)),
    "höst": (9, (11, 30)),
    "senhöst": (11, (11, 30)),
    "vinter": (12, (12, 31)),
}
# The four seasons as the document reader (trygg.extract) finds them, bare and
# definite ("vår", "våren"), with their ends from SEASONS: one table of dates.
SEASON_ENDS = {
    form: SEASONS[stem][1]
    for stem, definite in (
        ("vår", "våren"),
        ("sommar", "sommaren"),
        ("höst", "hösten"),
        ("vinter", "vintern"),
    )
    for form in (stem, definite)
}
# "efter sommaren": the season that follows.
NEXT_SEASON = {"vårvinter": "vår", "vår": "sommar", "sommar": "höst", "höst": "vinter"}
NEXT_SEASON |= {"försommar": "sommar", "sensommar": "höst", "eftersommar": "höst"}
NEXT_SEASON |= {"förhöst": "höst", "senhöst": "vinter", "vinter": "vår"}

ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}  # and digits: "1:a", "2"

# How precise each kind of words is: the most precise kind found decides.
DAY, MONTH, WEEK, PART_OF_YEAR, SEASON, YEAR = 6, 5, 4, 3, 2, 1

_YEAR = r"(?:\s+(?:år\s+)?(?P<year>(?:19|20)\d\d)\b)?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL = r"(?P<ordinal>första|andra|tredje|fjärde|[1-4]:[ae]|[1-4])"
_SEASON = "|".join(sorted(SEASONS, key=len, reverse=True))

PATTERNS = [
    (DAY, re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    (DAY, re.compile(rf"\b(?P<day>\d{{1,2}})(?::[ae])?\s+(?P<month>{_MONTH})\.?(?!\w){_YEAR}")),
    (MONTH, re.compile(rf"\b(?P<month>{_MONTH})\.?(?!\w){_YEAR}")),
    (WEEK, re.compile(rf"\b(?:vecka|v\.?)\s*(?P<week>\d{{1,2}})\b{_YEAR}")),
    (PART_OF_YEAR, re.compile(rf"\b{_ORDINAL}\s+kvartal(?:et)?\b{_YEAR}")),
    (PART_OF_YEAR, re.compile(rf"\b(?:q|kvartal\s+)(?P<ordinal>[1-4])\b{_YEAR}")),
    (
        PART_OF_YEAR,
        re.compile(rf"\b{_ORDINAL}\s+halv(?:året|år|an)\b(?:\s+av)?(?:\s+året)?{_YEAR}"),
    ),
    (PART_OF_YEAR, re.compile(rf"\b(?P<term>vår|höst)termin(?:en)?\b{_YEAR}")),
    (PART_OF_YEAR, re.compile(rf"\b(?P<halfway>halvårsskiftet)\b{_YEAR}")),
    (
        SEASON,
        re.compile(
            rf"\b(?:(?P<before>före|innan|inför|till)\s+|(?P<after>efter)\s+)?"
            rf"(?P<season>{_SEASON})(?:e?n)?s?\b"
            rf"{_YEAR}(?:\s*/\s*(?:19|20)?\d\d\b)?"
        ),
    ),
    (YEAR, re.compile(r"\b(?P<yearend>årsskiftet|årets\s+slut|slutet\s+av\s+året)\b")),
    (YEAR, re.compile(r"\b(?:(?P<before>före|innan)\s+)?(?P<year>(?:19|20)\d\d)\b")),
]

_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _season_due(match: re.Match, year: int) -> date:
    """A season's end; before it, the day before it starts; after it, the next one's end."""
    season = match["season"]
    if match["before"]:
        return date(year, SEASONS[season][0], 1) - timedelta(days=1)
    if match["after"]:
        following = NEXT_SEASON[season]
        # After winter (December) comes the next year's spring.
        year += 1 if SEASONS[following][0] < SEASONS[season][0] else 0
        season = following
    month, day = SEASONS[season][1]
    return date(year, month, day)


def _due(kind: int, match: re.Match, year: int) -> date | None:
    """The due date one match stands for, or None when its numbers are no date."""
    groups = match.groupdict()
    try:
        if "y" in groups:
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        if groups.get("day"):
            return date(year, MONTHS[match["month"]], int(match["day"]))
        if groups.get("month"):
            return _month_end(year, MONTHS[match["month"]])
        if groups.get("week"):
            return date.fromisocalendar(year, int(match["week"]), 7)
    except ValueError:  # 31 februari, vecka 60
        return None
    if groups.get("ordinal"):
        parts = 2 if "halv" in match[0] else 4
        ordinal = match["ordinal"]
        part = ORDINALS.get(ordinal) or int(ordinal[0])
        return _month_end(year, 12 // parts * part) if part <= parts else None
    if groups.get("term"):
        return _month_end(year, 6 if match["term"] == "vår" else 12)
    if groups.get("halfway"):
        return date(year, 6, 30)
    if groups.get("season"):
        return _season_due(match, year)
    if kind == YEAR and groups.get("before"):
        return date(year - 1, 12, 31)
    return date(year, 12, 31)


def season_due(text: str, default_year: int) -> date | None:
    """The day a milestone written as `text` is due by, under the rule in the module docstring.

    `default_year` is the year meant when the text names none (the promise's
    first year). Returns None when the text says no time at all.
    """
    text = text.lower()
    years = _ANY_YEAR.findall(text)
    text_year = int(years[-1]) if years else default_year
    for kind in (DAY, MONTH, WEEK, PART_OF_YEAR, SEASON, YEAR):
        found = [
            due
            for pattern_kind, pattern in PATTERNS
            if pattern_kind == kind
            for match in pattern.finditer(text)
            if (due := _due(kind, match, _year_of(match, text_year))) is not None
        ]
        if found:
            return max(found)
    return None


def season_end(season: str, year: int) -> date:
    """The last day of one of the four seasons named alone ("våren", "höst") in a year.

    For a reader that has already found the season word; raises KeyError for a
    word that is not a season, so a misspelling is not read as some date.
    """
    month, day = SEASON_ENDS[season.strip().lower()]
    return date(year, month, day)


def _year_of(match: re.Match, text_year: int) -> int:
    """The year written right after the words, else the text's."""
    year = match.groupdict().get("year")
    return int(year) if year else text_year
