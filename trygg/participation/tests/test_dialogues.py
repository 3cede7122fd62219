"""Citizen dialogues: recorded, counted toward commitments when held, themes in the lägesbild."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from trygg.demo import seeds
from trygg.demo.users import DEMO_PASSWORD
from trygg.geo.models import Area
from trygg.incidents.access import visible_incidents
from trygg.incidents.models import Category, Incident, Source
from trygg.lagesbild.counts import in_period, weekly_picture
from trygg.participation.models import Dialogue, DialogueTheme
from trygg.participation.services import dialogue_themes
from trygg.promises.models import Activity, ActivityKind, Commitment
from trygg.promises.progress import Status, progress

pytestmark = pytest.mark.django_db

HELD_ON = date(2025, 3, 12)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dialogues(world):
    """A 2025 commitment to hold two citizen dialogues in Västervik, and a central area."""
    commitment = Commitment.objects.create(
        promise=world.promise,
        order=4,
        text="Polisen och kommunen ska hålla minst två medborgardialoger om narkotika.",
        target_kind="count",
        quantity=2,
        unit="medborgardialoger",
        per="year",
        activity_kind=ActivityKind.CITIZEN_DIALOGUE,
    )
    commitment.responsible.set([world.police, world.municipality])
    world.centrum = Area.objects.create(
        municipality=world.vastervik, name="Centrum", slug="centrum"
    )
    world.dialogue_commitment = commitment
    return world


def new_url(world) -> str:
    return reverse("dialogue-new", args=[world.vastervik.scb_code])


def form(world, **changes) -> dict:
    data = {
        "title": "Dialog om narkotika på torget",
        "format": Dialogue.Format.STREET,
        "status": Dialogue.Status.HELD,
        "date": HELD_ON.isoformat(),
        "area": world.centrum.pk,
        "place": world.square.pk,
        "organisation": world.municipality.pk,
        "participants": "40",
        "age_1": "12",
        "age_2": "20",
        "summary": "Många oroar sig för langning.",
        "commitments": [world.dialogue_commitment.pk],
    }
    return {key: value for key, value in {**data, **changes}.items() if value is not None}


def done(commitment: Commitment) -> int:
    return progress(commitment, date(2025, 12, 31)).done


def test_a_held_dialogue_in_central_hogsby_counts_toward_the_hogsby_commitment(client):
    """With the demo loaded: the Högsby–Mönsterås promise goes from 0 dialogues to 1."""
    call_command("load_demo", "--force", verbosity=0)
    slug = "hogsby-monsteras-2024-2025"
    promise = seeds.PROMISES_BY_SLUG[slug]
    hogsby, monsteras = (
        Commitment.objects.get(promise__slug=slug, order=seeds.commitment_order(promise, key))
        for key in ("dialog-hogsby", "dialog-monsteras")
    )
    Dialogue.objects.all().delete()  # the demo's own dialogue, and the activity it counts as
    assert (progress(hogsby, date(2025, 12, 31)).done, done(monsteras)) == (0, 0)

    client.login(username="kommunpolis", password=DEMO_PASSWORD)
    centrum = Area.objects.get(slug="centrala-hogsby")
    response = client.post(
        reverse("dialogue-new", args=[seeds.HOGSBY]),
        {
            "title": "Trygghetsdialog i centrala Högsby",
            "format": Dialogue.Format.MEETING,
            "status": Dialogue.Status.HELD,
            "date": "2025-03-12",
            "area": centrum.pk,
            "place": centrum.places.get().pk,
            "organisation": hogsby.responsible.get(kind="police").pk,
            "participants": "28",
            "commitments": [hogsby.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors

    state = progress(hogsby, date(2025, 12, 31))
    assert (state.done, state.status) == (1, Status.DONE)
    assert done(monsteras) == 0  # a dialogue in Högsby does not keep the promise to Mönsterås
    activity = Dialogue.objects.get().activity
    assert (activity.kind, activity.place.name, activity.area) == (
        "citizen_dialogue",
        "Högsby centrum",
        centrum,
    )


def test_a_planned_dialogue_counts_once_held_and_stops_counting_when_cancelled(client, dialogues):
    client.force_login(dialogues.coordinator)
    client.post(new_url(dialogues), form(dialogues, status=Dialogue.Status.PLANNED))
    dialogue = Dialogue.objects.get()
    assert dialogue.activity is None and done(dialogues.dialogue_commitment) == 0

    edit = reverse("dialogue-edit", args=[dialogues.vastervik.scb_code, dialogue.pk])
    client.post(edit, form(dialogues))
    dialogue.refresh_from_db()
    activity = dialogue.activity
    assert (activity.date, activity.organisation, activity.place, activity.area) == (
        HELD_ON,
        dialogues.municipality,
        dialogues.square,
        dialogues.centrum,
    )
    assert list(activity.commitments.all()) == [dialogues.dialogue_commitment]
    assert done(dialogues.dialogue_commitment) == 1

    client.post(edit, form(dialogues, date="2025-03-14"))  # saved again: still one, moved
    assert Activity.objects.get().date == date(2025, 3, 14)
    assert done(dialogues.dialogue_commitment) == 1

    client.post(edit, form(dialogues, status=Dialogue.Status.CANCELLED))
    assert not Activity.objects.exists() and done(dialogues.dialogue_commitment) == 0


def test_themes_are_incidents_of_source_dialogue_in_the_lagesbild(client, dialogues):
    client.force_login(dialogues.coordinator)
    client.post(new_url(dialogues), form(dialogues))
    dialogue = Dialogue.objects.get()
    page = reverse("dialogue", args=[dialogues.vastervik.scb_code, dialogue.pk])
    drugs = Category.objects.get(slug="narkotika")
    lighting = Category.objects.get(slug="otrygg-plats")
    client.post(page, {"text": "Langning vid torget, sa 19850101-2389.", "category": drugs.pk})
    client.post(page, {"text": "Mörkt vid busstationen.", "category": lighting.pk})

    incidents = Incident.objects.filter(source=Source.DIALOGUE).order_by("pk")
    assert incidents.count() == 2
    first = incidents[0]
    assert "19850101-2389" not in first.text and "[personnummer borttaget]" in first.text
    assert (first.category, first.municipality, first.area, first.precision) == (
        drugs,
        dialogues.vastervik,
        dialogues.centrum,  # no place of its own: where the dialogue was held
        "area",
    )
    assert first.visibility == "shared" and first.latitude is None
    assert set(in_period(visible_incidents(dialogues.viewer), HELD_ON, HELD_ON)) == set(incidents)

    year, week, _ = HELD_ON.isocalendar()
    picture = weekly_picture(Incident.objects.filter(municipality=dialogues.vastervik), year, week)
    assert picture["total"]["count"] == 2
    assert picture["by_category"]["narkotika"]["count"] == 1

    theme = DialogueTheme.objects.get(category=drugs)
    client.post(
        reverse("dialogue-theme-delete", args=[dialogues.vastervik.scb_code, dialogue.pk, theme.pk])
    )
    assert list(Incident.objects.values_list("category__slug", flat=True)) == ["otrygg-plats"]

    edit = reverse("dialogue-edit", args=[dialogues.vastervik.scb_code, dialogue.pk])
    client.post(edit, form(dialogues, status=Dialogue.Status.PLANNED, date="2025-03-01"))
    assert not Incident.objects.exists()  # a dialogue not held raised nothing yet
    assert DialogueTheme.objects.count() == 1


def test_dialogue_themes_for_the_strategic_lagesbild(client, dialogues):
    client.force_login(dialogues.coordinator)
    for day, status in (("2025-02-01", "held"), ("2025-03-01", "held"), ("2025-04-01", "planned")):
        client.post(new_url(dialogues), form(dialogues, date=day, status=status))
    category = Category.objects.get(slug="trafik")
    for dialogue in Dialogue.objects.all():
        page = reverse("dialogue", args=[dialogues.vastervik.scb_code, dialogue.pk])
        client.post(page, {"text": f"Fortkörning {dialogue.date}", "category": category.pk})

    themes = dialogue_themes(dialogues.vastervik, date(2025, 2, 15), date(2025, 12, 31))
    assert [theme.text for theme in themes] == ["Fortkörning 2025-03-01"]
    karlshamn = dialogues.outsider_org.municipalities.get()
    assert not dialogue_themes(karlshamn, date(2025, 1, 1), date(2025, 12, 31)).exists()


def test_bad_input_says_what_and_stores_nothing(client, dialogues):
    client.force_login(dialogues.coordinator)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    cases = [
        ({"date": tomorrow}, "date"),  # held ahead of time
        ({"date": "2024-06-01"}, "commitments"),  # outside the 2025 promise
        ({"organisation": dialogues.police.pk}, "organisation"),  # not one of the user's own
        ({"participants": "10"}, "participants"),  # fewer than the age bands add up to
        ({"age_0": "-1"}, "age_0"),
    ]
    for change, field in cases:
        response = client.post(new_url(dialogues), form(dialogues, **change))
        assert response.status_code == 200, change
        assert field in response.context["form"].errors, (change, response.context["form"].errors)
    assert not Dialogue.objects.exists() and not Activity.objects.exists()


def test_numbers_by_age_band_and_masked_text(client, dialogues):
    client.force_login(dialogues.coordinator)
    client.post(new_url(dialogues), form(dialogues, summary="Kontakt 19850101-2389 ringde."))
    dialogue = Dialogue.objects.get()
    assert dialogue.participants_by_age == {"18-29": 12, "30-49": 20}
    assert "19850101-2389" not in dialogue.summary
    page = client.get(reverse("dialogue", args=[dialogues.vastervik.scb_code, dialogue.pk]))
    assert "18–29: 12" in page.content.decode()


def test_who_may_read_and_record_dialogues(client, dialogues):
    code = dialogues.vastervik.scb_code
    client.force_login(dialogues.coordinator)
    client.post(new_url(dialogues), form(dialogues))
    dialogue = Dialogue.objects.get()
    pages = [
        reverse("participation", args=[code]),
        reverse("dialogues", args=[code]),
        reverse("dialogue", args=[code, dialogue.pk]),
    ]
    theme = {"text": "Mörkt", "category": Category.objects.first().pk}

    client.force_login(dialogues.viewer)  # reads, records nothing
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert client.get(new_url(dialogues)).status_code == 403
    assert client.post(new_url(dialogues), form(dialogues)).status_code == 403
    assert client.post(pages[2], theme).status_code == 403
    edit = reverse("dialogue-edit", args=[code, dialogue.pk])
    assert client.post(edit, form(dialogues, status="cancelled")).status_code == 403

    for outsider in (dialogues.outsider, dialogues.reporter):  # another collaboration; a reporter
        client.force_login(outsider)
        for url in [*pages, new_url(dialogues), edit]:
            assert client.get(url).status_code == 404, (outsider, url)
        assert client.post(pages[2], theme).status_code == 404

    client.logout()
    response = client.get(pages[1])
    assert response.status_code == 302 and reverse("login") in response.url
    assert Dialogue.objects.get().status == "held" and not DialogueTheme.objects.exists()


def test_the_index_leads_to_the_users_municipality(client, dialogues):
    client.force_login(dialogues.viewer)
    response = client.get(reverse("participation-index"))
    assert response.url == reverse("participation", args=[dialogues.vastervik.scb_code])
