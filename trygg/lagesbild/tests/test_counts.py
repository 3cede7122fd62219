from datetime import UTC, date, datetime, timedelta

import pytest
from scipy.stats import binomtest

from trygg.geo.models import Area, Municipality
from trygg.incidents.models import Category, Incident, Source
from trygg.lagesbild.counts import (
    UNKNOWN_AREA,
    binomial_test,
    compare,
    period_summary,
    seasonal,
    weekly_picture,
)
from trygg.lagesbild.weeks import STOCKHOLM, week_bounds


@pytest.fixture
def town(db):
    municipality = Municipality.objects.create(name="Västervik", scb_code="0883")
    return {
        "municipality": municipality,
        "centrum": Area.objects.create(municipality=municipality, name="Centrum", slug="centrum"),
        "gamlebyn": Area.objects.create(municipality=municipality, name="Gamleby", slug="gamleby"),
    }


def make(town, at, category="vald", area="centrum", summary=False, until=None, count=1):
    for _ in range(count):
        Incident.objects.create(
            source=Source.POLICE_EVENT,
            occurred_from=at,
            occurred_to=until or at,
            municipality=town["municipality"],
            area=town[area] if area else None,
            category=Category.objects.get(slug=category),
            is_summary=summary,
        )


def week_start(year, week, hours=12):
    return week_bounds(year, week)[0] + timedelta(hours=hours)


# --- the test itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "n", "p"),
    [
        (0, 0, 0.2),
        (0, 4, 0.2),
        (1, 5, 0.2),
        (15, 23, 0.2),
        (5, 21, 0.2),
        (0, 30, 0.2),
        (3, 4, 0.5),
        (7, 14, 0.5),
        (12, 18, 0.25),
        (1, 40, 0.25),
        (180, 800, 0.2),
        (2100, 10000, 0.2),
        (30, 31, 0.5),
    ],
)
def test_binomial_test_matches_scipy(k, n, p):
    expected = 1.0 if n == 0 else binomtest(k, n, p).pvalue
    assert binomial_test(k, n, p) == pytest.approx(expected, rel=1e-9, abs=1e-300)


def test_binomial_test_matches_scipy_on_every_outcome_of_a_four_week_baseline():
    for n in range(1, 60):
        for k in range(n + 1):
            assert binomial_test(k, n, 0.2) == pytest.approx(
                binomtest(k, n, 0.2).pvalue, rel=1e-9, abs=1e-300
            )


def test_compare_reports_mean_direction_and_flag():
    spike = compare(15, 8, 4)
    assert spike["mean"] == 2
    assert spike["direction"] == "up"
    assert spike["flag"] is True
    drop = compare(0, 40, 4)
    assert (drop["direction"], drop["flag"]) == ("down", True)
    noise = compare(5, 16, 4)
    assert (noise["direction"], noise["flag"]) == ("up", False)
    assert compare(4, 16, 4)["direction"] == "same"


# --- periods --------------------------------------------------------------------------------


def test_period_summary_counts_inclusive_stockholm_dates_and_skips_summaries(town):
    march_first = datetime(2025, 3, 1, 0, 0, tzinfo=STOCKHOLM)
    make(town, march_first, category="skadegorelse")  # first minute: in
    make(town, march_first - timedelta(minutes=1))  # last minute of February: out
    late = datetime(2025, 3, 31, 23, 30, tzinfo=STOCKHOLM)
    assert late.astimezone(UTC).hour == 21  # 21:30 UTC, still March in Stockholm
    make(town, late, area="gamlebyn")  # in
    make(town, datetime(2025, 4, 1, 0, 0, tzinfo=STOCKHOLM))  # out
    make(town, datetime(2025, 3, 15, 12, tzinfo=STOCKHOLM), area=None)  # in, no area
    make(town, datetime(2025, 3, 16, 3, tzinfo=STOCKHOLM), summary=True)  # a summary: out

    summary = period_summary(Incident.objects.all(), date(2025, 3, 1), date(2025, 3, 31))

    assert summary["total"] == 3
    assert summary["by_category"] == {"skadegorelse": 1, "vald": 2}
    assert summary["by_area"] == {"Centrum": 1, "Gamleby": 1, UNKNOWN_AREA: 1}
    assert [(w["year"], w["week"]) for w in summary["by_week"]] == [
        (2025, 9),
        (2025, 10),
        (2025, 11),
        (2025, 12),
        (2025, 13),
        (2025, 14),
    ]
    assert [w["count"] for w in summary["by_week"]] == [1, 0, 1, 0, 0, 1]
    assert sum(w["count"] for w in summary["by_week"]) == summary["total"]


def test_period_summary_is_a_fixed_number_of_queries(town, django_assert_num_queries):
    for day in range(1, 29):
        make(town, datetime(2025, 2, day, 20, tzinfo=STOCKHOLM), count=2)
    with django_assert_num_queries(3):
        summary = period_summary(Incident.objects.all(), date(2025, 2, 1), date(2025, 2, 28))
    assert summary["total"] == 56
    assert sum(w["count"] for w in summary["by_week"]) == 56


def test_period_summary_of_one_day_across_new_year_week(town):
    make(town, datetime(2024, 12, 31, 23, 59, tzinfo=STOCKHOLM))
    make(town, datetime(2025, 1, 1, 0, 1, tzinfo=STOCKHOLM))
    summary = period_summary(Incident.objects.all(), date(2024, 12, 31), date(2024, 12, 31))
    assert summary["total"] == 1
    assert summary["by_week"] == [{"year": 2025, "week": 1, "count": 1}]


def test_period_summary_rejects_a_backwards_period(town):
    with pytest.raises(ValueError):
        period_summary(Incident.objects.all(), date(2025, 3, 2), date(2025, 3, 1))


# --- the weekly picture --------------------------------------------------------------------


def test_a_clear_spike_is_flagged_against_the_previous_four_weeks(town):
    for week in (6, 7, 8, 9):
        make(town, week_start(2025, week), count=2)
        make(town, week_start(2025, week), category="skadegorelse", area="gamlebyn", count=3)
    make(town, week_start(2025, 10), count=15)  # 15 acts of violence against a mean of 2
    make(town, week_start(2025, 10), category="skadegorelse", area="gamlebyn", count=4)
    make(town, week_start(2025, 10), summary=True, count=20)  # summaries never count
    make(town, week_start(2025, 5), count=50)  # five weeks back: not in the baseline

    picture = weekly_picture(Incident.objects.all(), 2025, 10)

    violence = picture["by_category"]["vald"]
    assert violence["count"] == 15
    assert violence["previous_weeks"]["total"] == 8
    assert violence["previous_weeks"]["mean"] == 2
    assert violence["previous_weeks"]["flag"] is True
    assert violence["previous_weeks"]["direction"] == "up"
    assert violence["previous_weeks"]["p"] == pytest.approx(binomtest(15, 23, 0.2).pvalue)
    damage = picture["by_category"]["skadegorelse"]
    assert (damage["count"], damage["previous_weeks"]["mean"]) == (4, 3)
    assert damage["previous_weeks"]["flag"] is False
    assert picture["by_area"]["Centrum"]["previous_weeks"]["flag"] is True
    assert picture["by_area"]["Gamleby"]["previous_weeks"]["flag"] is False
    assert picture["total"]["count"] == 19
    assert picture["total"]["previous_weeks"]["total"] == 20
    assert (picture["year"], picture["week"]) == (2025, 10)
    assert picture["from"] == "2025-03-03T00:00:00+01:00"


def test_noise_is_not_flagged(town):
    for week, n in zip((6, 7, 8, 9), (3, 5, 4, 4), strict=True):
        make(town, week_start(2025, week), count=n)
    make(town, week_start(2025, 10), count=6)
    make(town, week_start(2024, 10), count=4)
    violence = weekly_picture(Incident.objects.all(), 2025, 10)["by_category"]["vald"]
    assert violence["previous_weeks"]["flag"] is False
    assert violence["last_year"]["total"] == 4
    assert violence["last_year"]["flag"] is False
    assert violence["last_year"]["p"] == pytest.approx(binomtest(6, 10, 0.5).pvalue)


def test_a_week_spanning_new_year_takes_its_baseline_from_the_year_before(town):
    # 2025-W01 runs 2024-12-30 .. 2025-01-05; its previous weeks are 2024-W49..W52.
    make(town, datetime(2024, 12, 30, 0, 30, tzinfo=STOCKHOLM), count=3)
    make(town, datetime(2024, 12, 29, 23, 30, tzinfo=STOCKHOLM), count=2)  # W52
    make(town, datetime(2024, 12, 2, 0, 0, tzinfo=STOCKHOLM))  # W49, first minute
    make(town, datetime(2024, 12, 1, 23, 59, tzinfo=STOCKHOLM))  # W48: out
    make(town, datetime(2024, 1, 3, 12, tzinfo=STOCKHOLM))  # 2024-W01
    total = weekly_picture(Incident.objects.all(), 2025, 1)["total"]
    assert total["count"] == 3
    assert total["previous_weeks"]["total"] == 3
    assert total["last_year"]["total"] == 1


def test_week_53_has_no_last_year_when_the_year_before_had_none(town):
    make(town, week_start(2020, 53), count=2)
    picture = weekly_picture(Incident.objects.all(), 2020, 53)
    assert picture["total"]["count"] == 2
    assert picture["total"]["last_year"] is None
    assert picture["total"]["previous_weeks"]["total"] == 0


def test_weekly_picture_is_a_fixed_number_of_queries(town, django_assert_num_queries):
    """One per comparison (this week, four weeks before, last year), two for names."""
    for week in range(1, 11):
        make(town, week_start(2025, week), count=2)
    with django_assert_num_queries(5):
        weekly_picture(Incident.objects.all(), 2025, 10)


def test_seasonal_compares_with_the_same_week_in_earlier_years(town):
    for year in (2021, 2022, 2023):
        make(town, week_start(year, 28), category="inbrott", count=2)
    make(town, week_start(2024, 28), category="inbrott", count=12)
    make(town, week_start(2024, 27), category="inbrott", count=30)  # another week: ignored
    result = seasonal(Incident.objects.all(), 2024, 28)
    assert result["years"] == [2023, 2022, 2021]
    burglary = result["by_category"]["inbrott"]
    assert burglary["count"] == 12
    assert burglary["earlier_years"]["mean"] == 2
    assert burglary["earlier_years"]["flag"] is True
    assert burglary["earlier_years"]["p"] == pytest.approx(binomtest(12, 18, 0.25).pvalue)


def test_seasonal_skips_years_without_week_53(town):
    result = seasonal(Incident.objects.all(), 2026, 53, years_back=7)
    assert result["years"] == [2020]
    assert result["total"]["count"] == 0


@pytest.mark.parametrize("n", [2, 3, 10, 99, 1_000, 31_000, 50_001])
@pytest.mark.parametrize("p", [0.2, 0.5, 1 / 3])
def test_the_bisected_binomial_test_agrees_with_scipy_everywhere_in_the_range(n, p):
    from scipy.stats import binomtest

    mean = n * p
    for k in sorted(
        {0, 1, n // 7, int(mean) - 1, int(mean), int(mean) + 1, n - 1, n} & set(range(n + 1))
    ):
        expected = binomtest(k, n, p).pvalue
        assert binomial_test(k, n, p) == pytest.approx(expected, rel=1e-9, abs=1e-300), (k, n, p)
