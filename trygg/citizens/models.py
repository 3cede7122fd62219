"""Citizen reports: what a resident saw or what makes them feel unsafe, waiting for a coordinator.

A report is not an incident until a coordinator of its municipality has read
it: only then does it count in the lägesbild or show in the open data
(services.accept). Until then it is visible to that municipality's
coordinators alone.

Retention (retention.py, run daily by `trygg citizen_retention`): the email
address exists only to tell the reporter what happened to the report. It is
cleared in the same transaction that closes the report (accepted, merged or
rejected), right after the last status mail is queued, and after 90 days on a
report nobody decided. A rejected report, with its photo, is deleted 30 days
after the decision; accepted and merged reports stay, without email, as the
record behind their incident.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.geo.models import Municipality
from trygg.incidents.models import Category, Incident
from trygg.privacy import MaskedCharField, MaskedTextField

TEXT_MAX_LENGTH = 2000
ADDRESS_MAX_LENGTH = 200


class CitizenReport(models.Model):
    """One report from the public form or an Open311 client."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        MERGED = "merged", _("Merged with another report")
        REJECTED = "rejected", _("Rejected")

    class Channel(models.TextChoices):
        FORM = "form", _("Web form")
        OPEN311 = "open311", _("Open311 app")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    channel = models.CharField(_("sent through"), max_length=10, choices=Channel.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, verbose_name=_("category"))
    happened_at = models.DateTimeField(_("when"))
    # The exact point is for the moderators and the collaboration's lägesbild only;
    # the open data shows the centroid of the incident's area instead.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    address = MaskedCharField(_("address or place"), max_length=ADDRESS_MAX_LENGTH, blank=True)
    text = MaskedTextField(_("what the reporter wrote"), blank=True)
    photo = models.FileField(_("photo"), upload_to="citizen-reports/%Y/%m/", blank=True)
    email = models.EmailField(_("email for feedback"), blank=True)
    language = models.CharField(max_length=8, default="sv", editable=False)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    reason = MaskedTextField(_("reason for rejection"), blank=True)
    incident = models.OneToOneField(
        Incident,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="citizen_report",
        verbose_name=_("incident"),
    )
    merged_into = models.ForeignKey(
        Incident,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_citizen_reports",
        verbose_name=_("merged into"),
    )

    history = HistoricalRecords(excluded_fields=["email", "photo"], cascade_delete_history=True)

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["municipality", "status"], name="citizen_report_queue")]
        verbose_name = _("citizen report")
        verbose_name_plural = _("citizen reports")

    def __str__(self) -> str:
        return f"#{self.pk} {self.category}"

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None
