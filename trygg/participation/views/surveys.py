"""Safety surveys: each indicator's trend per area, and importing a year's results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trygg.geo.models import Area
from trygg.incidents.importers import ImportAborted
from trygg.organisations.access import get_municipality_for_user
from trygg.uploads import on_disk

from ..access import require_recorder
from ..forms import SurveyUploadForm
from ..survey import survey_trends
from ..survey_import import import_survey


@login_required
def survey_page(request: HttpRequest, scb_code: str) -> HttpResponse:
    municipality, may_record = get_municipality_for_user(request, scb_code)
    trends = survey_trends(
        Area.objects.filter(municipality=municipality), municipality=municipality
    )
    return render(
        request,
        "participation/survey.html",
        {"municipality": municipality, "may_record": may_record, "trends": trends},
    )


@login_required
def survey_upload(request: HttpRequest, scb_code: str) -> HttpResponse:
    """Import a survey file at once: a year's results are a few hundred rows at most."""
    municipality, may_record = get_municipality_for_user(request, scb_code)
    require_recorder(may_record)
    form = SurveyUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with on_disk(upload) as copy:
            try:
                result = import_survey(
                    copy,
                    municipality,
                    correct=form.cleaned_data["correct"],
                    name=upload.name,
                    year=form.cleaned_data["year"],
                )
            except ImportAborted as error:
                form.add_error("file", _("Nothing was imported: %(reason)s") % {"reason": error})
            else:
                messages.success(request, result.summary())
                return redirect("survey", municipality.scb_code)
    return render(
        request, "participation/survey_upload.html", {"municipality": municipality, "form": form}
    )
