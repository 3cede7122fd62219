"""The second factor: required of coordinators, administrators and superusers
(TRYGG_REQUIRE_MFA), held at the second step until given, and what lets them through."""

import re

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import User
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from conftest import PASSWORD
from trygg.accounts.middleware import OPEN_WHILE_HELD, OPEN_WHILE_HELD_PREFIXES

SECRET = pyotp.random_base32()


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.TRYGG_REQUIRE_MFA = True
    cache.clear()  # allauth's login counts and used TOTP codes live in the cache
    yield
    cache.clear()


def log_in(client, user, **extra):
    return client.post(reverse("login"), {"login": user.username, "password": PASSWORD}, **extra)


def confirm_password(client):
    """allauth asks for the password again before a factor is added."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def with_totp(user: User) -> list[str]:
    """Give the user TOTP (with SECRET) and recovery codes; return the codes."""
    TOTP.activate(user, SECRET)
    return RecoveryCodes.activate(user).generate_codes()


def example_paths(resolver: URLResolver | None = None, prefix: str = ""):
    """One path for every route in the project, with made-up arguments."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        if route.startswith("^"):
            continue  # the admin's regex routes; the admin is tested by its own pages below
        route = re.sub(r"<int:\w+>", "1", route)
        route = re.sub(r"<uuid:\w+>", "6e6f6e65-0000-4000-8000-000000000000", route)
        route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
        if isinstance(pattern, URLResolver):
            yield from example_paths(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route


def is_open_while_held(path: str) -> bool:
    name = resolve(path).view_name
    return name in OPEN_WHILE_HELD or name.startswith(OPEN_WHILE_HELD_PREFIXES)


def test_a_coordinator_with_a_password_only_is_held_at_the_second_step_on_every_page(client, world):
    response = log_in(client, world.coordinator)
    assert response.status_code == 302
    held = [path for path in example_paths() if not is_open_while_held(path)]
    held += [reverse("admin:index"), "/admin/promises/promise/", "/admin/auth/user/1/change/"]
    assert reverse("start") in held and reverse("import-upload") in held
    assert "/lagesbild/x/data.json" in held
    for path in held:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("mfa_index")), path
    # A form posted while held changes nothing either.
    response = client.post(reverse("promise-edit", args=[world.promise.slug]), {"title": "X"})
    assert response["Location"].startswith(reverse("mfa_index"))
    world.promise.refresh_from_db()
    assert world.promise.title == "Medborgarlöfte 2025"


def test_the_held_coordinator_can_set_up_the_factor_and_log_out(client, world):
    log_in(client, world.coordinator)
    page = client.get(reverse("start"), follow=True)
    assert page.redirect_chain[-1][0] == f"{reverse('mfa_index')}?next=%2F"
    text = page.content.decode()
    assert "Tvåfaktorsautentisering" in text and "Din roll kräver en andra faktor" in text
    confirm_password(client)
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


# allauth says a factor was added once the transaction commits: a real one here.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enrolling_totp_with_a_computed_code_lets_the_coordinator_through(client, world):
    log_in(client, world.coordinator)
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    assert "Aktivera autentiseringsapp" in page.content.decode()

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200 and "Felaktig kod" in wrong.content.decode()
    assert client.get(reverse("start")).status_code == 302

    code = pyotp.TOTP(secret).now()
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=world.coordinator, type="totp").exists()
    assert client.get(reverse("start")).status_code == 200
    assert client.get(reverse("import-upload")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_with_totp_the_login_asks_for_the_code_before_logging_in(client, world):
    with_totp(world.coordinator)
    response = log_in(client, world.coordinator)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not logged in on the password alone
    page = client.get(reverse("mfa_authenticate"))
    assert "ange en autentiseringskod" in page.content.decode()

    assert client.post(reverse("mfa_authenticate"), {"code": "123456"}).status_code == 200
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(SECRET).now()})
    assert client.session["_auth_user_id"] == str(world.coordinator.pk)
    assert client.get(reverse("start")).status_code == 200


def test_a_recovery_code_works_once(client, world):
    codes = with_totp(world.coordinator)
    log_in(client, world.coordinator)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert client.get(reverse("start")).status_code == 200

    client.post(reverse("logout"))
    log_in(client, world.coordinator)
    again = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert again.status_code == 200 and "Felaktig kod" in again.content.decode()
    assert "_auth_user_id" not in client.session

    client.post(reverse("mfa_authenticate"), {"code": codes[1]})
    assert client.get(reverse("start")).status_code == 200


def test_a_session_without_the_factor_is_sent_to_confirm_it(client, world):
    """A coordinator who has a factor but a session that never used it (logged in
    before the setting was turned on, say) confirms it and goes on."""
    with_totp(world.coordinator)
    client.force_login(world.coordinator)
    response = client.get(reverse("start"))
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2F"
    client.post(f"{reverse('mfa_reauthenticate')}?next=/", {"code": pyotp.TOTP(SECRET).now()})
    assert client.get(reverse("start")).status_code == 200


@pytest.mark.parametrize("who", ["reporter", "viewer"])
def test_readers_and_reporters_are_not_forced(client, world, who):
    log_in(client, getattr(world, who))
    assert client.get(reverse("start")).status_code == 200
    # They may enrol all the same.
    confirm_password(client)
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_administrators_and_superusers_are_held(client, world):
    from trygg.organisations.models import Membership, Role

    admin = User.objects.create_user("chef", password=PASSWORD)
    Membership.objects.create(user=admin, organisation=world.police, role=Role.ADMIN)
    root = User.objects.create_superuser("root", password=PASSWORD)
    for user in (admin, root):
        client.logout()
        log_in(client, user)
        assert client.get(reverse("start"))["Location"].startswith(reverse("mfa_index"))


def test_without_the_setting_a_password_is_enough(client, world, settings):
    settings.TRYGG_REQUIRE_MFA = False
    log_in(client, world.coordinator)
    assert client.get(reverse("start")).status_code == 200


def test_the_admin_login_is_trygg_s_login(client, world):
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response["Location"] == f"{reverse('login')}?next=/admin/"
    # Posting a password to the admin's login logs no one in.
    client.post(reverse("admin:login"), {"username": "samordnare", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # Through Trygg's login, the second factor is asked for all the same.
    log_in(client, world.coordinator)
    assert client.get(reverse("admin:login"))["Location"].startswith(reverse("mfa_index"))


def test_the_admin_login_refuses_a_user_without_an_editing_role(client, world):
    client.force_login(world.viewer)
    assert client.get(reverse("admin:login")).status_code == 403
