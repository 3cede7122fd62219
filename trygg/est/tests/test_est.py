"""The weekly EST cycle: decide actions, follow them up next week, count what was done."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from trygg.agreements.models import Forum
from trygg.est.models import Action, Meeting
from trygg.lib.tests.forms import admin_posted, posted
from trygg.organisations.models import Role
from trygg.promises.models import Activity, ActivityKind
from trygg.promises.progress import progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def est(world):
    forum = Forum.objects.create(name="EST Västervik", slug="est-vastervik", kind="est")
    forum.members.set([world.police, world.municipality])
    week10 = Meeting.objects.create(
        forum=forum, municipality=world.vastervik, year=2025, week=10, held_on=date(2025, 3, 3)
    )
    week11 = Meeting.objects.create(
        forum=forum, municipality=world.vastervik, year=2025, week=11, held_on=date(2025, 3, 10)
    )
    return forum, week10, week11


def decide(client, meeting, world, **overrides):
    data = {
        "what": "Fotpatrull vid Stora torget fredag kväll",
        "place": world.square.pk,
        "responsible": world.police.pk,
        "due": "2025-03-07",
        "kind": ActivityKind.SITE_VISIT,
        "commitments": [world.site_visits.pk],
    }
    return client.post(meeting.get_absolute_url(), data | overrides)


def test_a_decided_action_is_followed_up_next_week_and_counts_when_done(client, world, est):
    forum, week10, week11 = est
    client.force_login(world.reporter)
    assert decide(client, week10, world).status_code == 302
    action = Action.objects.get()
    assert list(action.commitments.all()) == [world.site_visits]

    page = client.get(week11.get_absolute_url())
    assert [a for a, _ in page.context["to_follow_up"]] == [action]
    assert [a for a, _ in client.get(week10.get_absolute_url()).context["to_follow_up"]] == []

    client.post(
        week11.get_absolute_url(),
        {"follow_up": "1", "action": action.pk, "status": "done", "note": "Genomförd"},
    )
    action.refresh_from_db()
    assert (action.status, action.followed_up_at) == (Action.Status.DONE, week11)
    visit = action.activity
    assert (visit.kind, visit.date, visit.organisation) == (
        "site_visit",
        date(2025, 3, 7),
        world.police,
    )
    assert progress(world.site_visits, date(2025, 3, 31)).done == 1
    assert client.get(week11.get_absolute_url()).context["to_follow_up"] == []


def test_reopening_a_done_action_uncounts_it(client, world, est):
    forum, week10, week11 = est
    client.force_login(world.coordinator)
    decide(client, week10, world)
    action = Action.objects.get()
    url = week11.get_absolute_url()
    client.post(url, {"follow_up": "1", "action": action.pk, "status": "done"})
    assert Activity.objects.count() == 1
    # Corrected at the same meeting: it was continued, not done.
    Action.objects.filter(pk=action.pk).update(status=Action.Status.OPEN)
    client.post(url, {"follow_up": "1", "action": action.pk, "status": "continued"})
    action.refresh_from_db()
    assert action.status == Action.Status.CONTINUED
    assert Activity.objects.count() == 0
    assert [a for a, _ in client.get(url).context["to_follow_up"]] == [action]


def test_opening_this_weeks_meeting(client, world, est):
    forum, _, _ = est
    client.force_login(world.coordinator)
    response = client.post(
        reverse("est-meetings", args=[forum.slug]), {"municipality": world.vastervik.pk}
    )
    year, week, _ = timezone.localdate().isocalendar()
    meeting = Meeting.objects.get(year=year, week=week)
    assert response.url == meeting.get_absolute_url()
    again = client.post(
        reverse("est-meetings", args=[forum.slug]), {"municipality": world.vastervik.pk}
    )
    assert again.url == meeting.get_absolute_url()
    assert Meeting.objects.filter(year=year, week=week).count() == 1


def test_viewers_read_and_outsiders_see_nothing(client, world, est):
    forum, week10, _ = est
    client.force_login(world.viewer)
    assert client.get(week10.get_absolute_url()).status_code == 200
    assert decide(client, week10, world).status_code == 403
    assert (
        client.post(
            reverse("est-meetings", args=[forum.slug]), {"municipality": world.vastervik.pk}
        ).status_code
        == 403
    )
    client.force_login(world.outsider)
    assert client.get(week10.get_absolute_url()).status_code == 404
    assert client.get(reverse("est-meetings", args=[forum.slug])).status_code == 404
    assert not Action.objects.exists()


def test_an_action_needs_what_who_and_when(client, world, est):
    _, week10, _ = est
    client.force_login(world.reporter)
    response = decide(client, week10, world, what="", due="")
    assert response.status_code == 200
    assert {"what", "due"} <= set(response.context["form"].errors)
    assert not Action.objects.exists()


def test_the_meeting_opens_on_the_weeks_situation_picture(client, world, est):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from trygg.incidents.models import Category, Incident, Source

    _, week10, _ = est
    when = datetime(2025, 3, 5, 23, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
    Incident.objects.create(
        source=Source.STAFF,
        category=Category.objects.get(slug="skadegorelse"),
        occurred_from=when,
        occurred_to=when,
        municipality=world.vastervik,
    )
    client.force_login(world.viewer)
    response = client.get(week10.get_absolute_url())
    assert response.context["picture"]["by_category"]["Skadegörelse"]["count"] == 1
    assert reverse("lagesbild-week", args=["0883"]) in response.content.decode()


def follow_up_as_done(client, world, est):
    """Decide the foot patrol in week 10 and follow it up as done in week 11."""
    _, week10, week11 = est
    client.force_login(world.reporter)
    decide(client, week10, world)
    action = Action.objects.get()
    client.post(
        week11.get_absolute_url(),
        {"follow_up": "1", "action": action.pk, "status": "done", "note": "Genomförd"},
    )
    action.refresh_from_db()
    return action


def correct(client, meeting, action, status, note=""):
    url = reverse("est-correct", args=[meeting.forum.slug, meeting.year, meeting.week])
    return client.post(url, {"action": action.pk, "status": status, "note": note})


def test_correcting_a_wrongly_done_action_uncounts_it_and_keeps_the_history(client, world, est):
    _, _, week11 = est
    action = follow_up_as_done(client, world, est)
    other = Activity.objects.create(
        kind=ActivityKind.SITE_VISIT, date=date(2025, 3, 8), organisation=world.police
    )
    other.commitments.set([world.site_visits])
    assert progress(world.site_visits, date(2025, 3, 31)).done == 2

    client.force_login(world.coordinator)
    page = client.get(week11.get_absolute_url())
    assert page.context["can_correct"]
    assert [a for a, _ in page.context["followed_up_here"]] == [action]
    response = correct(client, week11, action, "not_done", "Patrullen ställdes in")
    assert response.status_code == 302

    action.refresh_from_db()
    assert (action.status, action.follow_up_note) == ("not_done", "Patrullen ställdes in")
    assert (action.corrected_from, action.corrected_by) == ("done", world.coordinator)
    assert action.corrected_at is not None and action.followed_up_at == week11
    assert action.activity is None
    assert list(Activity.objects.all()) == [other]  # only the action's own activity went
    assert progress(world.site_visits, date(2025, 3, 31)).done == 1
    assert "samordnare" in client.get(week11.get_absolute_url()).content.decode()  # who corrected

    correct(client, week11, action, "done", "Genomförd ändå, fredag kväll")
    action.refresh_from_db()
    assert action.corrected_from == "not_done"
    assert (action.activity.date, action.activity.created_by) == (
        date(2025, 3, 7),
        world.coordinator,
    )
    assert progress(world.site_visits, date(2025, 3, 31)).done == 2


def test_correcting_to_continued_puts_the_action_back_on_the_list(client, world, est):
    forum, _, week11 = est
    action = follow_up_as_done(client, world, est)
    week12 = Meeting.objects.create(
        forum=forum, municipality=world.vastervik, year=2025, week=12, held_on=date(2025, 3, 17)
    )
    client.force_login(world.coordinator)
    correct(client, week11, action, "continued")
    assert not Activity.objects.exists()
    assert [a for a, _ in client.get(week12.get_absolute_url()).context["to_follow_up"]] == [action]


def test_only_editors_correct_a_follow_up(client, world, est):
    _, _, week11 = est
    action = follow_up_as_done(client, world, est)
    for user, refused in (
        (world.viewer, 403),
        (world.reporter, 403),  # records follow-ups, but may not rewrite them
        (world.outsider, 404),
    ):
        client.force_login(user)
        assert correct(client, week11, action, "not_done").status_code == refused
    assert client.get(week11.get_absolute_url()).status_code == 404  # still the outsider
    client.force_login(world.viewer)
    assert not client.get(week11.get_absolute_url()).context["can_correct"]
    client.logout()
    assert correct(client, week11, action, "not_done").status_code == 302  # to the login
    action.refresh_from_db()
    assert (action.status, action.corrected_at) == ("done", None)
    assert progress(world.site_visits, date(2025, 3, 31)).done == 1


def test_a_correction_needs_a_follow_up_of_this_meeting_and_a_valid_status(client, world, est):
    _, week10, week11 = est
    action = follow_up_as_done(client, world, est)
    client.force_login(world.coordinator)
    assert correct(client, week10, action, "not_done").status_code == 404
    correct(client, week11, action, "open")  # "open" is no follow-up
    action.refresh_from_db()
    assert (action.status, action.corrected_at) == ("done", None)
    assert Activity.objects.count() == 1


def test_the_admin_shows_but_does_not_change_a_follow_up(client, world, est):
    """Changing the status in the admin would leave the counted activity behind."""
    action = follow_up_as_done(client, world, est)
    client.force_login(world.coordinator)
    page = client.get(reverse("admin:est_action_change", args=[action.pk]))
    assert page.status_code == 200
    assert "status" not in page.context["adminform"].form.fields
    assert "what" in page.context["adminform"].form.fields


@pytest.fixture
def police_coordinators(world):
    """Two coordinators of the police, who is responsible for the action."""
    first, second = Client(), Client()
    first.force_login(make_user("kommunpolis", world.police, Role.COORDINATOR))
    second.force_login(make_user("polischef", world.police, Role.COORDINATOR))
    return first, second


def test_a_follow_up_corrected_meanwhile_is_not_corrected_again_unseen(
    client, police_coordinators, world, est
):
    _, _, week11 = est
    action = follow_up_as_done(client, world, est)
    first, second = police_coordinators
    url = reverse("est-correct", args=[week11.forum.slug, week11.year, week11.week])
    (mine,) = [f for _, f in first.get(week11.get_absolute_url()).context["followed_up_here"]]
    (theirs,) = [f for _, f in second.get(week11.get_absolute_url()).context["followed_up_here"]]
    first.post(url, posted(mine, status="not_done", note="Patrullen ställdes in"))
    response = second.post(url, posted(theirs, status="continued"), follow=True)
    page = response.content.decode()
    assert "Rättelsen sparades inte." in page
    assert "Hur gick det?: ”Klart” när du öppnade formuläret, ”Inte genomförd” nu." in page
    action.refresh_from_db()
    assert (action.status, action.follow_up_note) == ("not_done", "Patrullen ställdes in")
    assert action.corrected_from == "done"


def test_the_admin_refuses_a_stale_action_change(client, police_coordinators, world, est):
    action = follow_up_as_done(client, world, est)
    first, second = police_coordinators
    url = reverse("admin:est_action_change", args=[action.pk])
    mine, theirs = first.get(url), second.get(url)
    assert first.post(url, admin_posted(mine, what="Fotpatrull lördag")).status_code == 302
    response = second.post(url, admin_posted(theirs, due="2025-03-14"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vad: ”Fotpatrull vid Stora torget fredag kväll” när du öppnade formuläret" in page
    action.refresh_from_db()
    assert (action.what, str(action.due)) == ("Fotpatrull lördag", "2025-03-07")
    assert Action.objects.count() == 1
