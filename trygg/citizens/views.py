"""The public report form, and the coordinators' moderation queue."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from trygg.audit.history import history_response
from trygg.geo.models import Area
from trygg.geo.services import area_for_point, base_map
from trygg.incidents.access import visible_incidents
from trygg.organisations.access import access
from trygg.photos import MAX_UPLOAD_BYTES

from . import ratelimit, services
from .access import can_moderate, moderation_queue, served_municipalities
from .forms import AcceptForm, CitizenReportForm, MergeForm, RejectForm
from .models import CitizenReport

# A photo at its limit and the form's text fields; anything larger is refused unread.
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024


def request_too_large(request: HttpRequest) -> bool:
    """Is the body larger than any honest report? Checked before Django reads it."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES
    except ValueError:
        return True


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "citizens/refused.html", {"message": message}, status=status)


@csrf_exempt  # checked by _report, once the body is known to be of a sane size
def report(request: HttpRequest) -> HttpResponse:
    """The public form: no login, a notice about 112 and 114 14 first, then what, where, when.

    The size and the rate limit are checked before anything reads the body, the
    CSRF check included: a gigabyte upload is refused, not streamed to disk first.
    """
    if request.method == "POST":
        if request_too_large(request):
            return _refused(request, _("The report is too large. Send a smaller photo."), 413)
        if ratelimit.limit_reached(request):
            return _refused(
                request,
                _("Many reports have been sent from your connection. Please try again in an hour."),
                429,
            )
        # Every POST counts, valid or not: refusing a form costs work too (a photo is decoded).
        ratelimit.count_report(request)
    return _report(request)


@csrf_protect
def _report(request: HttpRequest) -> HttpResponse:
    form = CitizenReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.caught_bot:
        # Answered like a success, so the bot learns nothing; nothing is stored.
        return redirect("citizen-report-thanks")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        submitted = services.submit(
            channel=CitizenReport.Channel.FORM,
            municipality=data["municipality"],
            category=data["category"],
            happened_at=data["happened_at"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            address=data["address"],
            text=data["text"],
            photo=data["photo"],
            email=data["email"],
        )
        messages.success(
            request, _("Thank you. Your report has number %(number)s.") % {"number": submitted.pk}
        )
        return redirect("citizen-report-thanks")
    context = {
        "form": form,
        "map": {
            **base_map(Area.objects.filter(municipality__in=served_municipalities())),
            "places": [],
        },
    }
    return render(request, "citizens/report.html", context)


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "citizens/thanks.html")


def _moderator_queue(request: HttpRequest):
    policy = access(request)
    if not can_moderate(policy):
        raise PermissionDenied(_("Only coordinators moderate citizen reports."))
    return moderation_queue(policy)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Reports waiting for a decision first; the decided ones by status on request."""
    reports = _moderator_queue(request)
    status = request.GET.get("status", CitizenReport.Status.RECEIVED)
    if status not in CitizenReport.Status.values:
        raise Http404
    context = {
        "reports": reports.filter(status=status).select_related("category", "municipality")[:200],
        "status": status,
        "statuses": CitizenReport.Status.choices,
        "waiting": reports.filter(status=CitizenReport.Status.RECEIVED).count(),
    }
    return render(request, "citizens/queue.html", context)


def merge_candidates(request: HttpRequest, report: CitizenReport):
    """Incidents this report might repeat: the user's, in its municipality, within a week of it."""
    return (
        visible_incidents(request.user)
        .filter(
            municipality=report.municipality,
            occurred_from__gte=report.happened_at - timedelta(days=7),
            occurred_from__lte=report.happened_at + timedelta(days=7),
            is_summary=False,
        )
        .select_related("category", "area", "municipality")
        .order_by("-occurred_from")
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report, and the three decisions a coordinator can take on it."""
    report = get_object_or_404(_moderator_queue(request), pk=pk)
    candidates = merge_candidates(request, report)
    accept_form = AcceptForm(initial={"category": report.category, "text": report.text})
    merge_form = MergeForm(candidates=candidates)
    reject_form = RejectForm()
    action = request.POST.get("action")
    if request.method == "POST":
        if report.status != CitizenReport.Status.RECEIVED:
            messages.error(request, _("The report has already been decided."))
            return redirect("citizen-report-detail", report.pk)
        try:
            if action == "accept":
                accept_form = AcceptForm(request.POST)
                if accept_form.is_valid():
                    data = accept_form.cleaned_data
                    services.accept(report, request.user, data["category"], data["text"])
                    messages.success(request, _("Accepted: the report is now an incident."))
                    return redirect("citizen-reports")
            elif action == "merge":
                merge_form = MergeForm(request.POST, candidates=candidates)
                if merge_form.is_valid():
                    services.merge(report, request.user, merge_form.cleaned_data["incident"])
                    messages.success(request, _("Merged with the incident."))
                    return redirect("citizen-reports")
            elif action == "reject":
                reject_form = RejectForm(request.POST)
                if reject_form.is_valid():
                    services.reject(report, request.user, reject_form.cleaned_data["reason"])
                    messages.success(request, _("Rejected."))
                    return redirect("citizen-reports")
            else:
                return HttpResponse(status=400)
        except services.AlreadyDecided:
            messages.error(request, _("The report has already been decided."))
            return redirect("citizen-report-detail", report.pk)
    area = None
    if report.has_point:
        area = area_for_point(report.latitude, report.longitude, report.municipality)
    context = {
        "report": report,
        "area": area,
        "accept_form": accept_form,
        "merge_form": merge_form,
        "reject_form": reject_form,
        "has_candidates": candidates.exists(),
    }
    return render(request, "citizens/detail.html", context)


@login_required
def photo(request: HttpRequest, pk: int) -> FileResponse:
    """The report's photo, for its moderators only: media files are never served publicly."""
    report = get_object_or_404(_moderator_queue(request), pk=pk)
    if not report.photo:
        raise Http404
    return FileResponse(report.photo.open("rb"), content_type="image/jpeg")


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who decided or changed the report and when: for its moderators (as the report page)."""
    report = get_object_or_404(_moderator_queue(request), pk=pk)
    return history_response(request, report, reverse("citizen-report-detail", args=[report.pk]))
