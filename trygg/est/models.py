"""EST – effektiv samordning för trygghet: the weekly meeting and the actions it decides.

Each week the EST group looks at the week's lägesbild, decides actions (what,
where, who, by when), and the next week starts by following up the actions
still open. An action that counts toward a promise ("a foot patrol decided at
EST is also a site visit toward 100 platsbesök") is logged as an Activity when
it is followed up as done, so it is counted like any other work.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.agreements.models import Forum
from trygg.geo.models import Area, Municipality, Place
from trygg.lagesbild.weeks import week_monday
from trygg.organisations.models import Organisation
from trygg.privacy import MaskedCharField, MaskedTextField
from trygg.promises.models import Activity, ActivityKind, Commitment


class Meeting(models.Model):
    """One weekly EST meeting of a forum, about one ISO week."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="est_meetings")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    week = models.PositiveSmallIntegerField(_("week"))
    held_on = models.DateField(_("held on"))
    notes = MaskedTextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-week"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "year", "week"], name="one_est_meeting_a_week")
        ]
        verbose_name = _("EST meeting")
        verbose_name_plural = _("EST meetings")

    def __str__(self) -> str:
        return f"{self.forum} v. {self.week} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("est-meeting", args=[self.forum.slug, self.year, self.week])

    @property
    def monday(self) -> date:
        return week_monday(self.year, self.week)


class Action(models.Model):
    """An action decided at an EST meeting, followed up at the next ones until closed."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        NOT_DONE = "not_done", _("Not done")
        CONTINUED = "continued", _("Continued")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    what = MaskedCharField(_("what"), max_length=300)
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("area")
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("place")
    )
    responsible = models.ForeignKey(Organisation, on_delete=models.PROTECT, verbose_name=_("who"))
    due = models.DateField(_("by when"))
    kind = models.CharField(
        _("kind of work"),
        max_length=30,
        choices=ActivityKind.choices,
        blank=True,
        help_text=_("When set, the action is logged as this activity once done."),
    )
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="est_actions", verbose_name=_("counts toward")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    follow_up_note = MaskedTextField(_("follow-up note"), blank=True)
    followed_up_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_up_actions",
        verbose_name=_("followed up at"),
    )
    activity = models.OneToOneField(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    # A follow-up corrected afterwards keeps who corrected it, when, and what it said before,
    # so the meeting's record shows that it was changed.
    corrected_from = models.CharField(
        _("status before correction"),
        max_length=10,
        choices=Status.choices,
        blank=True,
        editable=False,
    )
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    corrected_at = models.DateTimeField(_("corrected at"), null=True, blank=True, editable=False)

    history = HistoricalRecords(m2m_fields=["commitments"])

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("EST action")
        verbose_name_plural = _("EST actions")

    def __str__(self) -> str:
        return self.what
