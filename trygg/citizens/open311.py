"""Open311 GeoReport v2: the same citizen reports for existing Open311 apps and clients.

    GET  /open311/v2/services.json           the services: the incident categories
    GET  /open311/v2/requests.json           accepted reports (newest first, at most 1000)
    POST /open311/v2/requests.json           a new report, into the moderation queue
    GET  /open311/v2/requests/<id>.json      one accepted report

jurisdiction_id is a municipality's SCB code ("0883"). Only JSON is offered;
.xml answers 400 with a JSON error. Errors are, as the spec says, a list of
{"code": HTTP status, "description": text}.

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

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from trygg.geo.geometry import parse_polygon
from trygg.geo.models import Area, Municipality
from trygg.incidents.models import Category
from trygg.privacy import mask_identity_numbers

from . import ratelimit, services
from .access import served_municipalities
from .forms import LATITUDE, LONGITUDE, cleaned_photo, municipality_of_point, point_elsewhere
from .models import ADDRESS_MAX_LENGTH, TEXT_MAX_LENGTH, CitizenReport
from .views import request_too_large

MAX_RESULTS = 1000
DEFAULT_DAYS = 90


def _json(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(status: int, description: str) -> JsonResponse:
    return _json([{"code": status, "description": description}], status=status)


def _format_error(fmt: str) -> JsonResponse | None:
    """None for .json; the spec's error for anything else."""
    if fmt == "json":
        return None
    if fmt == "xml":
        return _error(400, _("Only JSON is offered: use .json instead of .xml."))
    return _error(404, _("Unknown format: use .json."))


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


def _jurisdiction(request: HttpRequest) -> tuple[Municipality | None, JsonResponse | None]:
    """The municipality named by jurisdiction_id, if any; unknown or unserved is an error."""
    code = request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
    if not code:
        return None, None
    municipality = served_municipalities().filter(scb_code=code).first()
    if municipality is None:
        return None, _error(404, _("jurisdiction_id %(code)s not found.") % {"code": code})
    return municipality, None


@require_GET
def services_list(request: HttpRequest, fmt: str) -> JsonResponse:
    if error := _format_error(fmt) or _jurisdiction(request)[1]:
        return error
    return _json([service_data(category) for category in Category.objects.all()])


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


def served(reports) -> JsonResponse:
    """The reports as the spec's list of service requests."""
    reports = list(reports)
    positions = area_positions(reports)
    return _json([request_data(report, positions) for report in reports])


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
        "description": mask_identity_numbers(incident.text) or None,
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
    """A start_date or end_date argument, or None; ValueError when it is not a W3C date-time."""
    value = request.GET.get(name)
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None or timezone.is_naive(moment):
        raise ValueError(
            _("%(name)s must be a date and time with a time zone, e.g. 2025-03-01T00:00:00Z.")
            % {"name": name}
        )
    return moment


def _listed(request: HttpRequest, municipality: Municipality | None):
    """The public requests matching the spec's query arguments; ValueError on a bad one."""
    reports = public_requests()
    if municipality is not None:
        reports = reports.filter(municipality=municipality)
    if ids := request.GET.get("service_request_id"):
        wanted = ids.split(",")
        if not all(part.isdigit() for part in wanted):
            raise ValueError(_("service_request_id must be numbers separated by commas."))
        return reports.filter(pk__in=wanted)
    if codes := request.GET.get("service_code"):
        reports = reports.filter(incident__category__slug__in=codes.split(","))
    if statuses := request.GET.get("status"):
        wanted = set(statuses.split(","))
        if not wanted <= {"open", "closed"}:
            raise ValueError(_("status must be open or closed."))
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
def requests_list(request: HttpRequest, fmt: str) -> JsonResponse:
    """GET lists accepted reports; POST submits a new one (see the module docstring)."""
    if error := _format_error(fmt):
        return error
    if request.method == "POST":
        return _submit(request)
    municipality, error = _jurisdiction(request)
    if error:
        return error
    try:
        reports = _listed(request, municipality)
    except ValueError as problem:
        return _error(400, str(problem))
    return served(reports.order_by("-received_at")[:MAX_RESULTS])


@require_GET
def request_detail(request: HttpRequest, request_id: str, fmt: str) -> JsonResponse:
    """One accepted report, as a list of one (the spec's shape); anything else is not found."""
    if error := _format_error(fmt) or _jurisdiction(request)[1]:
        return error
    report = public_requests().filter(pk=request_id) if request_id.isdigit() else None
    if not report:
        return _error(404, _("service_request_id %(id)s not found.") % {"id": request_id})
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


def _submit(request: HttpRequest) -> JsonResponse:
    if request_too_large(request):
        return _error(413, _("The request is too large."))
    keys = settings.TRYGG_OPEN311_API_KEYS
    if keys and request.POST.get("api_key") not in keys:
        return _error(403, _("api_key is missing or not valid."))
    if ratelimit.limit_reached(request):
        return _error(429, _("Too many reports from this address. Please try again in an hour."))
    municipality, error = _jurisdiction(request)
    if error:
        return error
    form = Open311RequestForm(request.POST, request.FILES, municipality=municipality)
    if not form.is_valid():
        return _json(
            [
                {
                    "code": 400,
                    "description": f"{field}: {message}" if field != "__all__" else message,
                }
                for field, messages in form.errors.items()
                for message in messages
            ],
            status=400,
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
    ratelimit.count_report(request)
    notice = _(
        "Thank you. A coordinator in the municipality reads every report. "
        "Emergency: call 112. To report a crime, call the police on 114 14: "
        "this is not a police report."
    )
    return _json(
        [{"service_request_id": str(report.pk), "service_notice": notice, "account_id": None}]
    )
