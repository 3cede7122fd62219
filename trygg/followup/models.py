"""Follow-up reports to citizens: an edited draft, and published versions that never change."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trygg.privacy import mask_identity_numbers
from trygg.promises.models import Promise


class Report(models.Model):
    """A follow-up report of a promise for a period: the working copy a coordinator edits.

    The figures are not stored here: they are drawn from the data when the
    draft is shown and frozen into a `ReportVersion` when it is published.
    """

    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, related_name="reports", verbose_name=_("promise")
    )
    title = models.CharField(_("title"), max_length=250)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    introduction = models.TextField(_("introduction"), blank=True)
    # {"<commitment id>": "comment"}: the coordinator's words on each commitment.
    comments = models.JSONField(_("comments"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "-created_at"]
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.introduction = mask_identity_numbers(self.introduction)
        self.comments = {k: mask_identity_numbers(v) for k, v in self.comments.items()}
        super().save(*args, **kwargs)

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
    change_note = models.TextField(_("what changed"), blank=True)
    content = models.JSONField(_("content"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"v{self.number}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError("A published version cannot be changed; publish a new one.")
        self.change_note = mask_identity_numbers(self.change_note)
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
