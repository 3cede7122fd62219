"""How citizens take part: dialogues, safety surveys and neighbourhood watch.

All three belong to a municipality, and so to the collaboration of the
organisations that cover it (the same rule as incidents and the lägesbild):
its coordinators record them, its viewers read them. None of them stores a
resident's name: a dialogue counts who took part, a survey result is an
aggregate, a neighbourhood-watch area names only its contact organisation.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.geo.geometry import GeometryError, parse_polygon
from trygg.geo.models import Area, Municipality, Place
from trygg.incidents.models import Category, Incident
from trygg.organisations.models import Organisation
from trygg.privacy import MaskedCharField, MaskedTextField
from trygg.promises.models import Activity, Commitment, FocusArea, Promise

# Age bands a dialogue may count its participants in: (key, label).
AGE_BANDS = (
    ("0-17", _("under 18")),
    ("18-29", _("18–29")),
    ("30-49", _("30–49")),
    ("50-64", _("50–64")),
    ("65-", _("65 and over")),
)


class Dialogue(models.Model):
    """A medborgardialog: a meeting, a street dialogue or a digital survey with residents."""

    class Format(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        STREET = "street", _("Street dialogue")
        SURVEY = "survey", _("Digital survey")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    title = MaskedCharField(_("title"), max_length=200)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    date = models.DateField(_("date"))
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("place")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        verbose_name=_("held by"),
        help_text=_(
            "The organisation whose work it is; it counts toward that organisation's commitments."
        ),
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("How many took part: a number, never names."),
    )
    # {"18-29": 12, ...} with the keys of AGE_BANDS; bands left out are unknown.
    participants_by_age = models.JSONField(_("participants by age"), default=dict, blank=True)
    summary = MaskedTextField(_("summary"), blank=True)
    informs_promise = models.ForeignKey(
        Promise,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogues",
        verbose_name=_("informs the promise"),
    )
    informs_focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogues",
        verbose_name=_("informs the focus area"),
    )
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="dialogues", verbose_name=_("counts toward")
    )
    # The Activity a held dialogue counts as (services.count_when_held); nothing else sets it.
    activity = models.OneToOneField(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=["commitments"])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("citizen dialogue")
        verbose_name_plural = _("citizen dialogues")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        known = {key for key, _label in AGE_BANDS}
        by_age = self.participants_by_age or {}
        if set(by_age) - known or any(
            not isinstance(n, int) or isinstance(n, bool) or n < 0 for n in by_age.values()
        ):
            raise ValidationError(
                {"participants_by_age": _("Only whole numbers, by the known age bands.")}
            )
        if self.participants is not None and sum(by_age.values()) > self.participants:
            raise ValidationError(
                {"participants": _("Fewer took part than the age bands add up to.")}
            )


class DialogueTheme(models.Model):
    """One theme residents raised at a dialogue, tagged with a category and maybe a place.

    A held dialogue's themes are also incidents of source "dialogue" (see
    services.theme_incidents), so they appear in the lägesbild.
    """

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="themes")
    text = MaskedTextField(_("what was raised"))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, verbose_name=_("category"))
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("place")
    )
    incident = models.OneToOneField(
        Incident,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="dialogue_theme",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["dialogue", "pk"]
        verbose_name = _("dialogue theme")
        verbose_name_plural = _("dialogue themes")

    def __str__(self) -> str:
        return self.text[:80]


class SurveyIndicator(models.Model):
    """A question or index of a safety survey ("Otrygghetsindex", "Andel som oroar sig…").

    Its kind decides how a change between years is tested (see survey.py).
    """

    class Kind(models.TextChoices):
        MEAN = "mean", _("Mean of a scale (index)")
        SHARE = "share", _("Share of respondents (%)")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEAN)
    description = MaskedTextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("survey indicator")
        verbose_name_plural = _("survey indicators")

    def __str__(self) -> str:
        return self.name


# How a survey result without an area is named wherever results are listed.
WHOLE_MUNICIPALITY = _("Whole municipality")


class SurveyResult(models.Model):
    """One indicator's result for one area, or the whole municipality, and year.

    An aggregate, with its respondents. A result without an area is the whole
    municipality's ("Hela kommunen", "Totalt"): the figure most surveys lead
    with, and often the only one a small municipality gets.
    """

    indicator = models.ForeignKey(SurveyIndicator, on_delete=models.PROTECT, related_name="results")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="survey_results",
        verbose_name=_("municipality"),
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_results",
        verbose_name=_("area"),
        help_text=_("Left empty, the result is the whole municipality's."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))
    respondents = models.PositiveIntegerField(_("respondents"))
    sd = models.FloatField(_("standard deviation"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "municipality", "area", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "year"],
                condition=models.Q(area__isnull=False),
                name="one_survey_result_per_key",
            ),
            models.UniqueConstraint(
                fields=["indicator", "municipality", "year"],
                condition=models.Q(area__isnull=True),
                name="one_whole_municipality_survey_result_per_key",
            ),
        ]
        verbose_name = _("survey result")
        verbose_name_plural = _("survey results")

    def __str__(self) -> str:
        return f"{self.indicator} {self.place_name} {self.year}"

    def save(self, *args, **kwargs) -> None:
        # An area's result is its municipality's: never two answers to "whose is it?".
        if self.area_id:
            self.municipality_id = self.area.municipality_id
        super().save(*args, **kwargs)

    @property
    def place_name(self) -> str:
        """The area's name, or "Hela kommunen" for the whole municipality."""
        return self.area.name if self.area_id else str(WHOLE_MUNICIPALITY)


class NeighbourhoodWatch(models.Model):
    """A grannsamverkan area: drawn on the map, with a contact organisation, never residents."""

    class Status(models.TextChoices):
        STARTED = "started", _("Started")
        ACTIVE = "active", _("Active")
        DORMANT = "dormant", _("Dormant")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=150)
    # A GeoJSON Polygon or MultiPolygon in WGS 84, as geo.Area stores its boundary.
    geometry = models.JSONField(_("boundary (GeoJSON)"))
    contact_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("contact organisation"),
        help_text=_("Shown on the public map. Residents' names are never stored."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.STARTED
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="watch_name_per_municipality"
            )
        ]
        verbose_name = _("neighbourhood watch area")
        verbose_name_plural = _("neighbourhood watch areas")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        try:
            parse_polygon(self.geometry)
        except GeometryError as error:
            raise ValidationError({"geometry": str(error)}) from error


class WatchTraining(models.Model):
    """A training held for a neighbourhood-watch area; it counts like any logged work."""

    watch = models.ForeignKey(
        NeighbourhoodWatch, on_delete=models.CASCADE, related_name="trainings"
    )
    date = models.DateField(_("date"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("held by")
    )
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="watch_trainings", verbose_name=_("counts toward")
    )
    # The Activity it counts as (services.count_training); nothing else sets it.
    activity = models.OneToOneField(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )

    history = HistoricalRecords(m2m_fields=["commitments"])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("neighbourhood watch training")
        verbose_name_plural = _("neighbourhood watch trainings")

    def __str__(self) -> str:
        return f"{self.watch} {self.date}"


class WatchSigns(models.Model):
    """Signs put up in a neighbourhood-watch area on one day."""

    watch = models.ForeignKey(NeighbourhoodWatch, on_delete=models.CASCADE, related_name="signs")
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("signs"), validators=[MinValueValidator(1)])

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("signs put up")
        verbose_name_plural = _("signs put up")

    def __str__(self) -> str:
        return f"{self.watch} {self.date}: {self.count}"


# What a record made goes with it, however it is deleted (a page, the admin, a cascade):
# a theme's incident leaves the lägesbild, a dialogue's or training's activity stops counting.


@receiver(post_delete, sender=DialogueTheme)
def _theme_deleted(sender, instance: DialogueTheme, **kwargs) -> None:
    if instance.incident_id is not None:
        Incident.objects.filter(pk=instance.incident_id).delete()


@receiver(post_delete, sender=Dialogue)
@receiver(post_delete, sender=WatchTraining)
def _counted_work_deleted(sender, instance: Dialogue | WatchTraining, **kwargs) -> None:
    if instance.activity_id is not None:
        Activity.objects.filter(pk=instance.activity_id).delete()
