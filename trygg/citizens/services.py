"""What happens to a citizen report: it is received, then accepted, merged or rejected.

Every change of status goes through here, so the rules hold whichever page or
API made it: text is masked, only a received report can be decided, the
reporter who left an email hears of each step, and the email is cleared as
soon as the report is closed (see models.py for the retention rule).
"""

import logging
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from trygg.geo.models import Municipality
from trygg.geo.services import area_for_point
from trygg.incidents.models import Category, Incident, Source

from .access import moderating_organisation
from .models import CitizenReport

logger = logging.getLogger(__name__)


class AlreadyDecided(Exception):
    """Someone else decided the report first; nothing was changed."""


@transaction.atomic
def submit(
    *,
    channel: str,
    municipality: Municipality,
    category: Category,
    happened_at: datetime,
    latitude: float | None = None,
    longitude: float | None = None,
    address: str = "",
    text: str = "",
    photo: ContentFile | None = None,
    email: str = "",
) -> CitizenReport:
    """Store a new report in the moderation queue and confirm it to the reporter.

    The photo must already have been through photos.clean_photo.
    """
    report = CitizenReport(
        channel=channel,
        municipality=municipality,
        category=category,
        happened_at=happened_at,
        latitude=latitude,
        longitude=longitude,
        address=address.strip(),
        text=text.strip(),
        email=email,
        language=translation.get_language() or "sv",
    )
    if photo is not None:
        report.photo.save(photo.name, photo, save=False)
    report.save()
    _notify(report)
    return report


def _decided(report: CitizenReport) -> CitizenReport:
    """The report, locked for this transaction, if it is still waiting for a decision."""
    locked = CitizenReport.objects.select_for_update().get(pk=report.pk)
    if locked.status != CitizenReport.Status.RECEIVED:
        raise AlreadyDecided(report.pk)
    return locked


def _close(report: CitizenReport, user: AbstractBaseUser, status: str) -> None:
    """Record the decision, tell the reporter, and forget their address."""
    report.status = status
    report.decided_at = timezone.now()
    report.decided_by = user
    _notify(report)
    report.email = ""
    report.save()


@transaction.atomic
def accept(
    report: CitizenReport, user: AbstractBaseUser, category: Category, text: str
) -> Incident:
    """Make the report an incident of source "citizen", shared with the collaboration.

    The one way a citizen report reaches the lägesbild and the open data. The
    incident keeps the exact point for the collaboration's own maps and takes
    its area from it (area_for_point); its text is the coordinator's reading
    of the report, masked like every free text.
    """
    report = _decided(report)
    area, precision = None, Incident.Precision.MUNICIPALITY  # an address alone is not placed
    if report.has_point:
        area = area_for_point(report.latitude, report.longitude, report.municipality)
        precision = Incident.Precision.POINT
    incident = Incident.objects.create(
        source=Source.CITIZEN,
        category=category,
        occurred_from=report.happened_at,
        occurred_to=report.happened_at,
        municipality=report.municipality,
        area=area,
        latitude=report.latitude,
        longitude=report.longitude,
        precision=precision,
        text=text.strip(),
        organisation=moderating_organisation(user, report.municipality),
        visibility=Incident.Visibility.SHARED,
        created_by=user,
    )
    report.category = category
    report.text = incident.text
    report.incident = incident
    _close(report, user, CitizenReport.Status.ACCEPTED)
    return incident


@transaction.atomic
def merge(report: CitizenReport, user: AbstractBaseUser, incident: Incident) -> None:
    """Close the report as a repeat of an incident already in the lägesbild: it counts once."""
    report = _decided(report)
    report.merged_into = incident
    _close(report, user, CitizenReport.Status.MERGED)


@transaction.atomic
def reject(report: CitizenReport, user: AbstractBaseUser, reason: str) -> None:
    """Close the report without an incident; the reason goes to the reporter."""
    report = _decided(report)
    report.reason = reason.strip()
    _close(report, user, CitizenReport.Status.REJECTED)


def _notify(report: CitizenReport) -> None:
    """Mail the reporter the report's status, once the database has it for certain.

    The mail names the report's number, category and status, and for a
    rejection the coordinator's reason: nothing of any other report, incident
    or person. A mail server that is down must not lose the report, so a
    failure is logged, not raised.
    """
    if not report.email:
        return
    with translation.override(report.language):
        subject = render_to_string("citizens/email_subject.txt", {"report": report}).strip()
        body = render_to_string("citizens/email.txt", {"report": report})
    recipient = report.email

    def send() -> None:
        try:
            send_mail(subject, body, None, [recipient])
        except OSError:
            logger.exception("Could not mail the status of citizen report %s", report.pk)

    transaction.on_commit(send, robust=True)
