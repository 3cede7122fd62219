"""A safety walk in Västervik, a housing company that owns findings, and photos to upload."""

from datetime import date
from types import SimpleNamespace

import pytest

from conftest import make_user
from trygg.geo.models import Area
from trygg.organisations.models import Organisation, Role
from trygg.promises.models import ActivityKind, Commitment
from trygg.walks.models import Walk

from .helpers import KARSTORP


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Photos go to a directory of the test's own, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def housing(world) -> SimpleNamespace:
    """A housing company that owns findings but did not take part: a caretaker and a viewer."""
    company = Organisation.objects.create(name="Västerviks Bostäder", slug="vb", kind="housing")
    company.municipalities.add(world.vastervik)
    return SimpleNamespace(
        company=company,
        caretaker=make_user("vaktmastare", company, Role.REPORTER),
        viewer=make_user("bostadslasare", company, Role.VIEWER),
    )


@pytest.fixture
def walk(world) -> Walk:
    """A walk in Karstorp planned by the municipality, with the police taking part."""
    area = Area.objects.create(
        municipality=world.vastervik, name="Karstorp", slug="karstorp", geometry=KARSTORP
    )
    walk = Walk.objects.create(
        title="Trygghetsvandring Karstorp",
        municipality=world.vastervik,
        area=area,
        date=date(2025, 4, 8),
        organiser=world.municipality,
        residents=12,
    )
    walk.organisations.set([world.municipality, world.police])
    return walk


@pytest.fixture
def walks_commitment(world) -> Commitment:
    """ "Minst två trygghetsvandringar under året" in the Västervik promise."""
    commitment = Commitment.objects.create(
        promise=world.promise,
        order=10,
        text="Kommunen ska genomföra minst två trygghetsvandringar under året.",
        target_kind="count",
        quantity=2,
        unit="trygghetsvandringar",
        per="year",
        activity_kind=ActivityKind.SAFETY_WALK,
    )
    commitment.responsible.set([world.municipality])
    return commitment
