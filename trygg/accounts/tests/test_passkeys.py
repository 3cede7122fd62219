"""Passkeys in Chromium, with its virtual authenticator: a held coordinator enrols one and
is let through, then logs in with the passkey alone."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from conftest import CHROMIUM, PASSWORD

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def add_virtual_authenticator(page) -> None:
    """A platform authenticator that verifies the user (as Touch ID or Windows Hello would)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_coordinator_enrols_a_passkey_and_then_logs_in_with_it(
    live_server, world, page, settings
):
    settings.TRYGG_REQUIRE_MFA = True
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # the live server speaks plain HTTP
    add_virtual_authenticator(page)

    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Användarnamn").fill(world.coordinator.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in", exact=True).click()
    page.get_by_text("Din roll kräver en andra faktor").wait_for()

    page.goto(live_server.url + reverse("mfa_add_webauthn"))
    page.locator("input[name=password]").fill(PASSWORD)  # allauth confirms the password first
    page.locator("main button[type=submit]").click()
    page.locator("#id_name").fill("Telefonen")
    page.locator("#id_passwordless").check()
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url("**/recovery-codes/**")
    assert Authenticator.objects.filter(user=world.coordinator, type="webauthn").exists()
    page.goto(live_server.url + reverse("start"))
    page.get_by_role("heading", name="Våra löften").wait_for()

    page.get_by_role("button", name="Logga ut").click()
    page.goto(live_server.url + reverse("login"))
    page.get_by_role("button", name="Använd en nyckel (passkey) i stället").click()
    page.get_by_role("heading", name="Våra löften").wait_for()
    page.goto(live_server.url + reverse("admin:index"))
    assert page.url.endswith(reverse("admin:index"))
