"""`trygg extract FILE [--json]`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .test_reader import seed_path


def run(*args) -> str:
    out = StringIO()
    call_command("extract", *args, stdout=out)
    return out.getvalue()


def test_json_has_parties_period_focus_areas_and_targets():
    data = json.loads(run(str(seed_path("000_35245ccc3d50e1d7.txt")), "--json"))
    assert data["kind"] == "promise"
    assert (data["period_start"], data["period_end"]) == ("2025-01-01", "2025-12-31")
    assert [p["name"] for p in data["parties"]] == [
        "Lokalpolisområde Västervik",
        "Västerviks kommun",
    ]
    assert len(data["focus_areas"]) == 8
    counts = [
        (c["target"]["quantity"], c["target"]["unit"], c["target"]["per"])
        for c in data["commitments"]
        if c["target"]["kind"] == "count"
    ]
    assert counts == [(4, "gånger", "year"), (4, "gånger", "year"), (100, "platsbesök", "year")]
    sig = next(c for c in data["commitments"] if "SIG" in c["text"])
    assert sig["target"]["due"] == "2025-05-31"


def test_summary_in_swedish():
    text = run(str(seed_path("003_5837e369f62e317a.txt")))
    assert "Period: 2023-09-01 – 2023-12-31" in text
    assert "[minst 100 tillfällen under perioden] Kommunen:" in text


def test_a_file_that_cannot_be_read_names_the_file(tmp_path):
    bad = tmp_path / "löfte.docx"
    bad.write_bytes(b"not a word file")
    with pytest.raises(CommandError, match="löfte.docx: filen är ingen läsbar Word-fil"):
        run(str(bad), "--json")
