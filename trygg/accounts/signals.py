"""Session bookkeeping on login: when it began, and whether a second factor was used."""

import logging
import time

from allauth.account.adapter import get_adapter
from allauth.account.signals import user_logged_in as allauth_logged_in
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_used
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from . import second_factor
from .sessions import LOGIN_AT, SEEN_AT

log = logging.getLogger(__name__)


def client_address(request) -> str:
    """The client's address as the lockout counts it (behind TRYGG_TRUSTED_PROXIES)."""
    try:
        return get_adapter().get_client_ip(request)
    except PermissionDenied:
        return "unknown"


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs) -> None:
    """The absolute session limit counts from here (every way of logging in passes here)."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now
        log.info("login: %s from %s", user.get_username(), client_address(request))


@receiver(authenticator_used)
def second_factor_used(sender, request, user, **kwargs) -> None:
    """A TOTP code, passkey or recovery code was accepted, at login or on confirming later."""
    second_factor.mark_used(request, user)


@receiver(authenticator_added)
def second_factor_enrolled(sender, request, user, authenticator, **kwargs) -> None:
    """Enrolling TOTP or a passkey proves the factor (a code or a signature was checked)."""
    log.info("second factor added: %s for %s", authenticator.type, user.get_username())
    if authenticator.type != Authenticator.Type.RECOVERY_CODES:
        second_factor.mark_used(request, user)


@receiver(authenticator_removed)
def second_factor_removed(sender, request, user, authenticator, **kwargs) -> None:
    log.warning("second factor removed: %s for %s", authenticator.type, user.get_username())


@receiver(allauth_logged_in)
def identity_provider_login(sender, request, user, sociallogin=None, **kwargs) -> None:
    """A login through the identity provider counts as two factors when so configured."""
    if sociallogin is not None and settings.TRYGG_OIDC_COUNTS_AS_MFA:
        second_factor.mark_used(request, user)
