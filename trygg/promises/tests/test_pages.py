"""The pages people use: start page, commitment page, logging, language."""

from datetime import date

import pytest
from django.urls import reverse

from trygg.promises.models import Activity, ActivityKind

pytestmark = pytest.mark.django_db


def test_start_page_shows_each_commitment_with_its_progress(client, world):
    Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 3, 1), count=12, organisation=world.police
    ).commitments.add(world.site_visits)
    client.force_login(world.viewer)
    response = client.get(reverse("start"), {"datum": "2025-03-31"})
    assert response.status_code == 200
    current = response.context["current"]
    assert [promise for promise, _, _, _ in current] == [world.promise]
    states = {commitment.pk: state for commitment, state in current[0][1]}
    # The study (a milestone due 31 May) is on track before its due date.
    assert [(code, n) for code, _, n in current[0][2]] == [("on_track", 2), ("behind", 1)]
    assert (states[world.site_visits.pk].done, states[world.site_visits.pk].status) == (
        12,
        "behind",
    )
    assert states[world.study.pk].status == "on_track"
    page = response.content.decode()
    assert "12 av 100" in page
    assert "Efter plan" in page
    # A viewer gets no shortcut to log work; a reporter does.
    log_url = reverse("log-activity", args=[world.site_visits.pk])
    assert log_url not in page
    client.force_login(world.reporter)
    assert log_url in client.get(reverse("start"), {"datum": "2025-03-31"}).content.decode()


def test_the_start_page_sorts_promises_by_time(client, world):
    client.force_login(world.coordinator)
    response = client.get(reverse("start"), {"datum": "2026-03-01"})
    assert [p for p, _, _, _ in response.context["current"]] == [world.internal]
    assert [p for p, _, _, _ in response.context["ended"]] == [world.promise]


def test_commitment_page_lists_the_log_and_each_slice(client, world):
    Activity.objects.create(
        kind=ActivityKind.SITE_VISIT,
        date=date(2025, 3, 1),
        count=3,
        organisation=world.police,
        note="Kvällsbesök vid busstationen",
    ).commitments.add(world.site_visits)
    client.force_login(world.viewer)
    page = client.get(reverse("commitment", args=[world.site_visits.pk])).content.decode()
    assert "Kvällsbesök vid busstationen" in page
    assert world.site_visits.text in page


def test_the_log_form_comes_prefilled(client, world):
    client.force_login(world.reporter)
    form = client.get(reverse("log-activity", args=[world.site_visits.pk])).context["form"]
    assert form["kind"].value() == ActivityKind.SITE_VISIT
    assert form["count"].value() == 1
    assert form["date"].value() is not None
    assert list(form.fields["organisation"].queryset) == [world.police]
    assert list(form.fields["place"].queryset) == [world.square]


def test_logging_a_forum_commitment_counts_as_the_forums_meeting(client, world):
    client.force_login(world.coordinator)
    client.post(
        reverse("log-activity", args=[world.tistel_meetings.pk]),
        {
            "kind": ActivityKind.FORUM_MEETING,
            "date": "2025-02-02",
            "count": 1,
            "organisation": world.municipality.pk,
        },
    )
    meeting = Activity.objects.get()
    assert meeting.forum == world.tistel


def test_swedish_first_english_second(client, world):
    client.force_login(world.viewer)
    assert "Våra löften" in client.get(reverse("start")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Our promises" in client.get(reverse("start")).content.decode()


def test_work_outside_the_promises_period_is_refused_with_the_period(client, world):
    client.force_login(world.reporter)
    response = client.post(
        reverse("log-activity", args=[world.site_visits.pk]),
        {
            "kind": ActivityKind.SITE_VISIT,
            "date": "2024-12-31",
            "count": 1,
            "organisation": world.police.pk,
        },
    )
    assert response.status_code == 200
    assert "2025-01-01–2025-12-31" in str(response.context["form"].errors["date"])
    assert not Activity.objects.exists()


def test_swedish_even_when_the_browser_asks_for_english(client, world):
    client.force_login(world.viewer)
    response = client.get(reverse("start"), headers={"accept-language": "en-US,en;q=0.9"})
    assert "Våra löften" in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_the_start_page_leads_to_the_strategic_plans_and_to_reading_in(client, world):
    plans = reverse("strategic-plans", args=[world.vastervik.scb_code])
    read_in = reverse("extract")
    areas = reverse("area-import", args=[world.vastervik.scb_code])
    client.force_login(world.viewer)
    page = client.get(reverse("start")).content.decode()
    assert plans in page and read_in not in page and areas not in page
    assert client.get(plans).status_code == 200
    client.force_login(world.coordinator)
    page = client.get(reverse("start")).content.decode()
    assert plans in page and read_in in page and areas in page
    assert client.get(areas).status_code == 200
    client.force_login(world.outsider)
    assert plans not in client.get(reverse("start")).content.decode()
