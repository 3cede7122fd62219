"""`trygg prune_access_log`: delete access-log entries past their retention (run it daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from trygg.audit.log import prune_access_log


class Command(BaseCommand):
    help = (
        "Raderar poster i åtkomstloggen som är äldre än TRYGG_ACCESS_LOG_DAYS "
        f"(nu {settings.TRYGG_ACCESS_LOG_DAYS} dagar)."
    )

    def handle(self, *args, **options) -> None:
        deleted = prune_access_log()
        self.stdout.write(f"{deleted} poster i åtkomstloggen raderade.")
