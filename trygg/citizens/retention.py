"""How long citizen reports are kept, as one rule run by `trygg citizen_retention`.

* The email address: until the report is closed (services._close clears it with
  the decision). A report nobody has decided within EMAIL_DAYS loses it too: a
  reporter is not kept on file for a decision that may never come.
* A rejected report, with its photo: REJECTED_DAYS after the decision, long
  enough for a coordinator to notice a pattern of abuse, not longer.
* Accepted and merged reports stay, without email, as the record behind the
  incident they became or repeat.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .models import CitizenReport

EMAIL_DAYS = 90
REJECTED_DAYS = 30


@transaction.atomic
def apply_retention(now: datetime | None = None) -> dict[str, int]:
    """Clear stale email addresses and delete old rejected reports; returns how many of each."""
    now = now or timezone.now()
    cleared = (
        CitizenReport.objects.filter(received_at__lt=now - timedelta(days=EMAIL_DAYS))
        .exclude(email="")
        .update(email="")
    )
    rejected = CitizenReport.objects.filter(
        status=CitizenReport.Status.REJECTED, decided_at__lt=now - timedelta(days=REJECTED_DAYS)
    )
    deleted = 0
    for report in rejected:
        if report.photo:
            photo = report.photo
            transaction.on_commit(lambda photo=photo: photo.delete(save=False))
        report.delete()
        deleted += 1
    return {"emails_cleared": cleared, "rejected_deleted": deleted}
