"""Follow-up reports to citizens: an edited draft, and published versions that never change."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.geo.models import Municipality
from trygg.organisations.models import Organisation
from trygg.privacy import MaskedCharField, MaskedJSONField, MaskedTextField
from trygg.promises.models import Commitment, Promise


class Report(models.Model):
    """A follow-up report of a promise for a period: the working copy a coordinator edits.

    The figures are not stored here: they are drawn from the data when the
    draft is shown and frozen into a `ReportVersion` when it is published.
    """

    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, related_name="reports", verbose_name=_("promise")
    )
    title = MaskedCharField(_("title"), max_length=250)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    introduction = MaskedTextField(_("introduction"), blank=True)
    # {"<commitment id>": "comment"}: the coordinator's words on each commitment.
    comments = MaskedJSONField(_("comments"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end", "-created_at"]
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("report", args=[self.pk])

    @property
    def latest(self) -> "ReportVersion | None":
        return self.versions.order_by("-number").first()


class PublishedVersion(models.Model):
    """A published version of a document: a snapshot of its figures, texts and charts.

    Immutable: saving an existing version is refused, so later data changes
    and later corrections never alter what was published. Shared by follow-up
    reports and strategic situation pictures (`versions.publish_version`).
    """

    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    change_note = MaskedTextField(_("what changed"), blank=True)
    content = MaskedJSONField(_("content"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"v{self.number}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("A published version cannot be changed; publish a new one.")
        super().save(*args, **kwargs)


class ReportVersion(PublishedVersion):
    """One published version of a follow-up report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_number")
        ]
        verbose_name = _("published report version")
        verbose_name_plural = _("published report versions")

    def get_public_url(self) -> str:
        return reverse(
            "public-report", args=[self.report.promise.slug, self.report_id, self.number]
        )


class StrategicPlan(models.Model):
    """A municipality's yearly strategic situation picture and action plan (lag 2023:196).

    The working copy: texts and decision are edited here; the incident trends
    are drawn from the data and frozen, with everything else, into a
    `StrategicPlanVersion` when the plan is decided and published.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="strategic_plans"
    )
    year = models.PositiveIntegerField(_("year"))
    focus_text = MaskedTextField(_("focus areas chosen, and why"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.CharField(_("decision body"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="one_plan_a_year")
        ]
        verbose_name = _("strategic situation picture and action plan")
        verbose_name_plural = _("strategic situation pictures and action plans")

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("strategic-plan", args=[self.pk])


class PlanAction(models.Model):
    """One action of the plan: what, who, when, and the commitments it serves."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Done")
        PARTLY = "partly", _("Partly done")
        NOT_DONE = "not_done", _("Not done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(StrategicPlan, on_delete=models.CASCADE, related_name="actions")
    what = MaskedTextField(_("what"))
    who = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    when = MaskedCharField(_("when"), max_length=100)
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="+", verbose_name=_("commitments")
    )
    status = models.CharField(
        _("outcome"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )

    history = HistoricalRecords(m2m_fields=["commitments"])

    class Meta:
        ordering = ["plan", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.what[:80]


class StrategicPlanVersion(PublishedVersion):
    """One decided and published version of a strategic plan."""

    plan = models.ForeignKey(StrategicPlan, on_delete=models.CASCADE, related_name="versions")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number")
        ]
        verbose_name = _("published plan version")
        verbose_name_plural = _("published plan versions")
