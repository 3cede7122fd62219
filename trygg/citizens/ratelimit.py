"""How many reports one address may send: a count of POSTs per client address in the cache.

No account is needed to report, so the address is the only handle on someone
sending hundreds. Every POST counts, valid or not: a refused one (a bad
service_code beside a large photo) costs as much work. The count lives in the
cache (settings.CACHES: the database by default, shared by every process;
TRYGG_CACHE=memory keeps it in one process), keyed by
a hash of the address, so no address is stored in the database or readable in
the cache. The window is fixed: it starts with the first report and lasts an
hour.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

REPORTS_PER_HOUR = 5
WINDOW_SECONDS = 3600


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the one the trusted proxy put in X-Forwarded-For.

    Behind TRYGG_TRUSTED_PROXIES proxies each appends the address it saw, so the
    entry that many places from the right is the one no client could have
    forged. Without trusted proxies the header is ignored: anyone can send it.
    """
    proxies = getattr(settings, "TRYGG_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(request: HttpRequest) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client_address(request)}".encode())
    return f"citizen-reports:{digest.hexdigest()[:32]}"


def limit_reached(request: HttpRequest) -> bool:
    """Has this address already sent REPORTS_PER_HOUR reports in the current window?"""
    return cache.get(_key(request), 0) >= REPORTS_PER_HOUR


def count_report(request: HttpRequest) -> None:
    """Count one POST (a report, a refused one, one caught by the honeypot) against the address."""
    key = _key(request)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
