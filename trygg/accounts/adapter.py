"""How allauth behaves in Trygg: no self sign-up, a lockout message that says for how long,
and the identity provider's login counting as a second factor when so configured."""

import logging
import math
import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import get_cache_key, get_rates
from allauth.mfa.stages import AuthenticateStage
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import ngettext

log = logging.getLogger(__name__)
# allauth's second step at login, replaced by Trygg's below.
STAGE = "allauth.mfa.stages.AuthenticateStage"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Accounts are made by an administrator (or by the identity provider's login)."""
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials) -> None:
        """Refuse a locked-out username or address, saying for how many minutes."""
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            minutes = math.ceil(lockout_seconds(request, key) / 60)
            log.warning(
                "login refused, locked out: %r from %s for %d more minutes",
                credentials.get("username"),
                self.get_client_ip(request),
                minutes,
            )
            raise forms.ValidationError(
                ngettext(
                    "Too many failed logins. Logging in is locked for %(minutes)d more "
                    "minute; after that, try again.",
                    "Too many failed logins. Logging in is locked for %(minutes)d more "
                    "minutes; after that, try again.",
                    minutes,
                )
                % {"minutes": minutes},
                code="locked_out",
            ) from None

    def authentication_failed(self, request: HttpRequest, **credentials) -> None:
        log.warning(
            "login failed: wrong password for %r from %s",
            credentials.get("username"),
            self.get_client_ip(request),
        )

    def get_login_stages(self) -> list[str]:
        return [
            "trygg.accounts.adapter.SecondFactorStage" if path == STAGE else path
            for path in super().get_login_stages()
        ]


def lockout_seconds(request: HttpRequest, key: str) -> float:
    """How long until the failed logins counted against this username or address let one in.

    allauth keeps each count as the times of the failures in a sliding window: a full
    count frees up when its oldest failure leaves the window.
    """
    now = time.time()
    waits = [1.0]
    for rate in get_rates(app="allauth.account", action="login_failed"):
        cache_key = get_cache_key(
            request, app="allauth.account", action="login_failed", rate=rate, key=key
        )
        history = [t for t in cache.get(cache_key, []) if t > now - rate.duration]
        if len(history) >= rate.amount:
            waits.append(min(history) + rate.duration - now)
    return max(waits)


class SecondFactorStage(AuthenticateStage):
    """allauth's second step at login, skipped after the identity provider's login when it
    counts as a second factor (TRYGG_OIDC_COUNTS_AS_MFA)."""

    def _should_handle(self, request: HttpRequest) -> bool:
        signal_kwargs = self.login.signal_kwargs or {}
        if "sociallogin" in signal_kwargs and settings.TRYGG_OIDC_COUNTS_AS_MFA:
            return False
        return super()._should_handle(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest, sociallogin) -> bool:
        """A first login through the identity provider makes an account with no
        memberships: it sees nothing until an administrator adds the user to an
        organisation with a role."""
        return True
