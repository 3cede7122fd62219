"""An organisation imports only into the municipalities it covers, and reporters publish nothing."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from trygg.incidents.importers import ImportAborted, import_file
from trygg.incidents.models import Category, Incident

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
MAPPING = {
    **json.loads((FIXTURES / "housing_mapping.json").read_text()),
    "visibility": "public",
}


def test_a_file_naming_another_collaborations_municipality_is_refused(world):
    with pytest.raises(ImportAborted) as refused:
        import_file(
            "csv", FIXTURES / "housing.csv", mapping=MAPPING, organisation=world.outsider_org
        )
    message = str(refused.value)
    assert "housing.csv, rad 2, fält kommun" in message
    assert "Karlshamns kommun" in message
    assert not Incident.objects.exists()


def test_skipping_sets_the_rows_elsewhere_aside_with_their_line(world, tmp_path):
    rejects = tmp_path / "avvisade.csv"
    result = import_file(
        "csv",
        FIXTURES / "housing.csv",
        mapping=MAPPING,
        organisation=world.outsider_org,
        skip_invalid=True,
        rejects_path=rejects,
    )
    assert result.created == 0 and result.rejected == 3
    assert "utanför" in rejects.read_text(encoding="utf-8-sig")
    assert not Incident.objects.exists()


def test_the_collaborations_own_organisation_imports_the_same_file(world):
    result = import_file(
        "csv", FIXTURES / "housing.csv", mapping=MAPPING, organisation=world.police
    )
    assert result.created == 3
    assert set(Incident.objects.values_list("municipality__scb_code", flat=True)) == {"0883"}


def test_the_police_feed_keeps_only_the_organisations_municipalities(world):
    result = import_file("polisen-events", FIXTURES / "polisen.json", organisation=world.police)
    stored = set(Incident.objects.values_list("municipality__name", flat=True))
    assert stored <= {"Västervik", None}
    assert "Västervik" in stored
    assert result.elsewhere >= 3  # Karlshamn, Högsby, Stockholm
    assert "i andra kommuner hoppades över" in result.summary()


def test_a_reporter_cannot_make_an_incident_public(client, world):
    client.force_login(world.reporter)
    form = client.get(reverse("report-incident")).context["form"]
    assert "public" not in dict(form.fields["visibility"].choices)
    response = client.post(
        reverse("report-incident"),
        {
            "category": Category.objects.get(slug="klotter").pk,
            "place": world.square.pk,
            "happened_at": "2025-03-01T22:15",
            "organisation": world.police.pk,
            "visibility": "public",
        },
    )
    assert response.status_code == 200
    assert "visibility" in response.context["form"].errors
    assert not Incident.objects.exists()


def test_a_coordinator_may_make_an_incident_public(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("report-incident"),
        {
            "category": Category.objects.get(slug="klotter").pk,
            "place": world.square.pk,
            "happened_at": "2025-03-01T22:15",
            "organisation": world.municipality.pk,
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    assert Incident.objects.get().visibility == Incident.Visibility.PUBLIC


@pytest.mark.parametrize("path", ['"/etc/hostname"', '"/dev/zero"'])
def test_a_mapping_that_names_a_server_file_is_refused_without_reading_it(client, world, path):
    """A JSON string would be read as a path on the server: only a mapping object is taken."""
    from django.core.exceptions import ValidationError

    from trygg.incidents.models import ImportMapping

    mapping = ImportMapping(name="Fil", organisation=world.municipality, mapping=json.loads(path))
    with pytest.raises(ValidationError) as refused:
        mapping.full_clean()
    assert "kan inte läsas" not in str(refused.value)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("import-upload"),
        {"kind": "csv", "mapping": path, "organisation": world.municipality.pk},
    )
    assert response.status_code == 200
    assert "JSON-objekt" in response.content.decode()
