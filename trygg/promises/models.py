"""Citizen promises, their commitments, and the work logged against them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.agreements.models import Agreement, Forum
from trygg.geo.models import Area, Municipality, Place
from trygg.lib.keep import KeptModel
from trygg.organisations.models import Organisation
from trygg.privacy import MaskedCharField, MaskedTextField


class Promise(KeptModel, models.Model):
    """A medborgarlöfte: what police and municipality publicly promise for a period."""

    title = MaskedCharField(_("title"), max_length=250)
    slug = models.SlugField(unique=True)
    parties = models.ManyToManyField(
        Organisation, related_name="promises", verbose_name=_("parties")
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="promises", verbose_name=_("municipalities")
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="promises",
        verbose_name=_("agreement"),
    )
    period_start = models.DateField(_("valid from"))
    period_end = models.DateField(_("valid to"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    # [{"name": "...", "title": "..."}]: officials who signed, as printed on the document.
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    introduction = MaskedTextField(_("introduction"), blank=True)
    reports_required = models.PositiveSmallIntegerField(
        _("reports to citizens required"),
        null=True,
        blank=True,
        help_text=_("How many times results must be reported to citizens during the period."),
    )
    reporting_text = MaskedTextField(_("reporting obligation, as written"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the public pages and in the open data.")
    )
    source_note = MaskedCharField(_("source"), max_length=250, blank=True)

    history = HistoricalRecords(m2m_fields=["parties", "municipalities"])

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("citizen promise")
        verbose_name_plural = _("citizen promises")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("promise", args=[self.slug])

    def party_ids(self) -> set[int]:
        """The organisations the promise belongs to, for permission checks."""
        return set(self.parties.values_list("id", flat=True))

    def get_public_url(self) -> str:
        return reverse("public-promise", args=[self.slug])

    def deletion_refused(self) -> str | None:
        """A signed promise, or one whose work was logged or reported on, is kept."""
        if self.signed_on is not None:
            why = gettext("The promise “%(title)s” is signed and cannot be deleted.")
        elif Activity.objects.filter(commitments__promise=self).exists():
            why = gettext("Work has been logged against the promise “%(title)s”; it is kept.")
        elif self.reports.filter(versions__isnull=False).exists():
            why = gettext("A report on the promise “%(title)s” has been published; it is kept.")
        else:
            return None
        return " ".join(
            [
                why % {"title": self.title},
                gettext(
                    "Instead, untick “public” to take it off the public pages, and cancel its "
                    "commitments from the day it ends (“Cancel the commitment” on each)."
                ),
            ]
        )


class FocusArea(models.Model):
    """A prioritised problem area of a promise ("Narkotika bland ungdomar")."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="focus_areas")
    order = models.PositiveIntegerField(_("order"))
    title = MaskedCharField(_("title"), max_length=250)
    description = MaskedTextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["promise", "order"]
        constraints = [
            models.UniqueConstraint(fields=["promise", "order"], name="focus_order_per_promise")
        ]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.title


class ActivityKind(models.TextChoices):
    """The kinds of work that are logged and counted toward targets."""

    SITE_VISIT = "site_visit", _("Site visit")
    FOOT_PATROL = "foot_patrol", _("Foot patrol")
    NIGHT_WALK = "night_walk", _("Night walk")
    OUTREACH_EVENING = "outreach_evening", _("Outreach evening")
    FORUM_MEETING = "forum_meeting", _("Forum meeting")
    CITIZEN_DIALOGUE = "citizen_dialogue", _("Citizen dialogue")
    SAFETY_WALK = "safety_walk", _("Safety walk")
    TRAINING = "training", _("Training")
    TRAFFIC_CONTROL = "traffic_control", _("Traffic control")
    DRUG_OPERATION = "drug_operation", _("Drug operation")
    OUTREACH_MEETING = "outreach_meeting", _("Outreach meeting")
    CONCERN_TALK = "concern_talk", _("Concern talk")
    INFORMATION = "information", _("Information effort")
    STUDY = "study", _("Study or mapping")
    OTHER = "other", _("Other")


class Commitment(KeptModel, models.Model):
    """One concrete undertaking of a promise, with its target.

    The target is a count ("minst hundra platsbesök på ett år": 100 site visits
    per year, at least), a milestone ("under våren 2025": due by a date) or
    ongoing work without a number.
    """

    class TargetKind(models.TextChoices):
        COUNT = "count", _("Count")
        MILESTONE = "milestone", _("Milestone")
        ONGOING = "ongoing", _("Ongoing work")

    class Per(models.TextChoices):
        YEAR = "year", _("per year")
        PERIOD = "period", _("per period")
        MONTH = "month", _("per month")
        WEEK = "week", _("per week")

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="commitments")
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("focus area"),
    )
    order = models.PositiveIntegerField(_("order"))
    text = MaskedTextField(_("text as promised"))
    responsible = models.ManyToManyField(
        Organisation, related_name="commitments", verbose_name=_("responsible")
    )
    places = models.ManyToManyField(Place, blank=True, verbose_name=_("places"))
    areas = models.ManyToManyField(Area, blank=True, verbose_name=_("areas"))

    target_kind = models.CharField(
        _("target"), max_length=10, choices=TargetKind.choices, default=TargetKind.ONGOING
    )
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    unit = MaskedCharField(_("unit as written"), max_length=100, blank=True)
    activity_kind = models.CharField(
        _("activity counted"),
        max_length=30,
        choices=ActivityKind.choices,
        blank=True,
        help_text=_("Only activities of this kind count toward the target; empty means all."),
    )
    per = models.CharField(_("per"), max_length=10, choices=Per.choices, blank=True)
    minimum = models.BooleanField(_("at least"), default=True)
    forum = models.ForeignKey(
        Forum,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("forum"),
        help_text=_("Meetings of this forum count toward the target."),
    )
    due = models.DateField(_("due"), null=True, blank=True)
    due_text = MaskedCharField(_("due, as written"), max_length=100, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=["responsible", "places", "areas"])

    class Meta:
        ordering = ["promise", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["promise", "order"], name="commitment_order_per_promise"
            ),
            models.CheckConstraint(
                condition=~models.Q(target_kind="count")
                | (models.Q(quantity__gt=0) & ~models.Q(per="")),
                name="count_target_has_quantity_and_per",
            ),
            models.CheckConstraint(
                condition=~models.Q(target_kind="milestone") | models.Q(due__isnull=False),
                name="milestone_has_due_date",
            ),
        ]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("commitment", args=[self.pk])

    def deletion_refused(self) -> str | None:
        """Logged work counted toward a commitment keeps it: it is cancelled, not deleted."""
        if not self.activities.exists():
            return None
        return gettext(
            "Work has been logged against the commitment “%(commitment)s”, so it cannot be "
            "deleted. Cancel it instead (“Cancel the commitment” on its page), with the reason."
        ) % {"commitment": self}


class Activity(models.Model):
    """Logged work: a site visit, a night walk, a forum meeting.

    It records what was done, when, where and by which organisation: never the
    names or identity numbers of the people it concerned.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=ActivityKind.choices)
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(
        _("count"), default=1, help_text=_("How many times, e.g. 3 site visits in one evening.")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("organisation"),
    )
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="activities", verbose_name=_("commitments")
    )
    forum = models.ForeignKey(
        Forum,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("forum"),
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("place")
    )
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    note = MaskedTextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The source's own id for imported or generated activities; keeps imports idempotent.
    external_id = models.CharField(
        max_length=100, null=True, blank=True, unique=True, editable=False
    )

    history = HistoricalRecords(m2m_fields=["commitments"])

    class Meta:
        ordering = ["-date", "-created_at"]
        # Progress sums one kind of activity over a stretch of dates.
        indexes = [models.Index(fields=["kind", "date"], name="activity_kind_date")]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"

    def save(self, *args, **kwargs) -> None:
        if self.area_id is None and self.place_id is not None:
            self.area = self.place.area
        super().save(*args, **kwargs)


class CommitmentRevision(models.Model):
    """A change to what a commitment promises, or its cancellation, from a given day on.

    The commitment itself always holds its latest target; each revision keeps
    the fields it changed, old and new, so the target in force on any earlier
    day can be read back (`revisions.terms_on`) and the history shown. A
    cancellation changes no field: from its day on the commitment is cancelled.
    """

    class Kind(models.TextChoices):
        REVISED = "revised", _("Revised")
        CANCELLED = "cancelled", _("Cancelled")

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    effective_on = models.DateField(_("in force from"))
    # {"quantity": [100, 60], "due": ["2025-05-31", "2025-06-30"]}: each changed field, old → new,
    # as JSON values (dates as ISO text).
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = MaskedTextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The order revisions were made in: undoing them newest first gives earlier targets.
        ordering = ["effective_on", "created_at", "id"]
        verbose_name = _("revision of a commitment")
        verbose_name_plural = _("revisions of commitments")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on}"

    def changed(self) -> list[tuple[str, str, str]]:
        """Each change as (field name, old, new), in words for the history."""
        rows = []
        for name, (old, new) in self.changes.items():
            field = Commitment._meta.get_field(name)
            rows.append((str(field.verbose_name), _shown(field, old), _shown(field, new)))
        return rows


def _shown(field: models.Field, value) -> str:
    """A stored JSON value as a person reads it: a choice's label, a date, a yes or no."""
    value = field.to_python(value)
    if value in (None, ""):
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)
