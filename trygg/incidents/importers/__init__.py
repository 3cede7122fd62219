"""Importing incidents from files: police events, police report extracts, any CSV.

`import_file` is the one entry point, used by `trygg import` and meant for an
upload page or a background job later: it takes a path and returns an
ImportResult, raising ImportAborted (a Swedish message naming file, line and
field) when the file is refused and nothing was stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from trygg.organisations.models import Organisation

from .base import ImportAborted, ImportContext, Importer, ImportResult, RowError, run_import
from .extract import PoliceExtractImporter
from .mapping_csv import MappingCsvImporter, load_mapping
from .polisen import PolisenEventsImporter

IMPORTERS: dict[str, type[Importer]] = {
    importer.kind: importer
    for importer in (PolisenEventsImporter, PoliceExtractImporter, MappingCsvImporter)
}

__all__ = ["IMPORTERS", "ImportAborted", "ImportResult", "RowError", "import_file"]


def import_file(
    kind: str,
    path: str | Path,
    *,
    mapping: str | Path | dict | None = None,
    skip_invalid: bool = False,
    rejects_path: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
    organisation: Organisation | None = None,
    import_job_id: int | None = None,
) -> ImportResult:
    """Import one file of the given kind ("polisen-events", "police-extract", "csv").

    mapping is required for "csv": a path to the JSON mapping file, or the
    mapping itself as a dict. import_job_id: the upload being run, recorded on
    each stored incident.
    """
    path = Path(path)
    if kind not in IMPORTERS:
        raise ImportAborted(f"okänd importtyp {kind!r}; välj en av {', '.join(IMPORTERS)}")
    if not path.is_file():
        raise ImportAborted(f"{path}: filen finns inte")
    if kind == MappingCsvImporter.kind:
        if mapping is None:
            raise ImportAborted("importtypen csv kräver en mappningsfil (--mapping)")
        config = load_mapping(mapping)
        importer: Importer = MappingCsvImporter(
            path, ImportContext(config.source, organisation, import_job_id), config
        )
    else:
        importer_class = IMPORTERS[kind]
        importer = importer_class(
            path, ImportContext(importer_class.source, organisation, import_job_id)
        )
    return run_import(
        importer,
        skip_invalid=skip_invalid,
        rejects_path=Path(rejects_path) if rejects_path else None,
        progress=progress,
    )
