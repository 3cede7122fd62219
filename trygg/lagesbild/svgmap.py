"""A plain SVG map of areas and hotspot cells: for the PDF, and for a page without tiles.

A route (a line) and numbered points can be drawn on it too: a safety walk's
report draws its route and findings this way.

Longitude is scaled by cos(latitude) so a municipality keeps its shape; that
is all the projection a map of a few tens of kilometres needs.
"""

import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

import h3

from trygg.geo.geometry import parse_polygon


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def map_svg(
    areas: list[tuple[str, dict]],
    hotspots: list[dict],
    width: int = 640,
    height: int = 420,
    *,
    lines: Sequence[Sequence[Sequence[float]]] = (),
    points: Sequence[tuple[str, float, float]] = (),
) -> str:
    """Areas (name, GeoJSON geometry) outlined and named, hotspot cells filled.

    `lines` are lists of [lon, lat] drawn as routes; `points` are (label, lon,
    lat) drawn as labelled dots. With lines or points, the map is padded a
    little so that a short route does not fill it edge to edge.
    """
    cells = [[(lon, lat) for lat, lon in h3.cell_to_boundary(spot["cell"])] for spot in hotspots]
    extent = [tuple(xy) for _, geometry in areas for ring in _rings(geometry) for xy in ring]
    extent += [xy for cell in cells for xy in cell]
    extent += [(lon, lat) for line in lines for lon, lat in line]
    extent += [(lon, lat) for _, lon, lat in points]
    if not extent:
        return ""
    west, east = min(p[0] for p in extent), max(p[0] for p in extent)
    south, north = min(p[1] for p in extent), max(p[1] for p in extent)
    if lines or points:
        pad = max(east - west, north - south, 0.002) * 0.08
        west, east, south, north = west - pad, east + pad, south - pad, north + pad
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * squeeze, 1e-6), max(north - south, 1e-6)
    scale = min((width - 20) / span_x, (height - 20) / span_y)

    def xy(lon: float, lat: float) -> str:
        return f"{10 + (lon - west) * squeeze * scale:.1f},{10 + (north - lat) * scale:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img">'
    ]
    for name, geometry in areas:
        for ring in _rings(geometry):
            path = " ".join(xy(lon, lat) for lon, lat in ring)
            parts.append(
                f'<polygon points="{path}" fill="none" stroke="#55607a" stroke-width="1.5"/>'
            )
        label = parse_polygon(geometry).representative_point()
        x, y = xy(label.x, label.y).split(",")
        parts.append(
            f'<text x="{x}" y="{y}" font-size="10" text-anchor="middle" fill="#1d2433">'
            f"{escape(name)}</text>"
        )
    for cell in cells:
        path = " ".join(xy(lon, lat) for lon, lat in cell)
        parts.append(
            f'<polygon points="{path}" fill="#b3261e" fill-opacity="0.6" stroke="#b3261e"/>'
        )
    for line in lines:
        path = " ".join(xy(lon, lat) for lon, lat in line)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="#0b5cad" stroke-width="3" '
            'stroke-linejoin="round"/>'
        )
    for label, lon, lat in points:
        x, y = xy(lon, lat).split(",")
        parts.append(f'<circle cx="{x}" cy="{y}" r="8" fill="#b3261e" stroke="#fff"/>')
        parts.append(
            f'<text x="{x}" y="{float(y) + 3.5:.1f}" font-size="10" text-anchor="middle" '
            f'fill="#fff">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
