"""A municipality's public portal and its JSON twin: promises, progress, incident trends.

The incidents seeded here carry a distinctive text and an exact point; no
public page, in HTML or JSON, may show either, nor any count from 1 to 4.
"""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils.text import slugify

from trygg.geo.models import Area, Municipality
from trygg.incidents.models import Incident, Source
from trygg.lagesbild.weeks import STOCKHOLM
from trygg.promises.models import Activity, ActivityKind, Commitment, Promise

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Hemlig detalj: bråk i trapphus 7B hos familjen"
SECRET_TITLE = "Misshandel vid Stora torget 3"
LATITUDE, LONGITUDE = 57.761234, 16.641987
AS_OF = "2025-07-01"  # months shown: July 2024 to June 2025
ENGLISH = {"django_language": "en"}


def public_promise(title: str, year: int, municipality: Municipality) -> Promise:
    """A public promise for one calendar year, its slug made from the title."""
    promise = Promise.objects.create(
        title=title,
        slug=slugify(title),
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        is_public=True,
    )
    promise.municipalities.set([municipality])
    return promise


def at(year, month, day, hour=12, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def incident(municipality, moment, area=None, **fields) -> Incident:
    return Incident.objects.create(
        source=fields.pop("source", Source.POLICE_EVENT),
        municipality=municipality,
        area=area,
        occurred_from=moment,
        occurred_to=moment,
        visibility=fields.pop("visibility", Incident.Visibility.PUBLIC),
        **fields,
    )


@pytest.fixture
def town(world):
    """Two areas of Västervik and incidents in them, of every visibility."""
    centrum = Area.objects.create(municipality=world.vastervik, name="Centrum", slug="centrum")
    gamlebyn = Area.objects.create(municipality=world.vastervik, name="Gamlebyn", slug="gamlebyn")
    for day in range(1, 8):  # seven in Centrum in March 2025: published as 7
        incident(world.vastervik, at(2025, 3, day), centrum)
    # three in Gamlebyn in March, one of them with a distinctive text and point: "fewer than 5"
    incident(
        world.vastervik,
        at(2025, 3, 2),
        gamlebyn,
        title=SECRET_TITLE,
        text=SECRET_TEXT,
        latitude=LATITUDE,
        longitude=LONGITUDE,
    )
    incident(world.vastervik, at(2025, 3, 9), gamlebyn)
    # 31 March 23:30 in Stockholm is 21:30 UTC: March, by the lägesbild's rule.
    incident(world.vastervik, at(2025, 3, 31, 23, 30), gamlebyn)
    # Not counted: shared and internal incidents, summaries, another municipality.
    for _ in range(5):
        incident(world.vastervik, at(2025, 4, 3), gamlebyn, visibility="shared")
        incident(world.vastervik, at(2025, 4, 3), gamlebyn, visibility="internal")
        incident(world.vastervik, at(2025, 4, 3), gamlebyn, is_summary=True)
        incident(
            Municipality.objects.get(scb_code="1082"), at(2025, 4, 3), None, visibility="public"
        )
    # Six without an area in May.
    for day in range(1, 7):
        incident(world.vastervik, at(2025, 5, day))
    # Not yet over on the day asked about: July 2025 is not published.
    for _ in range(6):
        incident(world.vastervik, at(2025, 7, 1), centrum)
    return world


def portal(client, world, **params):
    return client.get(
        reverse("public-municipality", args=[world.vastervik.scb_code]), {"datum": AS_OF, **params}
    )


def api(client, world):
    url = reverse("api-municipality", args=[world.vastervik.scb_code])
    return client.get(url, {"datum": AS_OF}).json()["municipality"]


def test_trend_counts_public_incidents_by_area_and_whole_month(client, town):
    trend = api(client, town)["incident_trend"]
    assert (trend["from"], trend["to"]) == ("2024-07-01", "2025-06-30")
    assert trend["areas"] == ["Centrum", "Gamlebyn", None]
    months = {row["month"]: row for row in trend["months"]}
    assert list(months) == [f"2024-{m:02}" for m in range(7, 13)] + [
        f"2025-{m:02}" for m in range(1, 7)
    ]
    fewer = {"count": None, "fewer_than": 5}
    assert months["2025-03"]["by_area"] == [{"count": 7}, fewer, {"count": 0}]
    assert months["2025-03"]["total"] == {"count": None, "at_least": 8}
    # Shared, internal, summaries and the other municipality count nowhere.
    assert months["2025-04"]["by_area"] == [{"count": 0}] * 3
    assert months["2025-05"]["by_area"] == [{"count": 0}, {"count": 0}, {"count": 6}]
    assert trend["total"] == {
        # Gamlebyn's year holds one hidden cell: at least 1, not its true 3.
        "by_area": [{"count": 7}, {"count": None, "at_least": 1}, {"count": 6}],
        "total": {"count": None, "at_least": 14},
    }


def test_portal_page_shows_suppressed_counts_in_words_and_never_the_small_number(client, town):
    response = portal(client, town)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Centrum" in page and "Gamlebyn" in page
    text = portal(_english(client), town).content.decode()
    assert "fewer than 5" in text
    assert "at least 8" in text and "at least 14" in text
    assert "March 2025" in text
    # The three incidents in Gamlebyn in March are nowhere as a number in the table.
    table = text[text.index("<table") : text.index("</table>")]
    assert "<td>3</td>" not in table
    assert "<td>7</td>" in table and "<td>6</td>" in table


def _english(client):
    client.cookies.load(ENGLISH)
    return client


def test_no_point_title_or_text_of_an_incident_on_any_public_page(client, town):
    urls = [
        reverse("public-municipalities"),
        reverse("public-municipality", args=[town.vastervik.scb_code]),
        reverse("public-promises"),
        reverse("public-promise", args=[town.promise.slug]),
        reverse("api-municipalities"),
        reverse("api-municipality", args=[town.vastervik.scb_code]),
        reverse("api-promises"),
        reverse("api-promise", args=[town.promise.slug]),
    ]
    for url in urls:
        for params in ({}, {"datum": AS_OF}):
            response = client.get(url, params)
            assert response.status_code == 200, url
            body = response.content.decode()
            for secret in (SECRET_TEXT, SECRET_TITLE, "trapphus", "Stora torget 3"):
                assert secret not in body, (url, secret)
            for coordinate in (LATITUDE, LONGITUDE):
                assert str(coordinate)[:6] not in body, (url, coordinate)  # not even rounded


def test_portal_lists_current_and_earlier_promises_with_progress(client, town):
    earlier = public_promise("Medborgarlöfte 2024", 2024, town.vastervik)
    walks = Commitment.objects.create(
        promise=earlier, order=1, text="Tio trygghetsvandringar.", target_kind="count",
        quantity=10, unit="trygghetsvandringar", per="period",
    )  # fmt: skip
    Activity.objects.create(
        kind=ActivityKind.SAFETY_WALK, date=date(2024, 5, 1), count=10, organisation=town.police
    ).commitments.add(walks)

    data = api(client, town)
    assert data["name"] == "Västervik" and data["scb_code"] == "0883"
    current, earlier_ = data["promises"]["current"], data["promises"]["earlier"]
    assert [p["slug"] for p in current] == ["vastervik-2025"]
    assert [p["slug"] for p in earlier_] == ["medborgarlofte-2024"]
    assert earlier_[0]["commitments"][0]["progress"]["status"] == "done"
    assert current[0]["commitments"][2]["progress"]["status"] == "overdue"  # the spring study
    # The internal draft is nowhere.
    assert town.internal.slug not in str(data)

    page = portal(client, town).content.decode()
    assert "Medborgarlöfte 2024" in page and "Medborgarlöfte 2025" in page
    assert town.site_visits.text in page
    assert reverse("public-promise", args=["medborgarlofte-2024"]) in page


def test_a_promise_of_another_municipality_is_not_on_the_portal(client, town):
    other = Municipality.objects.get(scb_code="1082")
    public_promise("Karlshamns löfte", 2025, other)
    assert "Karlshamns löfte" not in portal(client, town).content.decode()
    karlshamn = client.get(reverse("api-municipality", args=["1082"]), {"datum": AS_OF}).json()
    current = karlshamn["municipality"]["promises"]["current"]
    assert [p["slug"] for p in current] == ["karlshamns-lofte"]


def test_unknown_municipality_and_non_public_promise_answer_404(client, world):
    assert client.get(reverse("public-municipality", args=["9999"])).status_code == 404
    assert client.get(reverse("api-municipality", args=["9999"])).status_code == 404
    assert client.get("/kommuner/abcd/").status_code == 404
    for name in ("public-promise", "api-promise"):
        assert client.get(reverse(name, args=[world.internal.slug])).status_code == 404


def test_municipality_list_and_its_twin(client, world):
    page = client.get(reverse("public-municipalities")).content.decode()
    assert reverse("public-municipality", args=["0883"]) in page
    data = client.get(reverse("api-municipalities")).json()
    assert data["municipalities"] == [
        {"name": "Karlshamn", "scb_code": "1082", "url": "/kommuner/1082/"},
        {"name": "Västervik", "scb_code": "0883", "url": "/kommuner/0883/"},
    ]


def test_progress_counted_in_individual_cases_is_suppressed_below_5(client, world):
    talks = Commitment.objects.create(
        promise=world.promise, order=4, text="Minst tjugo orossamtal per år.", target_kind="count",
        quantity=20, unit="orossamtal", per="year", activity_kind=ActivityKind.CONCERN_TALK,
    )  # fmt: skip
    Activity.objects.create(
        kind=ActivityKind.CONCERN_TALK, date=date(2025, 2, 1), count=3, organisation=world.police
    ).commitments.add(talks)
    Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 2, 1), count=3, organisation=world.police
    ).commitments.add(world.site_visits)

    data = client.get(reverse("api-promise", args=[world.promise.slug]), {"datum": AS_OF}).json()
    visits, *_, concern = data["promise"]["commitments"]
    assert (concern["progress"]["done"], concern["progress"]["percent"]) == (None, None)
    assert concern["progress"]["suppressed"] is True
    # Site visits are the police's own work: 3 of 100 is published as it is.
    assert (visits["progress"]["done"], visits["progress"]["suppressed"]) == (3, False)

    _english(client)
    page = client.get(reverse("public-promise", args=[world.promise.slug]), {"datum": AS_OF})
    text = page.content.decode()
    assert "fewer than 5 of 20" in text and "3 of 100" in text

    Activity.objects.create(
        kind=ActivityKind.CONCERN_TALK, date=date(2025, 3, 1), count=2, organisation=world.police
    ).commitments.add(talks)
    data = client.get(reverse("api-promise", args=[world.promise.slug]), {"datum": AS_OF}).json()
    assert data["promise"]["commitments"][-1]["progress"]["done"] == 5
