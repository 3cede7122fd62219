"""Placing points in areas."""

from shapely.geometry import Point

from .geometry import parse_polygon
from .models import Area, Municipality


def area_for_point(
    latitude: float, longitude: float, municipality: Municipality | None = None
) -> Area | None:
    """The area that contains the point, or None.

    Areas may nest (a housing area inside a town); the smallest containing area
    is the most precise answer. A point on a boundary belongs to the area.
    """
    point = Point(longitude, latitude)
    areas = Area.objects.filter(geometry__isnull=False)
    if municipality is not None:
        areas = areas.filter(municipality=municipality)
    best: tuple[float, Area] | None = None
    for area in areas:
        polygon = parse_polygon(area.geometry)
        if polygon.covers(point) and (best is None or polygon.area < best[0]):
            best = (polygon.area, area)
    return best[1] if best else None
