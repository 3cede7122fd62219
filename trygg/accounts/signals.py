"""Session bookkeeping on login: when it began, and whether a second factor was used."""

import time

from allauth.account.signals import user_logged_in as allauth_logged_in
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_used
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import second_factor
from .sessions import LOGIN_AT, SEEN_AT


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs) -> None:
    """The absolute session limit counts from here (every way of logging in passes here)."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


@receiver(authenticator_used)
def second_factor_used(sender, request, user, **kwargs) -> None:
    """A TOTP code, passkey or recovery code was accepted, at login or on confirming later."""
    second_factor.mark_used(request, user)


@receiver(authenticator_added)
def second_factor_enrolled(sender, request, user, authenticator, **kwargs) -> None:
    """Enrolling TOTP or a passkey proves the factor (a code or a signature was checked)."""
    if authenticator.type != Authenticator.Type.RECOVERY_CODES:
        second_factor.mark_used(request, user)


@receiver(allauth_logged_in)
def identity_provider_login(sender, request, user, sociallogin=None, **kwargs) -> None:
    """A login through the identity provider counts as two factors when so configured."""
    if sociallogin is not None and settings.TRYGG_OIDC_COUNTS_AS_MFA:
        second_factor.mark_used(request, user)
