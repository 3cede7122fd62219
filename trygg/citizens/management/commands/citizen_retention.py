"""`trygg citizen_retention`: apply the citizen reports' retention rule (run it daily)."""

from django.core.management.base import BaseCommand

from trygg.citizens.retention import EMAIL_DAYS, REJECTED_DAYS, apply_retention


class Command(BaseCommand):
    help = (
        f"Tömmer e-postadresser i medborgarrapporter äldre än {EMAIL_DAYS} dagar och raderar "
        f"avvisade rapporter (med foto) {REJECTED_DAYS} dagar efter beslutet."
    )

    def handle(self, *args, **options) -> None:
        result = apply_retention()
        self.stdout.write(
            f"{result['emails_cleared']} e-postadresser tömda, "
            f"{result['rejected_deleted']} avvisade rapporter raderade."
        )
