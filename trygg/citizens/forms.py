"""The public report form, and the coordinator's three decisions."""

import uuid
from datetime import timedelta

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygg.geo.models import Municipality
from trygg.geo.services import area_for_point
from trygg.incidents.models import Category, Incident
from trygg.photos import PhotoError, clean_photo

from .access import served_municipalities
from .models import ADDRESS_MAX_LENGTH, TEXT_MAX_LENGTH

# Phones in Sweden: the map and the position button only take points inside the country.
LATITUDE = {"min_value": 55, "max_value": 70}
LONGITUDE = {"min_value": 10, "max_value": 25}


def cleaned_photo(upload: UploadedFile | None) -> ContentFile | None:
    """The upload made safe to keep (trygg.photos.clean_photo), or None; a refusal is a field error.

    The stored file gets a random name: the reporter's file name may say who they are.
    """
    if not upload:
        return None
    try:
        photo = clean_photo(upload)
    except PhotoError as error:
        raise forms.ValidationError(str(error)) from None
    return ContentFile(photo.content, name=f"{uuid.uuid4().hex}.jpg")


def municipality_of_point(latitude: float, longitude: float) -> Municipality | None:
    """The municipality of the area that holds the point, if an area does."""
    area = area_for_point(latitude, longitude)
    return area.municipality if area is not None else None


def point_elsewhere(latitude: float, longitude: float, chosen: Municipality) -> str | None:
    """Why a point cannot be reported to `chosen`: it lies in another municipality's area."""
    found = municipality_of_point(latitude, longitude)
    if found is None or found == chosen:
        return None
    return _("The place on the map is in %(other)s, not in %(chosen)s.") % {
        "other": found,
        "chosen": chosen,
    }


class CitizenReportForm(forms.Form):
    """What, where, when and, if the reporter wants an answer, an email address.

    `website` is the honeypot: hidden from people (off screen, out of the tab
    order, hidden from screen readers), so only a bot fills it in.
    """

    municipality = forms.ModelChoiceField(
        served_municipalities(), label=_("Municipality"), empty_label=_("— choose —")
    )
    category = forms.ModelChoiceField(
        Category.objects.all(),
        label=_("What is it about?"),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    latitude = forms.FloatField(required=False, widget=forms.HiddenInput, **LATITUDE)
    longitude = forms.FloatField(required=False, widget=forms.HiddenInput, **LONGITUDE)
    address = forms.CharField(
        label=_("Or describe where (address or place)"),
        required=False,
        max_length=ADDRESS_MAX_LENGTH,
    )
    happened_at = forms.DateTimeField(
        label=_("When?"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    text = forms.CharField(
        label=_("What did you see, or what makes you feel unsafe?"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Never names or personal identity numbers."),
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Location and camera data are removed from the photo before it is stored."),
    )
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_(
            "Only to tell you what happens to your report. "
            "It is deleted when the report has been handled."
        ),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["happened_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
        municipalities = list(self.fields["municipality"].queryset[:2])
        if len(municipalities) == 1:
            self.fields["municipality"].initial = municipalities[0]

    @property
    def caught_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_photo(self) -> ContentFile | None:
        return cleaned_photo(self.cleaned_data.get("photo"))

    def clean_happened_at(self):
        when = self.cleaned_data["happened_at"]
        if when > timezone.now() + timedelta(minutes=5):
            raise forms.ValidationError(_("The time is in the future."))
        return when

    def clean(self):
        data = super().clean()
        has_point = data.get("latitude") is not None and data.get("longitude") is not None
        if not has_point and not data.get("address", "").strip():
            self.add_error(
                "address", _("Tap the map, use your position, or write an address or a place.")
            )
        chosen = data.get("municipality")
        if has_point and chosen:
            error = point_elsewhere(data["latitude"], data["longitude"], chosen)
            if error:
                self.add_error("municipality", error)
        return data


class AcceptForm(forms.Form):
    """Accepting: the coordinator may correct the category and the text before it is shared."""

    category = forms.ModelChoiceField(Category.objects.all(), label=_("Category"))
    text = forms.CharField(
        label=_("Text of the incident"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shared with the collaboration and shown as open data. Remove any names."),
    )


class MergeForm(forms.Form):
    """Merging: the incident this report repeats, among the nearby ones the coordinator sees."""

    incident = forms.ModelChoiceField(
        Incident.objects.none(), label=_("Same as incident"), empty_label=None
    )

    def __init__(self, *args, candidates, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["incident"].queryset = candidates
        self.fields["incident"].label_from_instance = _incident_label


def _incident_label(incident: Incident) -> str:
    where = incident.area or incident.municipality or ""
    return (
        f"#{incident.pk} {timezone.localtime(incident.occurred_from):%Y-%m-%d %H:%M} "
        f"{incident.category or ''} {where}"
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to the reporter if they left an email address."),
    )
