"""No input answers a 500: every route, hostile path and query values, every role.

The walk covers every route of the URL configuration except the admin and
allauth's account pages (konto/): both are Django's and allauth's own code,
and their many forms would take most of the time budget. A 4xx is fine; a 5xx
is a bug, found here before a scanner or a curious citizen finds it.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SKIPPED_PREFIXES = ("admin/", "konto/")

HUGE = "99999999999999999999"
HOSTILE = [
    "",
    "0",
    "-1",
    "1",
    HUGE,
    str(2**63),
    str(2**31),
    "²",
    "٣٤",
    "2025-02-30",
    "0001-01-01",
    "9999-12-31",
    "2025-02-30T00:00:00Z",
    "9999-12-31T23:59:59-12:00",
    "2025-03-01T00:00:00+99:00",
    "x" * 3000,
    "../",
    "%00",
    "\x00",
    "ä'\"<>",
    "1,2,²",
    "open,closed,x",
    "json",
    "xml",
]
# The parameters views read (grep request.GET in trygg/), and a few they do not.
QUERY_NAMES = [
    "datum",
    "ar",
    "vecka",
    "fran",
    "till",
    "start_date",
    "end_date",
    "service_request_id",
    "service_code",
    "jurisdiction_id",
    "page",
    "status",
    "format",
    "kategori",
    "område",
    "organisation",
    "utgava",
    "alla",
    "next",
    "before_start",
    "before_end",
    "after_start",
    "after_end",
    "comparison",
    "buffer",
    "category",
]
# Values a path segment may take: real ones from the world fixture, so that the
# other segments match and the hostile one reaches the view, and hostile ones.
KNOWN = {
    "slug": ["vastervik-2025", "internt-utkast", "tistel", "okand", "x" * 300],
    "scb_code": ["0883", "1082", "0000", "9999"],
    "int": ["1", "0", "2", HUGE, str(2**63), str(2**31), "00000000000000000000001"],
    "str": ["0883", "json", "xml", "../", "%00", "²", "٣", "x" * 1000, "a.json", "vastervik-2025"],
}
PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def _template(pattern) -> str:
    """A route as a template with {converter} holes: "loften/{slug}/" or "kommuner/{scb_code}/"."""
    text = str(pattern.pattern)
    if REGEX_GROUP.search(text) or text.startswith("^"):
        text = REGEX_GROUP.sub(lambda m: "{" + _regex_kind(m.group(1)) + "}", text).strip("^$")
        return text.replace("\\.", ".")
    return PLACEHOLDER.sub(lambda m: "{" + (m.group(1) or "str") + "}", text)


def _regex_kind(name: str) -> str:
    """A regex group's values: an SCB code's, or else an id's (pk, action_pk…)."""
    return name if name in KNOWN else "int"


def routes(resolver=None, prefix: str = "") -> list[str]:
    """Every route of the URL configuration as a template, included apps too."""
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        template = prefix + _template(entry)
        if template.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            found += routes(entry, template)
        elif isinstance(entry, URLPattern):
            found.append(template)
    return sorted(set(found))


def _fill(template: str, values: st.DataObject) -> str:
    """The template with each hole filled by a known or a hostile value for its kind."""
    kinds = re.findall(r"\{(\w+)\}", template)
    for kind in kinds:
        choices = KNOWN.get(kind, KNOWN["str"]) + HOSTILE[:9]
        template = template.replace("{" + kind + "}", values.draw(st.sampled_from(choices)), 1)
    return "/" + template


ROLES = ["anonymous", "viewer", "reporter", "coordinator", "outsider"]


@pytest.fixture
def clients(world) -> dict[str, Client]:
    """One client per role, logged in once; errors answer as responses, never raise."""
    made = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            client.force_login(getattr(world, role))
        made[role] = client
    return made


query = st.dictionaries(st.sampled_from(QUERY_NAMES), st.sampled_from(HOSTILE), max_size=4)


@pytest.mark.django_db
@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(routes()),
    role=st.sampled_from(ROLES),
    values=st.data(),
    params=query,
    post=st.booleans(),
)
def test_no_route_answers_500(clients, route, role, values, params, post):
    url = _fill(route, values)
    client = clients[role]
    response = client.post(url, params) if post else client.get(url, params)
    assert response.status_code < 500, (url, params, role, post)


# The answers that were 500s before (Trygg issue 13): each is a 4xx now.
REGRESSIONS = [
    ("/open311/v2/requests.json?service_request_id=99999999999999999999", 400),
    ("/open311/v2/requests.json?service_request_id=²", 400),
    ("/open311/v2/requests.json?start_date=2025-02-30T00:00:00Z", 400),
    ("/open311/v2/requests.json?start_date=9999-12-31T23:59:59-12:00", 400),
    ("/api/v1/municipalities/0883/?datum=0001-01-01", 400),
    ("/api/v1/promises/vastervik-2025/reports/99999999999999999999/v1/", 404),
    ("/lagesbild/0883/data.json?ar=0", 400),
]


@pytest.mark.parametrize(("url", "status"), REGRESSIONS)
def test_reported_500s_are_4xx(clients, url, status):
    assert clients["coordinator"].get(url).status_code == status
