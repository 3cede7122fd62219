"""Reading area boundaries stored as GeoJSON into shapely geometries."""

from typing import Any

from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.validation import explain_validity


class GeometryError(ValueError):
    """A boundary that is not a usable polygon; the message says why."""


def parse_polygon(geojson: dict[str, Any]) -> Polygon | MultiPolygon:
    """Turn a GeoJSON Polygon or MultiPolygon (lon, lat in WGS 84) into a valid shape.

    A Feature is accepted too, for boundaries pasted straight from a map tool.
    """
    if not isinstance(geojson, dict):
        raise GeometryError("Gränsen måste vara ett GeoJSON-objekt.")
    if geojson.get("type") == "Feature":
        geojson = geojson.get("geometry") or {}
    if geojson.get("type") not in {"Polygon", "MultiPolygon"}:
        raise GeometryError(
            f"Gränsen måste vara Polygon eller MultiPolygon, inte {geojson.get('type')!r}."
        )
    try:
        geometry = shape(geojson)
    except (GEOSException, ValueError, TypeError, IndexError) as error:
        raise GeometryError(f"Gränsen kan inte läsas: {error}") from error
    if geometry.is_empty:
        raise GeometryError("Gränsen är tom.")
    if not geometry.is_valid:
        raise GeometryError(f"Gränsen är ogiltig: {explain_validity(geometry)}.")
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise GeometryError("Koordinaterna måste vara longitud och latitud i WGS 84.")
    return geometry
