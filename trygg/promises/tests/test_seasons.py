"""The rule that turns Swedish time words into a due date (trygg.promises.seasons)."""

from datetime import date

import pytest

from trygg.demo import seeds
from trygg.extract.targets import milestone
from trygg.promises.seasons import season_due, season_end

# (text as written, the promise's first year, due by)
RULE_TABLE = [
    # The seed documents.
    ("under våren 2025", 2025, date(2025, 5, 31)),
    ("under hösten/vintern", 2025, date(2025, 12, 31)),
    ("Under våren", 2025, date(2025, 5, 31)),
    ("under våren", 2024, date(2024, 5, 31)),
    # Seasons: spring to May, summer to August, autumn to November, winter's December.
    ("under sommaren", 2025, date(2025, 8, 31)),
    ("hösten 2026", 2025, date(2026, 11, 30)),
    ("vintern", 2025, date(2025, 12, 31)),
    ("vintern 2025/2026", 2025, date(2025, 12, 31)),
    ("vårvintern", 2025, date(2025, 3, 31)),
    ("försommaren", 2025, date(2025, 6, 30)),
    ("sensommaren", 2025, date(2025, 8, 31)),
    ("förhösten", 2025, date(2025, 9, 30)),
    ("vårens slut", 2025, date(2025, 5, 31)),
    ("höstens", 2025, date(2025, 11, 30)),
    # Before a season: the day before it starts; after it: the next season's end.
    ("före sommaren 2026", 2025, date(2026, 5, 31)),
    ("innan hösten", 2025, date(2025, 8, 31)),
    ("till våren 2024", 2025, date(2024, 2, 29)),
    ("efter sommaren", 2025, date(2025, 11, 30)),
    ("efter vintern 2025", 2025, date(2026, 5, 31)),
    # Days, months, weeks.
    ("senast 31 mars 2026", 2025, date(2026, 3, 31)),
    ("senast den 1:a mars 2026", 2025, date(2026, 3, 1)),
    ("klart 2026-03-15", 2025, date(2026, 3, 15)),
    ("mars 2026", 2025, date(2026, 3, 31)),
    ("i slutet av februari 2024", 2025, date(2024, 2, 29)),
    ("mars–april", 2025, date(2025, 4, 30)),
    ("sept. 2025", 2025, date(2025, 9, 30)),
    ("vecka 12 2026", 2025, date(2026, 3, 22)),
    ("v. 40", 2025, date(2025, 10, 5)),
    # Quarters and halves, school terms.
    ("första halvåret 2026", 2025, date(2026, 6, 30)),
    ("andra halvåret", 2025, date(2025, 12, 31)),
    ("första halvan av 2026", 2025, date(2026, 6, 30)),
    ("halvårsskiftet", 2025, date(2025, 6, 30)),
    ("tredje kvartalet 2025", 2025, date(2025, 9, 30)),
    ("1:a kvartalet", 2026, date(2026, 3, 31)),
    ("Q4 2025", 2025, date(2025, 12, 31)),
    ("vårterminen 2026", 2025, date(2026, 6, 30)),
    ("höstterminen", 2025, date(2025, 12, 31)),
    # Years.
    ("under 2024–2025", 2024, date(2025, 12, 31)),
    ("till årsskiftet", 2025, date(2025, 12, 31)),
    ("före 2026", 2025, date(2025, 12, 31)),
    # The most precise words decide, then the latest date.
    ("under våren 2025, senast 15 april", 2025, date(2025, 4, 15)),
    ("hösten 2025 och våren 2026", 2025, date(2026, 5, 31)),
    # No time at all.
    ("löpande när behov uppstår", 2025, None),
    ("under perioden", 2025, None),
    ("våra åtgärder ska utgå från lägesbilden", 2025, None),
    ("", 2025, None),
]


@pytest.mark.parametrize(("text", "year", "due"), RULE_TABLE)
def test_the_rule_table(text, year, due):
    assert season_due(text, year) == due


def test_an_impossible_day_falls_back_to_its_month():
    assert season_due("31 februari 2025", 2025) == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("season", "due"),
    [
        ("våren", date(2025, 5, 31)),
        ("vår", date(2025, 5, 31)),
        ("sommaren", date(2025, 8, 31)),
        ("hösten", date(2025, 11, 30)),
        ("Vintern", date(2025, 12, 31)),
    ],
)
def test_a_season_is_due_when_it_ends(season, due):
    assert season_end(season, 2025) == due


def test_a_word_that_is_no_season_is_refused():
    with pytest.raises(KeyError):
        season_end("jullovet", 2025)


def test_the_reader_dates_the_demo_milestones_by_the_rule():
    """The document reader dates the demo's milestones as the rule does."""
    checked = 0
    for promise in seeds.PROMISES:
        period = (promise.period_start, promise.period_end)
        for commitment in promise.commitments:
            if commitment.target_kind == "milestone":
                expected = season_due(commitment.due_text, promise.period_start.year)
                assert milestone(commitment.due_text, period).due == expected
                checked += 1
    assert checked == 4
