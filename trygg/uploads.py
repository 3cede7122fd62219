"""Uploaded files: bounded, and as files on disk for the readers that tell a format by its suffix.

An upload's size is checked before the file is stored; a zip container (zipped
shapefile, KMZ, XLSX, DOCX) is checked before it is opened, from its directory
alone: a file of a few hundred kilobytes can expand to gigabytes in memory.
"""

import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _


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


class TooLarge(ValueError):
    """A zip container expands beyond the limit; the message says by how much."""


def check_upload_size(upload: UploadedFile, limit_mb: int | None = None) -> UploadedFile:
    """Refuse an upload larger than limit_mb (TRYGG_MAX_UPLOAD_MB by default), naming the limit."""
    limit_mb = limit_mb or settings.TRYGG_MAX_UPLOAD_MB
    if upload.size is not None and upload.size > limit_mb * 1024 * 1024:
        raise forms.ValidationError(
            _("The file is %(size).0f MB; the limit is %(limit)d MB.")
            % {"size": upload.size / 1024 / 1024, "limit": limit_mb}
        )
    return upload


def check_zip(source: str | Path | IO[bytes]) -> None:
    """Refuse a zip that would expand beyond TRYGG_MAX_UNZIPPED_MB or by more than 100 times.

    Reads only the central directory (sizes as the archive declares them); the
    readers then read the members with zipfile, which stops at the declared size.
    A file that is no zip at all is left to the reader, which says what it expected.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    unzipped = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    limit_mb = settings.TRYGG_MAX_UNZIPPED_MB
    if unzipped > limit_mb * 1024 * 1024:
        raise TooLarge(
            _("The file unpacks to %(size).0f MB; the limit is %(limit)d MB.")
            % {"size": unzipped / 1024 / 1024, "limit": limit_mb}
        )
    if unzipped > 1024 * 1024 and unzipped > settings.TRYGG_MAX_UNZIP_RATIO * max(packed, 1):
        raise TooLarge(
            _("The file unpacks to %(ratio)d times its size; the limit is %(limit)d times.")
            % {"ratio": unzipped // max(packed, 1), "limit": settings.TRYGG_MAX_UNZIP_RATIO}
        )
