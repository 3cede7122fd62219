"""An uploaded file as a file on disk, for the readers that tell a format by its suffix."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile


@contextmanager
def on_disk(upload: UploadedFile) -> Iterator[Path]:
    """A temporary copy of the upload, with its suffix (.csv, .xlsx, .gpkg…), gone afterwards.

    The survey and area readers open a path and choose CSV, XLSX or a GIS
    driver by its suffix, so the copy keeps the uploaded name's.
    """
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix.lower()) as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        yield Path(copy.name)
