"""Follow-up report pages: drafting and publishing for the parties, reading for everyone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from trygg.audit.history import history_response
from trygg.geo.models import Municipality
from trygg.organisations.access import AnyUser, can_edit, visible
from trygg.promises.models import Promise
from trygg.public.serialize import public_promises

from .forms import CorrectionForm, ReportCreateForm, ReportTextForm
from .models import Report, ReportVersion
from .reports import draft_content, publish


def _require_editor(user: AnyUser, promise: Promise) -> None:
    if not can_edit(user, promise.party_ids()):
        raise PermissionDenied(_("Only the parties' coordinators may write and publish reports."))


def _visible_report(request: HttpRequest, pk: int) -> Report:
    """A report of a promise the user's organisations are party to; 404 for anyone else."""
    reports = visible(Report.objects.all(), request.user, "promise__parties")
    return get_object_or_404(reports.select_related("promise"), pk=pk)


@login_required
def report_create(request: HttpRequest, slug: str) -> HttpResponse:
    promise = get_object_or_404(visible(Promise.objects.all(), request.user, "parties"), slug=slug)
    _require_editor(request.user, promise)
    form = ReportCreateForm(
        request.POST or None,
        promise=promise,
        initial={"period_start": promise.period_start, "period_end": promise.period_end},
    )
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.promise = promise
        report.created_by = request.user
        report.save()
        return redirect(report)
    return render(request, "followup/report_create.html", {"form": form, "promise": promise})


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft drawn from today's data, or, once published, the versions and a correction."""
    report = _visible_report(request, pk)
    return _report_page(request, report)


def _report_page(
    request: HttpRequest, report: Report, form: ReportTextForm | None = None
) -> HttpResponse:
    """The report page, with the editor's form (or the one just refused)."""
    editor = can_edit(request.user, report.promise.party_ids())
    versions = list(report.versions.order_by("-number"))
    if editor and form is None:
        form = (CorrectionForm if versions else ReportTextForm)(report=report)
    context = {
        "report": report,
        "versions": versions,
        "content": versions[0].content if versions else draft_content(report),
        "can_edit": editor,
        "form": form if editor else None,
    }
    return render(request, "followup/report.html", context)


@login_required
def report_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed the report's draft and when: for the parties' coordinators."""
    report = _visible_report(request, pk)
    _require_editor(request.user, report.promise)
    return history_response(request, report, report.get_absolute_url())


@login_required
@require_POST
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the draft's texts; a published report is never edited, only corrected."""
    report = _visible_report(request, pk)
    _require_editor(request.user, report.promise)
    if report.versions.exists():
        raise PermissionDenied(_("A published report cannot be edited; publish a correction."))
    form = ReportTextForm(request.POST, report=report)
    with transaction.atomic():  # the version check and the save under one lock
        if not form.is_valid():
            return _report_page(request, report, form)
        form.apply()
        report.save()
    messages.success(request, _("The draft was saved."))
    return redirect(report)


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the draft as version 1: its figures and chart are frozen from now on."""
    report = _visible_report(request, pk)
    _require_editor(request.user, report.promise)
    if report.versions.exists():
        raise PermissionDenied(_("This report is already published; publish a correction."))
    publish(report, request.user)
    messages.success(request, _("The report was published."))
    return redirect(report)


@login_required
def report_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """A correction: new texts (and today's figures) as the next version, saying what changed."""
    report = _visible_report(request, pk)
    _require_editor(request.user, report.promise)
    if not report.versions.exists():
        raise PermissionDenied(_("Only a published report is corrected; edit the draft instead."))
    form = CorrectionForm(request.POST or None, report=report)
    with transaction.atomic():
        if request.method == "POST" and form.is_valid():
            form.apply()
            report.save()
            publish(report, request.user, form.cleaned_data["change_note"])
            messages.success(request, _("The correction was published as a new version."))
            return redirect(report)
    return _report_page(request, report, form)


def _public_version(slug: str, pk: int, number: int) -> ReportVersion:
    """A published version of a report on a public promise; anything else is 404."""
    return get_object_or_404(
        ReportVersion.objects.select_related("report__promise"),
        report__promise__in=public_promises(),
        report__promise__slug=slug,
        report_id=pk,
        number=number,
    )


def _public_context(version: ReportVersion) -> dict:
    return {
        "version": version,
        "content": version.content,
        "versions": version.report.versions.order_by("-number"),
    }


@require_GET
def public_report(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    version = _public_version(slug, pk, number)
    return render(request, "followup/public_report.html", _public_context(version))


def report_pdf_html(version: ReportVersion, request: HttpRequest) -> str:
    """The HTML that WeasyPrint turns into the PDF, chart inline as SVG."""
    return render_to_string("followup/report_pdf.html", _public_context(version), request=request)


@require_GET
def public_report_pdf(request: HttpRequest, slug: str, pk: int, number: int) -> HttpResponse:
    from weasyprint import HTML

    version = _public_version(slug, pk, number)
    html = report_pdf_html(version, request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rapport-{slug}-{pk}-v{number}.pdf"'
    return response


@require_GET
def api_report(request: HttpRequest, slug: str, pk: int, number: int) -> JsonResponse:
    """The JSON twin of a published report version: its frozen content."""
    version = _public_version(slug, pk, number)
    data = {
        "url": version.get_public_url(),
        "version": version.number,
        "published_at": version.published_at.isoformat(),
        "change_note": version.change_note or None,
        "report": {k: v for k, v in version.content.items() if k != "chart_svg"},
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response


class MunicipalityReportsFeed(Feed):
    """Atom feed of a municipality's published reports: every version of public promises."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, scb_code: str) -> Municipality:
        return get_object_or_404(Municipality, scb_code=scb_code)

    def title(self, municipality: Municipality) -> str:
        return _("Follow-up reports, %(name)s") % {"name": municipality.name}

    def link(self, municipality: Municipality) -> str:
        return reverse("public-municipality", args=[municipality.scb_code])

    def subtitle(self, municipality: Municipality) -> str:
        return _("What the police and the municipality report on their citizen promises.")

    def items(self, municipality: Municipality):
        return (
            ReportVersion.objects.filter(
                report__promise__in=public_promises().filter(municipalities=municipality)
            )
            .select_related("report__promise")
            .order_by("-published_at")[:50]
        )

    def item_title(self, version: ReportVersion) -> str:
        title = f"{version.content['title']} ({version.report.promise.title})"
        if version.number > 1:
            title += " · " + _("version %(n)s") % {"n": version.number}
        return title

    def item_description(self, version: ReportVersion) -> str:
        return version.change_note or version.content["introduction"][:500]

    def item_link(self, version: ReportVersion) -> str:
        return version.get_public_url()

    def item_pubdate(self, version: ReportVersion):
        return version.published_at

    def item_updateddate(self, version: ReportVersion):
        return version.published_at
