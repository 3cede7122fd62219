"""Saved column mappings: save a pasted one, pick it next time, use it by name in the command."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from trygg.incidents.importers import import_file
from trygg.incidents.models import ImportJob, ImportMapping, Incident

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
HOUSING = FIXTURES / "housing.csv"
MAPPING = json.loads((FIXTURES / "housing_mapping.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, world, **extra):
    data = {
        "kind": "csv",
        "file": SimpleUploadedFile("housing.csv", HOUSING.read_bytes()),
        "organisation": world.municipality.pk,
    }
    return client.post(reverse("import-upload"), data | extra)


def saved(world, organisation, name="Bostadsbolaget", mapping=MAPPING):
    return ImportMapping.objects.create(name=name, organisation=organisation, mapping=mapping)


def choices(response):
    return list(response.context["form"].fields["saved_mapping"].queryset)


def test_a_pasted_mapping_is_saved_and_picked_next_time(client, world):
    client.force_login(world.coordinator)
    response = upload(client, world, mapping=json.dumps(MAPPING), save_as=" Bostadsbolaget ")
    assert response.status_code == 302
    mapping = ImportMapping.objects.get()
    assert (mapping.name, mapping.organisation, mapping.created_by) == (
        "Bostadsbolaget",
        world.municipality,
        world.coordinator,
    )
    assert mapping.mapping == MAPPING == ImportJob.objects.get().mapping

    assert choices(client.get(reverse("import-upload"))) == [mapping]
    assert upload(client, world, saved_mapping=mapping.pk).status_code == 302
    job = ImportJob.objects.latest("pk")
    assert job.mapping == MAPPING  # the job keeps its own copy of what it used
    assert import_file("csv", HOUSING, mapping=job.mapping).created == 3


def test_a_mapping_is_checked_before_it_is_saved(client, world):
    client.force_login(world.coordinator)
    bad = json.dumps(MAPPING | {"source": "grannar"})
    response = upload(client, world, mapping=bad, save_as="Fel")
    assert "source 'grannar' är ingen källa" in response.context["form"].errors["mapping"][0]

    saved(world, world.municipality)
    response = upload(client, world, mapping=json.dumps(MAPPING), save_as="Bostadsbolaget")
    assert "save_as" in response.context["form"].errors  # the name is taken
    response = upload(client, world, save_as="Utan mappning")
    assert "save_as" in response.context["form"].errors
    assert ImportMapping.objects.count() == 1
    assert not ImportJob.objects.exists()


def test_another_collaborations_mapping_is_neither_listed_nor_usable(client, world):
    theirs = saved(world, world.outsider_org, name="Karlshamns bostäder")
    ours = saved(world, world.municipality)
    client.force_login(world.coordinator)
    assert choices(client.get(reverse("import-upload"))) == [ours]
    response = upload(client, world, saved_mapping=theirs.pk)
    assert "saved_mapping" in response.context["form"].errors
    assert not ImportJob.objects.exists()

    listing = client.get(reverse("admin:incidents_importmapping_changelist"))
    assert list(listing.context["cl"].queryset) == [ours]
    change = reverse("admin:incidents_importmapping_change", args=[theirs.pk])
    assert client.get(change).status_code != 200

    with pytest.raises(CommandError, match="ingen sparad mappning hos Västerviks kommun"):
        call_command(
            "import", "csv", str(HOUSING), "--mapping", theirs.name,
            "--organisation", world.municipality.slug,
        )  # fmt: skip
    assert not Incident.objects.exists()


def test_the_command_takes_a_saved_mapping_by_name(world):
    saved(world, world.municipality)
    out = StringIO()
    call_command("import", "csv", str(HOUSING), "--mapping", "Bostadsbolaget", stdout=out)
    assert out.getvalue().startswith("Importerade 3 händelser")

    saved(world, world.police)  # the same name in a second organisation
    with pytest.raises(CommandError, match="ange vilken med --organisation"):
        call_command("import", "csv", str(HOUSING), "--mapping", "Bostadsbolaget")
    with pytest.raises(CommandError, match="ingen mappningsfil och ingen sparad mappning"):
        call_command("import", "csv", str(HOUSING), "--mapping", "Finns inte")
    args = ["--mapping", "Bostadsbolaget", "--organisation", world.police.slug]
    call_command("import", "csv", str(HOUSING), *args, stdout=out)
    assert Incident.objects.count() == 3


def test_the_admin_checks_the_mapping_and_keeps_to_own_organisations(client, world):
    client.force_login(world.coordinator)
    add = reverse("admin:incidents_importmapping_add")
    data = {"name": "Vakter", "organisation": world.municipality.pk}
    response = client.post(add, data | {"mapping": json.dumps({"source": "security"})})
    assert "id (kolumnnamn) krävs" in response.context["adminform"].form.errors["mapping"][0]
    response = client.post(
        add, data | {"organisation": world.outsider_org.pk, "mapping": json.dumps(MAPPING)}
    )
    assert "organisation" in response.context["adminform"].form.errors
    assert not ImportMapping.objects.exists()

    assert client.post(add, data | {"mapping": json.dumps(MAPPING)}).status_code == 302
    assert ImportMapping.objects.get().created_by == world.coordinator
