"""The walk's report: findings with photos and status, on the web and as PDF, in editions."""

from datetime import date

import pytest
from django.urls import reverse

from trygg.lagesbild.svgmap import map_svg
from trygg.photos import clean_photo
from trygg.walks.models import WalkReport
from trygg.walks.services import add_finding, change_status, route_finding

from .helpers import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(world, walk, housing):
    """Two findings, one with a photo, one routed to the housing company."""
    lamp = add_finding(
        walk,
        category="belysning",
        latitude=57.755,
        longitude=16.63,
        note="Lampan vid tunneln är trasig",
        photos=[clean_photo(upload("lampa.jpg", jpeg_with_gps((320, 240))))],
        by=world.reporter,
    )
    bush = add_finding(
        walk, category="skymd_sikt", latitude=57.756, longitude=16.632, by=world.reporter
    )
    route_finding(lamp, housing.company, date(2025, 5, 31), world.coordinator)
    walk.route = {"type": "LineString", "coordinates": [[16.629, 57.7549], [16.633, 57.7562]]}
    walk.save()
    return lamp, bush


def states(response) -> dict[int, str]:
    return {s.finding.number: s.status for s in response.context["states"]}


def test_the_report_lists_findings_with_photos_status_and_map(client, world, walk, reported):
    lamp, bush = reported
    client.force_login(world.viewer)
    response = client.get(reverse("walk-report", args=[walk.pk]))
    assert response.status_code == 200
    assert states(response) == {1: "new", 2: "new"}
    first = response.context["states"][0]
    assert (first.owner, first.due) == (lamp.owner, date(2025, 5, 31))
    assert first.photos[0]["src"] == reverse("walk-photo", args=[lamp.photos.get().pk])
    assert response.context["edition"] is None
    svg = response.context["svg"]
    assert svg.count("<polyline") == 1 and svg.count("<circle") == 2
    assert ">Karstorp</text>" in svg
    assert dict(response.context["by_status"])["Nytt"] == 2


def test_the_report_is_issued_and_reissued_when_statuses_change(
    client, world, walk, reported, housing
):
    lamp, _bush = reported
    url = reverse("walk-report", args=[walk.pk])
    client.force_login(world.coordinator)
    assert client.get(url).context["pending"] == 3  # two findings noted, one routed

    response = client.post(reverse("walk-report-issue", args=[walk.pk]))
    assert response.url == url + "?utgava=1"
    first = WalkReport.objects.get()
    assert (first.number, first.issued_by) == (1, world.coordinator)
    assert client.get(url).context["pending"] == 0
    # Nothing changed: no new edition.
    client.post(reverse("walk-report-issue", args=[walk.pk]))
    assert WalkReport.objects.count() == 1

    change_status(lamp, "done", "Ny armatur uppsatt", housing.caretaker)
    now = client.get(url)
    assert now.context["pending"] == 1 and states(now)[1] == "done"
    # Edition 1 still says what it said when it was issued.
    assert states(client.get(url, {"utgava": 1}))[1] == "new"

    client.post(reverse("walk-report-issue", args=[walk.pk]))
    second = client.get(url, {"utgava": 2})
    assert second.context["edition"].number == 2
    assert states(second) == {1: "done", 2: "new"}
    assert second.context["states"][0].note == "Ny armatur uppsatt"
    assert client.get(url, {"utgava": 3}).status_code == 404


def test_an_edition_leaves_out_findings_noted_after_it(client, world, walk, reported):
    client.force_login(world.coordinator)
    client.post(reverse("walk-report-issue", args=[walk.pk]))
    add_finding(walk, category="klotter", latitude=57.757, longitude=16.634, by=world.reporter)
    url = reverse("walk-report", args=[walk.pk])
    assert set(states(client.get(url, {"utgava": 1}))) == {1, 2}
    assert set(states(client.get(url))) == {1, 2, 3}


def test_the_report_prints_as_pdf_with_the_photos_inside(client, world, walk, reported):
    client.force_login(world.viewer)
    response = client.get(reverse("walk-report-pdf", args=[walk.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # The photo is embedded as an image in the PDF itself, not linked.
    assert b"/Subtype /Image" in response.content
    assert response.context["states"][0].photos[0]["src"].startswith("data:image/jpeg;base64,")


def test_the_svg_map_draws_a_route_and_numbered_points():
    route = [[16.629, 57.7549], [16.633, 57.7562]]
    svg = map_svg([], [], lines=[route], points=[("7", 16.63, 57.755)])
    assert svg.startswith("<svg") and svg.count("<polyline") == 1
    assert ">7</text>" in svg


def test_a_walk_without_findings_gets_its_first_edition_all_the_same(client, world, walk):
    client.force_login(world.coordinator)
    client.post(reverse("walk-report-issue", args=[walk.pk]))
    client.post(reverse("walk-report-issue", args=[walk.pk]))
    assert list(walk.reports.values_list("number", flat=True)) == [1]


# ---------------------------------------------------------------------------
# Refusals
# ---------------------------------------------------------------------------


def test_only_the_walks_coordinators_issue_the_report(client, world, walk, reported, housing):
    for user in (world.viewer, world.reporter):
        client.force_login(user)
        assert client.post(reverse("walk-report-issue", args=[walk.pk])).status_code == 403
    for user in (world.outsider, housing.caretaker):
        client.force_login(user)
        assert client.post(reverse("walk-report-issue", args=[walk.pk])).status_code == 404
    assert not WalkReport.objects.exists()
