"""Safety walks: plan, walk with a phone, route findings to owners, follow them, report."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trygg.audit.history import history_response
from trygg.geo.geometry import parse_polygon
from trygg.geo.models import Area, Place
from trygg.geo.services import base_map
from trygg.organisations.access import can_edit, organisation_ids
from trygg.organisations.models import Organisation

from . import access, services
from .forms import FindingForm, HoldForm, RouteForm, StatusForm, WalkForm
from .models import Finding, FindingPhoto, Walk
from .report import changes_since, findings_as_of, issue_report, report_svg


def _walk(request: HttpRequest, pk: int) -> Walk:
    """A walk one of the user's organisations takes part in; any other is 404."""
    return get_object_or_404(
        access.visible_walks(request.user).select_related("municipality", "area", "organiser"),
        pk=pk,
    )


def _finding(request: HttpRequest, pk: int) -> Finding:
    """A finding of the user's walks or owned by their organisations; any other is 404."""
    return get_object_or_404(
        access.visible_findings(request.user).select_related("walk", "owner", "area"), pk=pk
    )


def walk_map(walk: Walk | None, municipalities, findings=()) -> dict:
    """Areas and named places for the Leaflet map, with the walk's route and findings.

    Areas and places are drawn without background tiles, so the map still says
    where one is on a closed network. `focus` is what the map opens on: the
    walk's route, places, area and findings ([lat, lon] each).
    """
    places = Place.objects.filter(municipality__in=municipalities)
    focus = [[f.latitude, f.longitude] for f in findings]
    if walk is not None:
        focus += [[lat, lon] for lon, lat in (walk.route or {}).get("coordinates", [])]
        focus += [[p.latitude, p.longitude] for p in walk.places.all()]
        if walk.area is not None and walk.area.geometry:
            west, south, east, north = parse_polygon(walk.area.geometry).bounds
            focus += [[south, west], [north, east]]
    return {
        **base_map(Area.objects.filter(municipality__in=municipalities)),
        "places": [
            {"id": p.id, "name": p.name, "lat": p.latitude, "lon": p.longitude} for p in places
        ],
        "route": walk.route if walk else None,
        "findings": [
            {"number": f.number, "lat": f.latitude, "lon": f.longitude, "label": str(f)}
            for f in findings
        ],
        "focus": focus,
    }


@login_required
def walk_list(request: HttpRequest) -> HttpResponse:
    walks = access.visible_walks(request.user).select_related("municipality", "area")
    walks = walks.annotate(
        finding_count=Count("findings", distinct=True),
        open_count=Count(
            "findings",
            filter=~Q(findings__status__in=[Finding.Status.DONE, Finding.Status.REJECTED]),
            distinct=True,
        ),
    )
    return render(
        request,
        "walks/list.html",
        {
            "planned": walks.filter(status=Walk.Status.PLANNED).order_by("date", "pk"),
            "held": walks.filter(status=Walk.Status.HELD),
            "can_plan": access.may_plan(request.user),
        },
    )


@login_required
def plan_walk(request: HttpRequest) -> HttpResponse:
    if not access.may_plan(request.user):
        raise PermissionDenied(_("Only coordinators and administrators can plan safety walks."))
    return _walk_form(request, None)


@login_required
def edit_walk(request: HttpRequest, pk: int) -> HttpResponse:
    walk = _walk(request, pk)
    if not access.may_change(request.user, walk):
        raise PermissionDenied(_("Only the walk's coordinators can change it."))
    return _walk_form(request, walk)


def _walk_form(request: HttpRequest, walk: Walk | None) -> HttpResponse:
    """Plan a walk or change its plan; a held walk's counted activity follows the change."""
    form = WalkForm(request.POST or None, instance=walk, user=request.user)
    with transaction.atomic():  # the version check and the save under one lock
        if request.method == "POST" and form.is_valid():
            walk = form.save(commit=False)
            if walk.pk is None:
                walk.created_by = request.user
            walk.save()
            form.save_m2m()
            walk.organisations.add(walk.organiser)
            services.sync_activity(walk, request.user)
            messages.success(request, _("The walk was saved."))
            return redirect(walk)
    municipalities = form.fields["municipality"].queryset
    return render(
        request,
        "walks/plan.html",
        {"form": form, "walk": walk, "map": walk_map(walk, municipalities)},
    )


@login_required
def walk_page(request: HttpRequest, pk: int) -> HttpResponse:
    walk = _walk(request, pk)
    findings = walk.findings.select_related("owner", "area").annotate(photo_count=Count("photos"))
    can_change = access.may_change(request.user, walk)
    return render(
        request,
        "walks/walk.html",
        {
            "walk": walk,
            "findings": findings,
            "organisations": walk.organisations.all(),
            "places": walk.places.all(),
            "commitments": walk.commitments.select_related("promise"),
            "map": walk_map(walk, [walk.municipality_id], findings),
            "can_change": can_change,
            "can_add": access.may_add_findings(request.user, walk),
            "hold_form": HoldForm(instance=walk) if can_change else None,
        },
    )


@login_required
@require_POST
def hold(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the walk held: it then counts toward its commitments."""
    walk = _walk(request, pk)
    if not access.may_change(request.user, walk):
        raise PermissionDenied(_("Only the walk's coordinators can mark it held."))
    form = HoldForm(request.POST, instance=walk)
    with transaction.atomic():
        if form.is_valid():
            services.hold_walk(
                walk, form.cleaned_data["date"], form.cleaned_data["residents"], request.user
            )
            messages.success(request, _("The walk is recorded as held."))
        else:
            problems = " ".join(" ".join(errors) for errors in form.errors.values())
            messages.error(request, _("Nothing was saved. %(problems)s") % {"problems": problems})
    return redirect(walk)


@login_required
def add_finding(request: HttpRequest, pk: int) -> HttpResponse:
    """The phone form used during the walk; after saving it is ready for the next finding."""
    walk = _walk(request, pk)
    if not access.may_add_findings(request.user, walk):
        raise PermissionDenied(_("Viewers cannot add findings."))
    form = FindingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        finding = services.add_finding(
            walk,
            category=data["category"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            note=data["note"],
            photos=data["photos"],
            by=request.user,
        )
        messages.success(
            request,
            _("Finding %(number)d saved: %(category)s.")
            % {"number": finding.number, "category": finding.get_category_display()},
        )
        return redirect("walk-add-finding", walk.pk)
    findings = walk.findings.all()
    return render(
        request,
        "walks/finding_form.html",
        {"walk": walk, "form": form, "map": walk_map(walk, [walk.municipality_id], findings)},
    )


@login_required
def finding_page(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    return _render_finding(request, finding)


def _render_finding(
    request: HttpRequest,
    finding: Finding,
    route_form: RouteForm | None = None,
    status_form: StatusForm | None = None,
) -> HttpResponse:
    """The finding with its photos and history, and the forms the user may use."""
    walk_visible = access.visible_walks(request.user).filter(pk=finding.walk_id).exists()
    can_route = walk_visible and access.may_change(request.user, finding.walk)
    can_update = access.may_update(request.user, finding)
    if can_route and route_form is None:
        route_form = RouteForm(
            finding=finding, initial={"owner": finding.owner_id, "due": finding.due}
        )
    if can_update and status_form is None:
        status_form = StatusForm(finding=finding, initial={"status": finding.status})
    return render(
        request,
        "walks/finding.html",
        {
            "finding": finding,
            "walk_visible": walk_visible,
            "photos": finding.photos.all(),
            "changes": finding.changes.select_related("changed_by", "owner"),
            "route_form": route_form if can_route else None,
            "status_form": status_form if can_update else None,
            "can_read_history": _may_read_finding_history(request, finding),
        },
    )


@login_required
@require_POST
def route(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator of the walk gives the finding an owner and a due date."""
    finding = _finding(request, pk)
    walk_visible = access.visible_walks(request.user).filter(pk=finding.walk_id).exists()
    if not (walk_visible and access.may_change(request.user, finding.walk)):
        raise PermissionDenied(_("Only the walk's coordinators can route its findings."))
    form = RouteForm(request.POST, finding=finding)
    with transaction.atomic():
        if not form.is_valid():
            return _render_finding(request, finding, route_form=form)
        data = form.cleaned_data
        services.route_finding(finding, data["owner"], data["due"], request.user, data["note"])
    messages.success(request, _("Routed to %(owner)s.") % {"owner": data["owner"]})
    return redirect(finding)


@login_required
@require_POST
def update_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner organisation accepts, plans, does or rejects the finding."""
    finding = _finding(request, pk)
    if not access.may_update(request.user, finding):
        raise PermissionDenied(_("Only the owner organisation can update the finding."))
    form = StatusForm(request.POST, finding=finding)
    with transaction.atomic():
        if not form.is_valid():
            return _render_finding(request, finding, status_form=form)
        data = form.cleaned_data
        services.change_status(finding, data["status"], data["note"], request.user, due=data["due"])
    messages.success(request, _("The status was updated."))
    return redirect(finding)


@login_required
def photo(request: HttpRequest, pk: int) -> FileResponse:
    """A finding's photo, for those who may see the finding: photos are never public files."""
    item = get_object_or_404(
        FindingPhoto.objects.filter(finding__in=access.visible_findings(request.user)), pk=pk
    )
    response = FileResponse(item.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def my_findings(request: HttpRequest) -> HttpResponse:
    """Mina fynd: the findings the user's organisations own, open ones first, per organisation."""
    organisations = Organisation.objects.filter(id__in=organisation_ids(request.user))
    chosen = organisations
    if request.GET.get("organisation"):
        chosen = organisations.filter(slug=request.GET["organisation"])
    findings = Finding.objects.filter(owner__in=chosen).select_related("walk", "owner", "area")
    show_all = request.GET.get("alla") == "1"
    if not show_all:
        findings = findings.exclude(status__in=[Finding.Status.DONE, Finding.Status.REJECTED])
    return render(
        request,
        "walks/my_findings.html",
        {
            "organisations": organisations,
            "chosen": request.GET.get("organisation", ""),
            "findings": findings.order_by("due", "walk__date", "number"),
            "show_all": show_all,
            "today": timezone.localdate(),
        },
    )


def _report_context(request: HttpRequest, walk: Walk, photo_src) -> dict:
    """The report as it stood at the edition asked for (?utgava=N), or as it stands now."""
    editions = list(walk.reports.select_related("issued_by"))
    edition = None
    if request.GET.get("utgava"):
        edition = get_object_or_404(walk.reports, number=request.GET["utgava"])
    moment = edition.issued_at if edition else timezone.now()
    states = findings_as_of(walk, moment, photo_src)
    latest = editions[-1] if editions else None
    return {
        "walk": walk,
        "edition": edition,
        "editions": editions,
        "latest": latest,
        "moment": moment,
        "states": states,
        "by_status": [
            (label, sum(1 for s in states if s.status == code))
            for code, label in Finding.Status.choices
        ],
        "pending": changes_since(walk, latest),
        "svg": report_svg(walk, states),
        "organisations": walk.organisations.all(),
        "can_issue": access.may_change(request.user, walk),
    }


@login_required
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    walk = _walk(request, pk)
    context = _report_context(request, walk, lambda p: reverse("walk-photo", args=[p.pk]))
    return render(request, "walks/report.html", context)


def _embedded(photo: FindingPhoto) -> str:
    """The photo inside the PDF itself, so printing needs no request back to Trygg."""
    with photo.image.open("rb") as file:
        return "data:image/jpeg;base64," + base64.b64encode(file.read()).decode("ascii")


@login_required
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The report on paper: WeasyPrint, photos embedded, the map drawn as SVG."""
    from weasyprint import HTML

    walk = _walk(request, pk)
    context = _report_context(request, walk, _embedded)
    html = render_to_string("walks/report_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    suffix = f"-utgava-{context['edition'].number}" if context["edition"] else ""
    response["Content-Disposition"] = f'inline; filename="trygghetsvandring-{walk.pk}{suffix}.pdf"'
    return response


@login_required
@require_POST
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue the report's next edition, when something changed since the last one."""
    walk = _walk(request, pk)
    if not access.may_change(request.user, walk):
        raise PermissionDenied(_("Only the walk's coordinators can issue its report."))
    edition = issue_report(walk, request.user)
    if edition is None:
        messages.info(request, _("Nothing has changed since the last edition."))
        return redirect("walk-report", walk.pk)
    messages.success(request, _("Edition %(number)d issued.") % {"number": edition.number})
    return redirect(reverse("walk-report", args=[walk.pk]) + f"?utgava={edition.number}")


def _may_read_finding_history(request: HttpRequest, finding: Finding) -> bool:
    """The walk's coordinators (who route it) and the owner's (who update it)."""
    owner = {finding.owner_id} if finding.owner_id else set()
    return access.may_change(request.user, finding.walk) or can_edit(request.user, owner)


@login_required
def walk_history(request: HttpRequest, pk: int) -> HttpResponse:
    walk = _walk(request, pk)
    if not access.may_change(request.user, walk):
        raise PermissionDenied(_("Only the walk's coordinators can read its history."))
    return history_response(request, walk, walk.get_absolute_url())


@login_required
def finding_history(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    if not _may_read_finding_history(request, finding):
        raise PermissionDenied(
            _("Only coordinators of the walk or the owner can read the history.")
        )
    return history_response(request, finding, reverse("finding", args=[finding.pk]))
