"""Session limits: logged out after 2 hours idle, and 10 hours after login at the latest."""

import time

from django.urls import reverse

from conftest import PASSWORD
from trygg.accounts.sessions import LOGIN_AT, SEEN_AT


def log_in(client, user):
    client.post(reverse("login"), {"login": user.username, "password": PASSWORD})
    assert client.get(reverse("start")).status_code == 200


def move_clock(client, **seconds_ago):
    """Make the session's stored times lie the given number of seconds in the past."""
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_idle_for_two_hours_sends_the_user_to_login(client, world):
    log_in(client, world.reporter)
    move_clock(client, trygg_seen_at=119 * 60)
    assert client.get(reverse("start")).status_code == 200  # not yet
    move_clock(client, trygg_seen_at=121 * 60)
    response = client.get(reverse("incidents"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('incidents')}"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "Du har loggats ut" in page.content.decode()


def test_activity_keeps_the_session_alive(client, world):
    log_in(client, world.reporter)
    move_clock(client, trygg_seen_at=100 * 60)
    client.get(reverse("start"))
    assert time.time() - client.session[SEEN_AT] < 5


def test_ten_hours_after_login_the_session_ends_however_active(client, world):
    log_in(client, world.reporter)
    move_clock(client, trygg_login_at=9 * 3600 + 59 * 60, trygg_seen_at=60)
    assert client.get(reverse("start")).status_code == 200
    move_clock(client, trygg_login_at=10 * 3600 + 60, trygg_seen_at=60)
    response = client.get(reverse("start"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_the_limits_are_settings(client, world, settings):
    settings.TRYGG_IDLE_MINUTES = 5
    log_in(client, world.reporter)
    move_clock(client, trygg_seen_at=6 * 60)
    assert client.get(reverse("start")).status_code == 302
    settings.TRYGG_SESSION_HOURS = 1
    log_in(client, world.reporter)
    assert LOGIN_AT in client.session
    move_clock(client, trygg_login_at=3601)
    assert client.get(reverse("start")).status_code == 302
