"""The standing frame of the collaboration: agreements and the forums that meet under them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.lib.keep import KeptModel
from trygg.organisations.models import Organisation
from trygg.privacy import MaskedCharField, MaskedTextField


class Agreement(KeptModel, models.Model):
    """A samverkansöverenskommelse: a multi-year agreement between municipality and police."""

    title = MaskedCharField(_("title"), max_length=250)
    slug = models.SlugField(unique=True)
    parties = models.ManyToManyField(
        Organisation, related_name="agreements", verbose_name=_("parties")
    )
    municipalities = models.ManyToManyField(
        "geo.Municipality", related_name="agreements", verbose_name=_("municipalities")
    )
    period_start = models.DateField(_("valid from"))
    period_end = models.DateField(_("valid to"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_at = MaskedCharField(_("signed at"), max_length=100, blank=True)
    # [{"name": "...", "title": "..."}]: officials who signed, as printed on the document.
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    introduction = MaskedTextField(_("introduction"), blank=True)
    action_plan_url = models.URLField(_("action plan"), blank=True)
    follow_up_text = MaskedTextField(
        _("follow-up"),
        blank=True,
        help_text=_("How and by whom the agreement is followed up, as written."),
    )

    history = HistoricalRecords(m2m_fields=["parties", "municipalities"])

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreement", args=[self.slug])

    def deletion_refused(self) -> str | None:
        """A signed agreement is what the parties agreed: it ends, it is not deleted."""
        if self.signed_on is None:
            return None
        return gettext(
            "The agreement “%(title)s” is signed and cannot be deleted. To end it, set "
            "“valid to” to its last day."
        ) % {"title": self.title}

    @property
    def follow_up_due(self):
        """An agreement is followed up when its period ends."""
        return self.period_end


class CollaborationArea(models.Model):
    """One numbered samverkansområde of an agreement, with its text."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="areas")
    number = models.CharField(
        _("number"), max_length=10, blank=True, help_text=_("As printed, e.g. 2.1")
    )
    order = models.PositiveIntegerField(_("order"))
    title = MaskedCharField(_("title"), max_length=200)
    text = MaskedTextField(_("text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "order"], name="area_order_per_agreement")
        ]
        verbose_name = _("collaboration area")
        verbose_name_plural = _("collaboration areas")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class Forum(models.Model):
    """A standing group that meets: lokala BRÅ, Tistel, an områdesgrupp, SSPF, Bob-råd.

    Its meetings are activities of kind "forum meeting", so they count toward
    commitments such as "Tistel ska träffas minst fyra gånger per år".
    """

    class Kind(models.TextChoices):
        CRIME_PREVENTION_COUNCIL = "council", _("Local crime-prevention council")
        AUTHORITY_NETWORK = "network", _("Authority network")
        AREA_GROUP = "area_group", _("Area group")
        SSPF = "sspf", _("SSPF")
        EST = "est", _("EST group (weekly situation meeting)")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = MaskedTextField(_("description"), blank=True)
    members = models.ManyToManyField(Organisation, related_name="forums", verbose_name=_("members"))
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forums",
        verbose_name=_("agreement"),
    )

    history = HistoricalRecords(m2m_fields=["members"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum", args=[self.slug])

    def member_ids(self) -> set[int]:
        """The member organisations, for permission checks."""
        return set(self.members.values_list("id", flat=True))
