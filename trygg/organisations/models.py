"""Organisations taking part in the collaboration, and who works for which."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.lib.keep import KeptModel, related_data


class Organisation(KeptModel, models.Model):
    """A party to the work: a police area, a municipality, a housing company, an association."""

    class Kind(models.TextChoices):
        POLICE = "police", _("Police area")
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region")
        HOUSING = "housing", _("Housing company")
        ASSOCIATION = "association", _("Association")
        BUSINESS = "business", _("Business")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # A municipality organisation is its own municipality; a police area covers several.
    municipalities = models.ManyToManyField(
        "geo.Municipality",
        blank=True,
        related_name="organisations",
        verbose_name=_("municipalities"),
    )

    history = HistoricalRecords(m2m_fields=["municipalities"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def deletion_refused(self) -> str | None:
        """An organisation that has taken part in the work stays; only its members may go."""
        rows = related_data(self, ignore=(Membership,))
        if rows is None:
            return None
        return gettext(
            "“%(organisation)s” has data (%(rows)s) and cannot be deleted. Remove its "
            "memberships instead, so that nobody acts for it any more."
        ) % {"organisation": self.name, "rows": rows}


class Role(models.TextChoices):
    """What a member may do in the organisation's work, from most to least."""

    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    REPORTER = "reporter", _("Reporter")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A user's role in one organisation. A user may belong to several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_role_per_org")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"
