"""Session limits: an idle timeout and an absolute limit from login.

The login time and the last request's time are kept in the session; a session past
either limit is logged out and the user sent to the login page.
"""

import time

from django.conf import settings
from django.http import HttpRequest

LOGIN_AT = "trygg_login_at"
SEEN_AT = "trygg_seen_at"
# The last-seen time is written at most this often, not on every request.
SEEN_RESOLUTION = 60


def expired(request: HttpRequest, now: float) -> bool:
    """Has this logged-in session been idle too long, or lasted too long since login?"""
    session = request.session
    login_at = session.get(LOGIN_AT, now)
    seen_at = session.get(SEEN_AT, now)
    return (
        now - seen_at > settings.TRYGG_IDLE_MINUTES * 60
        or now - login_at > settings.TRYGG_SESSION_HOURS * 3600
    )


def touch(request: HttpRequest, now: float | None = None) -> None:
    """Note that the user is active (and when a session from before these limits began)."""
    now = time.time() if now is None else now
    session = request.session
    session.setdefault(LOGIN_AT, now)
    if now - session.get(SEEN_AT, 0) >= SEEN_RESOLUTION:
        session[SEEN_AT] = now
