"""The WDD test against the worked examples of Wheeler & Ratcliffe (2018) and its author."""

import math

import pytest
from scipy.stats import norm

from trygg.followup.effect import MIN_TREATED, PrePost, Verdict, wdd


def test_the_papers_example_to_the_digits_printed():
    """The Philadelphia foot patrol example (Wheeler & Ratcliffe 2018, Crime Science 7:11).

    Treated 207 → 110, control 308 → 318, displacement 178 → 157, displacement
    control 150 → 140: WDD −118, variance 1568 (standard error 39.6), z −2.98,
    95 % confidence interval −196 to −40.
    """
    result = wdd(
        treated=PrePost(207, 110),
        control=PrePost(308, 318),
        displacement=PrePost(178, 157),
        control_displacement=PrePost(150, 140),
    )
    assert result.wdd == -118
    assert result.variance == 1568
    assert round(result.standard_error, 1) == 39.6
    assert round(result.z, 2) == -2.98
    assert (round(result.low), round(result.high)) == (-196, -40)
    assert result.verdict == Verdict.DECREASE
    # Its two parts, by the same definitions: the hot spots themselves and the rings.
    assert (result.local, result.local_variance) == (-97 - 10, 207 + 110 + 308 + 318)
    assert (result.displaced, result.displaced_variance) == (-21 + 10, 178 + 157 + 150 + 140)


def test_the_authors_calculator_example():
    """Control 100 → 90, treated 100 → 80: 10 fewer than expected, standard error 19.

    The example on the author's WDD calculator page (crimede-coder.com), with
    no displacement areas ("insert 0's into those input fields").
    """
    result = wdd(treated=(100, 80), control=(100, 90))
    assert result.wdd == -10
    assert round(result.standard_error) == 19
    assert result.displaced == 0 and result.displaced_variance == 0
    assert result.verdict == Verdict.CHANCE


def test_the_authors_blog_example():
    """Treated 50 → 30, control 60 → 55: "an estimated reduction of −15 crimes overall"."""
    result = wdd(treated=(50, 30), control=(60, 55))
    assert result.wdd == -15
    assert result.variance == 50 + 30 + 60 + 55


def test_p_is_two_sided_from_the_normal_distribution():
    for treated, control in [((207, 110), (308, 318)), ((40, 55), (40, 38)), ((30, 30), (30, 30))]:
        result = wdd(treated, control)
        assert result.p == pytest.approx(2 * norm.sf(abs(result.z)), rel=1e-12)


def test_an_increase_larger_than_chance():
    result = wdd(treated=(40, 80), control=(40, 42))
    assert result.wdd == 38
    assert result.verdict == Verdict.INCREASE
    assert result.p < 0.05


def test_a_change_within_chance():
    result = wdd(treated=(40, 32), control=(40, 40))
    assert result.verdict == Verdict.CHANCE
    assert result.label == "Förändringen kan inte skiljas från slumpen."


def test_too_few_is_where_even_everything_gone_would_be_chance():
    """n incidents → 0 against an unchanged comparison of n gives z = −√(n/3)."""
    assert MIN_TREATED == 12
    below, at = MIN_TREATED - 1, MIN_TREATED
    assert abs(wdd(treated=(below, 0), control=(below, below)).z) < 1.96
    assert wdd(treated=(below, 0), control=(below, below)).verdict == Verdict.TOO_FEW
    assert abs(wdd(treated=(at, 0), control=(at, at)).z) > 1.96
    assert wdd(treated=(at, 0), control=(at, at)).verdict == Verdict.DECREASE
    # A big swing elsewhere does not rescue a treated zone with a handful of incidents.
    assert wdd((3, 1), (10, 200), (5, 5), (5, 5)).verdict == Verdict.TOO_FEW


def test_nothing_at_all_is_too_few_not_a_division_by_zero():
    result = wdd(treated=(0, 0), control=(0, 0))
    assert (result.wdd, result.z, result.p) == (0, 0.0, 1.0)
    assert result.verdict == Verdict.TOO_FEW
    assert math.isclose(result.low, 0) and math.isclose(result.high, 0)


def test_counts_cannot_be_negative():
    with pytest.raises(ValueError, match="negative"):
        wdd(treated=(10, -1), control=(10, 10))
