"""Where things happen: municipalities, the areas inside them, and named places."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trygg.privacy import MaskedCharField

from .geometry import GeometryError, outline, parse_polygon, readable_polygon

# What Area.save keeps beside the boundary, from it.
FROM_BOUNDARY = ("west", "south", "east", "north", "outline")


class Municipality(models.Model):
    """A Swedish municipality (kommun), identified by its four-digit SCB code."""

    name = models.CharField(_("name"), max_length=100)
    scb_code = models.CharField(_("SCB code"), max_length=4, unique=True)
    county = models.CharField(_("county"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A part of a municipality: a town, a village, a district or a housing area."""

    class Kind(models.TextChoices):
        TOWN = "town", _("Town")
        VILLAGE = "village", _("Village")
        DISTRICT = "district", _("District")
        HOUSING = "housing", _("Housing area")
        SCHOOL = "school", _("School area")
        OTHER = "other", _("Other")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="areas", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    # A GeoJSON Polygon or MultiPolygon geometry in WGS 84 (longitude, latitude).
    geometry = models.JSONField(_("boundary (GeoJSON)"), null=True, blank=True)
    boundary_note = MaskedCharField(
        _("about the boundary"),
        max_length=200,
        blank=True,
        help_text=_("For instance that the boundary is approximate, and where it comes from."),
    )
    # Kept by save() from the boundary, never edited. Its bounding box (degrees), so that
    # placing a point reads only the few areas whose box holds it (services.area_for_point),
    # and its outline for maps (geometry.outline: within 5 m), so that a map page does not
    # carry every vertex of every boundary (services.base_map). A boundary is changed
    # through save(), never QuerySet.update(), or they would describe the old one.
    west = models.FloatField(null=True, blank=True, editable=False)
    south = models.FloatField(null=True, blank=True, editable=False)
    east = models.FloatField(null=True, blank=True, editable=False)
    north = models.FloatField(null=True, blank=True, editable=False)
    outline = models.JSONField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=[*FROM_BOUNDARY])

    class Meta:
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="area_slug_per_municipality"
            )
        ]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"

    def save(self, *args, **kwargs) -> None:
        """Save, keeping the box and the outline with the boundary (also when only
        `geometry` is among update_fields, as update_or_create and the import save it)."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "geometry" in update_fields:
            self.keep_from_boundary()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *FROM_BOUNDARY}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.geometry is not None:
            try:
                parse_polygon(self.geometry)
            except GeometryError as error:
                raise ValidationError({"geometry": str(error)}) from error

    def keep_from_boundary(self) -> None:
        """Set the box and the outline from the boundary; None without a readable one."""
        shape = readable_polygon(self.geometry) if self.geometry is not None else None
        if shape is None:
            self.west = self.south = self.east = self.north = self.outline = None
            return
        self.west, self.south, self.east, self.north = shape.bounds
        self.outline = outline(shape)


class Place(models.Model):
    """A named point: a square, a school yard, a bus station."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="places",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=150)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    area = models.ForeignKey(
        Area,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="places",
        verbose_name=_("area"),
        help_text=_("Left empty, it is found from the point."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="place_name_per_municipality"
            )
        ]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if self.area_id is None:
            from .services import area_for_point

            self.area = area_for_point(self.latitude, self.longitude, self.municipality)
        super().save(*args, **kwargs)
