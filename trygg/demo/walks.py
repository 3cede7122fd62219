"""Synthetic safety walks for the demo: one held in Karstorp, one planned in central Västervik.

The EST meeting of week 12, 2025 decided "Trygghetsvandring i Karstorp med boende
och fastighetsvärd" (incidents.EST_MEETINGS); the held walk is that walk, with
findings routed to the municipality and the police and followed up through
spring, and its report issued twice. Every text is labelled synthetic.
"""

from dataclasses import dataclass
from datetime import date

from .seeds import LPO_VASTERVIK, VASTERVIK, VASTERVIKS_KOMMUN
from .synthetic import ID_PREFIX, PREFIX

# The held walk's Activity is labelled with this id, like the EST actions' (loader).
WALK_ID_PREFIX = f"{ID_PREFIX}walk:"


@dataclass(frozen=True)
class FindingSeed:
    category: str  # walks.Finding.Category
    latitude: float
    longitude: float
    minute: int  # minutes into the walk
    note: str
    owner: str = ""  # organisation slug; routed the day after the walk
    due: date | None = None
    # (day, status, note) recorded by the owner's coordinator
    steps: tuple[tuple[date, str, str], ...] = ()


@dataclass(frozen=True)
class WalkSeed:
    key: str
    title: str
    municipality: str
    area: str  # "<scb code>/<slug>" of areas.geojson
    date: date
    organiser: str
    organisations: tuple[str, ...]
    residents: int
    note: str
    places: tuple[str, ...] = ()
    route: tuple[tuple[float, float], ...] = ()  # (lon, lat)
    held: bool = False
    findings: tuple[FindingSeed, ...] = ()
    reports: tuple[date, ...] = ()  # days the report was issued


KARSTORP_WALK = WalkSeed(
    key="karstorp-2025",
    title="Trygghetsvandring i Karstorp",
    municipality=VASTERVIK,
    area=f"{VASTERVIK}/karstorp",
    date=date(2025, 4, 8),
    organiser=VASTERVIKS_KOMMUN,
    organisations=(VASTERVIKS_KOMMUN, LPO_VASTERVIK),
    residents=14,
    note=PREFIX + "med boende och fastighetsvärd, beslutad på EST vecka 12.",
    places=("karstorp",),
    route=((16.612, 57.746), (16.618, 57.749), (16.624, 57.750), (16.626, 57.746)),
    held=True,
    findings=(
        FindingSeed(
            "belysning",
            57.7475,
            16.6150,
            10,
            PREFIX + "två trasiga lampor i gångtunneln under gatan.",
            VASTERVIKS_KOMMUN,
            date(2025, 5, 15),
            (
                (date(2025, 4, 10), "accepted", ""),
                (date(2025, 4, 14), "planned", "Beställt av gatuavdelningen."),
                (date(2025, 5, 6), "done", "Armaturerna bytta."),
            ),
        ),
        FindingSeed(
            "skymd_sikt",
            57.7488,
            16.6190,
            25,
            PREFIX + "buskage skymmer gångvägen mot skolan.",
            VASTERVIKS_KOMMUN,
            date(2025, 5, 31),
            (
                (date(2025, 4, 10), "accepted", ""),
                (date(2025, 4, 22), "planned", "Röjs i samband med vårstädningen."),
            ),
        ),
        FindingSeed(
            "klotter",
            57.7497,
            16.6228,
            40,
            PREFIX + "klotter på elskåp vid lekplatsen.",
            VASTERVIKS_KOMMUN,
            date(2025, 4, 30),
            ((date(2025, 4, 16), "done", "Sanerat."),),
        ),
        FindingSeed(
            "otrygg_passage",
            57.7470,
            16.6255,
            55,
            PREFIX + "mörk passage mellan garagen; samlingsplats kvällstid.",
            LPO_VASTERVIK,
            date(2025, 6, 30),
            ((date(2025, 4, 11), "accepted", "Ingår i platsbesöken kvällstid."),),
        ),
        FindingSeed(
            "nedskrapning",
            57.7462,
            16.6240,
            65,
            PREFIX + "nedskräpning vid återvinningsstationen.",
            VASTERVIKS_KOMMUN,
            date(2025, 5, 15),
            (
                (
                    date(2025, 4, 12),
                    "rejected",
                    "Stationen sköts av producenternas insamling; anmält dit.",
                ),
            ),
        ),
    ),
    reports=(date(2025, 4, 11), date(2025, 5, 8)),
)

CENTRE_WALK = WalkSeed(
    key="centrum-hosten-2025",
    title="Trygghetsvandring kring resecentrum och Stora torget",
    municipality=VASTERVIK,
    area=f"{VASTERVIK}/vastervik",
    date=date(2025, 10, 21),
    organiser=VASTERVIKS_KOMMUN,
    organisations=(VASTERVIKS_KOMMUN, LPO_VASTERVIK),
    residents=0,
    note=PREFIX + "planerad; boende och näringsidkare bjuds in.",
    places=("resecentrum-vastervik", "stora-torget"),
)

WALKS: list[WalkSeed] = [KARSTORP_WALK, CENTRE_WALK]
HELD_WALKS = sum(1 for walk in WALKS if walk.held)
FINDINGS = sum(len(walk.findings) for walk in WALKS)

# Who records what in the demo: a coordinator of the organisation (users.py).
RECORDED_BY = {VASTERVIKS_KOMMUN: "samordnare", LPO_VASTERVIK: "kommunpolis"}
