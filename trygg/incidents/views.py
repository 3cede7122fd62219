"""Reporting incidents from the field, and the list of what has been reported."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from trygg.audit.history import history_response
from trygg.audit.log import log_access
from trygg.geo.models import Area, Place
from trygg.geo.services import AreaLocator, base_map
from trygg.organisations.access import EDIT_ROLES, LOG_ROLES, can_edit, organisation_ids
from trygg.organisations.models import Organisation

from .access import visible_incidents
from .forms import IncidentReportForm
from .models import Incident, Source

# Who reports, by the kind of organisation they report for.
SOURCE_BY_ORGANISATION_KIND = {
    Organisation.Kind.POLICE: Source.POLICE_EVENT,
    Organisation.Kind.MUNICIPALITY: Source.STAFF,
    Organisation.Kind.REGION: Source.STAFF,
    Organisation.Kind.HOUSING: Source.HOUSING,
    Organisation.Kind.BUSINESS: Source.BUSINESS,
    Organisation.Kind.ASSOCIATION: Source.CITIZEN,
}


def place_incident(incident: Incident, organisation: Organisation) -> None:
    """Give a reported incident its municipality and area, from the place or the point."""
    if incident.place is not None:
        incident.municipality = incident.place.municipality
        incident.area = incident.place.area
        incident.latitude, incident.longitude = incident.place.latitude, incident.place.longitude
        incident.precision = Incident.Precision.PLACE
        return
    municipalities = list(organisation.municipalities.all())
    areas = Area.objects.filter(municipality__in=municipalities)
    incident.area = AreaLocator(areas).locate(incident.latitude, incident.longitude)
    if incident.area is not None:
        incident.municipality = incident.area.municipality
    elif len(municipalities) == 1:
        incident.municipality = municipalities[0]
    incident.precision = Incident.Precision.POINT


@login_required
def report_incident(request: HttpRequest) -> HttpResponse:
    organisations = list(
        Organisation.objects.filter(
            id__in=organisation_ids(request.user, LOG_ROLES)
        ).prefetch_related("municipalities")
    )
    if not organisations:
        raise PermissionDenied(_("Viewers cannot report incidents."))
    form = IncidentReportForm(
        request.POST or None,
        organisations=organisations,
        publishers=organisation_ids(request.user, EDIT_ROLES),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        start, end = form.window()
        organisation = data["organisation"]
        incident = Incident(
            source=SOURCE_BY_ORGANISATION_KIND.get(organisation.kind, Source.OTHER),
            category=data["category"],
            occurred_from=start,
            occurred_to=end,
            place=data["place"],
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            text=data["text"],
            organisation=organisation,
            visibility=data["visibility"],
            created_by=request.user,
        )
        place_incident(incident, organisation)
        incident.save()
        messages.success(request, _("Thank you. The incident was reported."))
        return redirect("incidents")
    return render(
        request, "incidents/report.html", {"form": form, "map": report_map(organisations)}
    )


def report_map(organisations: list[Organisation]) -> dict:
    """The areas and named places of the reporter's municipalities, for tapping a place."""
    municipalities = {m.id for org in organisations for m in org.municipalities.all()}
    places = Place.objects.filter(municipality_id__in=municipalities)
    return {
        **base_map(Area.objects.filter(municipality_id__in=municipalities)),
        "places": [
            {"id": p.id, "name": p.name, "lat": p.latitude, "lon": p.longitude} for p in places
        ],
    }


@login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    incidents = (
        visible_incidents(request.user)
        .filter(is_summary=False)
        .select_related("category", "municipality", "area", "place", "organisation")[:200]
    )
    editing = organisation_ids(request.user, EDIT_ROLES)
    context = {
        "incidents": incidents,
        "can_report": bool(organisation_ids(request.user, LOG_ROLES)),
        "can_import": bool(editing),
        # The incidents whose history the user may read (as in the admin: their
        # organisations' municipalities).
        "history_municipalities": set(
            Organisation.municipalities.through.objects.filter(
                organisation_id__in=editing
            ).values_list("municipality_id", flat=True)
        ),
    }
    codes = sorted({i.municipality.scb_code for i in incidents if i.municipality})
    log_access(
        request,
        "incidents.list",
        municipality=codes[0] if len(codes) == 1 else "",
        shown=len(incidents),
        municipalities=",".join(codes),
    )
    return render(request, "incidents/list.html", context)


@login_required
def incident_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed an incident and when, and where an imported one came from.

    For the coordinators and administrators of the organisations covering its
    municipality, who may change it in the admin; others who see it get 403,
    those who do not see it 404. Reading it is logged: it is police data.
    """
    incident = get_object_or_404(
        visible_incidents(request.user).select_related("import_job__created_by", "municipality"),
        pk=pk,
    )
    owners = (
        set(incident.municipality.organisations.values_list("id", flat=True))
        if (incident.municipality)
        else set()
    )
    if not can_edit(request.user, owners):
        raise PermissionDenied(_("Only coordinators may read an incident's history."))
    log_access(request, "incidents.history", municipality=incident.municipality, subject=incident)
    return history_response(request, incident, reverse("incidents"), origin=import_origin(incident))


def import_origin(incident: Incident) -> str:
    """Where an incident came from when no history row says: imports write none (bulk.py)."""
    job = incident.import_job
    if job is not None:
        return _("Imported from the file %(file)s by %(user)s, %(time)s.") % {
            "file": Path(job.file.name).name,
            "user": job.created_by.get_username() if job.created_by else _("an unknown user"),
            "time": date_format(localtime(job.created_at), "SHORT_DATETIME_FORMAT"),
        }
    if not incident.history.filter(history_type="+").exists():
        return _(
            "Stored by an import from the command line or by the demo (%(source)s, %(time)s), "
            "without a user; changes since are listed below."
        ) % {
            "source": incident.get_source_display(),
            "time": date_format(localtime(incident.created_at), "SHORT_DATETIME_FORMAT"),
        }
    return ""
