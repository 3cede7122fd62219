"""Error answers in the language of the path: JSON on the API, Open311's own list, pages elsewhere.

A client of /api/ or /open311/ parses what it gets; an HTML error page would
be a second failure on top of the first. Both APIs are public and readable
from any web page, so their errors carry the same CORS header as their
answers. urls.py names these as handler400 and handler404.
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

from trygg.lib.params import MAX_ID

API_PREFIX = "/api/"
OPEN311_PREFIX = "/open311/"


def _message(exception: Exception | None, fallback: str) -> str:
    """The exception's own words when it has some (a BadParameter names the parameter)."""
    text = exception.args[0] if exception is not None and exception.args else ""
    return text if isinstance(text, str) and text else fallback


def _api_error(request: HttpRequest, status: int, message: str) -> HttpResponse | None:
    """The error as the API at this path speaks it, or None on a page."""
    if request.path.startswith(OPEN311_PREFIX):
        from trygg.citizens.open311 import Refused, render_json, render_xml

        render = render_xml if request.path.endswith(".xml") else render_json
        return render("errors", Refused(status, message).errors, status=status)
    if request.path.startswith(API_PREFIX):
        response = JsonResponse(
            {"error": {"code": status, "message": message}},
            status=status,
            json_dumps_params={"ensure_ascii": False},
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response
    return None


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _message(exception, _("Bad request."))
    return _api_error(request, 400, message) or defaults.bad_request(request, exception)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _message(exception, _("Not found."))
    return _api_error(request, 404, message) or defaults.page_not_found(request, exception)


class IdRangeMiddleware:
    """A number in the path that no database row can have is a 404 before the view runs.

    `<int:pk>` accepts any length of digits; a lookup through a foreign key with
    one past 2**63-1 overflows in the database driver instead of finding nothing.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> None:
        numbers = [value for value in (*args, *kwargs.values()) if isinstance(value, int)]
        if any(not 0 <= number <= MAX_ID for number in numbers):
            raise Http404(_("No such number."))
