"""Crime codes verified against Brå's list map to the right category (migration 0006)."""

from importlib import import_module

import pytest
from django.apps import apps

from trygg.incidents.importers import import_file
from trygg.incidents.models import Category, CategoryMapping, Incident, Source

pytestmark = pytest.mark.django_db

more_codes = import_module("trygg.incidents.migrations.0006_more_crime_codes")

# Code → the category slug a coordinator should see (None: no category).
EXPECTED = {
    "1208": "klotter",  # klotter mot kollektivtrafik
    "1209": "klotter",  # klotter övrigt
    "1203": "skadegorelse",  # annan skadegörelse (ej klotter), by 12*
    "9801": "inbrott",  # inbrottsstöld, fullbordat, i villa/radhus
    "9802": "inbrott",  # … i lägenhet
    "0874": "inbrott",  # inbrottsstöld, försök, i lägenhet
    "0811": "inbrott",  # inbrottsstöld i skola
    "0870": "ran",  # rån, utan skjutvapen, butiksrån
    "9810": "ran",  # rån mot privatperson 18 år eller äldre, utan skjutvapen, utomhus
    "9827": "stold",  # stöld ur/från motordrivet fordon
    "0880": "stold",  # annan stöld, by 08*
    "9335": "vald",  # grov misshandel utomhus mot pojke 7-14 år
    "0357": "vald",  # misshandel utomhus mot man, by 03*
    "9443": "hot",  # olaga hot, ej internetrelaterat, mot kvinna, obekanta
    "5011": "narkotika",  # narkotikastrafflagen, bruk
    "4066": "narkotika",  # olovlig befattning med smuggelgods, narkotika
    "0906": "bedrageri",  # övrigt bedrägeri, by 09*
    "5026": None,  # grovt skattebrott: no longer narkotika by the old prefix 50*
}


def import_codes(tmp_path):
    rows = [
        f"5000-K{number}-25;{code};2025-03-0{1 + number % 9} 22:00"
        for number, code in enumerate(EXPECTED)
    ]
    path = tmp_path / "utdrag.csv"
    path.write_text(
        "Diarienummer;Brottskod;Brottsdatum från\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    import_file("police-extract", path)
    return {
        incident.source_type: incident.category.slug if incident.category else None
        for incident in Incident.objects.filter(source=Source.POLICE_REPORT).select_related(
            "category"
        )
    }


def test_an_extract_row_gets_the_category_of_its_verified_code(tmp_path):
    assert import_codes(tmp_path) == EXPECTED


def test_the_migration_is_reversible_and_leaves_a_coordinators_choice():
    mapping = CategoryMapping.objects.get(source="police_report", code="9801")
    mapping.category = Category.objects.get(slug="stold")
    mapping.save()  # a coordinator's own choice

    more_codes.remove_codes(apps, None)
    police = CategoryMapping.objects.filter(source="police_report")
    assert not police.filter(code__in=["1208", "9827", "9443"]).exists()
    assert police.get(code="9801").category.slug == "stold"  # not ours to remove
    assert police.get(code="50*").category.slug == "narkotika"
    assert police.filter(code="9357").exists()  # 0003's own codes stay

    more_codes.add_codes(apps, None)
    assert police.get(code="1208").category.slug == "klotter"
    assert police.get(code="9801").category.slug == "stold"
    assert not police.filter(code="50*").exists()
