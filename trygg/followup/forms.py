"""The choices behind an effect measurement: periods, comparison area, buffer."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygg.geo.geometry import parse_polygon
from trygg.geo.models import Area, Place
from trygg.incidents.models import Category
from trygg.lib.optimistic import VersionedForm
from trygg.organisations.models import Organisation
from trygg.promises.models import Commitment
from trygg.promises.progress import Slice

from .effect import PeriodError, ZoneError, check_periods, in_metres, treated_zone, zones
from .models import PlanAction, Report, StrategicPlan

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EffectForm(forms.Form):
    """Read from the query string, so a measurement is a link that can be shared."""

    before_start = forms.DateField(label=_("Before, from"), widget=DATE)
    before_end = forms.DateField(label=_("Before, to"), widget=DATE)
    after_start = forms.DateField(label=_("After, from"), widget=DATE)
    after_end = forms.DateField(label=_("After, to"), widget=DATE)
    comparison = forms.ModelChoiceField(
        queryset=Area.objects.none(),
        label=_("Comparison area"),
        help_text=_("An area where incidents would follow the same trend, without the work."),
    )
    buffer = forms.IntegerField(
        label=_("Displacement buffer (metres)"),
        min_value=0,
        max_value=5000,
        initial=200,
        help_text=_(
            "A ring this wide around both areas shows whether incidents moved; 0 skips it."
        ),
    )
    place_radius = forms.IntegerField(
        label=_("Radius around places (metres)"),
        min_value=10,
        max_value=2000,
        initial=100,
        help_text=_("A place is a point; the work is taken to cover this circle around it."),
    )
    category = forms.ModelChoiceField(
        queryset=Category.objects.all(),
        required=False,
        label=_("Category"),
        empty_label=_("All categories"),
    )

    def __init__(
        self,
        *args,
        treated_areas: list[Area],
        places: list[Place],
        comparison_areas: QuerySet[Area],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.treated_areas = treated_areas
        self.places = places
        self.fields["comparison"].queryset = comparison_areas
        if not places:
            del self.fields["place_radius"]
        self.before = self.after = self.zones = None

    def clean(self) -> dict:
        """The periods and zones, or an error saying which choice to change."""
        data = super().clean()
        dates = ("before_start", "before_end", "after_start", "after_end")
        if all(data.get(name) for name in dates):
            before = Slice(data["before_start"], data["before_end"])
            after = Slice(data["after_start"], data["after_end"])
            try:
                check_periods(before, after, timezone.localdate())
                self.before, self.after = before, after
            except PeriodError as error:
                self.add_error(None, str(error))
        comparison, buffer = data.get("comparison"), data.get("buffer")
        radius = data.get("place_radius") if "place_radius" in self.fields else 0
        if None not in (comparison, buffer, radius):
            treated = treated_zone(self.treated_areas, self.places, radius)
            try:
                self.zones = zones(treated, in_metres(parse_polygon(comparison.geometry)), buffer)
            except ZoneError as error:
                self.add_error("comparison", str(error))
        return data


class ReportCreateForm(forms.ModelForm):
    """A new report: its title and the period it covers, inside the promise's period."""

    class Meta:
        model = Report
        fields = ["title", "period_start", "period_end"]
        widgets = {"period_start": DATE, "period_end": DATE}

    def __init__(self, *args, promise, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.promise = promise

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end:
            if end < start:
                self.add_error("period_end", _("The period must end on or after its first day."))
            elif start < self.promise.period_start or end > self.promise.period_end:
                self.add_error(
                    "period_end",
                    _(
                        "The report's period must lie within the promise's period "
                        "(%(start)s – %(end)s)."
                    )
                    % {"start": self.promise.period_start, "end": self.promise.period_end},
                )
        return data


class ReportTextForm(VersionedForm, forms.Form):
    """The coordinator's words: an introduction and a comment per commitment."""

    introduction = forms.CharField(label=_("Introduction"), widget=forms.Textarea, required=False)

    def __init__(self, *args, report, **kwargs) -> None:
        self.report = report
        super().__init__(*args, **kwargs)
        self.initial.setdefault("introduction", report.introduction)
        for commitment in report.promise.commitments.all():
            name = f"comment_{commitment.pk}"
            self.fields[name] = forms.CharField(
                label=_("Comment on %(order)s. %(text)s")
                % {"order": commitment.order, "text": commitment.text[:80]},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )
            self.initial.setdefault(name, report.comments.get(str(commitment.pk), ""))

    def versioned_object(self) -> Report:
        return self.report

    def version_values(self, report: Report) -> dict[str, str]:
        """The texts as the form shows them: a changed comment is named by its commitment."""
        return {
            "introduction": report.introduction,
            **{
                f"comment_{c.pk}": report.comments.get(str(c.pk), "")
                for c in report.promise.commitments.all()
            },
        }

    def apply(self) -> None:
        """Put the cleaned texts on the report (masked when it is saved)."""
        self.report.introduction = self.cleaned_data["introduction"]
        self.report.comments = {
            name.removeprefix("comment_"): text
            for name, text in self.cleaned_data.items()
            if name.startswith("comment_") and text
        }


class CorrectionForm(ReportTextForm):
    """A correction: the same texts, and what changed, which citizens will read."""

    change_note = forms.CharField(
        label=_("What changed"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown with the new version, beside the earlier one."),
    )


class PlanForm(VersionedForm, forms.ModelForm):
    """The plan's own words and its decision."""

    class Meta:
        model = StrategicPlan
        fields = ["focus_text", "decided_on", "decided_by"]
        widgets = {"decided_on": DATE}


class PlanActionForm(forms.ModelForm):
    """An action: who among the municipality's organisations, and which of its commitments."""

    class Meta:
        model = PlanAction
        fields = ["what", "who", "when", "commitments", "status"]
        widgets = {"what": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, plan: StrategicPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["who"].queryset = Organisation.objects.filter(municipalities=plan.municipality)
        self.fields["commitments"].queryset = Commitment.objects.filter(
            promise__municipalities=plan.municipality
        ).select_related("promise")
