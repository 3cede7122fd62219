"""The strategic situation picture and action plan: drafted, edited, decided, published."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trygg.geo.models import Municipality
from trygg.incidents.access import visible_incidents
from trygg.organisations.access import access, visible

from .forms import PlanActionForm, PlanForm
from .models import PlanAction, StrategicPlan, StrategicPlanVersion
from .strategic import draft_content, publish_plan


def _visible_plan(request: HttpRequest, pk: int) -> StrategicPlan:
    plans = visible(StrategicPlan.objects.all(), request.user, "municipality__organisations")
    return get_object_or_404(plans.select_related("municipality"), pk=pk)


def _require_editor(request: HttpRequest, plan: StrategicPlan) -> None:
    if not access(request).may_coordinate(plan.municipality_id):
        raise PermissionDenied(_("Only coordinators may write and decide the plan."))
    if plan.versions.exists():
        raise PermissionDenied(_("A published plan is not edited."))


@login_required
@require_POST
def plan_create(request: HttpRequest, scb_code: str) -> HttpResponse:
    """Start next year's plan (or open it if it exists)."""
    mine = Municipality.objects.filter(organisations__in=access(request).organisations())
    municipality = get_object_or_404(mine.distinct(), scb_code=scb_code)
    if not access(request).may_coordinate(municipality.id):
        raise PermissionDenied(_("Only coordinators may write and decide the plan."))
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = 0
    if not 2000 <= year <= 2100:
        raise PermissionDenied(_("Give the plan's year, such as 2026."))
    plan, _created = StrategicPlan.objects.get_or_create(
        municipality=municipality, year=year, defaults={"created_by": request.user}
    )
    return redirect(plan)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft drawn from the data (or the published version), and the editors' forms."""
    plan = _visible_plan(request, pk)
    return _plan_page(request, plan)


def _plan_page(request: HttpRequest, plan: StrategicPlan, form: PlanForm | None = None):
    """The plan page, with the editor's forms (the plan's own one, if refused, as posted)."""
    versions = list(plan.versions.order_by("-number"))
    may_coordinate = access(request).may_coordinate(plan.municipality_id)
    editor = not versions and may_coordinate
    content = (
        versions[0].content if versions else draft_content(plan, visible_incidents(request.user))
    )
    context = {
        "plan": plan,
        "versions": versions,
        "content": content,
        "form": (form or PlanForm(instance=plan)) if editor else None,
        "action_form": PlanActionForm(plan=plan) if editor else None,
        "actions": plan.actions.all()
        if access(request).may_coordinate(plan.municipality_id)
        else [],
        "statuses": PlanAction.Status.choices,
    }
    return render(request, "followup/plan.html", context)


@login_required
@require_POST
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _visible_plan(request, pk)
    _require_editor(request, plan)
    form = PlanForm(request.POST, instance=plan)
    with transaction.atomic():  # the version check and the save under one lock
        if not form.is_valid():
            return _plan_page(request, plan, form)
        form.save()
    return redirect(plan)


@login_required
@require_POST
def plan_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _visible_plan(request, pk)
    _require_editor(request, plan)
    form = PlanActionForm(request.POST, plan=plan)
    if form.is_valid():
        action = form.save(commit=False)
        action.plan = plan
        action.save()
        form.save_m2m()
    return redirect(plan)


@login_required
@require_POST
def plan_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the decided plan: its trends, chart, texts and actions are frozen."""
    plan = _visible_plan(request, pk)
    _require_editor(request, plan)
    if not (plan.decided_on and plan.decided_by):
        raise PermissionDenied(_("Record the decision (date and decision body) first."))
    publish_plan(plan, visible_incidents(request.user), request.user)
    return redirect(plan)


def plan_pdf_html(version: StrategicPlanVersion, request: HttpRequest) -> str:
    """The HTML WeasyPrint prints: the frozen content, charts inline as SVG."""
    context = {"plan": version.plan, "version": version, "content": version.content}
    return render_to_string("followup/plan_pdf.html", context, request=request)


@login_required
def plan_pdf(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    from weasyprint import HTML

    plan = _visible_plan(request, pk)
    version = get_object_or_404(plan.versions, number=number)
    html = plan_pdf_html(version, request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"lagesbild-atgardsplan-{plan.municipality.scb_code}-{plan.year}-v{number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def plan_list(request: HttpRequest, scb_code: str) -> HttpResponse:
    """A municipality's plans, year by year, and for coordinators the way to start the next."""
    mine = Municipality.objects.filter(organisations__in=access(request).organisations())
    municipality = get_object_or_404(mine.distinct(), scb_code=scb_code)
    plans = municipality.strategic_plans.prefetch_related("versions")
    context = {
        "municipality": municipality,
        "plans": plans,
        "can_edit": access(request).may_coordinate(municipality.id),
        "next_year": (plans.first().year + 1) if plans else timezone.localdate().year + 1,
    }
    return render(request, "followup/plan_list.html", context)


@login_required
@require_POST
def plan_action_outcome(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    """Record how an action went, also after publication: next year's plan shows it.

    The published version keeps the status it was published with.
    """
    plan = _visible_plan(request, pk)
    if not access(request).may_coordinate(plan.municipality_id):
        raise PermissionDenied(_("Only coordinators may write and decide the plan."))
    action = get_object_or_404(plan.actions, pk=action_pk)
    status = request.POST.get("status", "")
    if status not in PlanAction.Status.values:
        raise PermissionDenied(_("Choose one of the outcomes offered."))
    action.status = status
    action.save(update_fields=["status"])
    return redirect(plan)
