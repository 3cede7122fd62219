"""Incidents: everything that happened, from every source, in one model.

A police event, a crime report, a housing company's note about graffiti and a
citizen's report all become an Incident, so one lägesbild can be drawn from
them together.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.geo.models import Area, Municipality, Place
from trygg.organisations.models import Organisation
from trygg.privacy import MaskedCharField, MaskedJSONField, MaskedTextField


class Category(models.Model):
    """One category of the taxonomy ("Skadegörelse", "Klotter", "Otrygg plats")."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = MaskedTextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class Source(models.TextChoices):
    """Where an incident was reported from."""

    POLICE_REPORT = "police_report", _("Police report")
    POLICE_EVENT = "police_event", _("Police event")
    STAFF = "staff", _("Staff report")
    HOUSING = "housing", _("Housing company")
    BUSINESS = "business", _("Business")
    SECURITY = "security", _("Security guard")
    CITIZEN = "citizen", _("Citizen")
    SAFETY_WALK = "safety_walk", _("Safety walk")
    DIALOGUE = "dialogue", _("Citizen dialogue")
    OTHER = "other", _("Other source")


class CategoryMapping(models.Model):
    """Maps a source's own code onto the taxonomy: an event type "Misshandel" → Våld.

    Coordinators edit this table; importers look codes up in it, so a new code
    is mapped once and every later import follows.
    """

    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    code = models.CharField(
        _("code or type"), max_length=150, help_text=_("A crime code, or an event type as written.")
    )
    category = models.ForeignKey(Category, on_delete=models.CASCADE, verbose_name=_("category"))

    class Meta:
        ordering = ["source", "code"]
        constraints = [
            models.UniqueConstraint(fields=["source", "code"], name="one_mapping_per_code")
        ]
        verbose_name = _("category mapping")
        verbose_name_plural = _("category mappings")

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.code} → {self.category}"


class Incident(models.Model):
    """Something that happened, somewhere, some time in a window."""

    class Visibility(models.TextChoices):
        INTERNAL = "internal", _("Internal to the reporting organisation")
        SHARED = "shared", _("Shared with the collaboration")
        PUBLIC = "public", _("Public in aggregate")

    class Precision(models.TextChoices):
        POINT = "point", _("Point")
        PLACE = "place", _("Named place")
        AREA = "area", _("Area")
        MUNICIPALITY = "municipality", _("Municipality")

    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    # The source's own id (a police event id, a report number): keeps imports idempotent.
    # NULL, not "", for reports made in Trygg, so the unique constraint leaves them be.
    external_id = models.CharField(  # noqa: DJ001
        _("source id"), max_length=100, null=True, blank=True
    )
    source_type = MaskedCharField(
        _("type as reported"), max_length=150, blank=True, help_text=_("E.g. the crime code.")
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("category")
    )
    # Summaries of a night or weekend are kept as context, never counted.
    is_summary = models.BooleanField(_("summary"), default=False)

    occurred_from = models.DateTimeField(_("happened from"))
    occurred_to = models.DateTimeField(_("happened to"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("place")
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    precision = models.CharField(
        _("location precision"), max_length=20, choices=Precision.choices, default=Precision.POINT
    )

    title = MaskedCharField(_("title"), max_length=250, blank=True)
    text = MaskedTextField(_("what happened"), blank=True)
    url = models.URLField(_("source link"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("reporting organisation"),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.SHARED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The uploaded file it came from: who imported it, when and from which file is the
    # job's (imports write no history rows of their own: bulk.py, docs/architecture.md).
    # No index: nothing looks incidents up by job, and every index costs each imported
    # row (bench/RESULTS.md); no page deletes a job, which would scan once to clear it.
    import_job = models.ForeignKey(
        "ImportJob",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        db_index=False,
        related_name="incidents",
        verbose_name=_("import"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="one_incident_per_source_id"
            ),
            models.CheckConstraint(
                condition=models.Q(occurred_to__gte=models.F("occurred_from")),
                name="incident_window_forwards",
            ),
        ]
        indexes = [
            # The lägesbild: one municipality, a stretch of time, counted by category and
            # area for what the user may see (access.visible_incidents). On PostgreSQL
            # the index covers all those columns, so counting a week reads the index
            # alone (SQLite ignores `include`). bench/RESULTS.md has the figures.
            models.Index(
                fields=["municipality", "occurred_from"],
                name="incident_muni_time",
                include=[
                    "category",
                    "area",
                    "is_summary",
                    "visibility",
                    "organisation",
                    "created_by",
                ],
            ),
        ]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return self.title or f"{self.get_source_display()} {self.occurred_from:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        if self.area_id is None and self.place_id is not None:
            self.area = self.place.area
        super().save(*args, **kwargs)


class ImportJob(models.Model):
    """A file uploaded for import, run in the background by `trygg db_worker`.

    The worker runs the same `import_file` as `trygg import`; this row says
    how it went, for the page that follows it.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind of file"), max_length=20)
    file = models.FileField(_("file"), upload_to="imports/")
    mapping = MaskedJSONField(_("column mapping"), null=True, blank=True)
    skip_invalid = models.BooleanField(_("import the good rows, set bad ones aside"), default=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True, editable=False)
    created = models.PositiveIntegerField(_("imported"), default=0)
    existing = models.PositiveIntegerField(_("already there"), default=0)
    rejected = models.PositiveIntegerField(_("set aside"), default=0)
    message = MaskedTextField(_("message"), blank=True)
    rejects = models.FileField(_("rows set aside"), upload_to="imports/", blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("import-job", args=[self.pk])


class ImportMapping(models.Model):
    """A column mapping a coordinator saved, to import the same kind of export again.

    It belongs to one organisation: only that organisation's coordinators see and
    use it (upload page, admin), and `trygg import csv --mapping NAME` finds it by
    name. The mapping is checked by the same validator the CSV importer uses.
    """

    name = models.CharField(_("name"), max_length=100)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="import_mappings",
        verbose_name=_("organisation"),
    )
    mapping = MaskedJSONField(
        _("column mapping"),
        help_text=_("The JSON mapping described in trygg/incidents/importers/mapping_csv.py."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="one_import_mapping_name_per_organisation"
            )
        ]
        verbose_name = _("saved column mapping")
        verbose_name_plural = _("saved column mappings")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Refuse a mapping the importer would refuse, with the importer's own message."""
        from .importers import ImportAborted
        from .importers.mapping_csv import load_mapping

        # A string would be read as a path on the server: a saved mapping is the JSON itself.
        if not isinstance(self.mapping, dict):
            raise ValidationError({"mapping": _("A mapping is a JSON object of column names.")})
        try:
            load_mapping(self.mapping)
        except ImportAborted as error:
            raise ValidationError({"mapping": str(error)}) from None
