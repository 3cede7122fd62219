"""Targets read from sentences written in the style of real promises (not the seeds)."""

from datetime import date

import pytest

from trygg.extract.targets import count_targets, milestone, read_targets

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))
TWO_YEARS = (date(2025, 1, 1), date(2026, 12, 31))


def count(sentence: str) -> tuple:
    (target,) = count_targets(sentence)
    return target.quantity, target.unit, target.per


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Polisen ska genomföra minst 50 trygghetsskapande promenader per år",
            (50, "trygghetsskapande promenader", "year"),
        ),
        (
            "Öka vuxennärvaron genom nattvandring vid minst 100 tillfällen",
            (100, "tillfällen", "period"),
        ),
        ("Tistel ska träffas minst fyra gånger per år.", (4, "gånger", "year")),
        ("Polisen ska ha minst hundra platsbesök på ett år.", (100, "platsbesök", "year")),
        ("Fältgruppen ska vara ute tre kvällar i veckan.", (3, "kvällar", "week")),
        ("Polisen ska hålla en informationsträff i månaden.", (1, "informationsträff", "month")),
        ("Vi ska genomföra två trygghetsvandringar om året.", (2, "trygghetsvandringar", "year")),
        (
            "Polisen lovar 24 trafikkontroller under året vid skolor.",
            (24, "trafikkontroller", "year"),
        ),
        ("Kommunen ska genomföra minst 2 000 kontroller.", (2000, "kontroller", "period")),
        ("Polisen ska hålla tolv föreläsningar under perioden.", (12, "föreläsningar", "period")),
        ("Vi ska genomföra 4 st utbildningar.", (4, "utbildningar", "period")),
        ("Vi ska träffas minst 4 ggr/år.", (4, "ggr", "year")),
        ("Kommunen ska ordna ett medborgarmöte per kvartal.", (4, "medborgarmöte", "year")),
        ("Redovisa resultatet minst två (2) gånger under aktuell period.", (2, "gånger", "period")),
        ("Polisen ska besöka 4–6 skolor under året.", (4, "skolor", "year")),
    ],
)
def test_counts(sentence, expected):
    assert count(sentence) == expected


def test_at_least_and_at_most():
    (at_least,) = count_targets("Polisen ska genomföra minst 30 insatser.")
    (at_most,) = count_targets("Högst 3 nätter per vecka.")
    assert at_least.minimum and not at_most.minimum


@pytest.mark.parametrize(
    ("sentence", "quantity", "unit"),
    [
        ("Kommunen lovar att erbjuda föräldrastöd till ett tjugotal föräldrar.", 20, "föräldrar"),
        ("Föreningen ordnar ett tiotal läger.", 10, "läger"),
        ("Cirka 40 deltagare ska utbildas.", 40, "deltagare"),
        ("Vi bjuder in ett 30-tal företagare.", 30, "företagare"),
        ("Vi träffar ett par rektorer.", 2, "rektorer"),
    ],
)
def test_approximate_counts(sentence, quantity, unit):
    (target,) = count_targets(sentence)
    assert (target.quantity, target.unit, target.approximate) == (quantity, unit, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunen ska genomföra en förstudie.",  # an article, not one study
        "Resultatet bygger på trygghetsmätningen 2025.",  # a year
        "Under 2024-2025 lovar polisen att arbeta med frågan.",
        "Andelen trygga ska öka med 10 procent.",
        "Barn mellan 13 och 17 år ska erbjudas stöd.",
        "Planen ska vara klar inom tre månader.",
        "Kommunen ska ta fram en plan senast 31 mars 2026.",
        "Enligt lag (2023:196) ska kommunen ta fram en lägesbild.",
        "Arbetsmetoden bygger på att viktiga aktörer runt en ung person samverkar.",
    ],
)
def test_no_count(sentence):
    assert count_targets(sentence) == []


def test_one_for_each_named_place():
    targets = count_targets(
        "Polisen lovar att bjuda in till minst en medborgardialog för centrala Tranås och Sommen."
    )
    assert [(t.quantity, t.place) for t in targets] == [(1, "centrala Tranås"), (1, "Sommen")]


def test_a_total_for_several_places_stays_one_total():
    (target,) = count_targets("Polisen ska göra 100 platsbesök i Tranås och Sommen.")
    assert target.quantity == 100 and target.place == ""


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Kommunen ska ta fram en plan under våren 2026.", date(2026, 5, 31)),
        ("Polisen ska genomföra en insats under hösten 2026.", date(2026, 11, 30)),
        ("Kartläggningen presenteras under hösten/vintern.", date(2026, 12, 31)),
        ("Kommunen ska under våren genomföra en förstudie.", date(2026, 5, 31)),
        ("Utredningen ska vara klar under sommaren.", date(2026, 8, 31)),
        ("Planen ska vara klar före sommaren 2026.", date(2026, 5, 31)),
        ("Planen ska vara klar före våren 2026.", date(2026, 2, 28)),
        ("Belysningen ses över före vintern.", date(2026, 11, 30)),
        ("Kommunen ska ta fram en plan senast 31 mars 2026.", date(2026, 3, 31)),
        ("Rapporten lämnas senast den 30 juni.", date(2026, 6, 30)),
        ("Rapporten lämnas senast 2026-09-15.", date(2026, 9, 15)),
        ("Rutinen ska vara på plats i mars.", date(2026, 3, 31)),
        ("Arbetet ska vara klart till och med december 2026.", date(2026, 12, 31)),
        ("Kartläggningen görs under första halvåret.", date(2026, 6, 30)),
        ("Planen antas under tredje kvartalet 2026.", date(2026, 9, 30)),
        ("Planen ska vara klar till årsskiftet.", date(2026, 12, 31)),
        ("Kartläggningen redovisas i höst.", date(2026, 11, 30)),
    ],
)
def test_milestones(sentence, due):
    target = milestone(sentence, YEAR_2026)
    assert target is not None and target.due == due


def test_season_without_year_falls_in_the_first_year_of_the_period_it_can():
    assert milestone("Under hösten ska en förstudie göras.", TWO_YEARS).due == date(2025, 11, 30)
    late_start = (date(2025, 9, 1), date(2026, 12, 31))
    assert milestone("Under våren ska planen vara klar.", late_start).due == date(2026, 5, 31)


def test_season_as_written_is_kept():
    target = milestone("Polisen och kommunen ska utreda behovet under våren 2025.", TWO_YEARS)
    assert target.due_text == "under våren 2025"


def test_a_year_that_is_the_whole_period_is_no_deadline():
    assert milestone("Polisen lovar att arbeta med följande under 2026.", YEAR_2026) is None
    assert milestone("Planen tas fram under 2026.", TWO_YEARS).due == date(2026, 12, 31)


@pytest.mark.parametrize(
    "sentence",
    [
        "Polisen och kommunen ska samverka, exempelvis inför sommarlovet.",
        "Kommunen ska ha uppdaterade lägesbilder varje vecka.",
        "Arbetet fortsätter löpande när behov uppstår.",
        "Polisen ska arbeta för tryggheten i vår kommun.",
    ],
)
def test_ongoing(sentence):
    (target,) = read_targets(sentence, YEAR_2026)
    assert target.kind == "ongoing"


def test_season_without_a_period_has_no_date_but_keeps_the_words():
    target = milestone("Planen tas fram under våren.", None)
    assert target.due is None and target.due_text == "under våren"
