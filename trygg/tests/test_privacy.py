"""Personal identity numbers never reach the database."""

from datetime import date

import pytest

from trygg.privacy import MASK, mask_identity_numbers
from trygg.promises.models import Activity, ActivityKind


@pytest.mark.parametrize(
    "text",
    [
        "Samtal om 19121212-1212 vid torget",
        "Samtal om 121212-1212 vid torget",
        "Samtal om 191212121212 vid torget",
        "Samtal om 121212+1212 vid torget",
        "Samtal om 850101-1234 vid torget",  # wrong check digit, still meant as one
    ],
)
def test_identity_numbers_are_masked(text):
    assert mask_identity_numbers(text) == f"Samtal om {MASK} vid torget"


@pytest.mark.parametrize(
    "text",
    [
        "Diarienummer 2025-1234 och 14 besök",
        "Ring 114 14 eller 0490-25 40 00",
        "Datum 2025-01-27",
        "Tio besök, 1234567890 kr",  # ten digits that are not a valid number
    ],
)
def test_other_numbers_are_kept(text):
    assert mask_identity_numbers(text) == text


@pytest.mark.django_db
def test_an_activity_note_is_masked_when_saved(world):
    activity = Activity.objects.create(
        kind=ActivityKind.CONCERN_TALK,
        date=date(2025, 3, 1),
        organisation=world.police,
        note="Orossamtal, 20121212-1212, med vårdnadshavare",
    )
    activity.refresh_from_db()
    assert "1212-1212" not in activity.note
    assert MASK in activity.note
