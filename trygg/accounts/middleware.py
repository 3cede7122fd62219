"""Two gates in front of every page for logged-in users: session limits, then the second factor."""

import time
from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import second_factor, sessions

# Pages a user held at the second step may still open: logging in and out, setting up and
# giving the second factor (allauth's mfa_* pages), confirming the password, the language.
OPEN_WHILE_HELD = {"login", "logout", "account_login", "account_logout", "set_language"}
OPEN_WHILE_HELD_PREFIXES = ("mfa_", "account_reauthenticate")
# The session has been told why it is held.
TOLD = "trygg_second_factor_told"


class SessionLimitMiddleware:
    """Logs out a session idle for TRYGG_IDLE_MINUTES or older than TRYGG_SESSION_HOURS."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            if sessions.expired(request, now):
                logout(request)
                messages.info(request, _("You were logged out. Log in again to continue."))
                return redirect_to_login(request.get_full_path())
            sessions.touch(request, now)
        return self.get_response(request)


def _open_while_held(request: HttpRequest) -> bool:
    try:
        name = resolve(request.path_info).view_name
    except Resolver404:
        return False
    return name in OPEN_WHILE_HELD or name.startswith(OPEN_WHILE_HELD_PREFIXES)


class SecondFactorMiddleware:
    """Keeps a coordinator, administrator or superuser without a second factor in this
    session away from every page but those that set it up or ask for it (TRYGG_REQUIRE_MFA).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if second_factor.is_held(request) and not _open_while_held(request):
            return _to_second_step(request)
        return self.get_response(request)


def _to_second_step(request: HttpRequest) -> HttpResponse:
    """To confirm the factor the user has, or to set one up if they have none (saying
    why, once a session)."""
    has_factor = Authenticator.objects.filter(
        user=request.user,
        type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
    ).exists()
    target = "mfa_reauthenticate" if has_factor else "mfa_index"
    if not request.session.get(TOLD):
        request.session[TOLD] = True
        messages.warning(
            request,
            _("Your role needs a second factor. Confirm it to continue.")
            if has_factor
            else _(
                "Your role needs a second factor. Set up an authenticator app or a passkey "
                "to continue."
            ),
        )
    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
