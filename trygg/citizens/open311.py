"""Open311 GeoReport v2: the same citizen reports for existing Open311 apps and clients.

    GET  /open311/v2/discovery.<fmt>               where the API is, in which formats
    GET  /open311/v2/services.<fmt>                the services: the incident categories
    GET  /open311/v2/services/<code>.<fmt>         one service's definition (no attributes)
    GET  /open311/v2/requests.<fmt>                accepted reports (newest first, at most 1000)
    POST /open311/v2/requests.<fmt>                a new report, into the moderation queue
    GET  /open311/v2/requests/<id>.<fmt>           one accepted report

<fmt> is `json` or `xml`, the spec's two formats: many clients speak only XML,
the spec's default. A view makes the data once (dictionaries and lists of
them) and `endpoint` renders it in the format asked for, so the two cannot
disagree; XML names a list's items as the spec does (ITEM_NAMES). Another
format answers 404 in JSON. jurisdiction_id is a municipality's SCB code
("0883"). Errors are, as the spec says, a list of {"code": HTTP status,
"description": text}, in XML <errors><error><code/><description/></error></errors>.

What is public: only accepted reports (a report still in moderation, merged or
rejected answers as if it did not exist), described by the incident it became:
its masked text, its category, and for a location the centroid of its area,
or no position at all when it has none. Never the exact point, the address the
reporter typed, the email, or the photo (media_url is always null). An
accepted report's status is "closed": moderation, the service Trygg gives, is
done, and status_notes says the report is in the lägesbild.

POST takes the spec's form-encoded fields (multipart/form-data for a photo in
`media`, as FixMyStreet does). `media_url` is never fetched: Trygg does not
reach out to addresses someone else chose. Names, phone numbers, device and
account ids are not stored. `api_key` is ignored unless TRYGG_OPEN311_API_KEYS
lists keys; then a POST needs one of them. The rate limit is the web form's.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from trygg.geo.geometry import parse_polygon
from trygg.geo.models import Area, Municipality
from trygg.incidents.models import Category
from trygg.lib import params

from . import ratelimit, services
from .access import served_municipalities
from .forms import LATITUDE, LONGITUDE, cleaned_photo, municipality_of_point, point_elsewhere
from .models import ADDRESS_MAX_LENGTH, TEXT_MAX_LENGTH, CitizenReport
from .views import request_too_large

MAX_RESULTS = 1000
DEFAULT_DAYS = 90
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this API last changed, for discovery: clients compare it to what they cached.
CHANGESET = "2026-11-25T18:00:00+01:00"

Data = dict | list[dict]


# --- answers: one set of data, two formats ----------------------------------------------


class Refused(Exception):
    """The spec's error answer: one HTTP status, one or more descriptions."""

    def __init__(self, status: int, *descriptions: str) -> None:
        super().__init__(*descriptions)
        self.status = status
        self.errors = [{"code": status, "description": text} for text in descriptions]


def _public(response: HttpResponse) -> HttpResponse:
    """Readable from any web page: the API holds nothing that is not public."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def render_json(root: str, data: Data, status: int = 200) -> HttpResponse:
    """The data as JSON; `root` only names it in XML."""
    return _public(
        JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    )


# What the spec calls the items of each list in XML (<services><service>…</service></services>).
ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "endpoints": "endpoint",
    "formats": "format",
}
# Characters XML 1.0 cannot carry, even escaped: one in a text would spoil the whole answer.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: object) -> str | None:
    """A JSON value as XML text: booleans as true/false, None as an empty element."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return NOT_XML.sub("", str(value))


def _xml_element(name: str, value: object) -> ET.Element:
    """The value as an element `name`: a dict's keys and a list's items become its children."""
    element = ET.Element(name)
    if isinstance(value, dict):
        element.extend(_xml_element(key, item) for key, item in value.items())
    elif isinstance(value, list):
        element.extend(_xml_element(ITEM_NAMES[name], item) for item in value)
    else:
        element.text = _xml_text(value)
    return element


def render_xml(root: str, data: Data, status: int = 200) -> HttpResponse:
    """The same data as the spec's XML, under the element `root`, UTF-8 with a declaration."""
    body = ET.tostring(_xml_element(root, data), encoding="utf-8", xml_declaration=True)
    return _public(HttpResponse(body, status=status, content_type="text/xml; charset=utf-8"))


RENDERERS = {"json": render_json, "xml": render_xml}


def endpoint(root: str) -> Callable:
    """Answer the view's data in the format of the URL's `fmt`, and a Refused as its errors.

    The view returns data, never a response, so JSON and XML are made from the
    very same dictionaries. An unknown format answers 404 in JSON: there is no
    asked-for format to tell it in.
    """

    def decorate(view: Callable[..., Data]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def answer(request: HttpRequest, *args, fmt: str, **kwargs) -> HttpResponse:
            render = RENDERERS.get(fmt)
            if render is None:
                unknown = Refused(404, _("Unknown format: use .json or .xml."))
                return render_json("errors", unknown.errors, status=unknown.status)
            try:
                return render(root, view(request, *args, **kwargs))
            except Refused as refusal:
                return render("errors", refusal.errors, status=refusal.status)
            except BadRequest as bad:
                return render("errors", Refused(400, str(bad)).errors, status=400)

        return answer

    return decorate


def _w3c(moment) -> str | None:
    """A W3C date-time with the Stockholm offset, as the spec asks ("2025-03-01T22:15:00+01:00")."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


# --- services ---------------------------------------------------------------------------


def service_data(category: Category) -> dict:
    """One category as an Open311 service: reports are created at once, with no extra fields."""
    return {
        "service_code": category.slug,
        "service_name": category.name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": _("Safety"),
    }


def _jurisdiction(request: HttpRequest) -> Municipality | None:
    """The municipality named by jurisdiction_id, if any; unknown or unserved is refused."""
    code = request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
    if not code:
        return None
    municipality = served_municipalities().filter(scb_code=code).first()
    if municipality is None:
        raise Refused(404, _("jurisdiction_id %(code)s not found.") % {"code": code})
    return municipality


@require_GET
@endpoint("services")
def services_list(request: HttpRequest) -> list[dict]:
    """Every category, whichever municipality is named: all of them share the categories."""
    _jurisdiction(request)
    return [service_data(category) for category in Category.objects.all()]


@require_GET
@endpoint("service_definition")
def service_definition(request: HttpRequest, service_code: str) -> dict:
    """A service's extra fields: none (metadata is false), but clients may still ask."""
    _jurisdiction(request)
    if not Category.objects.filter(slug=service_code).exists():
        raise Refused(404, _("service_code %(code)s not found.") % {"code": service_code})
    return {"service_code": service_code, "attributes": []}


@require_GET
@endpoint("discovery")
def discovery(request: HttpRequest) -> dict:
    """Where this API is and what it speaks; the url is this server's, as the client reached it."""
    return {
        "changeset": CHANGESET,
        "contact": _("The safety coordinator of the municipality that runs Trygg."),
        "key_service": _(
            "No api_key is needed unless the server asks for one; then ask the municipality."
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": request.build_absolute_uri(request.path.rsplit("/", 1)[0]),
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


# --- requests: reading ------------------------------------------------------------------


def public_requests():
    """The only reports anyone may read through Open311: accepted ones, with their incident.

    The areas' boundaries are left out of the rows (a list would decode the same
    polygon once per report); `served` reads each area's centroid once.
    """
    return (
        CitizenReport.objects.filter(status=CitizenReport.Status.ACCEPTED, incident__isnull=False)
        .select_related(
            "municipality",
            "category",
            "incident__category",
            "incident__area",
            "incident__organisation",
        )
        .defer("incident__area__geometry", "incident__area__boundary_note")
    )


Position = tuple[float | None, float | None]


def area_positions(reports: list[CitizenReport]) -> dict[int, Position]:
    """The centroid of each report's area, rounded to about a metre: one query, one parse each."""
    area_ids = {report.incident.area_id for report in reports} - {None}
    areas = Area.objects.filter(pk__in=area_ids, geometry__isnull=False)
    positions = {}
    for area_id, geometry in areas.values_list("pk", "geometry"):
        centroid = parse_polygon(geometry).centroid
        positions[area_id] = (round(centroid.y, 5), round(centroid.x, 5))
    return positions


def served(reports) -> list[dict]:
    """The reports as the spec's list of service requests."""
    reports = list(reports)
    positions = area_positions(reports)
    return [request_data(report, positions) for report in reports]


def request_data(report: CitizenReport, positions: dict[int, Position]) -> dict:
    """An accepted report as a GeoReport v2 service request, told by the incident it became.

    The location is the centroid of the incident's area (from `positions`);
    without an area, or an area without a boundary, there is no position at all.
    """
    incident = report.incident
    category = incident.category or report.category
    area = incident.area
    lat, long = positions.get(incident.area_id, (None, None))
    return {
        "service_request_id": str(report.pk),
        "status": "closed",
        "status_notes": _("Accepted into the situation picture."),
        "service_name": category.name,
        "service_code": category.slug,
        "description": incident.text or None,
        "agency_responsible": incident.organisation.name if incident.organisation else None,
        "service_notice": None,
        "requested_datetime": _w3c(report.received_at),
        "updated_datetime": _w3c(report.decided_at),
        "expected_datetime": None,
        "address": f"{area.name}, {report.municipality.name}" if area else report.municipality.name,
        "address_id": None,
        "zipcode": None,
        "lat": lat,
        "long": long,
        "media_url": None,
    }


def _moment(request: HttpRequest, name: str):
    """A start_date or end_date argument, or None; refused when it is not a W3C date-time."""
    value = request.GET.get(name)
    return params.moment(value, name) if value else None


def _listed(request: HttpRequest, municipality: Municipality | None):
    """The public requests matching the spec's query arguments; a bad one is refused."""
    reports = public_requests()
    if municipality is not None:
        reports = reports.filter(municipality=municipality)
    if ids := request.GET.get("service_request_id"):
        return reports.filter(pk__in=params.ids(ids, "service_request_id"))
    if codes := request.GET.get("service_code"):
        reports = reports.filter(incident__category__slug__in=codes.split(","))
    if statuses := request.GET.get("status"):
        wanted = set(statuses.split(","))
        if not wanted <= {"open", "closed"}:
            raise Refused(400, _("status must be open or closed."))
        if "closed" not in wanted:
            return reports.none()
    start, end = _moment(request, "start_date"), _moment(request, "end_date")
    if start is None and end is None:
        start = timezone.now() - timedelta(days=DEFAULT_DAYS)
    if start is not None:
        reports = reports.filter(received_at__gte=start)
    if end is not None:
        reports = reports.filter(received_at__lte=end)
    return reports


@csrf_exempt
@require_http_methods(["GET", "POST"])
@endpoint("service_requests")
def requests_list(request: HttpRequest) -> list[dict]:
    """GET lists accepted reports; POST submits a new one (see the module docstring)."""
    if request.method == "POST":
        return _submit(request)
    reports = _listed(request, _jurisdiction(request))
    return served(reports.order_by("-received_at")[:MAX_RESULTS])


@require_GET
@endpoint("service_requests")
def request_detail(request: HttpRequest, request_id: str) -> list[dict]:
    """One accepted report, as a list of one (the spec's shape); anything else is not found."""
    _jurisdiction(request)
    try:
        report = public_requests().filter(
            pk=params.integer(request_id, "service_request_id", low=1)
        )
    except BadRequest:
        report = None
    if not report:
        raise Refused(404, _("service_request_id %(id)s not found.") % {"id": request_id})
    return served(report)


# --- requests: submitting ---------------------------------------------------------------


class Open311RequestForm(forms.Form):
    """The spec's POST arguments Trygg uses; the rest (names, phone, device) are dropped."""

    service_code = forms.ModelChoiceField(Category.objects.all(), to_field_name="slug")
    lat = forms.FloatField(required=False, **LATITUDE)
    long = forms.FloatField(required=False, **LONGITUDE)
    address_string = forms.CharField(required=False, max_length=ADDRESS_MAX_LENGTH)
    email = forms.EmailField(required=False)
    description = forms.CharField(required=False, max_length=TEXT_MAX_LENGTH)
    media = forms.FileField(required=False)

    def __init__(self, *args, municipality: Municipality | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_media(self) -> ContentFile | None:
        return cleaned_photo(self.cleaned_data.get("media"))

    def clean(self):
        data = super().clean()
        has_point = data.get("lat") is not None and data.get("long") is not None
        if not has_point and not data.get("address_string", "").strip():
            raise forms.ValidationError(_("Give lat and long, or address_string."))
        chosen = self.municipality
        if has_point and chosen and (error := point_elsewhere(data["lat"], data["long"], chosen)):
            raise forms.ValidationError(error)
        data["municipality"] = self.municipality or self._municipality_of(data, has_point)
        return data

    def _municipality_of(self, data: dict, has_point: bool) -> Municipality:
        """Without jurisdiction_id: the municipality of the point's area, or the only one served."""
        served = served_municipalities()
        if has_point:
            found = municipality_of_point(data["lat"], data["long"])
            if found is not None and served.filter(pk=found.pk).exists():
                return found
        only = list(served[:2])
        if len(only) == 1:
            return only[0]
        raise forms.ValidationError(
            _("jurisdiction_id is required: the SCB code of the municipality, e.g. 0883.")
        )


def _submit(request: HttpRequest) -> list[dict]:
    """Store the report for moderation; the size, the key and the rate limit are checked first."""
    if request_too_large(request):
        raise Refused(413, _("The request is too large."))
    keys = settings.TRYGG_OPEN311_API_KEYS
    if keys and request.POST.get("api_key") not in keys:
        raise Refused(403, _("api_key is missing or not valid."))
    if ratelimit.limit_reached(request):
        raise Refused(429, _("Too many reports from this address. Please try again in an hour."))
    ratelimit.count_report(request)  # every POST, valid or not: refusing one costs work too
    form = Open311RequestForm(request.POST, request.FILES, municipality=_jurisdiction(request))
    if not form.is_valid():
        raise Refused(
            400,
            *(
                f"{field}: {message}" if field != "__all__" else message
                for field, messages in form.errors.items()
                for message in messages
            ),
        )
    data = form.cleaned_data
    report = services.submit(
        channel=CitizenReport.Channel.OPEN311,
        municipality=data["municipality"],
        category=data["service_code"],
        happened_at=timezone.now(),
        latitude=data["lat"],
        longitude=data["long"],
        address=data["address_string"],
        text=data["description"],
        photo=data["media"],
        email=data["email"],
    )
    notice = _(
        "Thank you. A coordinator in the municipality reads every report. "
        "Emergency: call 112. To report a crime, call the police on 114 14: "
        "this is not a police report."
    )
    return [{"service_request_id": str(report.pk), "service_notice": notice, "account_id": None}]
