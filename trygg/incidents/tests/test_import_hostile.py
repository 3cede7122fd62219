"""A hostile police file ends the import with a message and status 1, never a traceback."""

import json

import pytest
from django.core.management import CommandError, call_command

from trygg.incidents.importers import ImportAborted
from trygg.incidents.importers.mapping_csv import load_mapping
from trygg.incidents.models import Incident

EVENT = {
    "id": 1,
    "datetime": "2025-01-03 6:28:39 +01:00",
    "name": "03 januari 06.10, Stöld, Västervik",
    "summary": "Cykel.",
    "url": "/x",
    "type": "Stöld",
    "location": {"name": "Västervik", "gps": "57.7,16.6"},
}


def _import(tmp_path, text: str) -> None:
    path = tmp_path / "polisen.json"
    path.write_text(text, encoding="utf-8")
    call_command("import", "polisen-events", str(path))


@pytest.mark.django_db
def test_deeply_nested_json_is_refused_with_the_post(tmp_path):
    nested = "[" * 100_000 + "]" * 100_000
    with pytest.raises(CommandError, match=r"polisen\.json.*post 2 är för djupt nästlad"):
        _import(tmp_path, f"[{json.dumps(EVENT)}, {nested}]")
    assert not Incident.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "published", ["9999-12-31 23:59:59 -12:00", "9999-12-31T23:59:59", "0001-01-01 00:00:00 +14:00"]
)
def test_a_year_out_of_range_is_refused_with_the_field(tmp_path, published):
    event = EVENT | {"datetime": published}
    with pytest.raises(CommandError, match=r"polisen\.json, post 1, fält datetime.*1900–2100"):
        _import(tmp_path, json.dumps([event]))
    assert not Incident.objects.exists()


def test_a_deeply_nested_mapping_is_refused(tmp_path):
    path = tmp_path / "mappning.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ImportAborted, match="för djupt nästlad"):
        load_mapping(path)
