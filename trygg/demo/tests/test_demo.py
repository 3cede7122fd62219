"""The demo data: faithful to the documents, placed on the map, and safe to load twice."""

import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from shapely.geometry import shape

from trygg.agreements.models import Agreement, Forum
from trygg.citizens.models import CitizenReport
from trygg.demo import seeds, synthetic, walks
from trygg.demo.users import DEMO_PASSWORD, DEMO_USERS
from trygg.geo.models import Area, Municipality, Place
from trygg.geo.services import area_for_point
from trygg.organisations.models import Membership, Organisation
from trygg.promises.models import Activity, Commitment, Promise
from trygg.promises.progress import Status, progress

pytestmark = pytest.mark.django_db

# The real documents live beside the repository: /work/shared/seeds for /work/main.
SEEDS_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"

# A day long after every demo period, so that every outcome is final.
LATER = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Hashing six demo passwords the production way takes seconds; tests need no strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo():
    call_command("load_demo", "--force", verbosity=0)


def commitment(slug: str, key: str) -> Commitment:
    promise = seeds.PROMISES_BY_SLUG[slug]
    return Commitment.objects.get(promise__slug=slug, order=seeds.commitment_order(promise, key))


def snapshot() -> dict[str, list]:
    """Every row of every model in the database, as plain values."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        fields = [f.attname for f in model._meta.concrete_fields]
        rows[model._meta.label] = sorted(model.objects.order_by().values_list(*fields), key=repr)
    return rows


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def test_loading_twice_changes_nothing():
    call_command("load_demo", "--force", verbosity=0)
    first = snapshot()
    call_command("load_demo", "--force", verbosity=0)
    second = snapshot()

    assert {label: len(rows) for label, rows in first.items()} == {
        label: len(rows) for label, rows in second.items()
    }
    assert first == second  # not even a password hash or a date changed
    assert Activity.objects.count() == len(synthetic.activities()) + walks.HELD_WALKS
    external_ids = list(Activity.objects.values_list("external_id", flat=True))
    assert len(external_ids) == len(set(external_ids))


def test_synthetic_log_is_the_same_every_time():
    assert synthetic.activities() == synthetic.activities()


def test_command_prints_the_logins_and_the_address(settings):
    settings.DEBUG = True  # as `make run` runs it: development needs no --force
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8000/" in text
    for user in DEMO_USERS:
        assert user.username in text
    assert DEMO_PASSWORD in text


# ---------------------------------------------------------------------------
# Parties, agreements and forums
# ---------------------------------------------------------------------------


def test_municipalities_and_organisations(demo):
    assert dict(Municipality.objects.values_list("scb_code", "county")) == {
        "0883": "Kalmar län",
        "0821": "Kalmar län",
        "0861": "Kalmar län",
        "1082": "Blekinge län",
    }
    lpo = Organisation.objects.get(name="Lokalpolisområde Västervik")
    assert lpo.kind == Organisation.Kind.POLICE
    assert set(lpo.municipalities.values_list("name", flat=True)) == {
        "Västervik",
        "Högsby",
        "Mönsterås",
    }
    for name, municipality in [
        ("Västerviks kommun", "Västervik"),
        ("Högsby kommun", "Högsby"),
        ("Mönsterås kommun", "Mönsterås"),
        ("Karlshamns kommun", "Karlshamn"),
    ]:
        organisation = Organisation.objects.get(name=name)
        assert organisation.kind == Organisation.Kind.MUNICIPALITY
        assert list(organisation.municipalities.values_list("name", flat=True)) == [municipality]


def test_karlshamn_agreement(demo):
    agreement = Agreement.objects.get(slug=seeds.KARLSHAMN_AGREEMENT)
    assert (agreement.period_start, agreement.period_end) == (date(2021, 1, 1), date(2024, 12, 31))
    assert agreement.signed_on == date(2021, 3, 16)
    assert agreement.signatories == [
        {"name": "Per-Ola Mattsson", "title": "Kommunstyrelsens ordförande"},
        {"name": "Louise Englund", "title": "Lokalpolisområdeschef"},
    ]
    assert (
        "ska vid periodens slut följas upp av representanter från Karlshamns kommun samt "
        "lokalpolisområde Karlshamn" in agreement.follow_up_text
    )
    areas = [str(area) for area in agreement.areas.order_by("order")]
    assert areas[:6] == [
        "1 Trygghetsmätningar",
        "2 Medborgarinflytande",
        "2.1 Medborgardialog",
        "2.2 Medborgarlöfte",
        "2.3 Trygghetsvandringar",
        "3 Våld i nära relation",
    ]
    assert areas[-1] == "11 Organiserad brottslighet"
    assert "7.1 Grannsamverkan" in areas

    area_groups = agreement.forums.filter(kind=Forum.Kind.AREA_GROUP)
    assert set(area_groups.values_list("name", flat=True)) == {
        "Norrevång (Mörrum)",
        "Stenbacka (Asarum och Svängsta)",
        "Österslätt (Karlshamn, Åryd och Hällaryd)",
        "Vägga Gymnasieskola",
    }
    assert agreement.forums.get(kind=Forum.Kind.CRIME_PREVENTION_COUNCIL).name == (
        "Lokala Brå Karlshamn"
    )


def test_vastervik_agreement_2025_2027(demo):
    agreement = Agreement.objects.get(slug=seeds.VASTERVIK_AGREEMENT_2025)
    assert (agreement.period_start, agreement.period_end) == (date(2025, 1, 1), date(2027, 12, 31))
    assert agreement.signatories == []
    assert agreement.areas.count() == 8
    assert Promise.objects.get(slug="vastervik-2025").agreement == agreement
    assert set(agreement.forums.values_list("name", "kind")) == {
        ("Tistel", Forum.Kind.AUTHORITY_NETWORK),
        ("SSPF Västervik", Forum.Kind.SSPF),
        ("Bob-råd Västervik", Forum.Kind.OTHER),
        ("EST Västervik", Forum.Kind.EST),
    }


# ---------------------------------------------------------------------------
# Promises and their targets
# ---------------------------------------------------------------------------


def test_every_promise_with_its_period(demo):
    periods = {
        "vastervik-2025": (date(2025, 1, 1), date(2025, 12, 31), date(2025, 1, 27)),
        "vastervik-2020": (date(2020, 1, 1), date(2020, 12, 31), None),
        "hogsby-monsteras-2024-2025": (date(2024, 1, 1), date(2025, 12, 31), date(2023, 12, 18)),
        "karlshamn-2023": (date(2023, 9, 1), date(2023, 12, 31), None),
    }
    for slug, (start, end, signed_on) in periods.items():
        promise = Promise.objects.get(slug=slug)
        assert (promise.period_start, promise.period_end, promise.signed_on) == (
            start,
            end,
            signed_on,
        )
        assert promise.is_public
        assert promise.source_note
        seed = seeds.PROMISES_BY_SLUG[slug]
        assert promise.commitments.count() == len(seed.commitments)
        assert list(promise.focus_areas.values_list("title", flat=True)) == list(seed.focus_areas)

    assert Promise.objects.get(slug="vastervik-2025").signatories == [
        {"name": "Sofia Karlsson", "title": "Lokalpolisområdeschef"},
        {"name": "Harald Hjalmarsson", "title": "Kommunalråd"},
    ]
    karlshamn = Promise.objects.get(slug="karlshamn-2023")
    assert karlshamn.signatories == []
    assert "XXX" in karlshamn.source_note


def test_vastervik_2025_targets(demo):
    site_visits = commitment("vastervik-2025", "site-visits")
    assert (site_visits.target_kind, site_visits.quantity, site_visits.per) == (
        "count",
        100,
        "year",
    )
    assert site_visits.minimum and site_visits.activity_kind == "site_visit"
    assert site_visits.unit == "platsbesök"

    tistel = Forum.objects.get(slug=seeds.TISTEL)
    tistel_commitments = Commitment.objects.filter(promise__slug="vastervik-2025", forum=tistel)
    assert tistel_commitments.count() == 2
    for item in tistel_commitments:
        assert (item.target_kind, item.quantity, item.unit, item.per) == (
            "count",
            4,
            "gånger",
            "year",
        )
        assert item.minimum and item.activity_kind == "forum_meeting"
        assert "Tistel som ska träffas minst fyra gånger per år" in item.text

    sig = commitment("vastervik-2025", "sig")
    assert (sig.target_kind, sig.due, sig.due_text) == (
        "milestone",
        date(2025, 5, 31),
        "under våren 2025",
    )
    heder = commitment("vastervik-2025", "hedersfortryck")
    assert (heder.due, heder.due_text) == (date(2025, 12, 31), "under hösten/vintern")
    forstudie = commitment("vastervik-2025", "forstudie-valfardsbrott")
    assert (forstudie.due, forstudie.due_text) == (date(2025, 5, 31), "under våren")
    est_import = commitment("vastervik-2025", "est-import")
    assert est_import.target_kind == "milestone" and est_import.due == date(2025, 5, 31)
    foot_patrol = commitment("vastervik-2025", "foot-patrol")
    assert (foot_patrol.target_kind, foot_patrol.activity_kind) == ("ongoing", "foot_patrol")


def test_vastervik_2020_targets(demo):
    site_visits = commitment("vastervik-2020", "site-visits")
    assert (site_visits.target_kind, site_visits.quantity, site_visits.per) == (
        "count",
        100,
        "period",
    )
    assert site_visits.activity_kind == "site_visit"
    for key in ("site-visits", "foot-patrol"):
        named = set(commitment("vastervik-2020", key).areas.values_list("name", flat=True))
        assert named == {"Edsbruk", "Ankarsrum", "Karstorp"}


def test_hogsby_monsteras_targets(demo):
    promise = Promise.objects.get(slug="hogsby-monsteras-2024-2025")
    assert promise.reports_required == 2
    assert "minst två (2) gånger under aktuell period" in promise.reporting_text
    assert [s["name"] for s in promise.signatories] == [
        "Anders Pleijel",
        "Per Gröön",
        "Anders Johansson",
    ]

    dialogues = {
        key: commitment(promise.slug, key) for key in ("dialog-hogsby", "dialog-monsteras")
    }
    for item in dialogues.values():
        assert (item.target_kind, item.quantity, item.per, item.activity_kind) == (
            "count",
            1,
            "period",
            "citizen_dialogue",
        )
    assert [a.name for a in dialogues["dialog-hogsby"].areas.all()] == ["Centrala Högsby"]
    assert [a.name for a in dialogues["dialog-monsteras"].areas.all()] == ["Centrala Mönsterås"]

    training = commitment(promise.slug, "grannsamverkan")
    assert (training.target_kind, training.activity_kind) == ("ongoing", "training")
    reports = commitment(promise.slug, "redovisning")
    assert (reports.target_kind, reports.quantity, reports.per) == ("count", 2, "period")


def test_karlshamn_2023_targets(demo):
    night_walks = commitment("karlshamn-2023", "night-walks")
    assert (night_walks.target_kind, night_walks.quantity, night_walks.per) == (
        "count",
        100,
        "period",
    )
    assert night_walks.activity_kind == "night_walk"
    outreach = commitment("karlshamn-2023", "outreach-evenings")
    assert (outreach.quantity, outreach.per, outreach.activity_kind) == (
        100,
        "period",
        "outreach_evening",
    )
    for key, kind in [
        ("foot-patrol", "foot_patrol"),
        ("trafik", "traffic_control"),
        ("medborgardialoger", "citizen_dialogue"),
    ]:
        item = commitment("karlshamn-2023", key)
        assert (item.target_kind, item.activity_kind) == ("ongoing", kind)


def test_commitment_texts_are_verbatim_from_the_documents(demo):
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the seed documents are not at {SEEDS_DIR}")

    def document(name: str) -> str:
        # The documents mark italics with asterisks (*Tistel*); the demo leaves them out.
        return (SEEDS_DIR / name).read_text(encoding="utf-8").replace("*", "")

    for seed in seeds.PROMISES:
        text = document(seed.seed_file)
        for item in Commitment.objects.filter(promise__slug=seed.slug):
            assert item.text in text, (seed.slug, item.order, item.text)
        for title in seed.focus_areas:
            assert title in text, (seed.slug, title)

    agreement_text = document("004_59a99812c73be472.txt")
    agreement = Agreement.objects.get(slug=seeds.KARLSHAMN_AGREEMENT)
    for area in agreement.areas.all():
        for paragraph in filter(None, area.text.split("\n\n")):
            assert paragraph in agreement_text, area.number


# ---------------------------------------------------------------------------
# Areas on the map
# ---------------------------------------------------------------------------


def test_points_land_in_the_right_area(demo):
    vastervik = Municipality.objects.get(scb_code="0883")
    karlshamn = Municipality.objects.get(scb_code="1082")

    assert area_for_point(58.030, 16.470).name == "Edsbruk"
    assert area_for_point(57.749, 16.618).name == "Karstorp"  # inside Västervik: smallest wins
    assert area_for_point(57.7575, 16.637, vastervik).name == "Västervik"
    assert area_for_point(57.750, 16.750) is None  # the sea off Västervik
    assert area_for_point(56.1975, 14.745, karlshamn).name == "Norrevång"
    assert area_for_point(56.190, 14.747).name == "Mörrum"
    assert area_for_point(56.1625, 14.8515).name == "Vägga"
    assert area_for_point(56.1707, 14.8633).name == "Karlshamn"

    assert Place.objects.get(name="Stora torget").area.name == "Västervik"
    assert Place.objects.get(name="Högsby centrum").area.name == "Centrala Högsby"
    assert Place.objects.get(name="Mönsterås centrum").area.name == "Centrala Mönsterås"


def test_every_area_polygon_is_valid_and_marked_approximate(demo):
    areas = Area.objects.all()
    assert areas.count() == 14
    for area in areas:
        polygon = shape(area.geometry)
        assert polygon.is_valid, area.name
        assert area.boundary_note == "Ungefärlig gräns, ritad för demo"
    karstorp = shape(Area.objects.get(slug="karstorp").geometry)
    assert karstorp.within(shape(Area.objects.get(slug="vastervik").geometry))


# ---------------------------------------------------------------------------
# The synthetic log
# ---------------------------------------------------------------------------

IDENTITY_NUMBER = re.compile(r"\d{6}[-+]?\d{4}")

# The only capitalised words a synthetic note may use after its label: places, forums and
# methods. A person's name would be a capitalised word outside this list.
CAPITALISED = re.compile(r"\b[A-ZÅÄÖ][\w-]*")
ALLOWED_CAPITALISED = {
    "ANDTS-coacher",
    "Bob-råd",
    "Brå",
    "EST",
    "En",  # "En kommun fri från våld", the training's name
    "Högsby",
    "Linköpingmodellen",
    "SIG",
    "SSPF-möte",
    "Tistel",
}


def test_synthetic_activities_are_labelled_and_name_no_one(demo):
    signatory_names = {
        part
        for promise in seeds.PROMISES
        for person in promise.signatories
        for part in person.name.replace("-", " ").split()
    } | {
        part
        for agreement in seeds.AGREEMENTS
        for person in agreement.signatories
        for part in person.name.replace("-", " ").split()
    }
    activities = Activity.objects.prefetch_related("commitments__responsible")
    assert activities.exists()
    for activity in activities:
        assert activity.external_id.startswith("demo:")
        assert activity.note.startswith("Syntetisk demodata:")
        assert not IDENTITY_NUMBER.search(activity.note)
        assert not set(re.findall(r"\w+", activity.note)) & signatory_names, activity.note
        body = activity.note.removeprefix("Syntetisk demodata:")
        assert set(CAPITALISED.findall(body)) <= ALLOWED_CAPITALISED, activity.note
        for item in activity.commitments.all():
            assert activity.organisation in item.responsible.all(), activity.external_id
            promise = item.promise
            assert promise.period_start <= activity.date <= promise.period_end


def test_outcomes_are_mixed(demo):
    def status(slug: str, key: str):
        return progress(commitment(slug, key), LATER)

    site_visits = progress(commitment("vastervik-2025", "site-visits"), date(2025, 12, 31))
    assert site_visits.status == Status.DONE and site_visits.done >= 100
    tistel = status("vastervik-2025", "tistel-organised-crime")
    assert (tistel.status, tistel.done) == (Status.OVERDUE, 3)
    assert status("vastervik-2025", "sig").status == Status.OVERDUE
    forstudie = commitment("vastervik-2025", "forstudie-valfardsbrott")
    assert forstudie.completed_on == date(2025, 5, 20)
    assert status("vastervik-2025", "forstudie-valfardsbrott").status == Status.DONE

    night_walks = status("karlshamn-2023", "night-walks")
    assert (night_walks.status, night_walks.done) == (Status.OVERDUE, 80)
    outreach = status("karlshamn-2023", "outreach-evenings")
    assert (outreach.status, outreach.done) == (Status.DONE, 110)

    hm = "hogsby-monsteras-2024-2025"
    assert status(hm, "dialog-hogsby").status == Status.DONE
    assert status(hm, "dialog-monsteras").status == Status.OVERDUE
    assert status("vastervik-2020", "site-visits").status == Status.DONE

    tistel_meetings = Activity.objects.filter(forum__slug=seeds.TISTEL, kind="forum_meeting")
    assert tistel_meetings.count() == 3


# ---------------------------------------------------------------------------
# Demo users
# ---------------------------------------------------------------------------


def test_demo_users_can_log_in_with_their_roles(demo, client):
    User = get_user_model()
    for seed in DEMO_USERS:
        user = User.objects.get(username=seed.username)
        assert user.check_password(DEMO_PASSWORD)
        assert (user.is_staff, user.is_superuser) == (seed.is_superuser, seed.is_superuser)
        membership = Membership.objects.get(user=user)
        assert (membership.organisation.slug, membership.role) == (seed.organisation, seed.role)
    assert client.login(username="rapportor", password=DEMO_PASSWORD)


def test_the_moderation_queue_has_reports_waiting_and_decided(demo, client):
    """Västervik's coordinator finds reports to moderate; the accepted one is in the lägesbild."""
    waiting = CitizenReport.objects.filter(status=CitizenReport.Status.RECEIVED)
    assert waiting.count() == 3
    accepted = CitizenReport.objects.get(status=CitizenReport.Status.ACCEPTED)
    assert accepted.incident.source == "citizen" and accepted.incident.area.slug == "karstorp"
    assert CitizenReport.objects.filter(status=CitizenReport.Status.REJECTED).get().reason
    assert not CitizenReport.objects.exclude(email="").exists()
    assert all(r.text.startswith(synthetic.PREFIX) for r in CitizenReport.objects.all())
    client.login(username="samordnare", password="trygg-demo-2026")
    page = client.get(reverse("citizen-reports")).content.decode()
    assert waiting.first().text[:40] in page
