"""Forms of the reading page: a document in, the proposal checked, edited and confirmed.

The promise and commitment forms extend the ones coordinators edit promises
with (`trygg.promises.forms`), so a confirmed proposal passes the same checks
as an edited promise: a count needs a quantity and a period, a milestone a date.
"""

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from trygg.agreements.models import Agreement
from trygg.organisations.access import EDIT_ROLES, organisation_ids, visible
from trygg.organisations.models import Organisation
from trygg.promises.forms import CommitmentForm, PromiseForm

from .documents import DocumentError, read_document

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class DocumentForm(forms.Form):
    """The document: pasted text or an uploaded file."""

    text = forms.CharField(
        label=_("Paste the document's text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    file = forms.FileField(
        label=_("or upload the signed document (.txt, .docx or .pdf)"), required=False
    )

    def clean(self) -> dict:
        """Read the file (or take the text); a file that cannot be read is an error on it."""
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error("file", _("The file is larger than 20 MB."))
                return data
            try:
                data["document"] = read_document(upload.read(), upload.name)
            except DocumentError as error:
                self.add_error("file", str(error))
            data["name"] = upload.name
        elif data.get("text", "").strip():
            data["document"], data["name"] = data["text"], ""
        else:
            raise forms.ValidationError(_("Paste the document's text or choose a file."))
        return data


class OptionalRow(forms.Form):
    """A proposed row the coordinator may untick; an unticked row is not checked or saved."""

    include = forms.BooleanField(label=_("Include"), required=False, initial=True)

    def full_clean(self) -> None:
        if self.is_bound and not self["include"].value():
            self._errors = ErrorDict()
            self.cleaned_data = {"include": False}
            return
        super().full_clean()


class PromiseProposalForm(PromiseForm):
    """The promise itself, with its parties and where it applies."""

    signatories = forms.CharField(
        label=_("Signatories"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name, title."),
    )
    source_name = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta(PromiseForm.Meta):
        fields = [*PromiseForm.Meta.fields, "signed_on", "parties", "municipalities", "agreement"]
        widgets = {
            **PromiseForm.Meta.widgets,
            "signed_on": forms.DateInput(attrs={"type": "date"}),
            "parties": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["agreement"].queryset = visible(Agreement.objects.all(), user, "parties")

    def clean_parties(self):
        """The coordinator must coordinate for a party, or the promise would be out of reach."""
        parties = self.cleaned_data["parties"]
        if not {party.id for party in parties} & organisation_ids(self.user, EDIT_ROLES):
            raise forms.ValidationError(
                _("At least one party must be an organisation you are a coordinator for.")
            )
        return parties

    def clean_signatories(self) -> list[dict[str, str]]:
        """ "Sofia Karlsson, Lokalpolisområdeschef" per line, as the promise stores them."""
        signatories = []
        for line in self.cleaned_data["signatories"].splitlines():
            name, _comma, title = line.partition(",")
            if name.strip():
                signatories.append({"name": name.strip(), "title": title.strip()})
        return signatories


class FocusAreaForm(OptionalRow):
    title = forms.CharField(label=_("Focus area"), max_length=250)


class CommitmentProposalForm(OptionalRow, CommitmentForm):
    """One proposed commitment with its target, its focus area and who promised it."""

    focus = forms.TypedChoiceField(
        label=_("Focus area"), required=False, coerce=int, empty_value=None
    )
    responsible_kinds = forms.MultipleChoiceField(
        label=_("Responsible"),
        choices=Organisation.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The parties of these kinds; none ticked means every party."),
    )
    evidence = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["include", "text", "focus", "responsible_kinds"]

    class Meta(CommitmentForm.Meta):
        fields = [
            "text",
            "target_kind",
            "quantity",
            "unit",
            "per",
            "minimum",
            "due",
            "due_text",
            "activity_kind",
        ]

    def __init__(self, *args, focus_choices: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus"].choices = [("", "—"), *focus_choices]


FocusAreaFormSet = forms.formset_factory(FocusAreaForm, extra=0)
CommitmentFormSet = forms.formset_factory(CommitmentProposalForm, extra=0)
