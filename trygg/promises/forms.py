"""Forms for logging work and editing promises."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygg.geo.models import Place
from trygg.organisations.models import Organisation

from .models import Activity, Commitment, Promise


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


class PromiseForm(forms.ModelForm):
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


class CommitmentForm(forms.ModelForm):
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
        kind = data.get("target_kind")
        if kind == Commitment.TargetKind.COUNT:
            if not data.get("quantity"):
                self.add_error("quantity", _("A count target needs a quantity."))
            if not data.get("per"):
                self.add_error("per", _("A count target needs a period it is counted per."))
        if kind == Commitment.TargetKind.MILESTONE and not data.get("due"):
            self.add_error("due", _("A milestone needs a due date."))
        return data


class MeetingForm(ActivityForm):
    """Log a forum's meeting: an activity whose kind is always "forum meeting"."""

    class Meta(ActivityForm.Meta):
        fields = ["date", "count", "organisation", "note"]
