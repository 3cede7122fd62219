"""The upload form for a municipality's area file."""

from pathlib import Path

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from trygg.uploads import TooLarge, check_upload_size, check_zip

from .area_import import SUFFIXES
from .models import Area


class AreaImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A GeoPackage (.gpkg), a zipped shapefile (.zip with .shp, .dbf, .shx and .prj), "
            "GeoJSON or KML/KMZ, in the coordinate system it was saved in."
        ),
    )
    name_field = forms.CharField(
        label=_("Field with the area's name"),
        required=False,
        max_length=100,
        help_text=_("Only if it is not found by itself (namn, name, område, regso…)."),
    )
    kind = forms.ChoiceField(label=_("Kind of area"), choices=Area.Kind.choices, initial="other")
    layer = forms.CharField(
        label=_("Layer"),
        required=False,
        max_length=100,
        help_text=_("For a file with several layers, or a zip with several shapefiles."),
    )
    crs = forms.CharField(
        label=_("Coordinate system"),
        required=False,
        max_length=100,
        help_text=_(
            "Only for a file without one (a shapefile without .prj) or with the wrong one, "
            "e.g. EPSG:3006."
        ),
    )
    update = forms.BooleanField(
        label=_("The file replaces the boundaries already stored"),
        required=False,
        help_text=_(
            "Without this, an area whose boundary differs from the stored one refuses the file."
        ),
    )

    def clean_file(self) -> UploadedFile:
        """An area file by its suffix, and not too large to read while the user waits.

        A bare .shp is refused: its .dbf, .shx and .prj come along only in a zip.
        """
        upload = check_upload_size(self.cleaned_data["file"])
        try:
            check_zip(upload)
        except TooLarge as error:
            raise forms.ValidationError(str(error)) from None
        suffix = Path(upload.name).suffix.lower()
        if suffix not in SUFFIXES or suffix == ".shp":
            raise forms.ValidationError(
                _(
                    "Upload a .gpkg, .geojson, .json, .kml or .kmz file, or a shapefile as a "
                    ".zip with its .shp, .dbf, .shx and .prj."
                )
            )
        return upload
