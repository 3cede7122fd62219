"""Forms for recording dialogues, importing survey results and drawing neighbourhood watch."""

import json
from datetime import date

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygg.geo.geometry import GeometryError, parse_polygon
from trygg.geo.models import Area, Municipality, Place
from trygg.organisations.models import Organisation
from trygg.promises.models import ActivityKind, Commitment, FocusArea, Promise
from trygg.uploads import TooLarge, check_upload_size, check_zip

from .models import (
    AGE_BANDS,
    Dialogue,
    DialogueTheme,
    NeighbourhoodWatch,
    WatchSigns,
    WatchTraining,
)


class CommitmentChoice(forms.ModelMultipleChoiceField):
    """Commitments named with their promise: two promises may promise in the same words."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Commitment) -> str:
        return f"{obj.promise.title}: {obj.text}"


def counted_commitments(municipality: Municipality, kind: str) -> QuerySet[Commitment]:
    """The municipality's commitments that count work of this kind."""
    return (
        Commitment.objects.filter(promise__municipalities=municipality, activity_kind=kind)
        .exclude(target_kind=Commitment.TargetKind.MILESTONE)
        .select_related("promise")
        .distinct()
    )


def check_counted(
    form: forms.Form,
    day: date | None,
    organisation: Organisation | None,
    field: str = "commitments",
) -> None:
    """Work counts toward a commitment only inside its promise's period, by one of its parties.

    The same rule as logging an activity on the commitment's page.
    """
    if day is None or organisation is None:
        return
    for commitment in form.cleaned_data.get(field) or []:
        promise = commitment.promise
        if not promise.period_start <= day <= promise.period_end:
            form.add_error(
                field,
                _("%(date)s is outside the period of %(promise)s (%(start)s–%(end)s).")
                % {
                    "date": day.isoformat(),
                    "promise": promise.title,
                    "start": promise.period_start.isoformat(),
                    "end": promise.period_end.isoformat(),
                },
            )
        elif not promise.parties.filter(pk=organisation.pk).exists():
            form.add_error(
                field,
                _("%(organisation)s is not a party to %(promise)s.")
                % {"organisation": organisation, "promise": promise.title},
            )


def check_not_ahead(form: forms.Form, day: date | None, field: str = "date") -> None:
    if day is not None and day > timezone.localdate():
        form.add_error(field, _("Work cannot be logged ahead of time."))


# --- dialogues ------------------------------------------------------------------------


class DialogueForm(forms.ModelForm):
    """A dialogue planned or held: where, when, by whom, how many, and what it counts toward."""

    commitments = CommitmentChoice(
        Commitment.objects.none(),
        required=False,
        label=_("Counts toward"),
        help_text=_("Once held, the dialogue counts toward these commitments."),
    )

    class Meta:
        model = Dialogue
        fields = [
            "title",
            "format",
            "status",
            "date",
            "area",
            "place",
            "organisation",
            "participants",
            "summary",
            "informs_promise",
            "informs_focus_area",
            "commitments",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "participants": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "summary": _("What came out of it. Never names or personal identity numbers."),
        }

    def __init__(self, *args, municipality: Municipality, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(municipality=municipality)
        self.fields["place"].queryset = Place.objects.filter(municipality=municipality)
        # A dialogue another organisation held keeps it when a coordinator corrects it.
        held_by = Organisation.objects.filter(pk=self.instance.organisation_id)
        self.fields["organisation"].queryset = organisations | held_by
        self.fields["organisation"].empty_label = None
        promises = Promise.objects.filter(municipalities=municipality)
        self.fields["informs_promise"].queryset = promises
        self.fields["informs_focus_area"].queryset = FocusArea.objects.filter(
            promise__in=promises
        ).select_related("promise")
        self.fields["commitments"].queryset = counted_commitments(
            municipality, ActivityKind.CITIZEN_DIALOGUE
        )
        by_age = self.instance.participants_by_age or {}
        self.age_fields = []
        for index, (key, label) in enumerate(AGE_BANDS):
            name = f"age_{index}"
            self.fields[name] = forms.IntegerField(
                label=label, required=False, min_value=0, initial=by_age.get(key)
            )
            self.age_fields.append((name, key))
        self.order_fields([*self.Meta.fields[:8], *(name for name, _ in self.age_fields)])

    def clean(self):
        data = super().clean()
        if data.get("status") == Dialogue.Status.HELD:
            check_not_ahead(self, data.get("date"))
        check_counted(self, data.get("date"), data.get("organisation"))
        focus, promise = data.get("informs_focus_area"), data.get("informs_promise")
        if focus is not None and promise is not None and focus.promise_id != promise.pk:
            self.add_error("informs_focus_area", _("The focus area belongs to another promise."))
        self.instance.participants_by_age = {
            key: data[name] for name, key in self.age_fields if data.get(name) is not None
        }
        return data


class ThemeForm(forms.ModelForm):
    """One theme raised at a dialogue: what, which category, and where if it was said."""

    class Meta:
        model = DialogueTheme
        fields = ["text", "category", "area", "place"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"text": _("In the residents' words, without names.")}

    def __init__(self, *args, municipality: Municipality, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(municipality=municipality)
        self.fields["place"].queryset = Place.objects.filter(municipality=municipality)


# --- safety surveys -------------------------------------------------------------------


class SurveyUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "Columns: indicator, area, year, value, respondents; optionally sd and kind. "
            "Indicators or years as columns work too."
        ),
    )
    year = forms.IntegerField(
        label=_("Year of the survey"),
        required=False,
        min_value=1970,
        max_value=2100,
        help_text=_("Only for a file without a year column: the year all its results are from."),
    )
    correct = forms.BooleanField(
        label=_("The file corrects results already stored"),
        required=False,
        help_text=_("Without this, a value that differs from the stored one refuses the file."),
    )

    def clean_file(self) -> UploadedFile:
        """Not larger than TRYGG_MAX_UPLOAD_MB, nor (an XLSX) unpacking to more."""
        upload = check_upload_size(self.cleaned_data["file"])
        try:
            check_zip(upload)
        except TooLarge as error:
            raise forms.ValidationError(str(error)) from None
        return upload


# --- neighbourhood watch --------------------------------------------------------------


class WatchForm(forms.ModelForm):
    """A neighbourhood-watch area: its boundary drawn on the map (or pasted as GeoJSON)."""

    geometry = forms.CharField(
        label=_("Boundary (GeoJSON)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tap the map to draw the boundary, or paste a GeoJSON polygon."),
    )

    class Meta:
        model = NeighbourhoodWatch
        fields = ["name", "status", "started_on", "contact_organisation", "geometry"]
        widgets = {"started_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, municipality: Municipality, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["contact_organisation"].queryset = Organisation.objects.filter(
            municipalities=municipality
        )
        if self.instance.geometry and not self.is_bound:
            self.initial["geometry"] = json.dumps(self.instance.geometry)

    def clean_geometry(self) -> dict:
        """A polygon parse_polygon accepts, stored as the geometry (a pasted Feature unwrapped)."""
        text = self.cleaned_data["geometry"]
        try:
            geojson = json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                _("The boundary is not valid JSON (line %(line)s, column %(column)s).")
                % {"line": error.lineno, "column": error.colno}
            ) from error
        try:
            parse_polygon(geojson)
        except GeometryError as error:
            raise forms.ValidationError(str(error)) from error
        return geojson["geometry"] if geojson.get("type") == "Feature" else geojson

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = NeighbourhoodWatch.objects.filter(municipality=self.municipality, name=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("There is already an area with that name."))
        return name


class TrainingForm(forms.ModelForm):
    commitments = CommitmentChoice(
        Commitment.objects.none(), required=False, label=_("Counts toward")
    )

    class Meta:
        model = WatchTraining
        fields = ["date", "organisation", "participants", "commitments"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "participants": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }

    def __init__(self, *args, municipality: Municipality, organisations, **kwargs) -> None:
        super().__init__(*args, prefix="training", **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None
        self.fields["commitments"].queryset = counted_commitments(
            municipality, ActivityKind.TRAINING
        )

    def clean(self):
        data = super().clean()
        check_not_ahead(self, data.get("date"))
        check_counted(self, data.get("date"), data.get("organisation"))
        return data


class SignsForm(forms.ModelForm):
    class Meta:
        model = WatchSigns
        fields = ["date", "count"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "count": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, prefix="signs", **kwargs)

    def clean(self):
        data = super().clean()
        check_not_ahead(self, data.get("date"))
        return data
