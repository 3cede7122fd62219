"""Trygghetsvandring (safety walk): a walk through an area, its findings and their owners.

Residents, landlords, the municipality and the police walk an area together and
note what makes it unsafe: a broken lamp, an overgrown path, graffiti. Each
finding is routed to the organisation that owns the problem, which accepts,
plans, does or rejects it; every change is kept (FindingChange). The walk's
report lists the findings and their status, and is issued in numbered editions
(WalkReport) as the statuses change.

Residents are counted, never named. Notes are masked for identity numbers.
"""

from uuid import uuid4

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.geo.models import Area, Municipality, Place
from trygg.incidents.models import Incident
from trygg.organisations.models import Organisation
from trygg.privacy import MaskedCharField, MaskedTextField
from trygg.promises.models import Activity, Commitment


class Walk(models.Model):
    """A planned or held safety walk: where, when, who took part, what it counts toward."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Not yet held")
        HELD = "held", _("Held")

    title = MaskedCharField(_("title"), max_length=200)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    date = models.DateField(_("date"))
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="organised_walks",
        verbose_name=_("organised by"),
    )
    # The organiser is always one of them; their members see the walk and its report.
    organisations = models.ManyToManyField(
        Organisation, related_name="walks", verbose_name=_("organisations taking part")
    )
    residents = models.PositiveIntegerField(
        _("residents taking part"), default=0, help_text=_("A number, never names.")
    )
    places = models.ManyToManyField(Place, blank=True, verbose_name=_("places on the route"))
    # A GeoJSON LineString in WGS 84 (longitude, latitude), drawn on the map.
    route = models.JSONField(_("route"), null=True, blank=True)
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="safety_walks", verbose_name=_("counts toward")
    )
    note = MaskedTextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    # The work counted toward the commitments once the walk is held (services.sync_activity).
    activity = models.OneToOneField(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=["organisations", "places", "commitments"])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("safety walk")
        verbose_name_plural = _("safety walks")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("walk", args=[self.pk])


class Finding(models.Model):
    """Something found on a walk, at a point, with its owner, status and due date.

    The current owner, status and due date are kept here for lists and
    filtering; how they came to be is in `changes`, written by the same
    service call that changes them (services.py).
    """

    class Category(models.TextChoices):
        LIGHTING = "belysning", _("Lighting")
        BLOCKED_VIEW = "skymd_sikt", _("Blocked view")
        GRAFFITI = "klotter", _("Graffiti")
        LITTER = "nedskrapning", _("Litter")
        BROKEN_EQUIPMENT = "trasig_utrustning", _("Broken equipment")
        UNSAFE_PASSAGE = "otrygg_passage", _("Unsafe passage")
        OTHER = "annat", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Done")
        REJECTED = "rejected", _("Rejected")

    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField(_("number"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    note = MaskedTextField(_("note"), blank=True)
    observed_at = models.DateTimeField(_("observed"), default=timezone.now)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="walk_findings",
        verbose_name=_("owner"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    due = models.DateField(_("due"), null=True, blank=True)
    # The same finding in the lägesbild (source "safety_walk"), made when it was added.
    incident = models.OneToOneField(
        Incident,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="walk_finding",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["walk", "number"]
        constraints = [
            models.UniqueConstraint(fields=["walk", "number"], name="finding_number_per_walk")
        ]
        # "Mina fynd": an owner's open findings.
        indexes = [models.Index(fields=["owner", "status"], name="finding_owner_status")]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.walk} #{self.number}: {self.get_category_display()}"

    def get_absolute_url(self) -> str:
        return reverse("finding", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.DONE, self.Status.REJECTED)


class FindingChange(models.Model):
    """One change of a finding: who, when, status from → to, owner and due date after, why.

    The first row of every finding is its creation ("" → new). The report's
    editions read the state of each finding at their issue time from these rows.
    """

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(_("when"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    from_status = models.CharField(
        _("from"), max_length=10, choices=Finding.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=10, choices=Finding.Status.choices)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due = models.DateField(_("due"), null=True, blank=True)
    note = MaskedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("finding change")
        verbose_name_plural = _("finding changes")

    def __str__(self) -> str:
        return f"{self.finding}: {self.from_status or '–'} → {self.to_status}"


def _photo_path(photo: "FindingPhoto", filename: str) -> str:
    """Stored under MEDIA_ROOT/walks/<walk>/, with a random name: never the phone's file name."""
    return f"walks/{photo.finding.walk_id}/{uuid4().hex}.jpg"


class FindingPhoto(models.Model):
    """A photo of a finding, stored as a resized JPEG without EXIF (photos.clean_photo).

    Served only through the walks' photo view, which checks who may see the finding.
    """

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to=_photo_path, max_length=200)
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["finding", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return f"{self.finding} – {self.pk}"


@receiver(post_delete, sender=Walk)
def _remove_walk_activity(sender, instance: Walk, **kwargs) -> None:
    """A deleted walk no longer counts toward any commitment."""
    if instance.activity_id is not None:
        Activity.objects.filter(pk=instance.activity_id).delete()


@receiver(post_delete, sender=Finding)
def _remove_finding_incident(sender, instance: Finding, **kwargs) -> None:
    """A deleted finding (a duplicate, a mistake) leaves the lägesbild with it."""
    if instance.incident_id is not None:
        Incident.objects.filter(pk=instance.incident_id).delete()


@receiver(post_delete, sender=FindingPhoto)
def _remove_photo_file(sender, instance: FindingPhoto, **kwargs) -> None:
    """A deleted photo (or its finding or walk) leaves no file behind, once the deletion holds."""
    storage, name = instance.image.storage, instance.image.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


class WalkReport(models.Model):
    """An issued edition of a walk's report: the findings as they stood at `issued_at`."""

    walk = models.ForeignKey(Walk, on_delete=models.CASCADE, related_name="reports")
    number = models.PositiveSmallIntegerField(_("edition"))
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )

    class Meta:
        ordering = ["walk", "number"]
        constraints = [
            models.UniqueConstraint(fields=["walk", "number"], name="report_edition_per_walk")
        ]
        verbose_name = _("walk report edition")
        verbose_name_plural = _("walk report editions")

    def __str__(self) -> str:
        return f"{self.walk}, utgåva {self.number}"
