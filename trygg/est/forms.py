from django import forms
from django.utils.translation import gettext_lazy as _

from trygg.geo.models import Area, Place
from trygg.lib.optimistic import VersionedForm
from trygg.organisations.models import Organisation
from trygg.promises.models import Commitment

from .models import Action


class ActionForm(forms.ModelForm):
    """What, where, who, by when – and which promise it counts toward."""

    class Meta:
        model = Action
        fields = ["what", "area", "place", "responsible", "due", "kind", "commitments"]
        widgets = {
            "due": forms.DateInput(attrs={"type": "date"}),
            "commitments": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(municipality=meeting.municipality)
        self.fields["place"].queryset = Place.objects.filter(municipality=meeting.municipality)
        self.fields["responsible"].queryset = Organisation.objects.filter(forums=meeting.forum)
        self.fields["commitments"].queryset = (
            Commitment.objects.filter(
                promise__municipalities=meeting.municipality,
                promise__period_start__lte=meeting.held_on,
                promise__period_end__gte=meeting.held_on,
            )
            .exclude(target_kind=Commitment.TargetKind.MILESTONE)
            .exclude(activity_kind="")
        )


class FollowUpForm(forms.Form):
    action = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("How did it go?"),
        choices=[c for c in Action.Status.choices if c[0] != Action.Status.OPEN],
    )
    note = forms.CharField(label=_("Note"), required=False)


class CorrectionForm(VersionedForm, FollowUpForm):
    """A recorded follow-up corrected, refused if someone corrected it since it was shown."""

    version_fields = ("status", "follow_up_note")

    def __init__(self, *args, action: Action, **kwargs) -> None:
        self.action = action
        super().__init__(*args, **kwargs)

    def versioned_object(self) -> Action:
        return self.action
