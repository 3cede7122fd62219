"""The Content-Security-Policy is on every response, and it is strict.

Pages, the admin, the open data (JSON, XML, Atom), CSV and PDF, redirects and
errors (403, 404, 405, 500) all carry the same policy: scripts and styles only
from Trygg's own files, no inline script, no eval, no plugins, no framing.
"""

import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import include, path

from trygg.settings import url_origin

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}


def fail(request):
    raise RuntimeError("a bug")


# This module is also the URLconf of the test that needs a server error.
urlpatterns = [path("fel/", fail), path("", include("trygg.urls"))]


def directives(header: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in header.split(";"))}


def assert_strict(response) -> None:
    policy = directives(response["Content-Security-Policy"])
    assert policy == POLICY
    for directive in ("script-src", "style-src", "default-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]


ANONYMOUS = [
    ("/medborgarloften/", 200, "text/html"),
    ("/kommuner/0883/", 200, "text/html"),
    ("/kommuner/0883/grannsamverkan/", 200, "text/html"),
    ("/medborgarrapport/", 200, "text/html"),
    ("/konto/login/", 200, "text/html"),
    ("/admin/login/", 302, "text/html"),  # to Trygg's own login
    ("/api/v1/promises/", 200, "application/json"),
    ("/api/v1/municipalities/0883/neighbourhood-watch/", 200, "application/json"),
    ("/open311/v2/services.xml", 200, "text/xml"),
    ("/kommuner/0883/rapporter.atom", 200, "application/atom+xml"),
    ("/", 302, "text/html"),  # to the login page
    ("/admin/", 302, "text/html"),  # to the admin's login page
    ("/kommuner", 301, "text/html"),  # APPEND_SLASH
    ("/finns-inte/", 404, "text/html"),
    ("/medborgarloften/finns-inte/", 404, "text/html"),
]
COORDINATOR = [
    ("/", 200, "text/html"),
    ("/admin/", 200, "text/html"),
    ("/admin/geo/area/", 200, "text/html"),
    ("/admin/geo/area/add/", 200, "text/html"),
    ("/lagesbild/0883/", 200, "text/html"),
    ("/lagesbild/0883/data.json", 200, "application/json"),
    ("/lagesbild/0883/data.csv", 200, "text/csv"),
    ("/lagesbild/0883/lagesbild.pdf", 200, "application/pdf"),
    ("/strategi/0883/ny/", 405, "text/html"),  # POST only
]


@pytest.mark.parametrize(("url", "status", "content_type"), ANONYMOUS)
def test_every_public_response_carries_the_policy(client, world, url, status, content_type):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith(content_type)
    assert_strict(response)


@pytest.mark.parametrize(("url", "status", "content_type"), COORDINATOR)
def test_every_response_to_a_user_carries_the_policy(client, world, url, status, content_type):
    client.force_login(world.coordinator)
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith(content_type)
    assert_strict(response)


def test_a_refusal_carries_the_policy(client, world):
    client.force_login(world.reporter)  # a reporter may not edit a promise
    response = client.get(f"/loften/{world.promise.slug}/redigera/")
    assert response.status_code == 403
    assert_strict(response)


def test_a_posted_form_and_its_redirect_carry_the_policy(client, world):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/medborgarloften/"})
    assert response.status_code == 302
    assert_strict(response)


@pytest.mark.urls(__name__)
def test_a_server_error_carries_the_policy(world):
    response = Client(raise_request_exception=False).get("/fel/")
    assert response.status_code == 500
    assert_strict(response)


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tiles.kommun.example/{z}/{x}/{y}.png", ["https://tiles.kommun.example"]),
        ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", ["https://*.tiles.example.org"]),
        ("http://127.0.0.1:8080/wmts/{z}/{x}/{y}.png", ["http://127.0.0.1:8080"]),
        ("", []),
        ("tiles/{z}/{x}/{y}.png", []),  # a path on Trygg's own server: 'self' covers it
    ],
)
def test_the_tile_servers_origin_is_taken_from_its_url(url, origin):
    assert url_origin(url) == origin


def test_the_configured_tile_server_may_serve_images():
    """TRYGG_TILE_URL is read once, at start-up: the policy is built from it there."""
    program = (
        "from trygg import settings; "
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    environment = {**os.environ, "TRYGG_TILE_URL": "https://{s}.tiles.example.org/{z}/{x}/{y}.png"}
    result = subprocess.run(
        [sys.executable, "-c", program], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["'self'", "data:", "blob:", "https://*.tiles.example.org"]
