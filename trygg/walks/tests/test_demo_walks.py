"""The demo's walks: one held with findings followed through spring, one planned."""

from datetime import date

import pytest
from django.core.management import call_command

from trygg.demo import walks as demo
from trygg.incidents.models import Incident, Source
from trygg.walks.models import Walk
from trygg.walks.report import findings_as_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_demo_has_a_held_and_a_planned_walk_labelled_synthetic():
    call_command("load_demo", "--force", verbosity=0)
    held = Walk.objects.get(title=demo.KARSTORP_WALK.title)
    planned = Walk.objects.get(title=demo.CENTRE_WALK.title)
    assert (held.status, planned.status) == ("held", "planned")
    assert planned.activity is None and planned.route is None and planned.places.count() == 2

    assert held.activity.kind == "safety_walk" and held.activity.date == date(2025, 4, 8)
    assert held.activity.note.startswith("Syntetisk demodata:")
    findings = list(held.findings.all())
    assert [f.status for f in findings] == ["done", "planned", "done", "accepted", "rejected"]
    assert all(f.note.startswith("Syntetisk demodata:") for f in findings)
    assert all(f.area.slug == "karstorp" for f in findings)
    assert Incident.objects.filter(source=Source.SAFETY_WALK).count() == demo.FINDINGS

    first, second = held.reports.all()
    as_issued = [s.status for s in findings_as_of(held, first.issued_at, str)]
    assert as_issued == ["accepted", "accepted", "new", "accepted", "new"]
    assert [s.status for s in findings_as_of(held, second.issued_at, str)] == [
        "done",
        "planned",
        "done",
        "accepted",
        "rejected",
    ]
