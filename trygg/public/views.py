"""Pages and open data for citizens: no login, public promises only, aggregates only."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from trygg.promises.views import day_asked

from .serialize import promise_data, public_promises


@require_GET
def promise_list(request: HttpRequest) -> HttpResponse:
    promises = public_promises().order_by("-period_start", "title")
    return render(request, "public/promise_list.html", {"promises": promises})


@require_GET
def promise_page(request: HttpRequest, slug: str) -> HttpResponse:
    on = day_asked(request)
    promise = get_object_or_404(public_promises(), slug=slug)
    return render(request, "public/promise.html", {"p": promise_data(promise, on), "on": on})


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
