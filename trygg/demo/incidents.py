"""Synthetic incidents that look like a Swedish municipality's lägesbild, and the demo's EST weeks.

Nothing here comes from real events. Every incident's text starts with
"Syntetisk demodata: ", no text names anyone or holds a personal identity
number, and the same seed gives the same rows on every machine and every day
(a numpy Generator with a fixed seed; no date depends on today).

Why the shapes are what they are (from how municipal lägesbilder and EST
reports read):

* Source decides category. Municipal staff and housing companies mostly report
  skadegörelse, klotter and nedskräpning; shops report stöld; guards report
  ordningsstörning and samlingsplatser; police events are dominated by trafik,
  stöld, våld, inbrott and ordningsstörning.
* Season: brand, ordningsstörning and våld peak at New Year (fireworks, week
  52–1), at Valborg (30 April) and at Midsommar; skadegörelse on municipal
  buildings rises in the summer holiday (mid June–mid August) when schools
  stand empty; inbrott follows the dark months.
* Week and day: ordningsstörning, våld and samlingsplats cluster on Friday and
  Saturday evenings and nights; stöld and bedrägeri are daytime; inbrott,
  skadegörelse and klotter happen at night.
* Time windows: what is discovered afterwards (a smashed window in the
  morning, a break-in after the weekend) is reported as a window ("some time
  during the night", 22:00–06:00), what is seen is a point in time.
* Place: most incidents cluster around a few hot places per municipality
  (a square, a bus station, a school yard, a shopping centre), the rest are
  scattered over the towns; a tenth of police events are known only by their
  municipality (precision "municipality", no coordinates), as in the police's
  public feed.

Speed: rows are drawn in chunks of whole numpy columns (one searchsorted per
column over stacked cumulative tables, no per-row Python but building the
output), so a million rows take seconds. `generate_columns` gives the columns
themselves for writers that do not need one dict per row (bench/).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np

from .seeds import HOGSBY, KARLSHAMN, LPO_VASTERVIK, MONSTERAS, VASTERVIK, VASTERVIKS_KOMMUN

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PREFIX = "Syntetisk demodata: "
DEFAULT_ID_PREFIX = "demo-incident-"
CHUNK = 50_000

_DAY = 86_400
_HOUR = 3_600


@dataclass(frozen=True)
class Centre:
    """A place incidents cluster around.

    `spread` is the standard deviation of the scatter in metres (a square: 80 m;
    a whole town as background: 1,500 m). `weight` is its share of the
    municipality's incidents relative to the other centres. `kind` (square,
    station, school, shopping, housing, town) shifts the mix of categories: a
    school yard draws skadegörelse and klotter, a shopping centre stöld.
    """

    municipality: str  # SCB code
    name: str
    latitude: float
    longitude: float
    spread: float
    weight: float
    kind: str = "town"


# ---------------------------------------------------------------------------
# The model: categories, sources, seasons, hours, places, texts
# ---------------------------------------------------------------------------

CATEGORIES = (
    "skadegorelse",
    "klotter",
    "nedskrapning",
    "samlingsplats",
    "narkotika",
    "vald",
    "hot",
    "ran",
    "inbrott",
    "stold",
    "brand",
    "trafik",
    "bedrageri",
    "ordningsstorning",
    "otrygg-plats",
    "ovrigt",
)
_C = {slug: i for i, slug in enumerate(CATEGORIES)}

LABELS = {
    "skadegorelse": "Skadegörelse",
    "klotter": "Klotter",
    "nedskrapning": "Nedskräpning",
    "samlingsplats": "Samlingsplats",
    "narkotika": "Narkotika",
    "vald": "Våld",
    "hot": "Hot",
    "ran": "Rån",
    "inbrott": "Inbrott",
    "stold": "Stöld",
    "brand": "Brand",
    "trafik": "Trafik",
    "bedrageri": "Bedrägeri",
    "ordningsstorning": "Ordningsstörning",
    "otrygg-plats": "Otrygg plats",
    "ovrigt": "Övrigt",
}

# Share of all reports per source, and each source's mix of categories (in the
# order of CATEGORIES; rows are normalised, so they read as rough percentages).
SOURCE_SHARES = {
    "staff": 0.24,
    "housing": 0.18,
    "business": 0.10,
    "security": 0.10,
    "police_event": 0.28,
    "citizen": 0.10,
}
SOURCES = tuple(SOURCE_SHARES)
# Columns: skadegörelse, klotter, nedskräpning, samlingsplats, narkotika, våld, hot, rån,
# inbrott, stöld, brand, trafik, bedrägeri, ordningsstörning, otrygg plats, övrigt.
_MIX = {
    "staff": (30, 22, 12, 8, 3, 1, 3, 0, 5, 4, 4, 1, 0, 4, 2, 1),
    "housing": (26, 18, 10, 7, 4, 1, 2, 0, 10, 5, 5, 0, 1, 8, 2, 1),
    "business": (15, 8, 4, 5, 2, 2, 6, 3, 12, 31, 1, 1, 6, 4, 0, 0),
    "security": (12, 6, 2, 14, 8, 4, 6, 1, 6, 12, 3, 1, 0, 22, 2, 1),
    "police_event": (8, 1, 0, 1, 8, 10, 6, 2, 10, 13, 7, 17, 5, 10, 0, 2),
    "citizen": (12, 8, 12, 10, 4, 1, 2, 0, 3, 4, 3, 8, 2, 10, 18, 3),
}

# The police's own event types per category (as the public feed writes them).
POLICE_TYPES = {
    "skadegorelse": ("Skadegörelse",),
    "klotter": ("Klotter",),
    "nedskrapning": ("Övrigt",),
    "samlingsplats": ("Ordningslagen",),
    "narkotika": ("Narkotikabrott",),
    "vald": ("Misshandel", "Misshandel", "Misshandel, grov", "Våld/hot mot tjänsteman"),
    "hot": ("Olaga hot",),
    "ran": ("Rån", "Rån övrigt", "Rån, försök"),
    "inbrott": ("Inbrott", "Inbrott", "Inbrott, försök", "Stöld/inbrott"),
    "stold": ("Stöld", "Stöld", "Snatteri", "Stöld, försök"),
    "brand": ("Brand", "Brand", "Brand", "Mordbrand"),
    "trafik": (
        "Trafikolycka",
        "Trafikolycka, singel",
        "Trafikolycka, vilt",
        "Trafikolycka, personskada",
        "Rattfylleri",
        "Trafikbrott",
    ),
    "bedrageri": ("Bedrägeri",),
    "ordningsstorning": ("Bråk", "Ordningslagen", "Fylleri/LOB", "Ofredande/förargelse"),
    "otrygg-plats": ("Övrigt",),
    "ovrigt": ("Övrigt",),
}

# Short texts without names or identities; a row gets PREFIX + one of its category's.
TEXTS = {
    "skadegorelse": (
        "krossad ruta i entrédörr.",
        "sönderslagen busskur.",
        "skadade lekplatsredskap.",
        "sönderslagen belysningsarmatur.",
        "krossade fönster på skolbyggnad.",
        "uppbrutet cykelställ och skadade cyklar.",
    ),
    "klotter": (
        "klotter på fasad.",
        "klotter i gångtunnel.",
        "taggar på elskåp.",
        "klotter på skolans vägg.",
        "klotter i trapphus.",
    ),
    "nedskrapning": (
        "nedskräpning efter kvällens samling, glas och förpackningar.",
        "nedskräpning vid återvinningsstation.",
        "krossat glas på lekplats.",
    ),
    "samlingsplats": (
        "grupp ungdomar samlade kvällstid, hög ljudnivå.",
        "samling av unga vid entrén, boende upplever otrygghet.",
        "samling med mopeder, störande körning.",
    ),
    "narkotika": (
        "misstänkt narkotikaförsäljning.",
        "fynd av sprutor i buskage.",
        "lukt av cannabis i trapphus.",
        "person misstänkt påverkad av narkotika.",
    ),
    "vald": (
        "misshandel utomhus.",
        "bråk som övergick i misshandel.",
        "person slagen utanför uteställe.",
    ),
    "hot": (
        "hot mot personal.",
        "olaga hot mot förbipasserande.",
        "hotfullt beteende mot butikspersonal.",
    ),
    "ran": (
        "rån av mobiltelefon.",
        "personrån kvällstid.",
        "rånförsök mot butik.",
    ),
    "inbrott": (
        "inbrott i källarförråd.",
        "inbrott i villa.",
        "inbrott i skolans lokaler.",
        "inbrottsförsök i butik.",
        "inbrott i bil.",
    ),
    "stold": (
        "stöld av cykel.",
        "snatteri i butik.",
        "stöld ur bil.",
        "stöld av verktyg från byggarbetsplats.",
    ),
    "brand": (
        "brand i papperskorg.",
        "brand i container.",
        "fyrverkerier avfyrade mot byggnad.",
        "anlagd brand i förråd.",
        "mindre gräsbrand.",
    ),
    "trafik": (
        "trafikolycka med plåtskador.",
        "vårdslös körning med moped.",
        "singelolycka.",
        "misstänkt rattfylleri.",
        "hög hastighet i bostadsområde.",
    ),
    "bedrageri": (
        "bedrägeriförsök per telefon mot äldre.",
        "kortbedrägeri.",
        "falsk faktura.",
    ),
    "ordningsstorning": (
        "ordningsstörning, berusade personer.",
        "störande fest nattetid.",
        "bråk utanför restaurang.",
        "högljudd grupp nattetid.",
    ),
    "otrygg-plats": (
        "trasig belysning på gångväg.",
        "igenvuxen gångväg upplevs otrygg.",
        "mörk passage vid busshållplats.",
    ),
    "ovrigt": (
        "övrig händelse, anmäld för kännedom.",
        "hittegods lämnat till reception.",
    ),
}

# How a place's kind shifts its category mix (1 where not listed).
_AFFINITY = {
    "square": {
        "ordningsstorning": 2.0,
        "samlingsplats": 2.0,
        "vald": 1.8,
        "hot": 1.5,
        "narkotika": 1.5,
        "nedskrapning": 1.5,
        "otrygg-plats": 1.5,
        "inbrott": 0.5,
    },
    "station": {
        "samlingsplats": 2.5,
        "ordningsstorning": 1.8,
        "narkotika": 2.0,
        "otrygg-plats": 2.0,
        "klotter": 1.5,
        "stold": 1.3,
        "inbrott": 0.3,
    },
    "school": {
        "skadegorelse": 2.5,
        "klotter": 2.5,
        "brand": 1.8,
        "samlingsplats": 1.5,
        "nedskrapning": 1.5,
        "vald": 0.5,
        "trafik": 0.3,
        "bedrageri": 0.1,
    },
    "shopping": {
        "stold": 3.0,
        "ran": 1.5,
        "bedrageri": 2.0,
        "hot": 1.3,
        "klotter": 0.7,
    },
    "housing": {
        "inbrott": 1.8,
        "skadegorelse": 1.5,
        "klotter": 1.3,
        "brand": 1.3,
        "narkotika": 1.3,
        "bedrageri": 1.5,
    },
    "town": {"trafik": 1.5, "inbrott": 1.3, "bedrageri": 1.2},
}


def _hour_profile(kind: str) -> np.ndarray:
    """Relative likelihood of each hour 0–23 for a rhythm."""
    profiles = {
        # quiet by day, rising through the evening, peaking around midnight
        "night_life": [6, 5, 4, 3, 1, 0.5, 0.3, 0.3, 0.3, 0.4, 0.5, 0.6]
        + [0.7, 0.8, 0.9, 1, 1.2, 1.5, 2, 2.5, 3.5, 4.5, 5.5, 6.5],
        # young people gathering: afternoon to late evening
        "gathering": [2, 1, 0.5, 0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.4]
        + [0.6, 0.8, 1.2, 2, 3, 4, 5, 6, 6.5, 6, 5, 3.5],
        # shops and offices open
        "daytime": [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.5, 4, 4.5]
        + [4.5, 4.5, 4.5, 4.5, 4.5, 4, 3, 2, 1.2, 0.8, 0.5, 0.3],
        # when nobody is watching
        "night": [5, 5, 4.5, 4, 3, 1.5, 0.7, 0.5, 0.5, 0.5, 0.5, 0.6]
        + [0.7, 0.8, 0.8, 0.9, 1, 1.2, 1.5, 2, 2.5, 3, 4, 4.5],
        # commuting peaks
        "traffic": [0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 2, 4, 3.5, 2, 1.8, 2]
        + [2.2, 2.2, 2.5, 3.5, 4.5, 4.5, 3, 2.2, 1.6, 1.3, 1, 0.8],
        "evening": [2, 1.5, 1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 0.7, 0.9, 1]
        + [1.1, 1.3, 1.6, 2, 2.5, 3, 3.5, 4, 4, 3.8, 3.2, 2.5],
        # found in the morning round
        "morning": [0.3, 0.2, 0.2, 0.2, 0.3, 0.8, 2.5, 4.5, 4.5, 3.5, 2.5, 2]
        + [1.8, 1.6, 1.5, 1.4, 1.3, 1.2, 1, 0.9, 0.8, 0.6, 0.5, 0.4],
        "flat": [0.5, 0.4, 0.3, 0.3, 0.3, 0.5, 0.9, 1.5, 2, 2.2, 2.2, 2.2]
        + [2.2, 2.2, 2.2, 2.2, 2.1, 2, 1.8, 1.6, 1.4, 1.1, 0.9, 0.7],
    }
    return np.array(profiles[kind], dtype=float)


# category -> (hour rhythm, weekday factors Mon..Sun, boost of Fri/Sat nights)
_RHYTHM = {
    "skadegorelse": ("night", (1, 1, 1, 1, 1.2, 1.4, 1.1), 1.5),
    "klotter": ("night", (1, 1, 1, 1, 1.2, 1.3, 1.1), 1.3),
    "nedskrapning": ("morning", (1.1, 0.9, 0.9, 0.9, 1, 1.2, 1.4), 1.0),
    "samlingsplats": ("gathering", (0.7, 0.8, 0.8, 0.9, 1.5, 1.6, 1.0), 2.0),
    "narkotika": ("evening", (1, 1, 1, 1, 1.3, 1.3, 1), 1.3),
    "vald": ("night_life", (0.7, 0.7, 0.8, 0.9, 1.3, 1.6, 1.0), 3.0),
    "hot": ("evening", (1, 1, 1, 1, 1.1, 1.2, 1), 1.5),
    "ran": ("evening", (0.9, 0.9, 1, 1, 1.2, 1.3, 1), 1.5),
    "inbrott": ("night", (1.1, 1, 1, 1, 1.1, 1, 1), 1.0),
    "stold": ("daytime", (1, 1, 1, 1, 1.2, 1.2, 0.7), 1.0),
    "brand": ("evening", (1, 1, 1, 1, 1.1, 1.3, 1.1), 1.5),
    "trafik": ("traffic", (1, 1, 1, 1, 1.2, 0.9, 0.8), 1.2),
    "bedrageri": ("daytime", (1.2, 1.1, 1.1, 1.1, 1, 0.4, 0.3), 1.0),
    "ordningsstorning": ("night_life", (0.6, 0.6, 0.7, 0.8, 1.4, 1.7, 1.0), 3.0),
    "otrygg-plats": ("evening", (1, 1, 1, 1, 1, 0.9, 0.9), 1.0),
    "ovrigt": ("flat", (1, 1, 1, 1, 1, 0.8, 0.7), 1.0),
}

# Share of each category reported as a window rather than a point in time, and
# of those windows the share that spans a weekend (Friday afternoon–Monday morning).
_WINDOWED = {
    "skadegorelse": (0.65, 0.2),
    "klotter": (0.7, 0.25),
    "nedskrapning": (0.5, 0.1),
    "inbrott": (0.85, 0.25),
    "stold": (0.5, 0.1),
    "brand": (0.1, 0.0),
    "bedrageri": (0.3, 0.0),
    "otrygg-plats": (0.2, 0.0),
}


def _season(days: np.ndarray) -> np.ndarray:
    """Seasonal factor per category (rows) and day (columns), from the calendar alone."""
    d = days.astype("datetime64[D]")
    years = d.astype("datetime64[Y]")
    doy = (d - years).astype(int)  # 0-based day of year
    month = (d.astype("datetime64[M]") - years).astype(int) + 1
    dom = (d - d.astype("datetime64[M]")).astype(int) + 1
    weekday = (d.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Mon=0

    new_year = ((month == 12) & (dom == 31)) | ((month == 1) & (dom == 1))
    around_new_year = ((month == 12) & (dom >= 24)) | ((month == 1) & (dom <= 6))
    valborg = (month == 4) & (dom == 30)
    # Midsommarafton: the Friday between 19 and 25 June.
    midsommar = (month == 6) & (dom >= 19) & (dom <= 25) & (weekday == 4)
    summer_holiday = ((month == 6) & (dom >= 15)) | (month == 7) | ((month == 8) & (dom <= 15))
    summer = (month >= 6) & (month <= 8)
    # Darkness: highest at the winter solstice (day 355), lowest at midsummer.
    dark = np.cos(2 * np.pi * (doy - 355) / 365.25)

    one = np.ones(len(days))
    season = {slug: one.copy() for slug in CATEGORIES}
    season["brand"] = one + 1.5 * around_new_year + 14 * new_year + 8 * valborg
    season["brand"] += 0.4 * summer + 2 * midsommar
    season["ordningsstorning"] = one + 0.6 * around_new_year + 5 * new_year + 5 * valborg
    season["ordningsstorning"] += 0.3 * summer + 3 * midsommar
    season["vald"] = one + 3 * new_year + 2 * valborg + 2 * midsommar + 0.15 * summer
    season["samlingsplats"] = one + 0.6 * summer_holiday + 2 * valborg + 0.2 * dark
    season["skadegorelse"] = one + 0.9 * summer_holiday + 1.5 * new_year + 1 * valborg
    season["klotter"] = one + 0.4 * summer_holiday
    season["nedskrapning"] = one + 0.7 * summer + 2 * valborg + 1.5 * midsommar
    season["inbrott"] = one + 0.45 * dark + 0.25 * summer_holiday  # dark months; holiday homes
    season["stold"] = one + 0.25 * summer + 0.2 * (month == 12)
    season["trafik"] = one + 0.25 * summer + 0.1 * dark
    season["bedrageri"] = one - 0.3 * summer_holiday
    season["narkotika"] = one + 0.15 * summer
    season["otrygg-plats"] = one + 0.4 * dark
    return np.stack([season[slug] for slug in CATEGORIES])


def _weekday_hour() -> np.ndarray:
    """Weight of (category, weekday, hour): the weekly and daily rhythm."""
    table = np.empty((len(CATEGORIES), 7, 24))
    weekend_night = np.zeros((7, 24), dtype=bool)
    weekend_night[4, 20:] = weekend_night[5, 20:] = True  # Friday and Saturday evening
    weekend_night[5, :5] = weekend_night[6, :5] = True  # the small hours after them
    for c, slug in enumerate(CATEGORIES):
        rhythm, weekdays, boost = _RHYTHM[slug]
        grid = np.outer(np.array(weekdays, dtype=float), _hour_profile(rhythm))
        table[c] = np.where(weekend_night, grid * boost, grid)
    return table


def _stacked_cdf(weights: np.ndarray) -> np.ndarray:
    """Cumulative distributions of the rows of `weights`, row r shifted up by r.

    One searchsorted over the flattened result with `u + r` then draws from row
    r for every element at once, whatever its r.
    """
    cdf = np.cumsum(weights, axis=1)
    cdf /= cdf[:, -1:]
    cdf[:, -1] = 1.0
    return (cdf + np.arange(len(weights))[:, None]).ravel()


def _draw(rng: np.random.Generator, stacked: np.ndarray, rows: np.ndarray, width: int):
    """One index into row `rows[i]` of the table per element (see _stacked_cdf)."""
    picks = np.searchsorted(stacked, rng.random(len(rows)) + rows, side="right")
    return np.minimum(picks - rows * width, width - 1)


def _dst_boundaries(first_year: int, last_year: int) -> tuple[np.ndarray, np.ndarray]:
    """Local and UTC seconds of each summer-time start and end in Europe/Stockholm.

    Summer time runs from the last Sunday of March 01:00 UTC to the last Sunday
    of October 01:00 UTC (EU rule). Local bounds follow zoneinfo's fold=0
    reading: a time in the spring gap counts as winter time.
    """
    local, utc = [], []
    for year in range(first_year, last_year + 1):
        for month in (3, 10):
            last = date(year, month, 31)
            sunday = last.toordinal() - (last.weekday() + 1) % 7
            midnight = (sunday - date(1970, 1, 1).toordinal()) * _DAY
            utc.append(midnight + _HOUR)
            local.append(midnight + 3 * _HOUR)  # 03:00 local both in March and October
    return np.array(local, dtype=np.int64), np.array(utc, dtype=np.int64)


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Model:
    days: np.ndarray  # days since 1970-01-01, int64
    weekday: np.ndarray
    day_cdf: np.ndarray
    hour_cdf: np.ndarray
    source_p: np.ndarray
    category_cdf: np.ndarray
    centre_cdf: np.ndarray
    centres: tuple[Centre, ...]
    centre_lat: np.ndarray
    centre_lon: np.ndarray
    centre_spread: np.ndarray
    windowed: np.ndarray  # (category, 2): P(window), P(weekend | window)
    dst_local: np.ndarray
    dst_utc: np.ndarray
    texts: np.ndarray  # object array of all texts
    text_start: np.ndarray
    text_count: np.ndarray
    types: np.ndarray
    type_start: np.ndarray
    type_count: np.ndarray


def _model(
    start: date, end: date, centres: Sequence[Centre], source_shares: Mapping[str, float]
) -> _Model:
    if end <= start:
        raise ValueError(f"the period must end ({end}) after it starts ({start})")
    if not centres:
        raise ValueError("at least one centre is needed")
    unknown = set(source_shares) - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown sources: {sorted(unknown)}")

    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D")).astype(np.int64)
    weekday = (days + 3) % 7
    rhythm = _weekday_hour()
    day_weights = _season(days) * rhythm.sum(axis=2)[:, weekday]
    source_p = np.array([source_shares.get(s, 0.0) for s in SOURCES], dtype=float)
    source_p /= source_p.sum()
    mix = np.array([_MIX[s] for s in SOURCES], dtype=float)

    weight = np.array([c.weight for c in centres], dtype=float)
    affinity = np.array(
        [[_AFFINITY.get(c.kind, {}).get(slug, 1.0) for c in centres] for slug in CATEGORIES]
    )
    windowed = np.array([_WINDOWED.get(slug, (0.0, 0.0)) for slug in CATEGORIES])

    def flat(table: dict[str, tuple[str, ...]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        values = [table[slug] for slug in CATEGORIES]
        counts = np.array([len(v) for v in values])
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        return np.array([x for v in values for x in v], dtype=object), starts, counts

    texts, text_start, text_count = flat(
        {slug: tuple(PREFIX + t for t in TEXTS[slug]) for slug in CATEGORIES}
    )
    types, type_start, type_count = flat(POLICE_TYPES)
    dst_local, dst_utc = _dst_boundaries(start.year - 1, end.year + 1)
    return _Model(
        days=days,
        weekday=weekday,
        day_cdf=_stacked_cdf(day_weights),
        hour_cdf=_stacked_cdf(rhythm.reshape(-1, 24)),
        source_p=source_p,
        category_cdf=_stacked_cdf(mix),
        centre_cdf=_stacked_cdf(affinity * weight),
        centres=tuple(centres),
        centre_lat=np.array([c.latitude for c in centres]),
        centre_lon=np.array([c.longitude for c in centres]),
        centre_spread=np.array([c.spread for c in centres], dtype=float),
        windowed=windowed,
        dst_local=dst_local,
        dst_utc=dst_utc,
        texts=texts,
        text_start=text_start,
        text_count=text_count,
        types=types,
        type_start=type_start,
        type_count=type_count,
    )


def _to_utc(model: _Model, local: np.ndarray) -> np.ndarray:
    summer = np.searchsorted(model.dst_local, local, side="right") % 2 == 1
    return local - _HOUR * (1 + summer)


def _utc_offset(model: _Model, utc: np.ndarray) -> np.ndarray:
    summer = np.searchsorted(model.dst_utc, utc, side="right") % 2 == 1
    return _HOUR * (1 + summer)


def stockholm_offset(utc: np.ndarray) -> np.ndarray:
    """Europe/Stockholm's UTC offset in seconds (3600 or 7200) at each of `utc` (epoch seconds).

    For writers that format whole columns of times without a datetime per value.
    """
    if len(utc) == 0:
        return np.zeros(0, dtype=np.int64)
    years = utc.astype("datetime64[s]").astype("datetime64[Y]").astype(int) + 1970
    _, boundaries = _dst_boundaries(int(years.min()), int(years.max()))
    summer = np.searchsorted(boundaries, utc, side="right") % 2 == 1
    return _HOUR * (1 + summer)


def _chunk(model: _Model, rng: np.random.Generator, size: int) -> dict[str, np.ndarray]:
    n_days = len(model.days)
    source = rng.choice(len(SOURCES), size=size, p=model.source_p)
    category = _draw(rng, model.category_cdf, source, len(CATEGORIES))
    day_index = _draw(rng, model.day_cdf, category, n_days)
    day = model.days[day_index]
    weekday = model.weekday[day_index]
    hour = _draw(rng, model.hour_cdf, category * 7 + weekday, 24)
    seconds = rng.integers(0, _HOUR, size=size)
    moment = day * _DAY + hour * _HOUR + seconds  # local wall-clock seconds

    # Windows: a night (the evening before to the morning after), a working day,
    # or a whole weekend; each clamped so that it contains the moment itself.
    p_window, p_weekend = model.windowed[category].T
    is_window = rng.random(size) < p_window
    at_night = (hour >= 18) | (hour < 7)
    evening = np.where(hour >= 12, day, day - 1)
    night_from = evening * _DAY + rng.choice([18, 20, 21, 22, 22, 22, 23], size) * _HOUR
    night_to = (evening + 1) * _DAY + rng.choice([5, 6, 6, 6, 7, 8], size) * _HOUR
    day_from = day * _DAY + rng.choice([7, 8, 8, 9], size) * _HOUR
    day_to = day * _DAY + rng.choice([15, 16, 16, 17, 18], size) * _HOUR
    back_to_friday = (weekday - 4) % 7  # Fri 0, Sat 1, Sun 2, Mon 3
    in_weekend = ((weekday == 4) & (hour >= 15)) | (weekday == 5) | (weekday == 6)
    in_weekend |= (weekday == 0) & (hour < 8)
    friday = day - back_to_friday
    weekend_from = friday * _DAY + rng.choice([15, 16, 17, 18], size) * _HOUR
    weekend_to = (friday + 3) * _DAY + rng.choice([6, 7, 7, 8], size) * _HOUR
    is_weekend = is_window & in_weekend & (rng.random(size) < p_weekend)

    local_from = np.where(at_night, night_from, day_from)
    local_to = np.where(at_night, night_to, day_to)
    local_from = np.where(is_weekend, weekend_from, local_from)
    local_to = np.where(is_weekend, weekend_to, local_to)
    local_from = np.where(is_window, np.minimum(local_from, moment), moment)
    local_to = np.where(is_window, np.maximum(local_to, moment), moment)
    # Keep every window inside the period, so [start, end) holds the whole picture.
    local_from = np.maximum(local_from, model.days[0] * _DAY)
    local_to = np.minimum(local_to, (model.days[-1] + 1) * _DAY - 1)
    utc_from = _to_utc(model, local_from)
    utc_to = np.maximum(_to_utc(model, local_to), utc_from)  # a window across a DST gap

    # Place: a centre suited to the category, scattered around it; a tenth of
    # police events known by their municipality only.
    centre = _draw(rng, model.centre_cdf, category, len(model.centres))
    spread = model.centre_spread[centre]
    wide = rng.random(size) < 0.25  # heavier tail: some well away from the centre
    scale = np.where(wide, spread * 2.5, spread)
    north = rng.standard_normal(size) * scale
    east = rng.standard_normal(size) * scale
    latitude = model.centre_lat[centre] + north / 111_320.0
    longitude = model.centre_lon[centre] + east / (
        111_320.0 * np.cos(np.radians(model.centre_lat[centre]))
    )
    police = source == SOURCES.index("police_event")
    municipality_only = police & (rng.random(size) < 0.10)

    # Visibility (see _visibility): a few staff reports are kept internal to their organisation
    # (only an organisation can keep something internal, and staff reports have one).
    internal = (source == SOURCES.index("staff")) & (rng.random(size) < 0.06)

    text = model.texts[
        model.text_start[category] + rng.integers(0, 1 << 30, size) % model.text_count[category]
    ]
    kind = model.types[
        model.type_start[category] + rng.integers(0, 1 << 30, size) % model.type_count[category]
    ]
    return {
        "source": source,
        "category": category,
        "utc_from": utc_from,
        "utc_to": utc_to,
        "latitude": np.round(latitude, 6),
        "longitude": np.round(longitude, 6),
        "municipality_only": municipality_only,
        "internal": internal,
        "centre": centre,
        "text": text,
        "police_type": kind,
    }


def generate_columns(
    n: int,
    *,
    seed: int,
    start: date,
    end: date,
    centres: Sequence[Centre],
    source_shares: Mapping[str, float] | None = None,
    chunk: int = CHUNK,
) -> Iterator[dict[str, np.ndarray]]:
    """The incidents as chunks of numpy columns (see `_chunk` for the keys).

    For writers of millions of rows that format whole columns at once; most
    callers want `generate_incidents`. Incidents fall on days in [start, end).
    """
    model = _model(start, end, centres, source_shares or SOURCE_SHARES)
    rng = np.random.default_rng(seed)
    done = 0
    while done < n:
        size = min(chunk, n - done)
        columns = _chunk(model, rng, size)
        columns["number"] = np.arange(done + 1, done + size + 1)
        columns["utc_offset"] = _utc_offset(model, columns["utc_from"])
        columns["utc_offset_to"] = _utc_offset(model, columns["utc_to"])
        yield columns
        done += size


def _visibility(source: str, internal: bool) -> str:
    """Police events are public, as the police publish them (and their importer marks them);
    everything else is shared with the collaboration unless kept internal."""
    if internal:
        return "internal"
    return "public" if source == "police_event" else "shared"


def generate_incidents(
    n: int,
    *,
    seed: int,
    start: date,
    end: date,
    centres: Sequence[Centre],
    source_shares: Mapping[str, float] | None = None,
    id_prefix: str = DEFAULT_ID_PREFIX,
) -> Iterator[dict]:
    """`n` synthetic incidents on days in [start, end), streamed one dict at a time.

    Each dict holds Incident field values: source, external_id
    (`id_prefix` + 1, 2, …), source_type, category (a slug), occurred_from and
    occurred_to (aware, Europe/Stockholm), latitude, longitude (None when only
    the municipality is known), precision, title, text, visibility and
    municipality (an SCB code). The same arguments give the same rows.
    """
    centres = tuple(centres)
    titles = {
        (c, k): f"{LABELS[slug]}, {centre.name}"
        for c, slug in enumerate(CATEGORIES)
        for k, centre in enumerate(centres)
    }
    fromtimestamp = datetime.fromtimestamp
    for columns in generate_columns(
        n, seed=seed, start=start, end=end, centres=centres, source_shares=source_shares
    ):
        rows = zip(
            columns["number"].tolist(),
            columns["source"].tolist(),
            columns["category"].tolist(),
            columns["utc_from"].tolist(),
            columns["utc_to"].tolist(),
            columns["latitude"].tolist(),
            columns["longitude"].tolist(),
            columns["municipality_only"].tolist(),
            columns["internal"].tolist(),
            columns["centre"].tolist(),
            columns["text"].tolist(),
            columns["police_type"].tolist(),
            strict=True,
        )
        for number, s, c, t0, t1, lat, lon, muni_only, internal, k, text, kind in rows:
            source = SOURCES[s]
            slug = CATEGORIES[c]
            centre = centres[k]
            yield {
                "source": source,
                "external_id": f"{id_prefix}{number}",
                "source_type": kind if source == "police_event" else LABELS[slug],
                "category": slug,
                "occurred_from": fromtimestamp(t0, STOCKHOLM),
                "occurred_to": fromtimestamp(t1, STOCKHOLM),
                "latitude": None if muni_only else lat,
                "longitude": None if muni_only else lon,
                "precision": "municipality" if muni_only else "point",
                "title": LABELS[slug] if muni_only else titles[c, k],
                "text": text,
                "visibility": _visibility(source, internal),
                "municipality": centre.municipality,
            }


# ---------------------------------------------------------------------------
# The demo's places, and its EST weeks
# ---------------------------------------------------------------------------


# Hot places at about where they are, and the towns as background scatter.
# Weights are relative within the whole demo: Västervik and Karlshamn carry most.
DEMO_CENTRES: tuple[Centre, ...] = (
    Centre(VASTERVIK, "Stora torget", 57.7577, 16.6370, 70, 9, "square"),
    Centre(VASTERVIK, "Resecentrum Västervik", 57.7560, 16.6310, 80, 7, "station"),
    Centre(VASTERVIK, "Karstorp", 57.7490, 16.6180, 150, 6, "housing"),
    Centre(VASTERVIK, "Västerviks gymnasium", 57.7610, 16.6270, 90, 4, "school"),
    Centre(VASTERVIK, "Köpmannen", 57.7470, 16.6450, 120, 4, "shopping"),
    Centre(VASTERVIK, "Västervik", 57.7560, 16.6280, 900, 12, "town"),
    Centre(VASTERVIK, "Edsbruk", 58.0300, 16.4700, 300, 1, "town"),
    Centre(VASTERVIK, "Ankarsrum", 57.7000, 16.3300, 300, 1.2, "town"),
    Centre(KARLSHAMN, "Stortorget", 56.1707, 14.8634, 70, 8, "square"),
    Centre(KARLSHAMN, "Karlshamn resecentrum", 56.1660, 14.8580, 80, 5, "station"),
    Centre(KARLSHAMN, "Vägga gymnasieskola", 56.1625, 14.8515, 90, 4, "school"),
    Centre(KARLSHAMN, "Norrevång, Mörrum", 56.1975, 14.7450, 120, 4, "housing"),
    Centre(KARLSHAMN, "Asarum centrum", 56.2035, 14.8300, 150, 3, "shopping"),
    Centre(KARLSHAMN, "Karlshamn", 56.1720, 14.8650, 1_100, 10, "town"),
    Centre(KARLSHAMN, "Mörrum", 56.1900, 14.7470, 500, 2, "town"),
    Centre(KARLSHAMN, "Svängsta", 56.2700, 14.7800, 350, 1.2, "town"),
    Centre(HOGSBY, "Högsby centrum", 57.1700, 16.0300, 100, 1.5, "square"),
    Centre(HOGSBY, "Högsby", 57.1710, 16.0310, 500, 1.5, "town"),
    Centre(MONSTERAS, "Mönsterås centrum", 57.0410, 16.4440, 100, 2, "square"),
    Centre(MONSTERAS, "Mönsterås", 57.0410, 16.4410, 600, 2.5, "town"),
)
DEMO_SEED = 20_250_101
DEMO_COUNT = 6_000
DEMO_START = date(2023, 1, 1)
# Four full years, the last running to the end of 2026, so that the lägesbild
# page, which opens on the current week, has a picture to show in the demo.
DEMO_END = date(2027, 1, 1)


def demo_incidents() -> Iterator[dict]:
    """The demo's incidents: the same 6,000 rows on every run."""
    return generate_incidents(
        DEMO_COUNT, seed=DEMO_SEED, start=DEMO_START, end=DEMO_END, centres=DEMO_CENTRES
    )


@dataclass(frozen=True)
class ActionSeed:
    """An EST action: what, where (a PlaceSeed key), who (an organisation slug), by when.

    `outcome` is how the next meeting follows it up (done, not_done, continued;
    None: still open). A continued action is followed up again at the meeting
    after, with `final`. `counts` says which commitment it counts toward
    ((promise slug, commitment key)) when done.
    """

    what: str
    place: str | None
    responsible: str
    due_days: int  # after the meeting
    kind: str = ""
    counts: tuple[tuple[str, str], ...] = ()
    outcome: str | None = None
    note: str = ""
    final: str | None = None
    final_note: str = ""


@dataclass(frozen=True)
class MeetingSeed:
    year: int
    week: int
    weekday: int  # Mon=0: the day it was held
    notes: str
    actions: tuple[ActionSeed, ...]


_SITE = (("vastervik-2025", "site-visits"),)
_PATROL = (("vastervik-2025", "foot-patrol"),)
_LPO, _KOMMUN = LPO_VASTERVIK, VASTERVIKS_KOMMUN

# Four weeks of the EST cycle in Västervik, spring 2025. Each meeting starts by
# following up what the one before decided; one action is continued a week.
EST_MEETINGS: tuple[MeetingSeed, ...] = (
    MeetingSeed(
        2025,
        9,
        1,
        PREFIX + "lägesbilden visar skadegörelse och samlingar kvällstid vid resecentrum.",
        (
            ActionSeed(
                "Platsbesök vid resecentrum fredag och lördag kväll.",
                "resecentrum-vastervik",
                _LPO,
                4,
                "site_visit",
                _SITE,
                outcome="done",
                note="Genomfört fredag kväll, lugnt på plats.",
            ),
            ActionSeed(
                "Laga belysningen i gångtunneln vid resecentrum.",
                "resecentrum-vastervik",
                _KOMMUN,
                10,
                outcome="continued",
                note="Beställt, armaturen levereras nästa vecka.",
                final="done",
                final_note="Belysningen lagad.",
            ),
        ),
    ),
    MeetingSeed(
        2025,
        10,
        1,
        PREFIX + "fler anmälningar om ordningsstörning vid Stora torget helgnätter.",
        (
            ActionSeed(
                "Ordningshållande fotpatrullering vid Stora torget lördag natt.",
                "stora-torget",
                _LPO,
                5,
                "foot_patrol",
                _PATROL,
                outcome="done",
                note="Genomfört, två avvisningar enligt ordningslagen.",
            ),
            ActionSeed(
                "Fältare ute vid Stora torget fredag kväll.",
                "stora-torget",
                _KOMMUN,
                4,
                outcome="not_done",
                note="Inte genomfört på grund av sjukfrånvaro.",
            ),
            ActionSeed(
                "Sanera klotter på skolans gavel.",
                None,
                _KOMMUN,
                7,
                outcome="done",
                note="Sanerat.",
            ),
        ),
    ),
    MeetingSeed(
        2025,
        11,
        1,
        PREFIX + "klotter och skadegörelse i Karstorp, samlingar vid resecentrum minskar.",
        (
            ActionSeed(
                "Platsbesök i Karstorp kvällstid, samtal med boende och fastighetsvärd.",
                "karstorp",
                _LPO,
                4,
                "site_visit",
                _SITE,
                outcome="done",
                note="Genomfört torsdag kväll.",
            ),
        ),
    ),
    MeetingSeed(
        2025,
        12,
        1,
        PREFIX + "lugnare vecka; fortsatt fokus på Karstorp och resecentrum.",
        (
            ActionSeed(
                "Platsbesök vid resecentrum och i Karstorp under helgen.",
                "resecentrum-vastervik",
                _LPO,
                5,
                "site_visit",
                _SITE,
            ),
            ActionSeed(
                "Trygghetsvandring i Karstorp med boende och fastighetsvärd.",
                "karstorp",
                _KOMMUN,
                21,
            ),
        ),
    ),
)
