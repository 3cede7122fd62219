"""Safety-survey results for the whole municipality: stored without an area, shown as a trend."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from trygg.followup.tests.geography import demo_area
from trygg.geo.models import Municipality
from trygg.participation.models import SurveyIndicator, SurveyResult
from trygg.participation.survey import survey_trends

pytestmark = pytest.mark.django_db


@pytest.fixture
def worry(world):
    """Karstorp and the whole of Västervik, one share indicator, two years each."""
    world.karstorp = demo_area(world, "karstorp")
    indicator = SurveyIndicator.objects.create(
        name="Andel otrygga ute sent", kind=SurveyIndicator.Kind.SHARE
    )
    for year, whole, karstorp in ((2023, 24.0, 35.0), (2024, 20.0, 36.0)):
        SurveyResult.objects.create(
            indicator=indicator,
            municipality=world.vastervik,
            year=year,
            value=whole,
            respondents=1500,
        )
        SurveyResult.objects.create(
            indicator=indicator, area=world.karstorp, year=year, value=karstorp, respondents=200
        )
    world.indicator = indicator
    return world


def test_the_whole_municipality_is_a_trend_of_its_own_before_the_areas(worry):
    trends = survey_trends([worry.karstorp], municipality=worry.vastervik)
    assert [(t.place_name, t.area) for t in trends] == [
        ("Hela kommunen", None),
        ("Karstorp", worry.karstorp),
    ]
    whole, karstorp = trends
    # 24 % → 20 % of 1,500 each year: more than chance; Karstorp's 35 → 36 % of 200 is not.
    assert [p.change and p.change.verdict for p in whole.points] == [None, "down"]
    assert [p.change and p.change.verdict for p in karstorp.points] == [None, "chance"]
    # Without the municipality (the effect page: the work's areas only) the areas alone.
    assert [t.area for t in survey_trends([worry.karstorp])] == [worry.karstorp]


def test_another_municipalitys_whole_results_are_not_mixed_in(worry):
    SurveyResult.objects.create(
        indicator=worry.indicator,
        municipality=Municipality.objects.get(scb_code="1082"),
        year=2024,
        value=50.0,
        respondents=900,
    )
    (whole,) = [t for t in survey_trends([], municipality=worry.vastervik)]
    assert [p.value for p in whole.points] == [24.0, 20.0]


def test_the_survey_page_shows_the_whole_municipality(client, worry):
    client.force_login(worry.viewer)
    response = client.get(reverse("survey", args=[worry.vastervik.scb_code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<th scope="row">Hela kommunen</th>' in page
    assert page.index("Hela kommunen") < page.index("Karstorp")


def test_one_result_per_indicator_place_and_year(worry):
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResult.objects.create(
            indicator=worry.indicator,
            municipality=worry.vastervik,
            year=2024,
            value=21.0,
            respondents=1400,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResult.objects.create(
            indicator=worry.indicator, area=worry.karstorp, year=2024, value=1.0, respondents=9
        )
    assert SurveyResult.objects.count() == 4


def test_an_areas_result_belongs_to_the_areas_municipality(worry):
    result = SurveyResult.objects.create(
        indicator=worry.indicator,
        area=worry.karstorp,
        municipality=Municipality.objects.get(scb_code="1082"),
        year=2025,
        value=30.0,
        respondents=150,
    )
    result.refresh_from_db()
    assert result.municipality == worry.vastervik
