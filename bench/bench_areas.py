"""What detailed area boundaries cost: import, storage, map pages, placing a point.

Real area files are detailed: SCB's DeSO for a large municipality is hundreds
of polygons of hundreds to thousands of vertices each (Stockholm ~550 DeSO,
Göteborg ~400, all of Sweden ~6,000). This makes such a file in code, with no
downloaded data: a 40 × 40 km square around Västervik in SWEREF 99 TM
(EPSG:3006) cut into N areas (Voronoi cells of random points, relaxed once
towards their centroids, so no cell is a sliver), and each shared edge
between two cells drawn as one wiggly line that both cells use, so the areas
tile the square as a municipality's DeSO do. The wiggle on an edge of length
L is a smooth meander (four sines, up to about 3 % of L: a road or a shore
followed by the boundary) plus a rough trace (each vertex a random step of
0.5 m sideways from the last, a quarter of the spacing where vertices are
closer than 2 m, tied down at both ends: a line drawn by hand in a GIS).
Edges are cut into pieces so that the average area has about `--vertices`
vertices (300 and 2,000 by default). Written as a GeoPackage in EPSG:3006
with pyogrio, as a GIS would.

For each N and vertex count, into a fresh database with one municipality,
an organisation covering it and a coordinator:

* `import_areas` of the file into no areas (what `trygg import_areas` and
  the synchronous upload page /omraden/<scb>/import/ run), then the same file
  again (nothing changes: each boundary compared with the stored one), and
  the upload page's GET that follows the upload's redirect;
* the stored boundaries: vertices per area, and the JSON as the database
  keeps it (SQLite: the text's bytes; PostgreSQL: octet_length of the jsonb
  as text, and in brackets pg_column_size, which is what TOAST's compression
  leaves on disk);
* GET /medborgarrapport/ (the public citizen form, anonymous) and
  GET /lagesbild/<scb>/ (the week page, as the coordinator): bytes sent,
  gzipped bytes (what a compressing proxy would send), time to render;
* one `geo.services.area_for_point` call inside an area (citizen reports and
  walk findings make one per point) and one `AreaLocator(...)` build with a
  thousand `locate` calls (what an incident import does).

    .venv/bin/python bench/bench_areas.py                        # SQLite in a temp file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/trygg_areabench \\
        .venv/bin/python bench/bench_areas.py                    # PostgreSQL (dropped, created)
    .venv/bin/python bench/bench_areas.py --areas 50 500 --vertices 2000 --repeat 5

Medians of `--repeat` runs (3 by default). Prints Markdown tables;
bench/RESULTS.md keeps the figures.
"""

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")
# A benchmark builds its own throwaway database: a throwaway key will do.
os.environ.setdefault("SECRET_KEY", "bench-only-" + "throwaway-key-" * 4)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# The pages' static files by name, as in the tests: no collectstatic manifest needed.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise: no collectstatic

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from pyogrio import raw  # noqa: E402
from pyproj import Transformer  # noqa: E402
from shapely.geometry import MultiPoint, box  # noqa: E402

from trygg.geo.area_import import import_areas  # noqa: E402
from trygg.geo.models import Area, Municipality  # noqa: E402
from trygg.geo.municipalities import municipality_for  # noqa: E402
from trygg.geo.services import AreaLocator, area_for_point  # noqa: E402
from trygg.organisations.models import Membership, Organisation, Role  # noqa: E402

# 40 × 40 km around Västervik, SWEREF 99 TM (metres).
SQUARE = box(570_000, 6_380_000, 610_000, 6_420_000)
MEANDER = 0.03  # of an edge's length, at most (about)
ROUGH_STEP = 0.5  # metres sideways from one vertex to the next (standard deviation)
TO_WGS84 = Transformer.from_crs(3006, 4326, always_xy=True)
WEEK = {"ar": 2025, "vecka": 10}


def tessellation(count: int, vertices: int, seed: int = 1) -> list[shapely.Polygon]:
    """`count` areas tiling SQUARE, about `vertices` vertices each, sharing wiggly edges."""
    rng = np.random.default_rng(seed)
    west, south, east, north = SQUARE.bounds
    points = np.column_stack([rng.uniform(west, east, count), rng.uniform(south, north, count)])
    cells = _cells(points)
    points = shapely.get_coordinates(shapely.centroid(cells))  # one Lloyd step: no slivers
    cells = _cells(points)
    spacing = float(shapely.length(cells).mean()) / vertices
    edges = shapely.get_parts(shapely.unary_union(shapely.boundary(cells)))
    lines = [_wiggly(edge, spacing, rng) for edge in edges]
    areas = list(shapely.get_parts(shapely.polygonize(lines)))
    if len(areas) != count or not all(shapely.is_valid(areas)):
        raise SystemExit(f"the wiggles broke the tessellation ({len(areas)} of {count} areas)")
    return areas


def _cells(points: np.ndarray) -> np.ndarray:
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=SQUARE)
    return shapely.intersection(np.array(cells.geoms), SQUARE)


def _wiggly(edge: shapely.LineString, spacing: float, rng: np.random.Generator):
    """The straight edge as a line of pieces about `spacing` long, meandering and rough,
    with its two ends where they were (so the neighbouring edges still meet there)."""
    (ax, ay), (bx, by) = shapely.get_coordinates(edge)[[0, -1]]
    length = edge.length
    t = np.linspace(0, 1, max(1, round(length / spacing)) + 1)
    meander = sum(
        rng.uniform(-1, 1) * np.sin(np.pi * k * t + rng.uniform(0, 2 * np.pi)) / k
        for k in range(1, 5)
    )
    rough = np.cumsum(rng.normal(0, min(ROUGH_STEP, spacing / 4), t.size))
    rough -= rough[0] + (rough[-1] - rough[0]) * t  # a bridge: zero at both ends
    offset = np.sin(np.pi * t) * MEANDER * length * meander + rough
    offset[0] = offset[-1] = 0.0
    across_x, across_y = -(by - ay) / length, (bx - ax) / length
    x = ax + (bx - ax) * t + across_x * offset
    y = ay + (by - ay) * t + across_y * offset
    return shapely.linestrings(np.column_stack([x, y]))


def write_geopackage(path: Path, areas: list[shapely.Polygon]) -> Path:
    geometry = np.array([shapely.to_wkb(area) for area in areas], dtype=object)
    names = np.array([f"Område {number:04d}" for number in range(1, len(areas) + 1)], dtype=object)
    raw.write(
        str(path),
        geometry,
        [names],
        ["namn"],
        crs="EPSG:3006",
        driver="GPKG",
        geometry_type="Polygon",
    )
    return path


def prepare_database() -> tuple[Municipality, object]:
    """Migrate (recreating a PostgreSQL database), then Västervik, who covers it, a coordinator."""
    if connection.vendor == "postgresql":
        name = connection.settings_dict["NAME"]
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)
    vastervik = municipality_for("0883")
    organisation = Organisation.objects.create(
        name="Västerviks kommun", slug="vasterviks-kommun", kind="municipality"
    )
    organisation.municipalities.add(vastervik)
    user = get_user_model().objects.create_user("samordnare", password="bench")
    Membership.objects.create(user=user, organisation=organisation, role=Role.COORDINATOR)
    return vastervik, user


def median_ms(function, repeat: int, before=None) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def stored_json() -> tuple[int, int | None]:
    """Bytes of all stored boundaries as JSON text, and on disk (PostgreSQL only)."""
    table = Area._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT SUM(octet_length(geometry::text)), SUM(pg_column_size(geometry)) "
                f"FROM {table}"
            )
            text, disk = cursor.fetchone()
            return int(text), int(disk)
        cursor.execute(f"SELECT SUM(LENGTH(CAST(geometry AS BLOB))) FROM {table}")
        return int(cursor.fetchone()[0]), None


def stored_vertices() -> float:
    """Mean vertices of a stored boundary (rings' closing vertex included, as in the file)."""
    return statistics.mean(_vertices(g) for g in Area.objects.values_list("geometry", flat=True))


def _vertices(geometry: dict) -> int:
    rings = geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        rings = [ring for polygon in rings for ring in polygon]
    return sum(len(ring) for ring in rings)


def page(client: Client, url: str, repeat: int, **params) -> tuple[int, int, float]:
    """Bytes, gzipped bytes and median milliseconds of a GET that must answer 200."""
    response = client.get(url, params)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    size, packed = len(response.content), len(gzip.compress(response.content, 6))
    return size, packed, median_ms(lambda: client.get(url, params), repeat)


def megabytes(size: int) -> str:
    return f"{size / 1e6:.2f} MB" if size >= 1e5 else f"{size / 1e3:.0f} kB"


def duration(ms: float) -> str:
    if ms >= 10_000:
        return f"{ms / 1000:.1f} s"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    return f"{ms:.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def measure(
    count: int, vertices: int, repeat: int, folder: Path, municipality: Municipality, user
) -> dict:
    areas = tessellation(count, vertices)
    path = write_geopackage(folder / f"omraden-{count}-{vertices}.gpkg", areas)
    file_vertices = statistics.mean(shapely.get_num_coordinates(areas))
    mine = Area.objects.filter(municipality=municipality)

    def clear() -> None:
        mine.delete()

    imported = median_ms(lambda: import_areas(path, municipality), repeat, before=clear)
    clear()
    import_areas(path, municipality)
    again = median_ms(lambda: import_areas(path, municipality), repeat)
    text_bytes, disk_bytes = stored_json()

    coordinator = Client()
    coordinator.force_login(user)
    listing = page(coordinator, f"/omraden/{municipality.scb_code}/import/", repeat)
    form = page(Client(), "/medborgarrapport/", repeat)
    week = page(coordinator, f"/lagesbild/{municipality.scb_code}/", repeat, **WEEK)

    inside = areas[len(areas) // 2].representative_point()
    longitude, latitude = TO_WGS84.transform(inside.x, inside.y)
    found = area_for_point(latitude, longitude, municipality)
    if found is None or found.name != f"Område {len(areas) // 2 + 1:04d}":
        raise SystemExit(f"area_for_point found {found} for a point inside an area")
    one_point = median_ms(lambda: area_for_point(latitude, longitude, municipality), repeat)
    rng = np.random.default_rng(2)
    west, south, east, north = SQUARE.bounds
    points = [
        TO_WGS84.transform(x, y)
        for x, y in zip(rng.uniform(west, east, 1000), rng.uniform(south, north, 1000), strict=True)
    ]

    def locate_many() -> None:
        locator = AreaLocator(mine)
        for lon, lat in points:
            locator.locate(lat, lon)

    locator = median_ms(locate_many, repeat)
    return {
        "count": count,
        "vertices": vertices,
        "file_vertices": file_vertices,
        "file_bytes": path.stat().st_size,
        "import": imported,
        "again": again,
        "listing": listing[2],
        "stored_vertices": stored_vertices(),
        "text_bytes": text_bytes,
        "disk_bytes": disk_bytes,
        "form": form,
        "week": week,
        "area_for_point": one_point,
        "locator": locator,
    }


def print_tables(rows: list[dict]) -> None:
    print()
    print("Import (`import_areas`, then the same file again, then the upload page's GET)")
    print()
    print(
        "| areas | vertices per area in the file | file | import | same file again "
        "| GET /omraden/…/import/ |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['count']:,} | {row['file_vertices']:,.0f} | {megabytes(row['file_bytes'])} "
            f"| {duration(row['import'])} | {duration(row['again'])} "
            f"| {duration(row['listing'])} |"
        )
    print()
    print("Stored, and what the pages send (bytes; gzipped in brackets)")
    print()
    print(
        "| areas | vertices per area in the file | stored per area | stored JSON "
        "| /medborgarrapport/ | render | /lagesbild/<scb>/ | render | area_for_point "
        "| AreaLocator + 1,000 points |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        stored = megabytes(row["text_bytes"])
        if row["disk_bytes"] is not None:
            stored += f" ({megabytes(row['disk_bytes'])} on disk)"
        form_size, form_packed, form_ms = row["form"]
        week_size, week_packed, week_ms = row["week"]
        print(
            f"| {row['count']:,} | {row['file_vertices']:,.0f} | {row['stored_vertices']:,.0f} "
            f"| {stored} | {megabytes(form_size)} ({megabytes(form_packed)}) "
            f"| {duration(form_ms)} | {megabytes(week_size)} ({megabytes(week_packed)}) "
            f"| {duration(week_ms)} | {duration(row['area_for_point'])} "
            f"| {duration(row['locator'])} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", type=int, nargs="+", default=[50, 500, 5000])
    parser.add_argument("--vertices", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    municipality, user = prepare_database()
    folder = Path(tempfile.mkdtemp())
    print(
        f"database: {connection.vendor}; municipality: {municipality}; "
        f"median of {options.repeat} runs"
    )
    rows = []
    try:
        for vertices in options.vertices:
            for count in options.areas:
                started = time.perf_counter()
                rows.append(measure(count, vertices, options.repeat, folder, municipality, user))
                seconds = time.perf_counter() - started
                print(
                    f"measured {count} areas × {vertices} vertices in {seconds:.0f} s", flush=True
                )
    finally:
        print_tables(rows)


if __name__ == "__main__":
    main()
