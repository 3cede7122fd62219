"""Suite-wide test settings, a small world to test against, and a browser."""

import shutil
from datetime import date
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.db import connections

from trygg.agreements.models import Agreement, Forum
from trygg.geo.models import Municipality, Place
from trygg.organisations.models import Membership, Organisation, Role
from trygg.promises.models import ActivityKind, Commitment, Promise

PASSWORD = "test-password-123"
# Debian's Chromium, driven by Playwright; browser tests are skipped, saying so, without it.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session", autouse=True)
def _plain_http():
    """The test client and the live server speak plain HTTP; production redirects to HTTPS.

    Session-wide, so it is in place before the live server builds its middleware.
    """
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """Users are created in nearly every test; PBKDF2's deliberate slowness is not under test."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _second_factor_not_required():
    """Tests log in with a password alone; those about the second factor turn it on."""
    from django.test import override_settings

    with override_settings(TRYGG_REQUIRE_MFA=False):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache outlives a test: every test starts with no rate limit or login failure counted."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Tests do not run collectstatic; serve static files straight from the apps."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def make_user(username: str, organisation: Organisation, role: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def world(db) -> SimpleNamespace:
    """Two collaborations: Västervik (police + municipality) and an outsider, Karlshamn.

    Users: a coordinator, a reporter and a viewer in Västervik, and a
    coordinator in Karlshamn who must see nothing of Västervik's.
    """
    vastervik = Municipality.objects.create(name="Västervik", scb_code="0883", county="Kalmar län")
    karlshamn_m = Municipality.objects.create(name="Karlshamn", scb_code="1082")
    police = Organisation.objects.create(
        name="Lokalpolisområde Västervik", slug="lpo-vastervik", kind="police"
    )
    municipality = Organisation.objects.create(
        name="Västerviks kommun", slug="vasterviks-kommun", kind="municipality"
    )
    outsider_org = Organisation.objects.create(
        name="Karlshamns kommun", slug="karlshamns-kommun", kind="municipality"
    )
    municipality.municipalities.add(vastervik)
    police.municipalities.add(vastervik)
    outsider_org.municipalities.add(karlshamn_m)

    agreement = Agreement.objects.create(
        title="Samverkansöverenskommelse Västervik 2025–2027",
        slug="vastervik-2025-2027",
        period_start=date(2025, 1, 1),
        period_end=date(2027, 12, 31),
    )
    agreement.parties.set([police, municipality])
    tistel = Forum.objects.create(name="Tistel", slug="tistel", kind="network", agreement=agreement)
    tistel.members.set([police, municipality])

    promise = Promise.objects.create(
        title="Medborgarlöfte 2025",
        slug="vastervik-2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        is_public=True,
        agreement=agreement,
    )
    promise.parties.set([police, municipality])
    promise.municipalities.set([vastervik])
    site_visits = Commitment.objects.create(
        promise=promise,
        order=1,
        text="Polisen ska ha hög synlighet genom minst hundra platsbesök på ett år.",
        target_kind="count",
        quantity=100,
        unit="platsbesök",
        per="year",
        activity_kind=ActivityKind.SITE_VISIT,
    )
    site_visits.responsible.set([police])
    tistel_meetings = Commitment.objects.create(
        promise=promise,
        order=2,
        text="Tistel ska träffas minst fyra gånger per år.",
        target_kind="count",
        quantity=4,
        unit="gånger",
        per="year",
        activity_kind=ActivityKind.FORUM_MEETING,
        forum=tistel,
    )
    tistel_meetings.responsible.set([police, municipality])
    study = Commitment.objects.create(
        promise=promise,
        order=3,
        text="Kommunen ska under våren genomföra en förstudie.",
        target_kind="milestone",
        due=date(2025, 5, 31),
        due_text="under våren",
    )
    study.responsible.set([municipality])

    internal = Promise.objects.create(
        title="Internt utkast till löfte",
        slug="internt-utkast",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        is_public=False,
    )
    internal.parties.set([police, municipality])

    square = Place.objects.create(
        municipality=vastervik, name="Stora torget", latitude=57.7577, longitude=16.6370
    )
    return SimpleNamespace(
        vastervik=vastervik,
        police=police,
        municipality=municipality,
        outsider_org=outsider_org,
        agreement=agreement,
        tistel=tistel,
        promise=promise,
        internal=internal,
        site_visits=site_visits,
        tistel_meetings=tistel_meetings,
        study=study,
        square=square,
        coordinator=make_user("samordnare", municipality, Role.COORDINATOR),
        reporter=make_user("rapportor", police, Role.REPORTER),
        viewer=make_user("lasare", municipality, Role.VIEWER),
        outsider=make_user("karlshamn", outsider_org, Role.COORDINATOR),
    )


@pytest.fixture
def page(monkeypatch):
    """A page in a phone-sized Chromium (Swedish locale); mark the test to skip without it."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own
    # database calls are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        context = browser.new_context(viewport=PHONE, locale="sv-SE", is_mobile=True)
        page = context.new_page()
        # The Content-Security-Policy must break nothing: Chromium logs all it refuses.
        refused = []
        page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
        yield page
        browser.close()
        # Database calls made while Playwright's loop runs get their own
        # connection; close it, or PostgreSQL cannot drop the test database.
        connections.close_all()
        assert not refused, refused
