"""Reading area boundaries and routes stored as GeoJSON into shapely geometries."""

from typing import Any

from shapely.errors import GEOSException
from shapely.geometry import LineString, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity


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
