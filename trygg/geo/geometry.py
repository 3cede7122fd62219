"""Reading area boundaries and routes stored as GeoJSON into shapely geometries."""

import json
import math
from typing import Any

import shapely
from shapely.errors import GEOSException
from shapely.geometry import LineString, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

# Metres in a radian of latitude at most (the meridian's radius of curvature at the
# poles is 6,399,594 m): a distance in degrees from it is never more on the ground.
METRES_PER_RADIAN = 6_400_000
# A map draws an area's outline (outline()) within this many metres of its boundary...
OUTLINE_METRES = 5.0
# ...on this grid of degrees (a metre or less).
OUTLINE_GRID = 1e-5


def degrees(metres: float) -> float:
    """A distance on the ground as degrees that are never more than it, in either direction."""
    return math.degrees(metres / METRES_PER_RADIAN)


class GeometryError(ValueError):
    """A boundary or route that is not a usable shape; the message says why."""


def _is_feature(geojson: Any) -> bool:
    return isinstance(geojson, dict) and geojson.get("type") == "Feature"


def _read(geojson: Any, what: str, types: tuple[str, ...]) -> BaseGeometry:
    """A GeoJSON geometry (or a Feature, as pasted from a map tool) of one of `types`.

    `what` names the thing in the message ("Gränsen", "Rutten"). The
    coordinates must be longitude and latitude in WGS 84.
    """
    if not isinstance(geojson, dict):
        raise GeometryError(f"{what} måste vara ett GeoJSON-objekt.")
    if _is_feature(geojson):
        geojson = geojson.get("geometry") or {}
    if geojson.get("type") not in types:
        wanted = " eller ".join(types)
        raise GeometryError(f"{what} måste vara {wanted}, inte {geojson.get('type')!r}.")
    try:
        geometry = shape(geojson)
    except (GEOSException, ValueError, TypeError, IndexError) as error:
        raise GeometryError(f"{what} kan inte läsas: {error}") from error
    if geometry.is_empty:
        raise GeometryError(f"{what} är tom.")
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise GeometryError("Koordinaterna måste vara longitud och latitud i WGS 84.")
    return geometry


def parse_polygon(geojson: dict[str, Any]) -> Polygon | MultiPolygon:
    """Turn a GeoJSON Polygon or MultiPolygon (lon, lat in WGS 84) into a valid shape.

    A Feature is accepted too, for boundaries pasted straight from a map tool.
    """
    geometry = _read(geojson, "Gränsen", ("Polygon", "MultiPolygon"))
    if not geometry.is_valid:
        raise GeometryError(f"Gränsen är ogiltig: {explain_validity(geometry)}.")
    return geometry


def parse_line(geojson: dict[str, Any]) -> LineString:
    """Turn a GeoJSON LineString (lon, lat in WGS 84), e.g. a walk's route, into a shape."""
    geometry = geojson.get("geometry") if _is_feature(geojson) else geojson
    is_line = isinstance(geometry, dict) and geometry.get("type") == "LineString"
    if is_line and len(geometry.get("coordinates") or ()) < 2:
        raise GeometryError("Rutten behöver minst två punkter.")
    return _read(geojson, "Rutten", ("LineString",))


def readable_polygon(geojson: Any) -> Polygon | MultiPolygon | None:
    """The boundary as a shape even when it is not valid; None when it cannot be read.

    For what is kept beside a boundary (Area.save); whether it is a usable
    boundary is parse_polygon's to say.
    """
    try:
        return _read(geojson, "Gränsen", ("Polygon", "MultiPolygon"))
    except GeometryError:
        return None


def outline(boundary: Polygon | MultiPolygon) -> dict[str, Any]:
    """The boundary as a map draws it: GeoJSON within OUTLINE_METRES, on OUTLINE_GRID.

    The areas are drawn for orientation, a grey line under the things a page
    is about, and Leaflet drops detail below a pixel anyway. In Sweden five
    metres is about a pixel at zoom 14 (a town on a phone's screen) and four
    at zoom 16 (a few blocks); only at the closest zooms does the line visibly
    cut a corner. The synthetic DeSO of bench/bench_areas.py keep a half to
    a sixth of their stored vertices (28 of 64, 42 of 276), and a map of 500
    of them is half a megabyte instead of 3.3. The outline is only drawn:
    which area a point lies in is decided on the stored boundary
    (services.area_for_point).
    """
    simpler = shapely.simplify(boundary, degrees(OUTLINE_METRES), preserve_topology=True)
    on_grid = shapely.set_precision(simpler, OUTLINE_GRID)
    if on_grid.is_empty:  # smaller than the grid: drawn as it is
        on_grid = simpler
    return json.loads(shapely.to_geojson(on_grid))
