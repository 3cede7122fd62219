"""Reading whole documents: the five seeds, measured against the demo's reading by hand,
and a promise of another municipality written for these tests."""

import os
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from trygg.extract.measure import count_keys, score
from trygg.extract.reader import extract, promisers, sentences_of

# The real documents live beside the repository (shared/seeds beside the clone), or
# where TRYGG_SEEDS_DIR says; a clone without them skips these tests, saying so.
SEEDS_DIR = Path(
    os.environ.get("TRYGG_SEEDS_DIR")
    or Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
)


def seed_path(name: str) -> Path:
    path = SEEDS_DIR / name
    if not path.is_file():
        pytest.skip(f"the seed documents are not in {SEEDS_DIR} (set TRYGG_SEEDS_DIR)")
    return path


def seed(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")


# Each seed's count targets as (quantity, unit, per), as the demo reads them by hand.
SEED_COUNTS = {
    "000_35245ccc3d50e1d7.txt": [
        (4, "gånger", "year"),
        (4, "gånger", "year"),
        (100, "platsbesök", "year"),
    ],
    "001_cbac4641bba91e03.txt": [(100, "platsbesök", "period")],
    "002_353d5f2b9d32be2b.txt": [
        (1, "medborgardialog", "period"),
        (1, "medborgardialog", "period"),
        (2, "gånger", "period"),
    ],
    "003_5837e369f62e317a.txt": [(100, "tillfällen", "period"), (100, "tillfällen", "period")],
    "004_59a99812c73be472.txt": [],
}


@pytest.mark.parametrize("name", sorted(SEED_COUNTS))
def test_each_seed_count_target_with_quantity_unit_and_per(name):
    assert count_keys(extract(seed(name))) == Counter(SEED_COUNTS[name])


@pytest.mark.parametrize("name", sorted(SEED_COUNTS))
def test_each_seed_matches_the_demo_reading(name):
    """The same, against trygg/demo/seeds.py itself: nothing missed, nothing extra."""
    result = score(seed_path(name))
    assert (result.missed, result.extra) == (Counter(), Counter())
    assert result.expected_milestones == result.found_milestones


def test_seed_promise_2025_head_and_milestones():
    proposal = extract(seed("000_35245ccc3d50e1d7.txt"))
    assert proposal.kind == "promise"
    assert [p.name for p in proposal.parties] == ["Lokalpolisområde Västervik", "Västerviks kommun"]
    assert (proposal.period_start, proposal.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert proposal.signed_on == date(2025, 1, 27)
    assert [s.name for s in proposal.signatories] == ["Sofia Karlsson", "Harald Hjalmarsson"]
    assert len(proposal.focus_areas) == 8
    milestones = [
        (c.target.due, c.target.due_text)
        for c in proposal.commitments
        if c.target.kind == "milestone"
    ]
    assert milestones == [
        (date(2025, 5, 31), "under våren 2025"),
        (date(2025, 12, 31), "under hösten/vintern"),
        (date(2025, 5, 31), "under våren"),
        (date(2025, 5, 31), "Under våren"),
    ]


def test_seed_periods():
    periods = {
        name: (p.period_start, p.period_end) for name in SEED_COUNTS for p in [extract(seed(name))]
    }
    assert periods == {
        "000_35245ccc3d50e1d7.txt": (date(2025, 1, 1), date(2025, 12, 31)),
        "001_cbac4641bba91e03.txt": (date(2020, 1, 1), date(2020, 12, 31)),
        "002_353d5f2b9d32be2b.txt": (date(2024, 1, 1), date(2025, 12, 31)),
        "003_5837e369f62e317a.txt": (date(2023, 9, 1), date(2023, 12, 31)),
        "004_59a99812c73be472.txt": (date(2021, 1, 1), date(2024, 12, 31)),
    }


def test_seed_agreement_areas_and_parties():
    proposal = extract(seed("004_59a99812c73be472.txt"))
    assert proposal.kind == "agreement"
    assert [p.name for p in proposal.parties] == ["Lokalpolisområde Karlshamn", "Karlshamns kommun"]
    assert [(a.number, a.title) for a in proposal.focus_areas][:3] == [
        ("1", "Trygghetsmätningar"),
        ("2", "Medborgarinflytande"),
        ("2.1", "Medborgardialog"),
    ]
    assert len(proposal.focus_areas) == 15
    assert proposal.commitments == []


def test_listed_focus_areas_are_kept_when_headings_name_them_shortly():
    """Högsby–Mönsterås lists four areas and heads its commitments "Trygghet", "Narkotika"…"""
    proposal = extract(seed("002_353d5f2b9d32be2b.txt"))
    assert proposal.focus_areas[0].title == "Ökad trygghet i både offentlig miljö och boendemiljö"
    assert proposal.reports_required == 2


# A promise written for these tests in the style of real ones, with wording the seeds lack.
FALKBY = """\
Medborgarlöfte för Falkby kommun 2026–2027

Lokalpolisområde Falkby och Falkby kommun

Bakgrund

Medborgarlöftet bygger på trygghetsmätningen 2025 och medborgardialoger i Norrby under
hösten 2025. Cirka 40 procent av de svarande kände sig otrygga i centrum på kvällstid.

Resultatet ger tre fokusområden:

1. Trygghet i centrum
2. Ungas utsatthet för narkotika
3. Trafiksäkerhet kring skolor

Trygghet i centrum

Polisen ska genomföra minst 50 trygghetsskapande promenader per år i centrum.

Kommunen ska se till att nattvandring sker vid minst 100 tillfällen under perioden.

En handlingsplan för belysning ska tas fram senast 31 mars 2026.

Ungas utsatthet för narkotika

Kommunen lovar att erbjuda föräldrautbildning till ett tjugotal föräldrar.

Kommunen ska under hösten 2026 kartlägga var unga köper narkotika.

Polisen ska

- Hålla en informationsträff i månaden för personal på fritidsgårdar
- Arbeta uppsökande mot unga i riskmiljöer

Trafiksäkerhet kring skolor

Polisen lovar att genomföra 24 trafikkontroller under året vid skolor i kommunen.

Uppföljning

Polisen och kommunen ska redovisa resultatet för medborgarna minst en gång per halvår.

Falkby den 15 januari 2026

Anna Berg
Lokalpolisområdeschef

Erik Lund
Kommunstyrelsens ordförande
"""


def test_a_promise_of_another_municipality():
    proposal = extract(FALKBY)
    assert [(p.name, p.kind) for p in proposal.parties] == [
        ("Lokalpolisområde Falkby", "police"),
        ("Falkby kommun", "municipality"),
    ]
    assert (proposal.period_start, proposal.period_end) == (date(2026, 1, 1), date(2027, 12, 31))
    assert proposal.signed_on == date(2026, 1, 15)
    assert [a.title for a in proposal.focus_areas] == [
        "Trygghet i centrum",
        "Ungas utsatthet för narkotika",
        "Trafiksäkerhet kring skolor",
    ]
    read = [
        (
            c.focus_area,
            c.responsible_kinds,
            c.target.kind,
            c.target.quantity,
            c.target.unit,
            c.target.per,
            c.target.due,
        )
        for c in proposal.commitments
    ]
    assert read == [
        (0, ["police"], "count", 50, "trygghetsskapande promenader", "year", None),
        (0, ["municipality"], "count", 100, "tillfällen", "period", None),
        (0, [], "milestone", None, "", "", date(2026, 3, 31)),
        (1, ["municipality"], "count", 20, "föräldrar", "period", None),
        (1, ["municipality"], "milestone", None, "", "", date(2026, 11, 30)),
        (1, ["police"], "count", 1, "informationsträff", "month", None),
        (1, ["police"], "ongoing", None, "", "", None),
        (2, ["police"], "count", 24, "trafikkontroller", "year", None),
        (None, ["municipality", "police"], "count", 2, "gång", "year", None),
    ]
    assert proposal.commitments[3].target.approximate
    # At least once every half-year, for two years.
    assert proposal.reports_required == 4


def test_a_paragraph_wrapped_over_lines_is_read_whole():
    text = (
        "Trygghet\n\nPolisen ska genomföra minst 50 trygghetsskapande promenader på platser\n"
        "där behovet är störst, under\nvåren 2026.\n"
    )
    (commitment,) = extract(text).commitments
    assert commitment.text.endswith("under våren 2026.")
    assert commitment.target.quantity == 50


def test_abbreviations_do_not_end_a_sentence():
    assert sentences_of("Polisen ska bl.a. Göra ett. Kommunen ska två.") == [
        "Polisen ska bl.a. Göra ett.",
        "Kommunen ska två.",
    ]


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("Polisen och kommunen ska fortsätta samverka.", ["Polisen", "kommunen"]),
        ("Under 2024-2025 lovar Polisen och kommunerna att bjuda in.", ["Polisen", "kommunerna"]),
        ("Västerviks kommun ska erbjuda stöd.", ["Västerviks kommun"]),
        ("Vi ska fortsätta utveckla samarbetet.", ["Vi"]),
        ("Tistel ska träffas minst fyra gånger per år.", None),
        ("Olyckorna och brottsligheten i kommunen ska minska.", None),
        ("Polisen behöver verka i området.", None),
    ],
)
def test_who_promises(sentence, parties):
    assert promisers(sentence) == parties
