"""Two coordinators edit the same promise or commitment: the second save is refused, not lost."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from conftest import CHROMIUM, PASSWORD, PHONE, make_user
from trygg.lib.tests.forms import admin_posted, posted
from trygg.organisations.models import Role
from trygg.promises.models import CommitmentRevision
from trygg.promises.revisions import revise

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(world):
    """Two coordinators of the promise's parties, each in their own browser."""
    first, second = Client(), Client()
    first.force_login(world.coordinator)
    second.force_login(make_user("kommunpolis", world.police, Role.COORDINATOR))
    return first, second


def refusal(response) -> str:
    """The page shown again, with nothing saved: its text, to read the message in."""
    assert response.status_code == 200
    return response.content.decode()


def test_a_promise_edited_meanwhile_is_not_overwritten(two, world):
    first, second = two
    url = reverse("promise-edit", args=[world.promise.slug])
    mine, theirs = first.get(url).context["form"], second.get(url).context["form"]
    assert first.post(url, posted(mine, title="Medborgarlöfte Västervik 2025")).status_code == 302
    page = refusal(second.post(url, posted(theirs, introduction="Vi lovar mer.")))
    assert "Någon annan sparade" in page
    assert "Titel: ”Medborgarlöfte 2025” när du öppnade formuläret" in page
    assert "”Medborgarlöfte Västervik 2025” nu" in page
    world.promise.refresh_from_db()
    assert (world.promise.title, world.promise.introduction) == (
        "Medborgarlöfte Västervik 2025",
        "",
    )


def test_saving_again_after_the_refusal_keeps_the_values_in_the_form(two, world):
    """The refused form carries the version as it is now: a second save is a choice."""
    first, second = two
    url = reverse("promise-edit", args=[world.promise.slug])
    mine, theirs = first.get(url).context["form"], second.get(url).context["form"]
    first.post(url, posted(mine, title="Medborgarlöfte Västervik 2025"))
    shown = second.post(url, posted(theirs, introduction="Vi lovar mer.")).context["form"]
    assert second.post(url, posted(shown)).status_code == 302
    world.promise.refresh_from_db()
    assert (world.promise.title, world.promise.introduction) == (
        "Medborgarlöfte 2025",
        "Vi lovar mer.",
    )


def test_a_forged_version_saves_nothing(two, world):
    first, _second = two
    url = reverse("promise-edit", args=[world.promise.slug])
    data = posted(first.get(url).context["form"], title="Kapat", version="inte-en-version")
    assert "ladda om sidan" in refusal(first.post(url, data))
    world.promise.refresh_from_db()
    assert world.promise.title == "Medborgarlöfte 2025"


def test_a_commitment_edited_meanwhile_is_not_overwritten(two, world):
    first, second = two
    url = reverse("commitment-edit", args=[world.site_visits.pk])
    mine, theirs = first.get(url).context["form"], second.get(url).context["form"]
    first.post(url, posted(mine, text="Minst hundra platsbesök per år."))
    page = refusal(second.post(url, posted(theirs, activity_kind="foot_patrol")))
    assert "Text så som den står i löftet: ”Polisen ska ha hög synlighet" in page
    assert "”Minst hundra platsbesök per år.” nu" in page
    world.site_visits.refresh_from_db()
    assert world.site_visits.text == "Minst hundra platsbesök per år."
    assert world.site_visits.activity_kind == "site_visit"


def test_the_commitment_edit_form_cannot_change_the_target(client, world):
    """The target is changed by a revision (/revidera/), never by the edit form."""
    client.force_login(world.coordinator)
    url = reverse("commitment-edit", args=[world.site_visits.pk])
    response = client.get(url)
    assert "quantity" not in response.context["form"].fields
    assert reverse("commitment-revise", args=[world.site_visits.pk]) in response.content.decode()
    data = posted(response.context["form"], quantity="10", per="month", target_kind="ongoing")
    assert client.post(url, data).status_code == 302
    world.site_visits.refresh_from_db()
    assert (world.site_visits.quantity, world.site_visits.per) == (100, "year")


def revision(form, **changes) -> dict:
    return posted(form, effective_on="2025-07-01", reason="Färre poliser i tjänst.", **changes)


def test_a_target_revised_meanwhile_is_not_revised_again_unseen(two, world):
    """The reported case: two revisions of one target, the second made on the old one."""
    first, second = two
    url = reverse("commitment-revise", args=[world.site_visits.pk])
    mine, theirs = first.get(url).context["form"], second.get(url).context["form"]
    assert first.post(url, revision(mine, quantity="60")).status_code == 302
    page = refusal(second.post(url, revision(theirs, quantity="10")))
    assert "Antal: ”100” när du öppnade formuläret, ”60” nu." in page
    world.site_visits.refresh_from_db()
    assert world.site_visits.quantity == 60
    assert [r.changes for r in CommitmentRevision.objects.all()] == [{"quantity": [100, 60]}]


def test_a_cancellation_over_an_unseen_revision_is_refused(two, world):
    first, second = two
    revise = reverse("commitment-revise", args=[world.site_visits.pk])
    cancel = reverse("commitment-cancel", args=[world.site_visits.pk])
    mine, theirs = first.get(revise).context["form"], second.get(cancel).context["form"]
    first.post(revise, revision(mine, per="month", quantity="8"))
    page = refusal(second.post(cancel, revision(theirs)))
    assert "Per: ”per år” när du öppnade formuläret, ”per månad” nu." in page
    assert not CommitmentRevision.objects.filter(kind="cancelled").exists()


def test_the_admin_refuses_a_stale_promise_change(two, world):
    first, second = two
    url = reverse("admin:promises_promise_change", args=[world.promise.pk])
    mine, theirs = first.get(url), second.get(url)
    assert 'name="version"' in mine.content.decode()
    assert first.post(url, admin_posted(mine, title="Löftet 2025")).status_code == 302
    page = refusal(second.post(url, admin_posted(theirs, source_note="Kommunfullmäktige")))
    assert "Titel: ”Medborgarlöfte 2025” när du öppnade formuläret, ”Löftet 2025” nu." in page
    world.promise.refresh_from_db()
    assert (world.promise.title, world.promise.source_note) == ("Löftet 2025", "")


def test_the_admin_refuses_a_stale_commitment_change(two, world):
    first, second = two
    url = reverse("admin:promises_commitment_change", args=[world.site_visits.pk])
    mine, theirs = first.get(url), second.get(url)
    first.post(url, admin_posted(mine, unit="besök", text="Hundra platsbesök."))
    page = refusal(second.post(url, admin_posted(theirs, text="Tvåhundra platsbesök.")))
    assert "”Hundra platsbesök.” nu" in page
    world.site_visits.refresh_from_db()
    assert world.site_visits.text == "Hundra platsbesök."


def test_the_admin_cannot_change_a_target(client, world):
    """In the admin a saved commitment's target is read only, with the way to revise it."""
    client.force_login(world.coordinator)
    url = reverse("admin:promises_commitment_change", args=[world.site_visits.pk])
    response = client.get(url)
    assert "quantity" not in response.context["adminform"].form.fields
    assert reverse("commitment-revise", args=[world.site_visits.pk]) in response.content.decode()
    data = admin_posted(response) | {"quantity": "10", "per": "month", "target_kind": "ongoing"}
    assert client.post(url, data).status_code == 302
    world.site_visits.refresh_from_db()
    assert (world.site_visits.target_kind, world.site_visits.quantity) == ("count", 100)
    assert not CommitmentRevision.objects.exists()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_a_phone_the_refusal_says_what_changed(live_server, world, page):
    """A coordinator revises a target that a colleague revised while the form was open."""
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Användarnamn").fill(world.coordinator.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Våra löften").wait_for()
    page.goto(live_server.url + reverse("commitment-revise", args=[world.site_visits.pk]))
    page.get_by_label("Antal").fill("10")
    page.get_by_label("Skäl").fill("Färre poliser.")

    colleague = make_user("kommunpolis", world.police, Role.COORDINATOR)
    revise(
        world.site_visits,
        {"quantity": 60},
        effective_on=date(2025, 7, 1),
        reason="Omprioritering.",
        user=colleague,
    )
    page.get_by_role("button", name="Spara").click()

    message = page.locator(".errorlist.nonfield")
    message.wait_for()
    assert "Antal: ”100” när du öppnade formuläret, ”60” nu." in message.inner_text()
    world.site_visits.refresh_from_db()
    assert world.site_visits.quantity == 60
    assert CommitmentRevision.objects.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
