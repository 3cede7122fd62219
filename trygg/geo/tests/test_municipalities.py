"""The shipped municipality table, and finding a municipality by what imports call it."""

from collections import Counter

import pytest

from trygg.geo.models import Municipality
from trygg.geo.municipalities import find, is_county, municipality_for, table


def test_the_table_has_all_290_municipalities_in_21_counties():
    rows = table()
    assert len(rows) == 290
    assert len({row.scb_code for row in rows}) == 290
    assert len({row.name for row in rows}) == 290
    counties = Counter(row.county for row in rows)
    assert len(counties) == 21
    assert counties["Stockholms län"] == 26
    assert counties["Skåne län"] == 33
    assert counties["Västra Götalands län"] == 49
    assert counties["Kalmar län"] == 12


def test_codes_are_four_digits_and_follow_the_county_block():
    first_code_per_county = {}
    for row in table():
        assert len(row.scb_code) == 4 and row.scb_code.isdigit()
        first_code_per_county.setdefault(row.county, row.scb_code[:2])
        assert row.scb_code[:2] == first_code_per_county[row.county], row


@pytest.mark.parametrize(
    ("code", "name", "county"),
    [
        ("0883", "Västervik", "Kalmar län"),
        ("0180", "Stockholm", "Stockholms län"),
        ("1082", "Karlshamn", "Blekinge län"),
        ("0821", "Högsby", "Kalmar län"),
        ("0861", "Mönsterås", "Kalmar län"),
        ("0114", "Upplands Väsby", "Stockholms län"),
        ("2023", "Malung-Sälen", "Dalarnas län"),
        ("0980", "Gotland", "Gotlands län"),
        ("1480", "Göteborg", "Västra Götalands län"),
        ("2584", "Kiruna", "Norrbottens län"),
    ],
)
def test_known_codes(code, name, county):
    row = find(code)
    assert (row.scb_code, row.name, row.county) == (code, name, county)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Västerviks kommun", "0883"),
        ("VÄSTERVIK", "0883"),
        ("Mönsterås kommun", "0861"),
        ("Borås", "1490"),
        ("malung-sälen", "2023"),
        ("Malung Sälen", "2023"),
        ("Upplands-Väsby", "0114"),
        ("Upplands-Bro kommun", "0139"),
        ("Stockholms stad", "0180"),
        ("Falu kommun", "2080"),
        ("883", "0883"),
    ],
)
def test_names_are_matched_loosely(text, code):
    assert find(text).scb_code == code


def test_counties_are_not_municipalities():
    assert is_county("Kalmar län")
    assert is_county("stockholms län")
    assert not is_county("Kalmar")
    assert find("Kalmar län") is None


@pytest.mark.django_db
def test_municipality_for_creates_the_row_once():
    first = municipality_for("Västerviks kommun")
    assert (first.name, first.scb_code, first.county) == ("Västervik", "0883", "Kalmar län")
    assert municipality_for("0883") == first
    assert Municipality.objects.count() == 1
    assert municipality_for("Atlantis") is None


@pytest.mark.django_db
def test_an_existing_row_is_used_as_it_is():
    existing = Municipality.objects.create(name="Karlshamn", scb_code="1082")
    assert municipality_for("Karlshamn") == existing
    existing.refresh_from_db()
    assert existing.county == ""
