"""Safety-survey results on a municipality's portal and in its JSON twin.

Centrum's 2024 result comes from 49 respondents and carries a distinctive
value (46.8 %): it must be nowhere public, and neither may the 2025 change
measured from it, which would give it back by subtraction.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from trygg.geo.models import Area, Municipality
from trygg.participation.models import SurveyIndicator, SurveyResult
from trygg.public.tests.test_portal import AS_OF, api, portal

pytestmark = pytest.mark.django_db

SHARE = "Andel som känner sig otrygga utomhus kvällstid"
INDEX = "Otrygghetsindex"


def result(indicator, year, value, respondents, area=None, municipality=None, sd=None):
    return SurveyResult.objects.create(
        indicator=indicator,
        area=area,
        municipality=municipality or area.municipality,
        year=year,
        value=value,
        respondents=respondents,
        sd=sd,
    )


@pytest.fixture
def surveyed(world):
    """Västervik as a whole and two areas, two indicators; Karlshamn's results beside them."""
    vastervik = world.vastervik
    centrum = Area.objects.create(municipality=vastervik, name="Centrum", slug="centrum")
    share = SurveyIndicator.objects.create(name=SHARE, kind=SurveyIndicator.Kind.SHARE)
    index = SurveyIndicator.objects.create(name=INDEX, kind=SurveyIndicator.Kind.MEAN)
    # The whole municipality: 24 % → 20 % of 1,500 each year is more than chance.
    result(share, 2023, 24.0, 1500, municipality=vastervik)
    result(share, 2024, 20.0, 1500, municipality=vastervik)
    result(share, 2023, 31.0, 200, area=centrum)
    result(share, 2024, 46.8, 49, area=centrum)  # too few respondents: not published
    result(share, 2025, 33.0, 210, area=centrum)
    # An area with no published year is not listed at all.
    gamlebyn = Area.objects.create(municipality=vastervik, name="Gamlebyn", slug="gamlebyn")
    result(share, 2024, 71.7, 20, area=gamlebyn)
    result(index, 2024, 3.4, 620, municipality=vastervik, sd=2.1)
    result(index, 2025, 3.3, 610, municipality=vastervik, sd=2.0)
    # Another municipality's own and area results for the same indicator.
    karlshamn = Municipality.objects.get(scb_code="1082")
    morrum = Area.objects.create(municipality=karlshamn, name="Mörrum", slug="morrum")
    result(share, 2024, 61.3, 900, municipality=karlshamn)
    result(share, 2024, 58.2, 300, area=morrum)
    return world


def test_the_json_lists_each_indicator_with_the_whole_municipality_first(client, surveyed):
    survey = api(client, surveyed)["safety_survey"]
    assert survey["minimum_respondents"] == 50
    share, index = survey["indicators"]
    assert (share["name"], share["kind"], share["kind_label"]) == (
        SHARE,
        "share",
        "Andel av de svarande (%)",
    )
    assert [(p["name"], p["whole_municipality"]) for p in share["places"]] == [
        ("Hela kommunen", True),
        ("Centrum", False),
    ]
    whole = share["places"][0]["years"]
    assert whole[0] == {"year": 2023, "value": 24.0, "respondents": 1500, "change": None}
    assert whole[1]["change"] == {
        "since": 2023,
        "difference": -4.0,
        "verdict": "down",
        "beyond_chance": True,
        "label": "Minskningen är större än slumpen förklarar",
    }
    assert index["places"][0]["years"][1]["change"]["verdict"] == "chance"


def test_a_result_from_49_respondents_and_the_change_from_it_are_not_published(client, surveyed):
    share = api(client, surveyed)["safety_survey"]["indicators"][0]
    centrum = share["places"][1]["years"]
    assert [(y["year"], y["respondents"]) for y in centrum] == [(2023, 200), (2025, 210)]
    # 2025 follows the hidden 2024: its change (−13.8) would give 46.8 back.
    assert centrum[1]["change"] is None
    for body in (portal(client, surveyed), client.get(_api_url(surveyed), {"datum": AS_OF})):
        text = body.content.decode()
        assert "46.8" not in text and "46,8" not in text
        assert "71.7" not in text and "71,7" not in text
        assert "13.8" not in text and "13,8" not in text


def test_another_municipalitys_results_are_not_mixed_in(client, surveyed):
    page = portal(client, surveyed).content.decode()
    data = client.get(_api_url(surveyed), {"datum": AS_OF}).content.decode()
    for text in (page, data):
        assert "Mörrum" not in text
        assert "61,3" not in text and "61.3" not in text and "58,2" not in text
    karlshamn = client.get(_api_url(surveyed, "1082"), {"datum": AS_OF}).json()
    (share,) = karlshamn["municipality"]["safety_survey"]["indicators"]
    assert [(p["name"], p["years"][0]["value"]) for p in share["places"]] == [
        ("Hela kommunen", 61.3),
        ("Mörrum", 58.2),
    ]


def test_the_page_shows_the_same_results_as_the_json(client, surveyed):
    survey = api(client, surveyed)["safety_survey"]
    page = portal(client, surveyed).content.decode()
    expected = [
        (
            f"{indicator['name']} {indicator['kind_label']}",
            place["name"],
            str(year["year"]),
            str(year["value"]).replace(".", ",")
            + (" %" if indicator["kind"] == "share" else "")
            + f" {year['respondents']} svarande",
            year["change"]["label"] if year["change"] else "",
        )
        for indicator in survey["indicators"]
        for place in indicator["places"]
        for year in place["years"]
    ]
    rows = SurveyTables.rows_of(page)
    assert [row[:4] for row in rows] == [row[:4] for row in expected]
    for row, want in zip(rows, expected, strict=True):
        assert row[4].endswith(want[4])
    places = [row[1] for row in rows if row[0].startswith(SHARE)]
    assert places == ["Hela kommunen", "Hela kommunen", "Centrum", "Centrum"]
    # The flagged change is told in words, not only by its row's colour.
    assert "<strong>Minskningen är större än slumpen förklarar</strong>" in page
    assert "−4,0 procentenheter sedan 2023" in page


def test_a_year_after_the_day_asked_about_is_not_shown(client, surveyed):
    data = client.get(_api_url(surveyed), {"datum": "2024-12-31"}).json()["municipality"]
    centrum = data["safety_survey"]["indicators"][0]["places"][1]
    assert [y["year"] for y in centrum["years"]] == [2023]


def test_no_survey_section_without_results(client, world):
    assert api(client, world)["safety_survey"] == {"minimum_respondents": 50, "indicators": []}
    page = portal(client, world).content.decode()
    assert "Trygghetsmätningar" not in page and 'class="survey"' not in page


def _api_url(world, scb_code: str | None = None) -> str:
    return reverse("api-municipality", args=[scb_code or world.vastervik.scb_code])


class SurveyTables(HTMLParser):
    """The survey tables of a page as rows: (caption, place, year, result, change)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, ...]] = []
        self.in_survey = False
        self.caption = self.place = ""
        self.text: list[str] | None = None
        self.row: list[str] = []

    @classmethod
    def rows_of(cls, page: str) -> list[tuple[str, ...]]:
        parser = cls()
        parser.feed(page)
        return parser.rows

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "table":
            self.in_survey = attributes.get("class") == "survey"
        elif self.in_survey and tag in ("caption", "th", "td"):
            self.text, self.scope = [], attributes.get("scope")
        elif self.in_survey and tag == "br" and self.text is not None:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.in_survey or tag not in ("caption", "th", "td", "tr", "table"):
            return
        if tag == "table":
            self.in_survey = False
        elif tag == "tr":
            if self.row:
                self.rows.append((self.caption, self.place, *self.row))
            self.row = []
        else:
            text = " ".join("".join(self.text or []).split())
            self.text = None
            if tag == "caption":
                self.caption = text
            elif self.scope == "rowgroup":
                self.place = text
            elif self.scope != "col":
                self.row.append(text)
