"""The phone-first form for reporting an incident in under a minute."""

from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygg.geo.models import Place
from trygg.organisations.models import Organisation

from .models import Category, Incident


class IncidentReportForm(forms.Form):
    """What, where, when: category, a named place or the phone's position, a time, a text."""

    category = forms.ModelChoiceField(
        Category.objects.all(),
        label=_("What happened?"),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    place = forms.ModelChoiceField(
        Place.objects.none(), label=_("Where?"), required=False, empty_label=_("— pick a place —")
    )
    latitude = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=55, max_value=70
    )
    longitude = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=10, max_value=25
    )
    happened_at = forms.DateTimeField(
        label=_("When?"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    happened_until = forms.DateTimeField(
        label=_("Until (if you do not know exactly when)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    text = forms.CharField(
        label=_("What did you see?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Never names or personal identity numbers."),
    )
    organisation = forms.ModelChoiceField(
        Organisation.objects.none(), label=_("Reported for"), empty_label=None
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=Incident.Visibility.choices,
        initial=Incident.Visibility.SHARED,
    )

    def __init__(
        self, *args, organisations: list[Organisation], publishers: set[int], **kwargs
    ) -> None:
        """publishers: the organisations the user coordinates; only they make a report public."""
        super().__init__(*args, **kwargs)
        self.publishers = publishers
        if not publishers:
            self.fields["visibility"].choices = [
                choice
                for choice in Incident.Visibility.choices
                if choice[0] != Incident.Visibility.PUBLIC
            ]
        self.fields["organisation"].queryset = Organisation.objects.filter(
            id__in=[org.id for org in organisations]
        )
        municipalities = {m.id for org in organisations for m in org.municipalities.all()}
        self.fields["place"].queryset = Place.objects.filter(municipality_id__in=municipalities)
        self.fields["happened_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")

    def clean(self):
        data = super().clean()
        has_point = data.get("latitude") is not None and data.get("longitude") is not None
        if not data.get("place") and not has_point:
            raise forms.ValidationError(_("Pick a place, or use your position."))
        start, end = data.get("happened_at"), data.get("happened_until")
        if start and end and end < start:
            self.add_error("happened_until", _("The end cannot be before the start."))
        organisation = data.get("organisation")
        if (
            data.get("visibility") == Incident.Visibility.PUBLIC
            and organisation is not None
            and organisation.id not in self.publishers
        ):
            self.add_error("visibility", _("Only a coordinator may make an incident public."))
        now = timezone.now()
        if start and start > now + timedelta(minutes=5):
            self.add_error("happened_at", _("The time is in the future."))
        return data

    def window(self) -> tuple[datetime, datetime]:
        start = self.cleaned_data["happened_at"]
        return start, self.cleaned_data.get("happened_until") or start
