"""A made-up activity log, so that the demo has progress to show.

Nothing in this module comes from the documents. Every activity it makes is
labelled: its note starts with "Syntetisk demodata:" and its external_id with
"demo:". The log is the same on every run (each stream of activities draws from
its own `random.Random` with a fixed seed, and no date depends on today), so
loading the demo twice changes nothing and tests can rely on the outcomes.

The outcomes are chosen to look like real follow-up, not like a success story:

* Västervik 2025: 106 site visits (target 100: done), Tistel met 3 times (target
  4: missed), the SIG inquiry overdue, the förstudie done on 2025-05-20.
* Västervik 2020: 103 site visits in Edsbruk, Ankarsrum and Karstorp (done).
* Högsby–Mönsterås 2024–2025: a citizen dialogue in centrala Högsby, none in
  centrala Mönsterås (missed); both reports to citizens made.
* Karlshamn 2023: 80 night walks (target 100: missed), 110 outreach evenings
  (target 100: done).

Notes never name people and never describe individual cases: concern talks and
SSPF cases are counted, nothing more.
"""

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .seeds import (
    BOB_RAD_VASTERVIK,
    BRA_KARLSHAMN,
    HOGSBY,
    HOGSBY_KOMMUN,
    KARLSHAMN,
    KARLSHAMNS_KOMMUN,
    LPO_KARLSHAMN,
    LPO_VASTERVIK,
    MONSTERAS,
    MONSTERAS_KOMMUN,
    NATTVANDRARE_KARLSHAMN,
    OG_NORREVANG,
    OG_OSTERSLATT,
    OG_STENBACKA,
    OG_VAGGA,
    SSPF_VASTERVIK,
    TISTEL,
    VASTERVIK,
    VASTERVIKS_KOMMUN,
)

PREFIX = "Syntetisk demodata: "
ID_PREFIX = "demo:"

V2025 = "vastervik-2025"
V2020 = "vastervik-2020"
HM = "hogsby-monsteras-2024-2025"
K2023 = "karlshamn-2023"

# Milestones the synthetic story marks as completed: (promise slug, commitment key) -> date.
# The SIG inquiry ("under våren 2025") is left open on purpose, so the demo shows an
# overdue milestone.
MILESTONE_COMPLETIONS: dict[tuple[str, str], date] = {
    (V2025, "forstudie-valfardsbrott"): date(2025, 5, 20),
    (V2025, "est-import"): date(2025, 5, 26),
    (V2025, "hedersfortryck"): date(2025, 12, 11),
}


@dataclass(frozen=True)
class ActivitySeed:
    """One synthetic activity. Places are PlaceSeed keys, areas "<scb code>/<slug>"."""

    external_id: str
    kind: str
    date: date
    organisation: str
    note: str
    count: int = 1
    commitments: tuple[tuple[str, str], ...] = ()  # (promise slug, commitment key)
    forum: str | None = None
    place: str | None = None
    area: str | None = None


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _days(start: date, end: date, weekdays: Sequence[int] | None = None) -> list[date]:
    """Every day from start to end (both included), optionally only some weekdays (Mon=0)."""
    days = []
    day = start
    while day <= end:
        if weekdays is None or day.weekday() in weekdays:
            days.append(day)
        day += timedelta(days=1)
    return days


def _split(rng: random.Random, total: int, sizes: Sequence[int]) -> list[int]:
    """Cut a total into batches drawn from `sizes`; the last batch takes what is left."""
    batches = []
    left = total
    while left > 0:
        size = min(rng.choice(sizes), left)
        batches.append(size)
        left -= size
    return batches


def _weekday_in(year: int, month: int, day: int) -> date:
    """The given day, moved forward to a Monday–Thursday: meetings are not held at weekends."""
    moment = date(year, month, day)
    while moment.weekday() > 3:
        moment += timedelta(days=1)
    return moment


def _note(rng: random.Random, notes: Sequence[str]) -> str:
    return PREFIX + rng.choice(notes)


# ---------------------------------------------------------------------------
# Västervik 2025
# ---------------------------------------------------------------------------

_SITE_VISIT_NOTES = (
    "platsbesök med åtgärder anpassade efter problembilden.",
    "platsbesök efter händelserapporter om ordningsstörningar.",
    "platsbesök kvällstid, samtal med personal och besökare.",
    "platsbesök, belysning och skymda ytor kontrollerade.",
    "platsbesök utifrån veckans lägesbild (EST).",
)


def _vastervik_2025() -> Iterator[ActivitySeed]:
    rng = random.Random("vastervik-2025:platsbesok")
    places = ["stora-torget"] * 3 + ["resecentrum-vastervik"] * 3 + ["karstorp"] * 2
    places += ["edsbruk-centrum", "ankarsrum-centrum"]
    batches = _split(rng, 106, (1, 1, 1, 2, 2, 3))
    days = sorted(rng.sample(_days(date(2025, 1, 7), date(2025, 12, 19)), len(batches)))
    for number, (day, count) in enumerate(zip(days, batches, strict=True), start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:platsbesok:{number:03d}",
            "site_visit",
            day,
            LPO_VASTERVIK,
            _note(rng, _SITE_VISIT_NOTES),
            count=count,
            commitments=((V2025, "site-visits"),),
            place=rng.choice(places),
        )

    rng = random.Random("vastervik-2025:fotpatrull")
    # Friday and Saturday evenings, more of them in the summer.
    nights = _days(date(2025, 1, 1), date(2025, 12, 31), weekdays=(4, 5))
    weights = [3 if 6 <= night.month <= 8 else 1 for night in nights]
    chosen = sorted(set(rng.choices(nights, weights=weights, k=40)))
    for number, day in enumerate(chosen, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:fotpatrull:{number:03d}",
            "foot_patrol",
            day,
            LPO_VASTERVIK,
            _note(
                rng, ("ordningshållande fotpatrullering kvällstid.", "fotpatrullering nattetid.")
            ),
            commitments=((V2025, "foot-patrol"),),
            place=rng.choice(["stora-torget", "resecentrum-vastervik", "karstorp"]),
        )

    # Tistel meets three times in 2025, one short of "minst fyra gånger per år".
    tistel_dates = (date(2025, 2, 12), date(2025, 5, 21), date(2025, 10, 8))
    for number, day in enumerate(tistel_dates, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:tistel:{number}",
            "forum_meeting",
            day,
            LPO_VASTERVIK if number % 2 else VASTERVIKS_KOMMUN,
            PREFIX + "möte i myndighetsnätverket Tistel om organiserad brottslighet och "
            "kriminell ekonomi.",
            commitments=((V2025, "tistel-organised-crime"), (V2025, "tistel-criminal-economy")),
            forum=TISTEL,
        )

    rng = random.Random("vastervik-2025:sspf")
    for month in (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:sspf:{month:02d}",
            "forum_meeting",
            _weekday_in(2025, month, rng.randint(8, 20)),
            VASTERVIKS_KOMMUN if month % 2 else LPO_VASTERVIK,
            PREFIX + f"SSPF-möte, {rng.randint(2, 6)} ärenden (endast antal).",
            commitments=((V2025, "sspf"),),
            forum=SSPF_VASTERVIK,
        )

    for number, (month, day) in enumerate(((3, 11), (6, 10), (9, 16), (11, 18)), start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:bob-rad:{number}",
            "forum_meeting",
            _weekday_in(2025, month, day),
            VASTERVIKS_KOMMUN,
            PREFIX + "Bob-råd: gemensam genomgång av lägesbilden för barn och unga.",
            commitments=((V2025, "bob-rad"),),
            forum=BOB_RAD_VASTERVIK,
        )

    rng = random.Random("vastervik-2025:orossamtal")
    for month in range(1, 13):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:orossamtal:{month:02d}",
            "concern_talk",
            date(2025, month, 28),
            LPO_VASTERVIK,
            PREFIX + "orossamtal under månaden (endast antal).",
            count=rng.randint(1, 6),
            commitments=((V2025, "orossamtal"),),
        )

    rng = random.Random("vastervik-2025:faltare")
    evenings = sorted(rng.sample(_days(date(2025, 1, 1), date(2025, 12, 31), (4, 5)), 24))
    for number, day in enumerate(evenings, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:faltare:{number:03d}",
            "outreach_evening",
            day,
            VASTERVIKS_KOMMUN,
            _note(rng, ("fältare ute kvällstid i centrum.", "fältare vid resecentrum kvällstid.")),
            commitments=((V2025, "faltare"),),
            place=rng.choice(["stora-torget", "resecentrum-vastervik"]),
        )

    for number, (month, day) in enumerate(((2, 5), (4, 9), (9, 10), (11, 12)), start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:fri-fran-vald:{number}",
            "training",
            _weekday_in(2025, month, day),
            VASTERVIKS_KOMMUN,
            PREFIX + f"processledarutbildningen En kommun fri från våld, träff {number}.",
            commitments=((V2025, "fri-fran-vald"),),
        )

    rng = random.Random("vastervik-2025:narkotika")
    days = sorted(rng.sample(_days(date(2025, 1, 1), date(2025, 12, 31)), 10))
    for number, day in enumerate(days, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:narkotika:{number:03d}",
            "drug_operation",
            day,
            LPO_VASTERVIK,
            _note(rng, ("riktad insats mot innehav och bruk av narkotika.",)),
            commitments=((V2025, "narkotika"),),
            area=f"{VASTERVIK}/vastervik",
        )

    for number, (day, place) in enumerate(
        (
            (date(2025, 4, 23), "edsbruk-centrum"),
            (date(2025, 6, 11), "stora-torget"),
            (date(2025, 9, 17), "ankarsrum-centrum"),
        ),
        start=1,
    ):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2025}:trafikdialog:{number}",
            "citizen_dialogue",
            day,
            LPO_VASTERVIK,
            PREFIX + "medborgardialog om trafiken; synpunkter på platser för trafikövervakning.",
            commitments=((V2025, "trafikdialoger"),),
            place=place,
        )

    yield ActivitySeed(
        f"{ID_PREFIX}{V2025}:sig:1",
        "study",
        date(2025, 3, 18),
        VASTERVIKS_KOMMUN,
        PREFIX + "uppstartsmöte om behovet av SIG; utredningen är inte klar.",
        commitments=((V2025, "sig"),),
    )
    yield ActivitySeed(
        f"{ID_PREFIX}{V2025}:forstudie:1",
        "study",
        date(2025, 5, 20),
        VASTERVIKS_KOMMUN,
        PREFIX + "förstudien om arbetet mot välfärdsbrott redovisad för kommunledningen.",
        commitments=((V2025, "forstudie-valfardsbrott"),),
    )
    yield ActivitySeed(
        f"{ID_PREFIX}{V2025}:est-import:1",
        "other",
        date(2025, 5, 26),
        VASTERVIKS_KOMMUN,
        PREFIX + "första importen av polisanmälningar till lägesbilden genomförd.",
        commitments=((V2025, "est-import"),),
    )
    yield ActivitySeed(
        f"{ID_PREFIX}{V2025}:heder:1",
        "study",
        date(2025, 12, 11),
        VASTERVIKS_KOMMUN,
        PREFIX + "kartläggningen av hedersnormer bland unga presenterad.",
        commitments=((V2025, "hedersfortryck"),),
    )


# ---------------------------------------------------------------------------
# Västervik 2020
# ---------------------------------------------------------------------------

_PLACES_2020 = ("edsbruk-centrum", "ankarsrum-centrum", "karstorp")


def _vastervik_2020() -> Iterator[ActivitySeed]:
    rng = random.Random("vastervik-2020:platsbesok")
    batches = _split(rng, 103, (1, 1, 2, 2, 3))
    days = sorted(rng.sample(_days(date(2020, 1, 8), date(2020, 12, 18)), len(batches)))
    for number, (day, count) in enumerate(zip(days, batches, strict=True), start=1):
        place = rng.choice(_PLACES_2020)
        note = (
            "platsbesök kvälls- och nattetid efter oron för bränder."
            if place == "ankarsrum-centrum"
            else rng.choice(
                (
                    "platsbesök med åtgärder anpassade efter orsakerna till problemet.",
                    "platsbesök, samtal med boende och näringsidkare.",
                )
            )
        )
        yield ActivitySeed(
            f"{ID_PREFIX}{V2020}:platsbesok:{number:03d}",
            "site_visit",
            day,
            LPO_VASTERVIK,
            PREFIX + note,
            count=count,
            commitments=((V2020, "site-visits"),),
            place=place,
        )

    rng = random.Random("vastervik-2020:fotpatrull")
    nights = sorted(rng.sample(_days(date(2020, 1, 1), date(2020, 12, 31), (3, 4, 5)), 30))
    for number, day in enumerate(nights, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2020}:fotpatrull:{number:03d}",
            "foot_patrol",
            day,
            LPO_VASTERVIK,
            PREFIX + "ordningshållande fotpatrullering.",
            commitments=((V2020, "foot-patrol"),),
            place=rng.choice(_PLACES_2020),
        )

    rng = random.Random("vastervik-2020:trafik")
    days = sorted(rng.sample(_days(date(2020, 3, 1), date(2020, 11, 30)), 10))
    for number, day in enumerate(days, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2020}:trafik:{number:03d}",
            "traffic_control",
            day,
            LPO_VASTERVIK,
            _note(rng, ("trafikövervakning, hastighet.", "trafikövervakning, nykterhet.")),
            commitments=((V2020, "trafik"),),
            area=f"{VASTERVIK}/vastervik",
        )

    rng = random.Random("vastervik-2020:narkotika")
    days = sorted(rng.sample(_days(date(2020, 1, 1), date(2020, 12, 31)), 8))
    for number, day in enumerate(days, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2020}:narkotika:{number:03d}",
            "drug_operation",
            day,
            LPO_VASTERVIK,
            PREFIX + "insats för att upptäcka innehav och bruk av narkotika.",
            commitments=((V2020, "narkotika"),),
            place=rng.choice(_PLACES_2020 + ("stora-torget",)),
        )

    dialogues = (
        (date(2020, 2, 19), "edsbruk-centrum"),
        (date(2020, 3, 11), "ankarsrum-centrum"),
        (date(2020, 9, 23), "karstorp"),
        (date(2020, 10, 14), "stora-torget"),
    )
    for number, (day, place) in enumerate(dialogues, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2020}:medborgardialog:{number}",
            "citizen_dialogue",
            day,
            LPO_VASTERVIK if number % 2 else VASTERVIKS_KOMMUN,
            PREFIX + "medborgardialog om tryggheten på orten.",
            commitments=((V2020, "medborgardialoger"),),
            place=place,
        )

    rng = random.Random("vastervik-2020:samtal")
    for month in range(1, 13):
        yield ActivitySeed(
            f"{ID_PREFIX}{V2020}:samtal-unga:{month:02d}",
            "concern_talk",
            date(2020, month, 27),
            LPO_VASTERVIK,
            PREFIX + "samtal med unga och vid behov vårdnadshavare under månaden (endast antal).",
            count=rng.randint(1, 5),
            commitments=((V2020, "samtal-unga"),),
        )


# ---------------------------------------------------------------------------
# Högsby–Mönsterås 2024–2025
# ---------------------------------------------------------------------------


def _hogsby_monsteras() -> Iterator[ActivitySeed]:
    trainings = (
        (date(2024, 3, 13), HOGSBY_KOMMUN, "hogsby-centrum"),
        (date(2024, 5, 22), MONSTERAS_KOMMUN, "monsteras-centrum"),
        (date(2024, 10, 2), LPO_VASTERVIK, "monsteras-centrum"),
        (date(2025, 2, 19), LPO_VASTERVIK, "hogsby-centrum"),
        (date(2025, 4, 9), MONSTERAS_KOMMUN, "monsteras-centrum"),
        (date(2025, 9, 24), HOGSBY_KOMMUN, "hogsby-centrum"),
    )
    for number, (day, organisation, place) in enumerate(trainings, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{HM}:grannsamverkan:{number}",
            "training",
            day,
            organisation,
            PREFIX + "utbildning för uppstart av grannsamverkan.",
            commitments=((HM, "grannsamverkan"),),
            place=place,
        )

    # One dialogue in centrala Högsby; none in centrala Mönsterås, whose promise is missed.
    yield ActivitySeed(
        f"{ID_PREFIX}{HM}:medborgardialog:hogsby",
        "citizen_dialogue",
        date(2024, 10, 15),
        HOGSBY_KOMMUN,
        PREFIX + "medborgardialog om tryggheten i centrala Högsby.",
        commitments=((HM, "dialog-hogsby"),),
        place="hogsby-centrum",
    )

    rng = random.Random("hogsby-monsteras:narkotika")
    days = sorted(rng.sample(_days(date(2024, 1, 1), date(2025, 12, 31)), 10))
    for number, day in enumerate(days, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{HM}:narkotika:{number:03d}",
            "drug_operation",
            day,
            LPO_VASTERVIK,
            PREFIX + "insats mot narkotikaförsäljning till unga.",
            commitments=((HM, "narkotika"),),
            place=rng.choice(["hogsby-centrum", "monsteras-centrum"]),
        )

    yield ActivitySeed(
        f"{ID_PREFIX}{HM}:andts:1",
        "training",
        date(2024, 3, 20),
        HOGSBY_KOMMUN,
        PREFIX + "utbildning av ANDTS-coacher.",
        commitments=((HM, "andts"),),
        area=f"{HOGSBY}/centrala-hogsby",
    )
    yield ActivitySeed(
        f"{ID_PREFIX}{HM}:andts:2",
        "training",
        date(2024, 9, 18),
        MONSTERAS_KOMMUN,
        PREFIX + "utbildning av ANDTS-coacher.",
        commitments=((HM, "andts"),),
        area=f"{MONSTERAS}/centrala-monsteras",
    )
    yield ActivitySeed(
        f"{ID_PREFIX}{HM}:skadegorelse:1",
        "study",
        date(2024, 5, 29),
        MONSTERAS_KOMMUN,
        PREFIX + "kartläggning av platser med skadegörelse.",
        commitments=((HM, "skadegorelse"),),
        area=f"{MONSTERAS}/centrala-monsteras",
    )
    yield ActivitySeed(
        f"{ID_PREFIX}{HM}:skadegorelse:2",
        "study",
        date(2025, 2, 26),
        HOGSBY_KOMMUN,
        PREFIX + "analys av orsaker till skadegörelse.",
        commitments=((HM, "skadegorelse"),),
        area=f"{HOGSBY}/centrala-hogsby",
    )

    bedragerier = (
        (date(2024, 4, 17), LPO_VASTERVIK, "hogsby-centrum"),
        (date(2024, 11, 6), MONSTERAS_KOMMUN, "monsteras-centrum"),
        (date(2025, 3, 12), HOGSBY_KOMMUN, "hogsby-centrum"),
        (date(2025, 5, 14), LPO_VASTERVIK, "monsteras-centrum"),
        (date(2025, 10, 22), MONSTERAS_KOMMUN, "monsteras-centrum"),
    )
    for number, (day, organisation, place) in enumerate(bedragerier, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{HM}:bedragerier:{number}",
            "information",
            day,
            organisation,
            PREFIX + "informationsträff om bedrägerier för äldre.",
            commitments=((HM, "bedragerier"),),
            place=place,
        )

    for number, (day, organisation) in enumerate(
        ((date(2024, 12, 10), HOGSBY_KOMMUN), (date(2025, 11, 20), MONSTERAS_KOMMUN)), start=1
    ):
        yield ActivitySeed(
            f"{ID_PREFIX}{HM}:redovisning:{number}",
            "information",
            day,
            organisation,
            PREFIX + "uppföljning av medborgarlöftet redovisad för medborgarna på webbplatsen.",
            commitments=((HM, "redovisning"),),
        )


# ---------------------------------------------------------------------------
# Karlshamn 2023 and the forums of the Karlshamn agreement
# ---------------------------------------------------------------------------

_KARLSHAMN_EVENING_AREAS = (
    f"{KARLSHAMN}/karlshamn",
    f"{KARLSHAMN}/morrum",
    f"{KARLSHAMN}/asarum",
    f"{KARLSHAMN}/svangsta",
)


def _karlshamn_2023() -> Iterator[ActivitySeed]:
    start, end = date(2023, 9, 1), date(2023, 12, 31)

    # 80 night walks on Friday and Saturday evenings: short of the 100 promised.
    rng = random.Random("karlshamn-2023:nattvandring")
    candidates = [
        (night, area)
        for night in _days(start, end, weekdays=(4, 5))
        for area in _KARLSHAMN_EVENING_AREAS
    ]
    for number, (day, area) in enumerate(sorted(rng.sample(candidates, 80)), start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:nattvandring:{number:03d}",
            "night_walk",
            day,
            NATTVANDRARE_KARLSHAMN,
            _note(rng, ("nattvandring, vuxennärvaro kvällstid.", "nattvandring i centrum.")),
            commitments=((K2023, "night-walks"),),
            area=area,
        )

    # 110 outreach evenings, Tuesday to Saturday: more than the 100 promised.
    rng = random.Random("karlshamn-2023:faltgrupp")
    candidates = [
        (evening, area)
        for evening in _days(start, end, weekdays=(1, 2, 3, 4, 5))
        for area in _KARLSHAMN_EVENING_AREAS + (f"{KARLSHAMN}/vagga",)
    ]
    for number, (day, area) in enumerate(sorted(rng.sample(candidates, 110)), start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:faltgrupp:{number:03d}",
            "outreach_evening",
            day,
            KARLSHAMNS_KOMMUN,
            _note(
                rng, ("fältgruppen uppsökande kvällstid.", "fältgruppen ute vid skolor och torg.")
            ),
            commitments=((K2023, "outreach-evenings"),),
            area=area,
        )

    rng = random.Random("karlshamn-2023:fotpatrull")
    nights = sorted(rng.sample(_days(start, end, weekdays=(3, 4, 5)), 24))
    for number, day in enumerate(nights, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:fotpatrull:{number:03d}",
            "foot_patrol",
            day,
            LPO_KARLSHAMN,
            PREFIX + "fotpatrull på plats enligt lägesbilden, fokus narkotika.",
            commitments=((K2023, "foot-patrol"),),
            place=rng.choice(
                ["stortorget-karlshamn", "vagga-gymnasieskola", "morrum-centrum", "asarum-centrum"]
            ),
        )

    rng = random.Random("karlshamn-2023:trafik")
    days = sorted(rng.sample(_days(start, end), 12))
    for number, day in enumerate(days, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:trafik:{number:03d}",
            "traffic_control",
            day,
            LPO_KARLSHAMN,
            PREFIX + "riktad trafikkontroll, fokus unga förare.",
            commitments=((K2023, "trafik"),),
            area=rng.choice(_KARLSHAMN_EVENING_AREAS),
        )

    rng = random.Random("karlshamn-2023:narkotika")
    days = sorted(rng.sample(_days(start, end), 8))
    for number, day in enumerate(days, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:narkotika:{number:03d}",
            "drug_operation",
            day,
            LPO_KARLSHAMN,
            PREFIX + "riktad insats mot narkotika bland unga och unga vuxna.",
            commitments=((K2023, "narkotika"),),
            area=rng.choice(_KARLSHAMN_EVENING_AREAS),
        )

    rng = random.Random("karlshamn-2023:linkoping")
    for month in (9, 10, 11, 12):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:linkopingmodellen:{month:02d}",
            "outreach_meeting",
            date(2023, month, 27),
            LPO_KARLSHAMN,
            PREFIX + "uppsökande möten enligt Linköpingmodellen under månaden (endast antal).",
            count=rng.randint(2, 7),
            commitments=((K2023, "linkopingmodellen"),),
        )

    for number, (day, organisation, place) in enumerate(
        (
            (date(2023, 10, 12), KARLSHAMNS_KOMMUN, "morrum-centrum"),
            (date(2023, 11, 16), LPO_KARLSHAMN, "asarum-centrum"),
        ),
        start=1,
    ):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:medborgardialog:{number}",
            "citizen_dialogue",
            day,
            organisation,
            PREFIX + "medborgardialog på tema trygghet.",
            commitments=((K2023, "medborgardialoger"),),
            place=place,
        )

    for number, day in enumerate((date(2023, 9, 20), date(2023, 11, 8), date(2023, 12, 6)), 1):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:information:{number}",
            "information",
            day,
            KARLSHAMNS_KOMMUN,
            PREFIX + "information till näringslivet om det brottsförebyggande arbetet.",
            commitments=((K2023, "information"),),
        )

    schools = (
        (date(2023, 9, 26), LPO_KARLSHAMN, "vagga-gymnasieskola"),
        (date(2023, 10, 3), KARLSHAMNS_KOMMUN, "norrevang"),
        (date(2023, 10, 24), LPO_KARLSHAMN, "asarum-centrum"),
        (date(2023, 11, 21), KARLSHAMNS_KOMMUN, "svangsta-centrum"),
        (date(2023, 12, 5), LPO_KARLSHAMN, "stortorget-karlshamn"),
    )
    for number, (day, organisation, place) in enumerate(schools, start=1):
        yield ActivitySeed(
            f"{ID_PREFIX}{K2023}:besok:{number}",
            "information",
            day,
            organisation,
            PREFIX + "besök med förebyggande tips och råd för trygga miljöer.",
            commitments=((K2023, "besok-skolor"),),
            place=place,
        )


def _karlshamn_forums() -> Iterator[ActivitySeed]:
    # Lokala Brå meets every quarter of the agreement's period.
    for year in range(2021, 2025):
        for quarter, month in enumerate((2, 5, 9, 11), start=1):
            yield ActivitySeed(
                f"{ID_PREFIX}{BRA_KARLSHAMN}:{year}-q{quarter}",
                "forum_meeting",
                _weekday_in(year, month, 14),
                KARLSHAMNS_KOMMUN,
                PREFIX + "möte i lokala Brå; gemensam lägesbild och uppföljning.",
                forum=BRA_KARLSHAMN,
            )

    # The områdesgrupper meet three times a term, 2023–2024.
    groups = (
        (OG_NORREVANG, f"{KARLSHAMN}/norrevang", 3),
        (OG_STENBACKA, f"{KARLSHAMN}/asarum", 6),
        (OG_OSTERSLATT, f"{KARLSHAMN}/karlshamn", 9),
        (OG_VAGGA, f"{KARLSHAMN}/vagga", 12),
    )
    for forum, area, day in groups:
        for year in (2023, 2024):
            for month in (2, 4, 5, 9, 10, 11):
                yield ActivitySeed(
                    f"{ID_PREFIX}{forum}:{year}-{month:02d}",
                    "forum_meeting",
                    _weekday_in(year, month, day),
                    KARLSHAMNS_KOMMUN if month in (2, 9) else LPO_KARLSHAMN,
                    PREFIX + "områdesgruppens möte: erfarenhetsutbyte och planering.",
                    forum=forum,
                    area=area,
                )


def activities() -> list[ActivitySeed]:
    """The whole synthetic log, in a fixed order."""
    return [
        *_vastervik_2025(),
        *_vastervik_2020(),
        *_hogsby_monsteras(),
        *_karlshamn_2023(),
        *_karlshamn_forums(),
    ]
