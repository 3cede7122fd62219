"""Reporting incidents from the field, and the list of what has been reported."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trygg.geo.models import Area, Place
from trygg.geo.services import AreaLocator, base_map
from trygg.organisations.access import EDIT_ROLES, LOG_ROLES, organisation_ids
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
    context = {
        "incidents": incidents,
        "can_report": bool(organisation_ids(request.user, LOG_ROLES)),
        "can_import": bool(organisation_ids(request.user, EDIT_ROLES)),
    }
    return render(request, "incidents/list.html", context)
