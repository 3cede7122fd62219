"""Forms for logging work and editing promises."""

import copy
from datetime import date

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygg.geo.models import Place
from trygg.lib.optimistic import VersionedForm
from trygg.organisations.models import Organisation

from .models import Activity, Commitment, CommitmentRevision, Promise
from .revisions import REVISABLE, cancel, cancellation, earliest_effective, revise
from .seasons import season_due


class ActivityForm(forms.ModelForm):
    """Log one piece of work in a few taps: kind, date and count come pre-filled."""

    class Meta:
        model = Activity
        fields = ["kind", "date", "count", "organisation", "place", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "count": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "note": _("What was done. Never names or personal identity numbers."),
        }

    def __init__(
        self,
        *args,
        organisations: list[Organisation],
        places: list[Place],
        period: tuple[date, date] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.period = period
        self.fields["organisation"].queryset = Organisation.objects.filter(
            id__in=[org.id for org in organisations]
        )
        self.fields["organisation"].empty_label = None
        if "place" in self.fields:
            self.fields["place"].queryset = Place.objects.filter(id__in=[p.id for p in places])
        today = timezone.localdate()
        self.fields["date"].initial = min(today, period[1]) if period else today

    def clean_date(self) -> date:
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Work cannot be logged ahead of time."))
        if self.period and not self.period[0] <= day <= self.period[1]:
            raise forms.ValidationError(
                _("The date must be within the promise's period, %(start)s–%(end)s.")
                % {"start": self.period[0].isoformat(), "end": self.period[1].isoformat()}
            )
        return day


class PromiseForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Promise
        fields = [
            "title",
            "introduction",
            "period_start",
            "period_end",
            "reports_required",
            "reporting_text",
            "is_public",
        ]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data


def check_target(form: forms.ModelForm, data: dict) -> None:
    """A count needs a quantity and a per; a milestone a due date (as the model's constraints).

    A milestone given only as written ("under hösten") gets its date by the
    one season rule, in the promise's first year unless the words name one.
    """
    kind = data.get("target_kind")
    if kind == Commitment.TargetKind.MILESTONE and not data.get("due") and data.get("due_text"):
        data["due"] = season_due(data["due_text"], form.instance.promise.period_start.year)
    if kind == Commitment.TargetKind.COUNT:
        if not data.get("quantity"):
            form.add_error("quantity", _("A count target needs a quantity."))
        if not data.get("per"):
            form.add_error("per", _("A count target needs a period it is counted per."))
    if kind == Commitment.TargetKind.MILESTONE and not data.get("due"):
        form.add_error("due", _("A milestone needs a due date."))


class CommitmentForm(forms.ModelForm):
    """A new commitment, target and all (the document reader's confirm page)."""

    class Meta:
        model = Commitment
        fields = [
            "text",
            "target_kind",
            "quantity",
            "unit",
            "activity_kind",
            "per",
            "minimum",
            "due",
            "due_text",
            "completed_on",
        ]
        widgets = {
            "due": forms.DateInput(attrs={"type": "date"}),
            "completed_on": forms.DateInput(attrs={"type": "date"}),
            "text": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        check_target(self, data)
        return data


class CommitmentEditForm(VersionedForm, forms.ModelForm):
    """A commitment's words and what counts toward it.

    Its target is not here: a changed target is a revision (RevisionForm), which
    keeps the old one with who changed it, when and why.
    """

    class Meta:
        model = Commitment
        fields = ["text", "activity_kind", "completed_on"]
        widgets = {
            "completed_on": forms.DateInput(attrs={"type": "date"}),
            "text": forms.Textarea(attrs={"rows": 3}),
        }


class _ChangeForm(VersionedForm, forms.Form):
    """The day a change takes effect and why: what every revision and cancellation records."""

    effective_on = forms.DateField(
        label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the commitment's history. Never names or identity numbers."),
    )

    # Revising or cancelling over someone else's revision would undo it unseen.
    version_fields = REVISABLE

    def __init__(self, *args, commitment: Commitment, **kwargs) -> None:
        self.commitment = commitment
        super().__init__(*args, **kwargs)
        self.earliest = earliest_effective(commitment)
        self.latest = commitment.promise.period_end
        self.fields["effective_on"].initial = min(
            max(timezone.localdate(), self.earliest), self.latest
        )

    def clean_effective_on(self) -> date:
        day = self.cleaned_data["effective_on"]
        if not self.earliest <= day <= self.latest:
            raise forms.ValidationError(
                _(
                    "The date must be from %(start)s to %(end)s: within the promise's period "
                    "and not before the latest change."
                )
                % {"start": self.earliest.isoformat(), "end": self.latest.isoformat()}
            )
        return day

    def versioned_object(self) -> Commitment:
        return self.commitment

    def clean(self):
        data = super().clean()
        if cancellation(self.commitment, self.latest):
            raise forms.ValidationError(_("The commitment is cancelled and cannot be changed."))
        return data


class RevisionForm(_ChangeForm, forms.ModelForm):
    """A new target for a commitment: the target fields, pre-filled with the current ones."""

    class Meta:
        model = Commitment
        fields = list(REVISABLE)
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, commitment: Commitment, **kwargs) -> None:
        # The form works on a copy: the commitment changes only through revisions.revise.
        super().__init__(*args, commitment=commitment, instance=copy.copy(commitment), **kwargs)
        self.order_fields(["effective_on", *REVISABLE, "reason"])

    def clean(self):
        data = super().clean()
        check_target(self, data)
        if not self.errors and all(
            data.get(name) == getattr(self.commitment, name) for name in REVISABLE
        ):
            raise forms.ValidationError(_("Nothing in the target was changed."))
        return data

    def save(self, user: AbstractBaseUser) -> CommitmentRevision | None:
        """Record the new target as a revision; the old one stays in force before its day."""
        return revise(
            self.commitment,
            {name: self.cleaned_data[name] for name in REVISABLE},
            effective_on=self.cleaned_data["effective_on"],
            reason=self.cleaned_data["reason"],
            user=user,
        )


class CancelForm(_ChangeForm):
    """Cancel a commitment from a day, with the reason."""

    def save(self, user: AbstractBaseUser) -> CommitmentRevision:
        return cancel(
            self.commitment,
            effective_on=self.cleaned_data["effective_on"],
            reason=self.cleaned_data["reason"],
            user=user,
        )


class MeetingForm(ActivityForm):
    """Log a forum's meeting: an activity whose kind is always "forum meeting"."""

    class Meta(ActivityForm.Meta):
        fields = ["date", "count", "organisation", "note"]
