"""The synthetic incidents look like a lägesbild, stay the same, and the demo loads them once."""

from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command

from trygg.citizens.models import CitizenReport
from trygg.demo import incidents as gen
from trygg.demo import loader, seeds, synthetic, walks
from trygg.est.models import Action, Meeting
from trygg.incidents.models import Incident
from trygg.lagesbild.report import lagesbild
from trygg.privacy import mask_identity_numbers
from trygg.promises.models import Activity

START, END = date(2023, 1, 1), date(2027, 1, 1)


@pytest.fixture(scope="module")
def many() -> list[dict]:
    """Enough rows that seasons and rhythms stand out from the noise."""
    return list(
        gen.generate_incidents(80_000, seed=11, start=START, end=END, centres=gen.DEMO_CENTRES)
    )


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def by_category(rows: list[dict], slug: str) -> list[dict]:
    return [row for row in rows if row["category"] == slug]


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------


def test_same_seed_same_rows():
    def rows(seed: int) -> list[dict]:
        return list(
            gen.generate_incidents(3_000, seed=seed, start=START, end=END, centres=gen.DEMO_CENTRES)
        )

    assert rows(5) == rows(5)
    assert rows(5) != rows(6)
    assert list(gen.demo_incidents()) == list(gen.demo_incidents())


def test_rows_are_well_formed(many):
    ids = [row["external_id"] for row in many]
    assert len(set(ids)) == len(ids)
    first = datetime.combine(START, time(0), tzinfo=gen.STOCKHOLM)
    last = datetime.combine(END, time(0), tzinfo=gen.STOCKHOLM)
    for row in many[:20_000]:
        assert row["occurred_from"] <= row["occurred_to"], row
        assert row["occurred_from"].tzinfo is gen.STOCKHOLM
        assert first <= row["occurred_from"] and row["occurred_to"] < last
        assert row["occurred_to"] - row["occurred_from"] <= timedelta(days=4)
        assert row["category"] in gen.CATEGORIES
        assert row["municipality"] in seeds.MUNICIPALITIES


def test_category_and_source_mix_is_plausible(many):
    categories = Counter(row["category"] for row in many)
    top_two = [slug for slug, _ in categories.most_common(2)]
    assert top_two == ["skadegorelse", "klotter"]
    assert categories["vald"] < categories["stold"] and categories["hot"] < categories["stold"]
    staff = Counter(row["category"] for row in many if row["source"] == "staff")
    assert {slug for slug, _ in staff.most_common(2)} == {"skadegorelse", "klotter"}
    sources = Counter(row["source"] for row in many)
    assert set(sources) == set(gen.SOURCES)
    assert all(row["visibility"] == "public" for row in many if row["source"] == "police_event")
    assert all(row["visibility"] != "public" for row in many if row["source"] != "police_event")
    internal = sum(row["visibility"] == "internal" for row in many)
    assert 0 < internal < 0.05 * len(many)


def test_fireworks_at_new_year(many):
    weeks = Counter(row["occurred_from"].isocalendar().week for row in by_category(many, "brand"))
    mean = sum(weeks.values()) / 52
    assert (weeks[52] + weeks[1]) / 2 > 2.5 * mean, (weeks[52], weeks[1], mean)


def test_summer_holiday_vandalism_and_dark_month_burglary(many):
    def per_month(slug: str) -> Counter:
        return Counter(row["occurred_from"].month for row in by_category(many, slug))

    skadegorelse = per_month("skadegorelse")
    assert skadegorelse[7] > 1.4 * skadegorelse[3]
    inbrott = per_month("inbrott")
    assert inbrott[12] > 1.3 * inbrott[4]


def test_valborg(many):
    april = Counter(
        row["occurred_from"].day
        for row in by_category(many, "ordningsstorning")
        if row["occurred_from"].month == 4
    )
    other_days = (sum(april.values()) - april[30]) / 29
    assert april[30] > 3 * other_days, (april[30], other_days)


def test_weekend_nights_for_ordningsstorning(many):
    def weekend_night(moment) -> bool:
        weekday, hour = moment.weekday(), moment.hour
        return (weekday in (4, 5) and hour >= 20) or (weekday in (5, 6) and hour < 4)

    rows = by_category(many, "ordningsstorning")
    at_weekend_night = sum(weekend_night(row["occurred_from"]) for row in rows)
    weekday_day = sum(
        row["occurred_from"].weekday() < 4 and 8 <= row["occurred_from"].hour < 16 for row in rows
    )
    # 16 weekend-night hours a week against 32 weekday-day hours: compare rates per hour.
    assert at_weekend_night / 16 > 8 * weekday_day / 32


def test_daytime_theft_and_night_windows(many):
    stold = [
        row for row in by_category(many, "stold") if row["occurred_from"] == row["occurred_to"]
    ]
    daytime = sum(8 <= row["occurred_from"].hour < 18 for row in stold)
    assert daytime > 0.6 * len(stold)

    klotter = by_category(many, "klotter")
    windows = [row for row in klotter if row["occurred_to"] > row["occurred_from"]]
    assert len(windows) > 0.5 * len(klotter)
    overnight = [row for row in windows if row["occurred_from"].hour >= 18]
    assert any(
        row["occurred_from"].hour == 22 and row["occurred_to"].hour == 6 for row in overnight
    )


def test_texts_are_labelled_and_hold_no_identity_numbers(many):
    for text in {row["text"] for row in many} | {row["title"] for row in many}:
        assert mask_identity_numbers(text) == text
    for row in many:
        assert row["text"].startswith("Syntetisk demodata: ")


def test_points_inside_sweden_and_some_police_events_by_municipality_only(many):
    police = [row for row in many if row["source"] == "police_event"]
    unplaced = [row for row in police if row["precision"] == "municipality"]
    assert 0.07 < len(unplaced) / len(police) < 0.13
    assert all(row["latitude"] is None and row["longitude"] is None for row in unplaced)
    assert all(row["precision"] == "point" for row in many if row["source"] != "police_event")
    for row in many:
        if row["latitude"] is not None:
            assert 55.0 < row["latitude"] < 69.1 and 10.9 < row["longitude"] < 24.2


def test_the_demo_is_mostly_vastervik_and_karlshamn():
    municipalities = Counter(row["municipality"] for row in gen.demo_incidents())
    assert sum(municipalities.values()) == gen.DEMO_COUNT
    assert municipalities[seeds.VASTERVIK] + municipalities[seeds.KARLSHAMN] > 0.8 * gen.DEMO_COUNT
    assert municipalities[seeds.HOGSBY] > 100 and municipalities[seeds.MONSTERAS] > 100


# ---------------------------------------------------------------------------
# The demo in the database
# ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_demo_twice_adds_nothing():
    call_command("load_demo", "--force", verbosity=0)
    counts = [Incident.objects.count(), Meeting.objects.count(), Action.objects.count()]
    activities = sorted(Activity.objects.values_list("external_id", "kind", "date", "count"))
    call_command("load_demo", "--force", verbosity=0)
    assert [Incident.objects.count(), Meeting.objects.count(), Action.objects.count()] == counts
    assert sorted(Activity.objects.values_list("external_id", "kind", "date", "count")) == (
        activities
    )
    dialogue_themes = Incident.objects.filter(source="dialogue").count()
    accepted_citizen_reports = CitizenReport.objects.filter(incident__isnull=False).count()
    assert accepted_citizen_reports == 1
    # each walk finding, each dialogue theme and each accepted citizen report is an incident
    assert counts[0] == gen.DEMO_COUNT + walks.FINDINGS + dialogue_themes + accepted_citizen_reports
    assert counts[1] == 4


@pytest.mark.django_db
def test_demo_incidents_are_placed():
    call_command("load_demo", "--force", verbosity=0)
    demo = Incident.objects.filter(external_id__startswith=gen.DEFAULT_ID_PREFIX)
    placed = demo.filter(precision="point")
    assert placed.filter(area__isnull=False).count() > 0.8 * placed.count()
    assert not demo.filter(category__isnull=True).exists()
    karlshamn = demo.filter(municipality__scb_code=seeds.KARLSHAMN)
    assert set(
        karlshamn.exclude(area=None).values_list("area__municipality__scb_code", flat=True)
    ) == {seeds.KARLSHAMN}
    internal = demo.filter(visibility="internal")
    assert internal.exists() and not internal.filter(organisation=None).exists()


@pytest.mark.django_db
def test_the_est_cycle():
    call_command("load_demo", "--force", verbosity=0)
    meetings = list(Meeting.objects.filter(forum__slug=seeds.EST_VASTERVIK).order_by("week"))
    assert [(m.year, m.week, m.municipality.name) for m in meetings] == [
        (2025, week, "Västervik") for week in (9, 10, 11, 12)
    ]
    assert {m.forum.kind for m in meetings} == {"est"}
    for meeting in meetings:
        assert 1 <= meeting.actions.count() <= 3
    for earlier, later in zip(meetings, meetings[1:], strict=False):
        followed = set(later.followed_up_actions.values_list("meeting_id", flat=True))
        assert earlier.pk in followed, (earlier.week, later.week)
    statuses = Counter(Action.objects.values_list("status", flat=True))
    assert statuses["done"] and statuses["not_done"] and statuses["open"]
    continued = Action.objects.get(what__startswith="Laga belysningen")
    assert (continued.status, continued.followed_up_at.week) == ("done", 11)

    # Done site visits and patrols were logged by follow_up, labelled, and counted.
    est_work = Activity.objects.filter(external_id__startswith=loader.EST_ID_PREFIX)
    assert est_work.count() == 3
    assert set(est_work.values_list("kind", flat=True)) == {"site_visit", "foot_patrol"}
    for activity in est_work:
        assert activity.note.startswith("Syntetisk demodata:")
        assert activity.action.status == "done"
    assert Activity.objects.count() == len(synthetic.activities()) + walks.HELD_WALKS
    site_visits = Activity.objects.filter(
        kind="site_visit", commitments__promise__slug="vastervik-2025"
    )
    assert sum(site_visits.values_list("count", flat=True)) == 106


@pytest.mark.django_db
def test_summer_lagesbild_of_vastervik_has_hotspots():
    call_command("load_demo", "--force", verbosity=0)
    picture = lagesbild("Västervik", date(2025, 7, 1), date(2025, 7, 31))
    assert picture["total"] > 50
    assert picture["hotspots"], picture["hotspot_basis"]
    hottest = picture["hotspots"][0]
    # The hottest cell is in central Västervik (Stora torget, resecentrum, Karstorp).
    assert abs(hottest["lat"] - 57.756) < 0.02 and abs(hottest["lon"] - 16.63) < 0.03
