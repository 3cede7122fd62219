"""The reading page: only coordinators; a document in, a checked promise out."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import CheckboxInput
from django.urls import reverse

from conftest import PASSWORD
from trygg.promises.models import Commitment, Promise

from .test_reader import FALKBY, seed_path

pytestmark = pytest.mark.django_db


def seed_2025() -> bytes:
    return seed_path("000_35245ccc3d50e1d7.txt").read_bytes()


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def read_in(client, data: bytes, name: str = "medborgarlofte.txt"):
    return client.post(reverse("extract"), {"file": SimpleUploadedFile(name, data)})


def form_data(response) -> dict:
    """What the browser would send back for the forms as shown."""
    context = response.context
    forms = [context["form"], context["focus"].management_form]
    forms += [*context["focus"], context["commitments"].management_form, *context["commitments"]]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if isinstance(field.field.widget, CheckboxInput):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            elif value is not None:
                data[field.html_name] = str(value)
    return data


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.get(reverse("extract"))
    assert response.status_code == 302 and "/konto/login/" in response.url
    response = client.post(reverse("extract-confirm"), {})
    assert response.status_code == 302 and "/konto/login/" in response.url


@pytest.mark.parametrize("who", ["viewer", "reporter"])
def test_viewers_and_reporters_are_refused(client, world, who):
    login(client, getattr(world, who))
    assert client.get(reverse("extract")).status_code == 403
    assert read_in(client, seed_2025()).status_code == 403
    assert client.post(reverse("extract-confirm"), {}).status_code == 403


def test_the_proposal_is_shown_as_forms(client, world):
    login(client, world.coordinator)
    assert client.get(reverse("extract")).status_code == 200
    response = read_in(client, seed_2025())
    assert response.status_code == 200
    promise_form = response.context["form"]
    assert promise_form.initial["parties"] == [world.police.pk, world.municipality.pk]
    assert promise_form.initial["municipalities"] == [world.vastervik.pk]
    assert promise_form.initial["period_start"] == date(2025, 1, 1)
    assert len(response.context["focus"].forms) == 8
    rows = response.context["commitments"].initial
    assert len(rows) == 25
    site_visits = next(row for row in rows if "platsbesök" in row["text"])
    assert (site_visits["quantity"], site_visits["per"], site_visits["activity_kind"]) == (
        100,
        "year",
        "site_visit",
    )
    assert Promise.objects.count() == 2  # nothing stored yet


def test_confirming_creates_the_promise(client, world):
    login(client, world.coordinator)
    data = form_data(read_in(client, seed_2025()))
    data["promise-title"] = "Medborgarlöfte 2025 (inläst)"
    del data["commitments-2-include"]  # the coordinator unticks the Bob-råd commitment
    data["commitments-0-quantity"] = "6"  # and corrects a number
    response = client.post(reverse("extract-confirm"), data)

    promise = Promise.objects.get(title="Medborgarlöfte 2025 (inläst)")
    assert response.status_code == 302 and response.url == promise.get_absolute_url()
    assert promise.slug == "medborgarlofte-2025-inlast"
    assert set(promise.parties.all()) == {world.police, world.municipality}
    assert promise.source_note == "medborgarlofte.txt"
    assert [s["name"] for s in promise.signatories] == ["Sofia Karlsson", "Harald Hjalmarsson"]
    assert promise.focus_areas.count() == 8
    commitments = list(promise.commitments.order_by("order"))
    assert len(commitments) == 24
    tistel = commitments[0]
    assert (tistel.target_kind, tistel.quantity, tistel.unit, tistel.per) == (
        "count",
        6,
        "gånger",
        "year",
    )
    assert tistel.focus_area.title == "Organiserad brottslighet och kriminella gäng"
    assert set(tistel.responsible.all()) == {world.police, world.municipality}
    sig = commitments[1]
    assert (sig.target_kind, sig.due, sig.due_text) == (
        "milestone",
        date(2025, 5, 31),
        "under våren 2025",
    )
    site_visits = promise.commitments.get(unit="platsbesök")
    assert list(site_visits.responsible.all()) == [world.police]
    assert not any("Bob-råd" in c.text for c in commitments)


def test_errors_are_shown_and_nothing_is_stored(client, world):
    login(client, world.coordinator)
    data = form_data(read_in(client, seed_2025()))
    data["commitments-0-quantity"] = ""  # a count without a number
    response = client.post(reverse("extract-confirm"), data)
    assert response.status_code == 200
    assert "quantity" in response.context["commitments"].forms[0].errors
    assert Promise.objects.count() == 2 and Commitment.objects.count() == 3


def test_an_unticked_row_is_not_checked(client, world):
    login(client, world.coordinator)
    data = form_data(read_in(client, seed_2025()))
    data["commitments-0-quantity"] = ""
    del data["commitments-0-include"]
    assert client.post(reverse("extract-confirm"), data).status_code == 302


def test_a_coordinator_cannot_create_a_promise_only_for_others(client, world):
    login(client, world.outsider)
    data = form_data(read_in(client, seed_2025()))
    response = client.post(reverse("extract-confirm"), data)
    assert response.status_code == 200
    assert "parties" in response.context["form"].errors
    assert Promise.objects.count() == 2


def test_responsible_must_be_among_the_parties(client, world):
    login(client, world.coordinator)
    data = form_data(read_in(client, seed_2025()))
    data["commitments-0-responsible_kinds"] = ["region"]
    response = client.post(reverse("extract-confirm"), data)
    assert "responsible_kinds" in response.context["commitments"].forms[0].errors
    assert Promise.objects.count() == 2


def test_pasted_text(client, world):
    login(client, world.coordinator)
    response = client.post(reverse("extract"), {"text": FALKBY})
    assert response.status_code == 200
    assert len(response.context["commitments"].initial) == 9


def test_a_bad_file_is_refused_with_its_name(client, world):
    login(client, world.coordinator)
    response = read_in(client, b"not a word file", "underskrivet.docx")
    assert response.status_code == 200
    assert "underskrivet.docx: filen är ingen läsbar Word-fil" in response.content.decode()
    assert Promise.objects.count() == 2


def test_nothing_given(client, world):
    login(client, world.coordinator)
    response = client.post(reverse("extract"), {})
    assert response.status_code == 200 and response.context["form"].non_field_errors()


def test_an_agreement_is_shown_not_turned_into_a_promise(client, world):
    login(client, world.coordinator)
    agreement = seed_path("004_59a99812c73be472.txt").read_bytes()
    response = read_in(client, agreement)
    assert response.status_code == 200
    assert response.templates[0].name == "extract/agreement.html"
    assert len(response.context["proposal"].focus_areas) == 15
