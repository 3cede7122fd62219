"""A citizen's photo, made safe to keep: an image by its content, small, and without metadata.

A phone photo carries the GPS position where it was taken, the camera's serial
number and the time to the second. None of that is needed to read a report,
and the position could point at the reporter's home, so the picture is decoded
and re-encoded from its pixels alone: nothing of the original file is stored.
"""

import io
import uuid

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 10 * 1024 * 1024
# Larger than any phone camera; a "decompression bomb" claims more pixels than it holds.
MAX_PIXELS = 50_000_000
LONGEST_SIDE = 1600
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


class PhotoRefused(ValueError):
    """The upload is not a photo Trygg keeps; the message says why, for the reporter."""


def clean_photo(upload: UploadedFile) -> ContentFile:
    """Check the upload by its content and return it as a fresh JPEG without EXIF.

    The name and the declared content type are ignored: Pillow must recognise
    the bytes as a JPEG, PNG or WebP image. The picture is turned upright by its
    EXIF orientation first (otherwise stripping EXIF would leave it on its side),
    shrunk to at most LONGEST_SIDE pixels and saved without any metadata.
    """
    if upload.size > MAX_PHOTO_BYTES:
        raise PhotoRefused(
            _("The photo is too large (at most %(mb)s MB).") % {"mb": MAX_PHOTO_BYTES // 2**20}
        )
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise PhotoRefused(_("The file is not a photo (JPEG, PNG or WebP)."))
        if width * height > MAX_PIXELS:
            raise PhotoRefused(_("The photo has too many pixels."))
        upload.seek(0)
        with Image.open(upload) as original:
            upright = ImageOps.exif_transpose(original)
            picture = upright.convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise PhotoRefused(_("The file is not a photo (JPEG, PNG or WebP).")) from error
    picture.info = {}  # nothing of the original's metadata travels on
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=85, optimize=True)
    # A random name: the reporter's file name may say who they are.
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
