"""Placing points in areas."""

from django.conf import settings
from django.db.models import Q, QuerySet
from shapely import STRtree
from shapely.geometry import Point

from .geometry import outline, parse_polygon, readable_polygon
from .models import Area, Municipality


class AreaLocator:
    """The areas, read once, for placing many points (an import of thousands of rows).

    Areas may nest (a housing area inside a town); the smallest containing area
    is the most precise answer. A point on a boundary belongs to the area.
    """

    def __init__(self, areas=None) -> None:
        if areas is None:
            areas = Area.objects.all()
        self.areas = list(areas.filter(geometry__isnull=False).select_related("municipality"))
        self.shapes = [parse_polygon(area.geometry) for area in self.areas]
        self.tree = STRtree(self.shapes)

    def locate(
        self, latitude: float, longitude: float, municipality_id: int | None = None
    ) -> Area | None:
        point = Point(longitude, latitude)
        best: tuple[float, Area] | None = None
        for index in self.tree.query(point, predicate="intersects"):
            area, shape = self.areas[index], self.shapes[index]
            if municipality_id is not None and area.municipality_id != municipality_id:
                continue
            if best is None or shape.area < best[0]:
                best = (shape.area, area)
        return best[1] if best else None


def named_municipality(text: str) -> Municipality | None:
    """The municipality a user names: its name (any case) or its four-digit SCB code.

    The commands' --municipality and the lägesbild take either; None when no
    stored municipality answers to it, for the caller to say so in its words.
    """
    text = text.strip()
    return Municipality.objects.filter(Q(name__iexact=text) | Q(scb_code=text)).first()


def area_for_point(
    latitude: float, longitude: float, municipality: Municipality | None = None
) -> Area | None:
    """The area that contains the point, or None (the smallest, where areas nest).

    Only the areas whose bounding box holds the point are read (a few, of
    hundreds), and those whose box is not known (stored by bulk_create, which
    skips Area.save), so that one point costs nearly the same in a
    municipality of 500 DeSO as in one of five areas.
    """
    boxed = Q(west__lte=longitude, east__gte=longitude, south__lte=latitude, north__gte=latitude)
    areas = Area.objects.filter(boxed | Q(west__isnull=True))
    if municipality is not None:
        areas = areas.filter(municipality=municipality)
    return AreaLocator(areas).locate(latitude, longitude)


def base_map(areas: QuerySet[Area]) -> dict:
    """What every map page starts from: the areas as GeoJSON and the tile server.

    The areas are drawn whether or not a tile server is configured, so a map
    still says where things are on a closed network. Each is drawn by its
    outline (Area.outline, within 5 m of the boundary, a half to a sixth of its
    vertices), never by the stored boundary, which is not even read: a map of
    a large municipality's 500 DeSO is then half a megabyte, not several. An
    area stored without its outline (by bulk_create) gets one here. Each names
    its municipality's id, so a form can zoom to the municipality chosen.
    """
    rows = list(
        areas.filter(geometry__isnull=False).values_list("pk", "name", "municipality_id", "outline")
    )
    missing = [pk for pk, _, _, drawn in rows if drawn is None]
    if missing:
        boundaries = Area.objects.filter(pk__in=missing).values_list("pk", "geometry")
        drawn_now = {pk: _drawn(geometry) for pk, geometry in boundaries}
        rows = [(pk, name, place, drawn or drawn_now[pk]) for pk, name, place, drawn in rows]
    features = [
        {
            "type": "Feature",
            "properties": {"name": name, "municipality": municipality},
            "geometry": drawn,
        }
        for _, name, municipality, drawn in rows
    ]
    return {
        "areas": {"type": "FeatureCollection", "features": features},
        "tiles": settings.TRYGG_TILE_URL,
        "attribution": settings.TRYGG_TILE_ATTRIBUTION,
    }


def _drawn(geometry: dict) -> dict:
    """The outline of a boundary stored without one; a boundary that cannot be read as it is."""
    shape = readable_polygon(geometry)
    return outline(shape) if shape is not None else geometry
