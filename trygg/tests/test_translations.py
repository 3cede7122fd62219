"""The Swedish interface is complete: every text translated, none left fuzzy."""

import ast
from pathlib import Path

from django.utils import translation

PO_FILE = Path(__file__).resolve().parents[1] / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def catalogue() -> list[dict[str, str | bool]]:
    """The entries of django.po: msgid, msgid_plural, msgstr / msgstr[n], fuzzy."""
    entries = []
    for block in PO_FILE.read_text(encoding="utf-8").split("\n\n"):
        entry: dict[str, str | bool] = {"fuzzy": False}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["fuzzy"] = "fuzzy" in line
            elif line.startswith('"') and key:
                entry[key] += ast.literal_eval(line)
            elif not line.startswith("#") and " " in line:
                key, value = line.split(" ", 1)
                entry[key] = ast.literal_eval(value)
        if entry.get("msgid"):  # the header has an empty msgid
            entries.append(entry)
    return entries


def test_no_swedish_text_is_missing_or_fuzzy():
    entries = catalogue()
    assert len(entries) > 100
    for entry in entries:
        translations = [v for k, v in entry.items() if str(k).startswith("msgstr")]
        assert not entry["fuzzy"], entry["msgid"]
        assert translations and all(translations), entry["msgid"]


def test_the_compiled_catalogue_matches_the_po_file():
    """`make messages` compiles django.mo; a stale .mo would show English."""
    with translation.override("sv"):
        for entry in catalogue():
            if "msgctxt" in entry:
                continue
            if "msgid_plural" in entry:
                got = translation.ngettext(entry["msgid"], entry["msgid_plural"], 1)
                assert got == entry["msgstr[0]"]
            else:
                assert translation.gettext(entry["msgid"]) == entry["msgstr"]
