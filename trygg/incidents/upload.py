"""The upload page: a coordinator hands over a file, the worker imports it."""

import json

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygg.audit.log import log_access
from trygg.organisations.access import EDIT_ROLES, organisation_ids
from trygg.organisations.models import Organisation
from trygg.uploads import TooLarge, check_upload_size, check_zip

from .importers import IMPORTERS, ImportAborted
from .importers.mapping_csv import load_mapping
from .models import ImportJob, ImportMapping
from .tasks import read_progress, run_import_job

KIND_LABELS = {
    "polisen-events": gettext_lazy("Police events (JSON from the police's events API)"),
    "police-extract": gettext_lazy("Police report extract (CSV or XLSX, SWEREF 99 TM)"),
    "csv": gettext_lazy("Other CSV, with a column mapping"),
}


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of file"), choices=[(k, KIND_LABELS[k]) for k in IMPORTERS]
    )
    file = forms.FileField(label=gettext_lazy("File"))
    saved_mapping = forms.ModelChoiceField(
        ImportMapping.objects.none(),
        label=gettext_lazy("Saved column mapping, for other CSV files"),
        required=False,
        empty_label=gettext_lazy("— none —"),
    )
    mapping = forms.CharField(
        label=gettext_lazy("Or paste a column mapping (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    save_as = forms.CharField(
        label=gettext_lazy("Save the pasted mapping as"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("A name, to pick the same mapping next time."),
    )
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Import the good rows and set the bad ones aside"), required=False
    )
    organisation = forms.ModelChoiceField(Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        # Only the importing organisations' own mappings: another's is neither listed nor usable.
        self.fields["saved_mapping"].queryset = ImportMapping.objects.filter(
            organisation__in=organisations
        ).select_related("organisation")

    def clean_file(self) -> UploadedFile:
        """Not larger than TRYGG_MAX_UPLOAD_MB, nor (an XLSX) unpacking to more; before storing."""
        upload = check_upload_size(self.cleaned_data["file"])
        try:
            check_zip(upload)
        except TooLarge as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def clean_mapping(self):
        """Valid JSON, and a mapping the CSV importer accepts (its own check and message)."""
        text = self.cleaned_data["mapping"].strip()
        if not text:
            return None
        try:
            mapping = json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                _("The mapping is not valid JSON (line %(line)s, column %(column)s).")
                % {"line": error.lineno, "column": error.colno}
            ) from error
        # A string would be read as a path on the server: only the mapping itself is taken.
        if not isinstance(mapping, dict):
            raise forms.ValidationError(_("A mapping is a JSON object of column names."))
        try:
            load_mapping(mapping)
        except ImportAborted as error:
            raise forms.ValidationError(str(error)) from None
        return mapping

    def clean(self):
        data = super().clean()
        pasted, saved = data.get("mapping"), data.get("saved_mapping")
        refused = "mapping" in self.errors  # pasted, but not a valid mapping: said already
        if data.get("kind") == "csv" and not pasted and not saved and not refused:
            self.add_error("mapping", _("Other CSV files need a column mapping."))
        if pasted and saved:
            self.add_error("saved_mapping", _("Pick a saved mapping or paste one, not both."))
        name, owner = data.get("save_as", "").strip(), data.get("organisation")
        if name and not pasted and not refused:
            self.add_error("save_as", _("Paste the mapping you want to save."))
        elif name and ImportMapping.objects.filter(organisation=owner, name=name).exists():
            self.add_error(
                "save_as",
                _("%(organisation)s already has a saved mapping called %(name)s.")
                % {"organisation": owner, "name": name},
            )
        data["save_as"] = name
        return data

    def mapping_to_use(self) -> dict | None:
        """The chosen saved mapping, or the pasted one; the job keeps its own copy."""
        saved = self.cleaned_data["saved_mapping"]
        return saved.mapping if saved else self.cleaned_data["mapping"]


def _importing_organisations(request: HttpRequest):
    """Coordinators and administrators import; reporters and viewers do not."""
    ids = organisation_ids(request.user, EDIT_ROLES)
    if not ids:
        raise PermissionDenied(_("Only coordinators may import files."))
    return Organisation.objects.filter(id__in=ids)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    organisations = _importing_organisations(request)
    form = UploadForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        mapping = form.mapping_to_use()
        with transaction.atomic():
            if data["save_as"]:
                ImportMapping.objects.create(
                    name=data["save_as"],
                    organisation=data["organisation"],
                    mapping=mapping,
                    created_by=request.user,
                )
            job = ImportJob.objects.create(
                kind=data["kind"],
                file=data["file"],
                mapping=mapping,
                skip_invalid=data["skip_invalid"],
                organisation=data["organisation"],
                created_by=request.user,
            )
        run_import_job.enqueue(job.pk)
        return redirect(job)
    jobs = ImportJob.objects.filter(organisation__in=organisations)[:20]
    return render(request, "incidents/upload.html", {"form": form, "jobs": jobs})


@login_required
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    organisations = _importing_organisations(request)
    job = get_object_or_404(ImportJob.objects.filter(organisation__in=organisations), pk=pk)
    running = job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)
    return render(
        request,
        "incidents/job.html",
        {"job": job, "running": running, "progress": read_progress(job) if running else None},
    )


@login_required
def rejects(request: HttpRequest, pk: int) -> FileResponse:
    """The rows set aside, for the importing organisation only: they may hold free text."""
    organisations = _importing_organisations(request)
    job = get_object_or_404(ImportJob.objects.filter(organisation__in=organisations), pk=pk)
    if not job.rejects:
        raise Http404
    log_access(request, "import.rejects", subject=job, file=job.file.name)
    return FileResponse(job.rejects.open("rb"), as_attachment=True, filename="avvisade-rader.csv")
