"""The one rule for milestones given as seasons ("under våren 2025")."""

from datetime import date

import pytest

from trygg.demo import seeds
from trygg.extract.targets import milestone
from trygg.promises.seasons import season_end


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


def test_the_demo_milestones_follow_the_rule():
    """Every milestone the demo's hand-reading dates from a season is due by the rule."""
    checked = 0
    for promise in seeds.PROMISES:
        period = (promise.period_start, promise.period_end)
        for commitment in promise.commitments:
            if commitment.target_kind == "milestone":
                assert milestone(commitment.due_text, period).due == commitment.due
                checked += 1
    assert checked == 4
