"""`log_access`: the one function that records a reading of police data.

Every view that shows or hands out incidents (the lägesbild and its files, the
incident list and history, EST meetings, the effect pages, import files) calls
it after its permission check has passed, so a refused request writes nothing:
nothing was read. Entries are pruned after TRYGG_ACCESS_LOG_DAYS
(`trygg prune_access_log`).
"""

from datetime import datetime, timedelta
from ipaddress import ip_address
from typing import Any

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from trygg.citizens.ratelimit import client_address

from .models import AccessLogEntry


def log_access(
    request: HttpRequest,
    what: str,
    *,
    municipality: Any = None,
    subject: Model | str | None = None,
    **details: Any,
) -> AccessLogEntry:
    """Record that request.user read `what` (e.g. "lagesbild.csv").

    municipality: a Municipality or an SCB code; subject: the object read (its
    model and id are stored); details: the parameters that decide what was
    shown, e.g. year and week. The query string is kept in `path` as well.
    """
    if isinstance(subject, Model):
        subject = f"{subject._meta.model_name} {subject.pk}"
    code = getattr(municipality, "scb_code", municipality) or ""
    return AccessLogEntry.objects.create(
        user=request.user,
        username=request.user.get_username(),
        what=what,
        municipality=str(code),
        subject=(subject or "")[:200],
        path=request.get_full_path()[:500],
        details={key: _plain(value) for key, value in details.items()},
        address=_valid_address(client_address(request)),
    )


def _plain(value: Any) -> Any:
    """A parameter as JSON keeps it: numbers and text as they are, anything else as text."""
    return value if isinstance(value, int | float | str | bool | None) else str(value)


def _valid_address(text: str) -> str | None:
    try:
        return str(ip_address(text))
    except ValueError:
        return None


def prune_access_log(now: datetime | None = None) -> int:
    """Delete entries older than TRYGG_ACCESS_LOG_DAYS; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.TRYGG_ACCESS_LOG_DAYS)
    deleted, _by_model = AccessLogEntry.objects.filter(at__lt=cutoff).delete()
    return deleted
