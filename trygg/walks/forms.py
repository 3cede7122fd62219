"""Forms for planning a walk, noting findings on a phone, routing them and updating them."""

import json

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from trygg.geo.geometry import GeometryError, parse_line
from trygg.geo.models import Area, Municipality, Place
from trygg.lib.optimistic import VersionedForm
from trygg.organisations.access import EDIT_ROLES, AnyUser, organisation_ids
from trygg.organisations.models import Organisation
from trygg.photos import PhotoError, clean_photo
from trygg.promises.models import ActivityKind, Commitment

from .models import Finding, Walk

# A finding is shown with its photos side by side; more than this is a gallery, not a note.
MAX_PHOTOS = 6


class WalkForm(VersionedForm, forms.ModelForm):
    """Where, when, who and what it counts toward; the route drawn on the map or as places."""

    route = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Walk
        fields = [
            "title",
            "municipality",
            "area",
            "date",
            "organiser",
            "organisations",
            "residents",
            "places",
            "route",
            "commitments",
            "note",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "organisations": forms.CheckboxSelectMultiple,
            "places": forms.CheckboxSelectMultiple,
            "commitments": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "organisations": _("The organiser takes part in any case."),
            "note": _("Never names or personal identity numbers."),
        }

    def __init__(self, *args, user: AnyUser, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        own = Organisation.objects.filter(id__in=organisation_ids(user, EDIT_ROLES))
        municipalities = Municipality.objects.filter(organisations__in=own).distinct()
        self.fields["organiser"].queryset = own
        self.fields["municipality"].queryset = municipalities
        self.fields["area"].queryset = Area.objects.filter(municipality__in=municipalities)
        self.fields["places"].queryset = Place.objects.filter(municipality__in=municipalities)
        self.fields["organisations"].queryset = Organisation.objects.filter(
            Q(municipalities__in=municipalities) | Q(municipalities=None)
        ).distinct()
        self.fields["organisations"].required = False
        # What a walk can count toward: commitments that count safety walks, or any work.
        self.fields["commitments"].queryset = (
            Commitment.objects.filter(
                promise__municipalities__in=municipalities, promise__parties__in=own
            )
            .filter(
                Q(activity_kind=ActivityKind.SAFETY_WALK)
                | Q(activity_kind="", target_kind=Commitment.TargetKind.COUNT)
            )
            .select_related("promise")
            .order_by("-promise__period_start", "promise", "order")
            .distinct()
        )
        if self.instance.route:
            self.initial["route"] = json.dumps(self.instance.route)

    def clean_route(self) -> dict | None:
        """The drawn route as a GeoJSON LineString, or None when none was drawn."""
        text = self.cleaned_data["route"].strip()
        if not text:
            return None
        try:
            line = parse_line(json.loads(text))
        except json.JSONDecodeError:
            raise forms.ValidationError(_("The route could not be read as GeoJSON.")) from None
        except GeometryError as error:
            raise forms.ValidationError(str(error)) from None
        return {
            "type": "LineString",
            "coordinates": [[round(lon, 6), round(lat, 6)] for lon, lat in line.coords],
        }

    def clean(self) -> dict:
        """Area, places and commitments must belong to the walk's municipality and day."""
        data = super().clean()
        municipality, day = data.get("municipality"), data.get("date")
        if municipality is None:
            return data
        area = data.get("area")
        if area is not None and area.municipality_id != municipality.pk:
            self.add_error(
                "area",
                _("%(area)s is not in %(municipality)s.")
                % {"area": area.name, "municipality": municipality.name},
            )
        for place in data.get("places") or []:
            if place.municipality_id != municipality.pk:
                self.add_error(
                    "places",
                    _("%(place)s is not in %(municipality)s.")
                    % {"place": place.name, "municipality": municipality.name},
                )
        for commitment in data.get("commitments") or []:
            promise = commitment.promise
            covers = promise.municipalities.filter(pk=municipality.pk).exists()
            if not covers or (day and not promise.period_start <= day <= promise.period_end):
                self.add_error(
                    "commitments",
                    _("“%(commitment)s” is not a commitment for %(municipality)s on that day.")
                    % {"commitment": commitment, "municipality": municipality.name},
                )
        return data


class HoldForm(VersionedForm, forms.ModelForm):
    """After the walk: the day it was held and how many residents came."""

    class Meta:
        model = Walk
        fields = ["date", "residents"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        labels = {"date": _("Held on")}


class MultiplePhotoInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos at once; each is checked by photos.clean_photo."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault(
            "widget", MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> list:
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        if len(uploads) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("At most %(max)d photos per finding.") % {"max": MAX_PHOTOS}
            )
        single = super().clean
        cleaned, problems = [], []
        for upload in uploads:
            try:
                cleaned.append(clean_photo(single(upload, initial)))
            except PhotoError as error:
                problems.append(str(error))
        if problems:
            raise forms.ValidationError(problems)
        return cleaned


class FindingForm(forms.Form):
    """What, where (a tap on the map or the phone's position), a note and photos."""

    category = forms.ChoiceField(
        label=_("What did you find?"), choices=Finding.Category.choices, widget=forms.RadioSelect
    )
    latitude = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=55, max_value=70
    )
    longitude = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=10, max_value=25
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Never names or personal identity numbers."),
    )
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB each. Position and camera data are removed."),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("latitude") is None or data.get("longitude") is None:
            if "latitude" not in self.errors and "longitude" not in self.errors:
                raise forms.ValidationError(_("Tap the map where it is, or use your position."))
            raise forms.ValidationError(_("The position is outside Sweden."))
        return data


class _FindingForm(VersionedForm, forms.Form):
    """A change to a finding, refused if its owner, status or due date changed meanwhile."""

    version_fields = ("owner", "status", "due")

    def __init__(self, *args, finding: Finding, **kwargs) -> None:
        self.finding = finding
        super().__init__(*args, **kwargs)

    def versioned_object(self) -> Finding:
        return self.finding


class RouteForm(_FindingForm):
    """A coordinator gives the finding to the organisation that owns the problem."""

    owner = forms.ModelChoiceField(Organisation.objects.all(), label=_("Owner"))
    due = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), required=False)


class StatusForm(_FindingForm):
    """The owner says how it goes: accepted, planned, done, or rejected with a reason."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in Finding.Status.choices if c[0] != Finding.Status.NEW],
    )
    due = forms.DateField(
        label=_("New due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the finding is rejected: say why."),
    )

    def clean(self) -> dict:
        data = super().clean()
        status = data.get("status")
        if status == Finding.Status.REJECTED and not data.get("note", "").strip():
            self.add_error("note", _("Say why the finding is rejected."))
        unchanged = status == self.finding.status and data.get("due") in (None, self.finding.due)
        if status and unchanged:
            raise forms.ValidationError(_("Nothing changed: choose another status or due date."))
        return data
