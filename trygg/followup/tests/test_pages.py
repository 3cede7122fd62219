"""The effect page for a commitment and for an EST action, and who may see it."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from trygg.agreements.models import Forum
from trygg.est.models import Action, Meeting
from trygg.followup.effect import PrePost, Verdict
from trygg.incidents.models import Category

from .geography import (
    INSIDE_ANKARSRUM,
    INSIDE_KARSTORP,
    WEST_100_M,
    at,
    demo_area,
    incident,
)

pytestmark = pytest.mark.django_db

MEASURE = {
    "before_start": "2025-03-01",
    "before_end": "2025-03-31",
    "after_start": "2025-04-01",
    "after_end": "2025-05-01",
    "buffer": "200",
}


@pytest.fixture
def karstorp(world):
    """Site visits in Karstorp; Ankarsrum to compare with. 30 incidents fall to 5 there."""
    karstorp, ankarsrum = demo_area(world, "karstorp"), demo_area(world, "ankarsrum")
    demo_area(world, "vastervik")
    world.site_visits.areas.add(karstorp)
    for n in range(30):
        incident(world, INSIDE_KARSTORP, at(date(2025, 3, 1) + timedelta(days=n), 21))
    for n in range(5):
        incident(world, INSIDE_KARSTORP, at(date(2025, 4, 1) + timedelta(days=n), 21))
    for n in range(18):
        incident(world, INSIDE_ANKARSRUM, at(date(2025, 3, 2) + timedelta(days=n), 21))
        incident(world, INSIDE_ANKARSRUM, at(date(2025, 4, 2) + timedelta(days=n), 21))
    incident(world, WEST_100_M, at(date(2025, 4, 20), 21))
    return {"karstorp": karstorp, "ankarsrum": ankarsrum, **MEASURE, "comparison": ankarsrum.pk}


def effect_url(world):
    return reverse("commitment-effect", args=[world.site_visits.pk])


def test_a_coordinator_measures_the_effect_of_a_commitment(client, world, karstorp):
    client.force_login(world.coordinator)
    response = client.get(effect_url(world), karstorp)
    assert response.status_code == 200
    result = response.context["result"]
    assert (result.treated, result.control) == (PrePost(30, 5), PrePost(18, 18))
    assert (result.displacement, result.control_displacement) == (PrePost(0, 1), PrePost(0, 0))
    assert result.wdd == -24
    assert result.verdict == Verdict.DECREASE
    assert [name for name, _ in response.context["rows"]][:2] == ["Karstorp", "Ankarsrum"]
    page = response.content.decode()
    assert "Karstorp" in page and "<td>-25</td>" in page


def test_the_page_offers_the_promise_period_and_the_one_before(client, world, karstorp):
    """Unasked, "after" is the promise's period (2025) and "before" as many days before it."""
    client.force_login(world.viewer)
    response = client.get(effect_url(world))
    assert response.status_code == 200
    assert "result" not in response.context
    initial = response.context["form"].initial
    assert (initial["after_start"], initial["after_end"]) == (date(2025, 1, 1), date(2025, 12, 31))
    assert (initial["before_start"], initial["before_end"]) == (
        date(2024, 1, 2),
        date(2024, 12, 31),
    )
    comparison = response.context["form"].fields["comparison"].queryset
    assert set(comparison.values_list("slug", flat=True)) == {"ankarsrum", "vastervik"}
    assert effect_url(world) in client.get(world.site_visits.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"after_end": "2025-05-02"}, "__all__", "lika långa"),
        ({"before_end": "2025-04-01", "before_start": "2025-03-02"}, "__all__", "sluta innan"),
        ({"comparison": "vastervik"}, "comparison", "överlappar"),
        ({"buffer": "-5"}, "buffer", ""),
        ({"after_start": "2025-13-01"}, "after_start", ""),
    ],
)
def test_bad_choices_say_what_is_wrong_and_measure_nothing(
    client, world, karstorp, change, field, words
):
    client.force_login(world.coordinator)
    if change.get("comparison") == "vastervik":
        change = {"comparison": world.vastervik.areas.get(slug="vastervik").pk}
    response = client.get(effect_url(world), karstorp | change)
    assert response.status_code == 200
    assert "result" not in response.context
    errors = response.context["form"].errors
    assert field in errors and words in " ".join(errors[field])


def test_the_period_after_must_have_ended(client, world, karstorp):
    client.force_login(world.coordinator)
    today = timezone.localdate()
    window = {
        "before_start": today - timedelta(days=20),
        "before_end": today - timedelta(days=11),
        "after_start": today - timedelta(days=10),
        "after_end": today - timedelta(days=1),
    }
    assert "result" in client.get(effect_url(world), karstorp | window).context
    shifted = {name: day + timedelta(days=1) for name, day in window.items()}
    response = client.get(effect_url(world), karstorp | shifted)
    assert "result" not in response.context
    assert "måste vara slut" in " ".join(response.context["form"].errors["__all__"])


def test_a_quiet_place_has_too_few_incidents(client, world, karstorp):
    client.force_login(world.coordinator)
    quiet = karstorp | {"before_start": "2025-06-01", "before_end": "2025-06-30"}
    quiet |= {"after_start": "2025-07-01", "after_end": "2025-07-30"}
    result = client.get(effect_url(world), quiet).context["result"]
    assert result.treated == PrePost(0, 0)
    assert result.verdict == Verdict.TOO_FEW


def test_a_category_narrows_the_count(client, world, karstorp):
    client.force_login(world.coordinator)
    response = client.get(effect_url(world), karstorp | {"category": Category.objects.first().pk})
    assert response.context["result"].treated == PrePost(0, 0)  # the incidents have none


def test_work_without_a_place_cannot_be_measured(client, world):
    client.force_login(world.coordinator)
    response = client.get(reverse("commitment-effect", args=[world.study.pk]), MEASURE)
    assert response.status_code == 200
    assert response.context["form"] is None
    assert "result" not in response.context


def test_who_may_see_the_effect_of_a_commitment(client, world, karstorp):
    url = effect_url(world)
    response = client.get(url, karstorp)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(world.outsider)  # another collaboration: no such commitment
    assert client.get(url, karstorp).status_code == 404
    client.force_login(world.reporter)  # sees the commitment, not the collaboration's incidents
    assert client.get(url, karstorp).status_code == 403
    client.force_login(world.viewer)
    assert client.get(url, karstorp).status_code == 200


@pytest.fixture
def action(world, karstorp):
    """A foot patrol in Karstorp decided at the EST meeting of week 14, 2025 (31 March)."""
    forum = Forum.objects.create(name="EST Västervik", slug="est-vastervik", kind="est")
    forum.members.set([world.police, world.municipality])
    meeting = Meeting.objects.create(
        forum=forum, municipality=world.vastervik, year=2025, week=14, held_on=date(2025, 3, 31)
    )
    return Action.objects.create(
        meeting=meeting,
        what="Fotpatrull i Karstorp kvällstid",
        area=karstorp["karstorp"],
        responsible=world.police,
        due=date(2025, 4, 4),
    )


def test_the_effect_of_an_est_action(client, world, karstorp, action):
    url = reverse("action-effect", args=["est-vastervik", action.pk])
    client.force_login(world.coordinator)
    unasked = client.get(url).context["form"].initial
    assert (unasked["after_start"], unasked["after_end"]) == (date(2025, 3, 31), date(2025, 4, 27))
    assert (unasked["before_start"], unasked["before_end"]) == (date(2025, 3, 3), date(2025, 3, 30))
    result = client.get(url, karstorp).context["result"]
    assert result.treated == PrePost(30, 5)


def test_who_may_see_the_effect_of_an_action(client, world, karstorp, action):
    url = reverse("action-effect", args=["est-vastervik", action.pk])
    client.force_login(world.outsider)
    assert client.get(url, karstorp).status_code == 404
    client.force_login(world.coordinator)
    assert client.get(reverse("action-effect", args=["tistel", action.pk])).status_code == 404
    client.force_login(world.reporter)
    assert client.get(url, karstorp).status_code == 403
