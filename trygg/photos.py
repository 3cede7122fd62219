"""Uploaded photos: pictures only, not too large, and nothing about the phone or the place.

The one rule for every photo Trygg keeps: a safety walk's findings
(walks) and a resident's report (citizens). A phone's photo carries EXIF: the
GPS position where it was taken (for a resident, perhaps their home), the time,
the camera and its serial number. None of that is stored. The upload is
checked by its content (Pillow must open and verify it; the file name and the
browser's content type are not believed), turned upright by its EXIF
orientation, scaled to at most MAX_SIDE pixels, and re-encoded as a new JPEG
built from the pixels alone, so no metadata of the original can survive.
"""

from dataclasses import dataclass
from io import BytesIO

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
# A picture larger than this (in pixels) is refused before it is decoded: a small
# file can unpack into gigabytes (a "decompression bomb").
MAX_PIXELS = 60_000_000
# MPO is how Pillow names the JPEGs of phones that store a second, depth image.
FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}


class PhotoError(ValueError):
    """An upload that is not a usable photo; the message names the file and says why."""


@dataclass(frozen=True)
class CleanPhoto:
    """A photo ready to store: JPEG bytes without metadata, and its size."""

    content: bytes
    width: int
    height: int


def clean_photo(upload: UploadedFile) -> CleanPhoto:
    """Check an uploaded photo by its content, and return it resized and without EXIF."""
    name = upload.name or "?"
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise PhotoError(
            _("%(name)s is %(size).1f MB; a photo may be at most %(max)d MB.")
            % {"name": name, "size": upload.size / 1024 / 1024, "max": MAX_UPLOAD_BYTES // 2**20}
        )
    image = _open(upload, name)
    try:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        pixels = _without_metadata(image)
    finally:
        image.close()
    out = BytesIO()
    pixels.save(out, "JPEG", quality=85, optimize=True)
    return CleanPhoto(out.getvalue(), pixels.width, pixels.height)


def _open(upload: UploadedFile, name: str) -> Image.Image:
    """Open the upload as a picture, or say that it is none (whatever its name says)."""
    not_a_picture = PhotoError(
        _("%(name)s is not a photo Trygg can read. Choose a JPEG, PNG or WebP picture.")
        % {"name": name}
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in FORMATS:
                raise not_a_picture
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoError(
                    _("%(name)s is %(width)d × %(height)d pixels; that is too large.")
                    % {"name": name, "width": probe.width, "height": probe.height}
                )
            probe.verify()  # reads the whole file: a truncated or forged one fails here
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except PhotoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise not_a_picture from None
    return image


def _without_metadata(image: Image.Image) -> Image.Image:
    """The pixels alone, in RGB on white: a new image carries no EXIF, XMP or ICC profile."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        clean = Image.new("RGB", image.size, "white")
        clean.paste(rgba, mask=rgba.getchannel("A"))
        return clean
    clean = Image.new("RGB", image.size)
    clean.paste(image.convert("RGB"))
    return clean
