"""Sign-in through the organisation's identity provider (OpenID Connect), end to end
against a provider on the loopback."""

import http.client
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from trygg.organisations.models import Membership, Role

from .idp import CLIENT_ID, CLIENT_SECRET, LoopbackProvider

CLAIMS = {
    "sub": "0b1d-4711",
    "preferred_username": "anna.andersson",
    "email": "anna.andersson@kommun.example",
    "email_verified": True,
    "given_name": "Anna",
    "family_name": "Andersson",
}


@pytest.fixture
def idp(settings, db):
    with LoopbackProvider(CLAIMS) as provider:
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "idp",
                        "name": "Västerviks kommun",
                        "client_id": CLIENT_ID,
                        "secret": CLIENT_SECRET,
                        "settings": {"server_url": provider.url},
                    }
                ],
            }
        }
        yield provider


def follow_at_provider(url: str) -> str:
    """The browser's visit to the provider: it answers with a redirect back to Trygg."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", f"{parts.path}?{parts.query}")
    response = connection.getresponse()
    assert response.status == 302
    back = urlsplit(response.getheader("Location"))
    connection.close()
    assert back.netloc == "testserver"
    return f"{back.path}?{back.query}"


def sign_in(client, idp) -> object:
    page = client.get(reverse("login"))
    assert "Logga in med Västerviks kommun" in page.content.decode()
    start = client.post(reverse("openid_connect_login", args=["idp"]) + "?process=login")
    assert start["Location"].startswith(f"{idp.url}/authorize?")
    return client.get(follow_at_provider(start["Location"]), follow=True)


def test_a_new_user_signs_in_and_has_no_membership_until_an_administrator_adds_one(client, idp):
    response = sign_in(client, idp)
    assert response.status_code == 200
    user = User.objects.get(username="anna.andersson")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert (user.email, user.first_name) == ("anna.andersson@kommun.example", "Anna")
    assert not Membership.objects.filter(user=user).exists()
    assert response.redirect_chain[-1][0] == reverse("start")

    # Signing in again is the same account.
    client.post(reverse("logout"))
    sign_in(client, idp)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert User.objects.filter(username__startswith="anna").count() == 1


def test_an_existing_account_with_the_same_email_is_not_taken_over(client, idp, world):
    world.coordinator.email = CLAIMS["email"]
    world.coordinator.save()
    response = sign_in(client, idp)
    assert "_auth_user_id" not in client.session
    # allauth asks for another address (or none) before making a new account.
    assert response.redirect_chain[-1][0] == reverse("socialaccount_signup")
    assert "Skapa konto" in response.content.decode()


def test_the_provider_s_login_counts_as_the_second_factor(client, idp, world, settings):
    settings.TRYGG_REQUIRE_MFA = True
    sign_in(client, idp)
    user = User.objects.get(username="anna.andersson")
    Membership.objects.create(user=user, organisation=world.municipality, role=Role.COORDINATOR)
    assert client.get(reverse("start")).status_code == 200


def test_unless_configured_otherwise(client, idp, world, settings):
    settings.TRYGG_REQUIRE_MFA = True
    settings.TRYGG_OIDC_COUNTS_AS_MFA = False
    sign_in(client, idp)
    user = User.objects.get(username="anna.andersson")
    Membership.objects.create(user=user, organisation=world.municipality, role=Role.COORDINATOR)
    assert client.get(reverse("start"))["Location"].startswith(reverse("mfa_index"))


def test_a_forged_callback_logs_no_one_in(client, idp):
    client.post(reverse("openid_connect_login", args=["idp"]) + "?process=login")
    callback = reverse("openid_connect_callback", args=["idp"])
    client.get(callback + "?code=made-up&state=made-up")
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="anna.andersson").exists()
