"""Pages and open data for citizens: no login, public promises only, aggregates only."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from trygg.geo.models import Municipality
from trygg.promises.views import day_asked

from .serialize import municipality_data, municipality_summary, promise_data, public_promises


@require_GET
def promise_list(request: HttpRequest) -> HttpResponse:
    promises = public_promises().order_by("-period_start", "title")
    return render(request, "public/promise_list.html", {"promises": promises})


@require_GET
def promise_page(request: HttpRequest, slug: str) -> HttpResponse:
    on = day_asked(request)
    promise = get_object_or_404(public_promises(), slug=slug)
    return render(request, "public/promise.html", {"p": promise_data(promise, on), "on": on})


@require_GET
def municipality_list(request: HttpRequest) -> HttpResponse:
    municipalities = [municipality_summary(m) for m in Municipality.objects.order_by("name")]
    return render(request, "public/municipality_list.html", {"municipalities": municipalities})


@require_GET
def municipality_page(request: HttpRequest, scb_code: str) -> HttpResponse:
    """The portal of one municipality: its promises, their progress, incident trends."""
    on = day_asked(request)
    municipality = get_object_or_404(Municipality, scb_code=scb_code)
    data = municipality_data(municipality, on)
    return render(request, "public/municipality.html", {"m": data, "on": on})


def _json(data: dict) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def api_promises(request: HttpRequest) -> JsonResponse:
    """GET /api/v1/promises/: every public promise with its commitments and progress."""
    on = day_asked(request)
    promises = public_promises().order_by("-period_start", "title")
    return _json({"as_of": on.isoformat(), "promises": [promise_data(p, on) for p in promises]})


@require_GET
def api_promise(request: HttpRequest, slug: str) -> JsonResponse:
    on = day_asked(request)
    promise = get_object_or_404(public_promises(), slug=slug)
    return _json({"as_of": on.isoformat(), "promise": promise_data(promise, on)})


@require_GET
def api_municipalities(request: HttpRequest) -> JsonResponse:
    """GET /api/v1/municipalities/: every municipality, with its portal's address."""
    municipalities = [municipality_summary(m) for m in Municipality.objects.order_by("name")]
    return _json({"municipalities": municipalities})


@require_GET
def api_municipality(request: HttpRequest, scb_code: str) -> JsonResponse:
    on = day_asked(request)
    municipality = get_object_or_404(Municipality, scb_code=scb_code)
    return _json({"as_of": on.isoformat(), "municipality": municipality_data(municipality, on)})
