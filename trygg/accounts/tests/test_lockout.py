"""Login throttling: after 10 wrong passwords for a username, or 30 from one address,
even the right password is refused for a while, and the page says for how long."""

import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.urls import reverse

from conftest import PASSWORD

HOME = {"REMOTE_ADDR": "192.0.2.10"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.20"}


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()  # allauth counts failed logins in the cache
    yield
    cache.clear()


def attempt(client, username, password, address=HOME):
    return client.post(reverse("login"), {"login": username, "password": password}, **address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_eleventh_attempt_is_refused_even_with_the_right_password(client, world, caplog):
    for _ in range(10):
        response = attempt(client, "samordnare", "wrong-password-123")
        assert "lösenordet är felaktigt" in response.content.decode()
    response = attempt(client, "samordnare", PASSWORD)
    assert not logged_in(client)
    text = response.content.decode()
    assert "För många misslyckade inloggningar" in text
    assert "15 minuter" in text
    # Both are logged, with the address, for whoever watches the logs.
    logged = [r.getMessage() for r in caplog.records if r.name == "trygg.accounts.adapter"]
    assert logged.count("login failed: wrong password for 'samordnare' from 192.0.2.10") == 10
    assert logged[-1] == (
        "login refused, locked out: 'samordnare' from 192.0.2.10 for 15 more minutes"
    )


def test_the_lock_is_per_user_from_any_address_and_spares_other_users(client, world):
    for _ in range(10):
        attempt(client, "samordnare", "wrong-password-123")
    attempt(client, "samordnare", PASSWORD, ELSEWHERE)
    assert not logged_in(client)
    attempt(client, "lasare", PASSWORD)  # same address, another user
    assert logged_in(client)


def test_the_lock_is_per_address_across_usernames(client, world):
    for n in range(30):
        attempt(client, f"gissning{n}", "wrong-password-123")
    attempt(client, "lasare", PASSWORD)
    assert not logged_in(client)
    attempt(client, "lasare", PASSWORD, ELSEWHERE)
    assert logged_in(client)


def test_the_lock_lifts_after_the_lockout_period(client, world, monkeypatch):
    for _ in range(10):
        attempt(client, "samordnare", "wrong-password-123")
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 14 * 60)
    response = attempt(client, "samordnare", PASSWORD)
    assert not logged_in(client) and "1 minut" in response.content.decode()
    monkeypatch.setattr(time, "time", lambda: real_time() + 15 * 60 + 1)
    attempt(client, "samordnare", PASSWORD)
    assert logged_in(client)


def test_a_successful_login_does_not_reset_the_count(client, world):
    """Right passwords between the guesses do not buy an attacker more guesses."""
    for _ in range(9):
        attempt(client, "samordnare", "wrong-password-123")
    attempt(client, "samordnare", PASSWORD)
    assert logged_in(client)
    client.post(reverse("logout"))
    attempt(client, "samordnare", "wrong-password-123")
    attempt(client, "samordnare", PASSWORD)
    assert not logged_in(client)


def test_passwords_need_twelve_characters(world):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from trygg.demo.users import DEMO_PASSWORD

    with pytest.raises(ValidationError):
        validate_password("kort-lösen1", User(username="x"))
    validate_password("lagom-langt-1", User(username="x"))
    validate_password(DEMO_PASSWORD, User(username="x"))
