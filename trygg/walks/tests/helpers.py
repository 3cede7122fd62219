"""Shapes and photos for the walks' tests."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# A box around central Västervik, and a point inside it.
KARSTORP = {
    "type": "Polygon",
    "coordinates": [
        [[16.60, 57.74], [16.66, 57.74], [16.66, 57.77], [16.60, 57.77], [16.60, 57.74]]
    ],
}
INSIDE = {"latitude": "57.7550", "longitude": "16.6300"}


def jpeg_with_gps(size: tuple[int, int] = (2400, 1800)) -> bytes:
    """A phone-like JPEG: GPS position, camera make and model, and an orientation in EXIF."""
    image = Image.new("RGB", size, (180, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "Telefonmakarna AB"  # Make
    exif[0x0110] = "Fickkamera 3000"  # Model
    exif[0x0112] = 1  # Orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (57.0, 45.0, 18.0)
    gps[3] = "E"
    gps[4] = (16.0, 37.0, 48.0)
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
