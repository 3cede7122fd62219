"""The upload page: a coordinator hands over a file, the worker imports it."""

import json

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygg.organisations.access import EDIT_ROLES, organisation_ids
from trygg.organisations.models import Organisation

from .importers import IMPORTERS
from .models import ImportJob
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
    mapping = forms.CharField(
        label=gettext_lazy("Column mapping (JSON), for other CSV files"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Import the good rows and set the bad ones aside"), required=False
    )
    organisation = forms.ModelChoiceField(Organisation.objects.none(), empty_label=None)

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean_mapping(self):
        text = self.cleaned_data["mapping"].strip()
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                _("The mapping is not valid JSON (line %(line)s, column %(column)s).")
                % {"line": error.lineno, "column": error.colno}
            ) from error

    def clean(self):
        data = super().clean()
        if data.get("kind") == "csv" and not data.get("mapping"):
            self.add_error("mapping", _("Other CSV files need a column mapping."))
        return data


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
        job = ImportJob.objects.create(
            kind=data["kind"],
            file=data["file"],
            mapping=data["mapping"],
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
    return FileResponse(job.rejects.open("rb"), as_attachment=True, filename="avvisade-rader.csv")
