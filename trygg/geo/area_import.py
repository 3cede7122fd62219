"""Importing areas from the GIS files a municipality already has.

A municipality keeps its areas (SCB's DeSO and RegSO, its own housing or
key-code areas) in a GIS: a GeoPackage, a zipped ESRI Shapefile, GeoJSON,
or a KML/KMZ drawn in Google My Maps. This reads them as they are, with
GDAL's vector drivers (pyogrio), and stores one Area per feature:

* Formats by suffix: .geojson/.json, .gpkg (the first layer with
  geometries, or the one named), .zip holding a shapefile (.shp, .dbf,
  .shx, .prj; read inside the zip through GDAL's /vsizip/, the one named
  when it holds several), .shp beside its .dbf and .shx, .kml and .kmz.
* Coordinates are transformed to WGS 84 from the file's own coordinate
  system (SWEREF 99 TM, a local SWEREF 99 zone, RT 90…). A file without
  one is refused unless the user gives it; GeoJSON is WGS 84 by its
  specification. The user's coordinate system overrides the file's, for
  a .prj that is wrong. A boundary that lands outside Sweden (roughly
  10–25° E, 55–70° N) is refused: the coordinate system is wrong.
* Polygons and multipolygons only; a point or line is refused, naming the
  feature. Heights (Z) are dropped. Coordinates are rounded to 6 decimals
  (about a decimetre), which keeps the stored JSON small.
* Boundaries are simplified to within a metre (SIMPLIFY_METRES) before they
  are transformed: shapely's topology-preserving simplify (Douglas–Peucker
  that never lets a ring cross itself or another ring of the area) in the
  file's own coordinates, a metre in its units (in degrees for WGS 84: at
  most a metre anywhere). A GIS keeps far more detail than anything Trygg
  does with a boundary can tell: a phone's position is good to 5–10 metres,
  a map shows a metre only at its closest zooms, and a boundary traced by
  hand or densified along a road or a shore has a vertex every metre or two,
  each within a metre of the line through its neighbours. The synthetic DeSO
  of bench/bench_areas.py keep a third to a seventeenth of their vertices,
  and the stored JSON, the pages that draw the areas and the placing of a
  point in them shrink alike. Each area is simplified on its own, so two
  neighbours that share an edge may leave a gap or an overlap of a metre or
  two between them, where a point lies in either or neither (the smallest
  containing area wins, as always). parse_polygon is still the one rule for
  what is stored.
* Invalid boundaries: a self-intersection is repaired (shapely's
  make_valid, keeping the rings' structure) only when the result is still
  a polygon or multipolygon whose area differs by at most 1 %: that is a
  digitising slip (a spike, a ring touching itself), and the summary counts
  it when it is stored. Anything else (a bow-tie, whose repair is two areas that the file
  did not draw) is refused, naming the feature and the reason. The stored
  boundary then passes geometry.parse_polygon, the one rule for a boundary.
* The name: the field the user names, else the first field among NAME_FIELDS
  (compared loosely: case, å/ä/ö, spaces and punctuation do not count,
  nor a name cut short by a shapefile's ten-byte field names, OMRADESNAM).
  Without one the file is refused, listing its fields.

The rules, as for every import in Trygg (trygg.incidents.importers.base):

* Atomic: the first bad feature refuses the whole file, naming file,
  feature (1-based, and its name if it has one) and field; nothing changes.
* Idempotent: an area is the municipality's area of the same name (case does
  not count). The same boundary again, to a few decimetres and however its
  vertices run, changes nothing.
* A different boundary for an existing area is refused unless the import is
  asked to update (`--update`, the box on the upload page): then it replaces
  the stored one. An area stored without a boundary gets the file's. Either
  way the area keeps its name, slug and kind; a new area gets `kind`.
* Two features with the same name in one file are refused rather than
  merged into one multipolygon: two different places that share a name
  ("Centrum" in two towns) must not silently become one area. A GIS merges
  the parts of one area in a step (dissolve), or another field names them.
* Each stored boundary's note says where it came from: "Inläst från
  bostadsomraden.gpkg 2026-12-03", the file's name as the user knows it.
"""

from __future__ import annotations

import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyogrio
import shapely
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from pyogrio import raw
from pyogrio.errors import DataLayerError, DataSourceError
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from trygg.incidents.importers.base import ImportAborted, RowError, header_key
from trygg.uploads import TooLarge, check_zip

from .geometry import METRES_PER_RADIAN, GeometryError, parse_polygon
from .models import Area, Municipality

SUFFIXES = (".geojson", ".json", ".gpkg", ".zip", ".shp", ".kml", ".kmz")
# Fields that name an area, compared with header_key; the earlier spelling wins.
# DeSO before RegSO: a DeSO file may carry the RegSO each DeSO lies in.
NAME_FIELDS = (
    "namn",
    "name",
    "omradesnamn",
    "omrade",
    "bostadsomrade",
    "nyckelkodsomrade",
    "stadsdel",
    "delomrade",
    "kommundel",
    "desonamn",
    "deso",
    "desokod",
    "regsonamn",
    "regso",
    "regsokod",
)
# A shapefile's field names are cut at ten bytes ("OMRADESNAM", "Områdesna"): a field
# this long or longer that begins a spelling is that spelling.
SHORTENED = 7
WGS84 = CRS.from_epsg(4326)
# Sweden, generously (west, south, east, north), in degrees.
SWEDEN = (10.0, 55.0, 25.0, 70.0)
# Stored coordinates are on this grid, in degrees: about a decimetre.
GRID = 1e-6
# Boundaries are simplified to within this many metres of the file's (module docstring).
SIMPLIFY_METRES = 1.0
# Two boundaries no further apart than this (degrees) are the same boundary.
SAME_BOUNDARY = 2e-6
# A repaired boundary may differ this much in area from the file's.
REPAIR_AREA_CHANGE = 0.01
GEOMETRY_FIELD = "geometri"


@dataclass
class AreaImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    repaired: int = 0

    def summary(self) -> str:
        """ "2 nya områden, 1 uppdaterat, 0 fanns redan", and any repaired boundary."""
        new = "nytt område" if self.created == 1 else "nya områden"
        updated = "uppdaterat" if self.updated == 1 else "uppdaterade"
        text = f"{self.created} {new}, {self.updated} {updated}, {self.unchanged} fanns redan"
        if self.repaired:
            boundaries = "gräns" if self.repaired == 1 else "gränser"
            text += f"; {self.repaired} {boundaries} med en självkorsning lagades"
        return text


@dataclass(frozen=True)
class Feature:
    """One feature of the file, read: its position (1-based), name and boundary."""

    position: int
    name: str
    geometry: dict[str, Any]
    repaired: bool


class AreaFile:
    """A GIS file opened for reading areas: which layer, which CRS, which name field."""

    def __init__(
        self,
        path: Path,
        name: str,
        layer: str | None = None,
        crs: str | None = None,
        name_field: str | None = None,
    ) -> None:
        self.path = path
        self.display_name = name
        try:
            check_zip(path)  # a zipped shapefile or a KMZ, before GDAL unpacks it
        except TooLarge as error:
            raise self.fail(str(error)) from None
        source, layer = self._source(layer)
        try:
            meta, _, self.geometries, self.values = raw.read(source, layer=layer, force_2d=True)
        except (DataSourceError, DataLayerError) as error:
            raise self.fail(f"filen kan inte läsas som en GIS-fil ({error})") from None
        self.fields = [str(field) for field in meta["fields"]]
        self.crs = self._crs(crs, meta["crs"])
        self.name_field = self._name_field(name_field)
        self.transformer = Transformer.from_crs(self.crs, WGS84, always_xy=True)
        self.tolerance = simplify_tolerance(self.crs)

    def fail(self, message: str) -> ImportAborted:
        """A file-level error, naming the file."""
        return ImportAborted(f"{self.display_name}: {message}")

    def _source(self, layer: str | None) -> tuple[str, str | None]:
        """What GDAL opens, and the layer in it.

        A zip is opened inside, at its shapefile. Otherwise the layer is the
        one asked for or the first with geometries; a file with several layers
        is named with its layer in messages, so a wrong first layer is plain.
        """
        suffix = self.path.suffix.lower()
        if suffix not in SUFFIXES:
            raise self.fail(
                "okänt filformat; läs in en GeoPackage (.gpkg), en zippad shapefil (.zip), "
                "GeoJSON (.geojson) eller KML (.kml, .kmz)"
            )
        if suffix == ".zip":
            return f"/vsizip/{self.path.resolve()}/{self._shapefile_in_zip(layer)}", None
        try:
            layers = [(str(name), kind) for name, kind in pyogrio.list_layers(self.path)]
        except DataSourceError as error:
            raise self.fail(f"filen kan inte läsas som en GIS-fil ({error})") from None
        names = [name for name, _ in layers]
        if layer is None:
            layer = next((name for name, kind in layers if kind is not None), None)
            if layer is None:
                raise self.fail("filen har inga geometrier")
        elif layer not in names:
            raise self.fail(f"lagret {layer} finns inte (filens lager: {', '.join(names)})")
        if len(layers) > 1:
            self.display_name = f"{self.display_name} (lager {layer})"
        return str(self.path), layer

    def _shapefile_in_zip(self, layer: str | None) -> str:
        """The zip's shapefile: the only one, or the one named by `layer` (its name sans .shp)."""
        try:
            with zipfile.ZipFile(self.path) as archive:
                members = archive.namelist()
        except zipfile.BadZipFile:
            raise self.fail("filen är ingen zip-fil") from None
        shapefiles = [
            member
            for member in members
            if member.lower().endswith(".shp") and not member.startswith("__MACOSX/")
        ]
        if layer is not None:
            shapefiles = [
                member for member in shapefiles if Path(member).stem.casefold() == layer.casefold()
            ]
        if len(shapefiles) == 1:
            return shapefiles[0]
        if not shapefiles:
            wanted = f"shapefilen {layer}.shp" if layer else "någon shapefil (.shp)"
            raise self.fail(f"zip-filen innehåller inte {wanted}")
        listed = ", ".join(Path(member).stem for member in shapefiles)
        raise self.fail(f"zip-filen innehåller flera shapefiler ({listed}); ange vilket lager")

    def _crs(self, given: str | None, found: str | None) -> CRS:
        """The coordinate system of the file's coordinates: the user's, the file's, or WGS 84
        for GeoJSON, whose specification says so."""
        if given or found:
            text = given.strip() if given else found
            try:
                return CRS.from_user_input(f"EPSG:{text}" if text.isdigit() else text)
            except CRSError:
                raise self.fail(f"okänt koordinatsystem {text!r}; ange t.ex. EPSG:3006") from None
        if self.path.suffix.lower() in (".geojson", ".json"):
            return WGS84
        raise self.fail(
            "filen anger inget koordinatsystem (saknas .prj-filen?); ange koordinatsystemet, "
            "t.ex. EPSG:3006 för SWEREF 99 TM"
        )

    def _name_field(self, asked: str | None) -> int:
        """Which field names the areas: the one asked for (exactly, else loosely), else the
        first spelling in NAME_FIELDS."""
        keys = [header_key(field) for field in self.fields]
        listed = ", ".join(self.fields) or "inga"
        if asked:
            if asked in self.fields:
                return self.fields.index(asked)
            if header_key(asked) in keys:
                return keys.index(header_key(asked))
            raise self.fail(f"fältet {asked} finns inte (filens fält: {listed})")
        for spelling in NAME_FIELDS:
            for index, key in enumerate(keys):
                if key == spelling or (len(key) >= SHORTENED and spelling.startswith(key)):
                    return index
        raise self.fail(
            f"hittar inget fält med områdenas namn (filens fält: {listed}); "
            "ange vilket fält som är namnet"
        )

    @property
    def crs_label(self) -> str:
        code = self.crs.to_epsg()
        return f"EPSG:{code}" if code else self.crs.name

    @property
    def field(self) -> str:
        return self.fields[self.name_field]

    def name_of(self, index: int) -> str:
        """The feature's name as text: whitespace collapsed; "" for none."""
        value = self.values[self.name_field][index]
        if value is None or (isinstance(value, float | np.floating) and math.isnan(value)):
            return ""
        if isinstance(value, float | np.floating) and float(value).is_integer():
            value = int(value)
        return " ".join(str(value).split())

    def message(self, position: int, name: str, error: RowError) -> str:
        """ "omraden.gpkg, objekt 2 (Karstorp), fält geometri: …" """
        named = f" ({name})" if name else ""
        return f"{self.display_name}, objekt {position}{named}, {error}"

    def features(self) -> list[Feature]:
        """Every feature, read and checked; ImportAborted at the first bad one."""
        if not len(self.geometries):
            raise self.fail("filen innehåller inga objekt")
        features: list[Feature] = []
        seen: dict[str, int] = {}
        for index, wkb in enumerate(self.geometries):
            position, name = index + 1, self.name_of(index)
            try:
                self._check_name(name, seen)
                geometry, repaired = self.boundary(wkb)
            except RowError as error:
                raise ImportAborted(self.message(position, name, error)) from None
            seen[name.casefold()] = position
            features.append(Feature(position, name, geometry, repaired))
        return features

    def _check_name(self, name: str, seen: dict[str, int]) -> None:
        if not name:
            raise RowError(self.field, "namnet saknas")
        if len(name) > Area._meta.get_field("name").max_length:
            raise RowError(self.field, "namnet är för långt (högst 100 tecken)")
        if name.casefold() in seen:
            raise RowError(
                self.field,
                f"{name} finns redan som objekt {seen[name.casefold()]}; ett område per namn "
                "(slå ihop delarna i GIS-programmet eller välj ett annat namnfält)",
            )

    def boundary(self, wkb: bytes | None) -> tuple[dict[str, Any], bool]:
        """The feature's boundary as GeoJSON in WGS 84, on the GRID, and whether it was
        repaired; RowError when it is not one."""
        if wkb is None:
            raise RowError(GEOMETRY_FIELD, "objektet saknar geometri")
        shape = shapely.from_wkb(wkb)
        if shape.geom_type not in ("Polygon", "MultiPolygon"):
            raise RowError(
                GEOMETRY_FIELD, f"är en {shape.geom_type}; bara polygoner kan bli områden"
            )
        if shape.is_empty:
            raise RowError(GEOMETRY_FIELD, "polygonen är tom")
        if self.tolerance:
            shape = shapely.simplify(shape, self.tolerance, preserve_topology=True)
        shape = self._to_wgs84(shape)
        shape, repaired = _repaired(shape)
        geometry = json.loads(shapely.to_geojson(shapely.set_precision(shape, GRID)))
        try:
            parse_polygon(geometry)
        except GeometryError as error:
            raise RowError(GEOMETRY_FIELD, str(error)) from None
        return geometry, repaired

    def _to_wgs84(self, shape: BaseGeometry) -> BaseGeometry:
        """The shape in longitude and latitude; RowError when that is not in Sweden."""
        shape = shapely.transform(
            shape, lambda xy: np.column_stack(self.transformer.transform(xy[:, 0], xy[:, 1]))
        )
        west, south, east, north = shape.bounds
        min_lon, min_lat, max_lon, max_lat = SWEDEN
        inside = min_lon <= west <= east <= max_lon and min_lat <= south <= north <= max_lat
        if not inside:  # also when a coordinate did not transform (inf, nan)
            x, y = shapely.get_coordinates(shape)[0]
            raise RowError(
                GEOMETRY_FIELD,
                f"hamnar utanför Sverige (longitud {x:.2f}, latitud {y:.2f}) räknat från "
                f"{self.crs_label}; filens koordinatsystem är troligen fel, ange rätt "
                "(t.ex. EPSG:3006 för SWEREF 99 TM)",
            )
        return shape


def simplify_tolerance(crs: CRS) -> float:
    """SIMPLIFY_METRES in the units of the coordinate system's coordinates: metres (or
    feet) of a projected one, degrees of a geographic one; 0 (no simplifying) when the
    coordinate system does not say what its units are."""
    axes = crs.axis_info
    factor = axes[0].unit_conversion_factor if axes else None
    if not factor:
        return 0.0
    if crs.is_geographic:  # the factor is radians per unit
        return SIMPLIFY_METRES / METRES_PER_RADIAN / factor
    return SIMPLIFY_METRES / factor  # metres per unit


def _repaired(shape: BaseGeometry) -> tuple[BaseGeometry, bool]:
    """A valid shape, and whether it had to be repaired (see the module docstring)."""
    if shape.is_valid:
        return shape, False
    reason = explain_validity(shape)
    repaired = shapely.make_valid(shape, method="structure", keep_collapsed=False)
    same_kind = repaired.geom_type in ("Polygon", "MultiPolygon")
    change = abs(repaired.area - shape.area) / max(repaired.area, shape.area, 1e-18)
    if not same_kind or change > REPAIR_AREA_CHANGE:
        raise RowError(GEOMETRY_FIELD, f"gränsen är ogiltig: {reason}")
    return repaired, True


def same_boundary(stored: dict[str, Any], geometry: dict[str, Any]) -> bool:
    """Whether two boundaries are the same to a decimetre, however their vertices run."""
    try:
        old = parse_polygon(stored)
    except GeometryError:
        return False
    new = parse_polygon(geometry)
    return old.boundary.hausdorff_distance(new.boundary) <= SAME_BOUNDARY


def unique_slug(name: str, taken: set[str]) -> str:
    """slugify(name), with -2, -3… when another area of the municipality has it."""
    limit = Area._meta.get_field("slug").max_length
    base = slugify(name)[:limit].strip("-") or "omrade"
    slug, number = base, 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = base[: limit - len(suffix)].strip("-") + suffix
    return slug


def import_areas(
    path: str | Path,
    municipality: Municipality,
    *,
    name_field: str | None = None,
    kind: str | None = None,
    update: bool = False,
    name: str | None = None,
    layer: str | None = None,
    crs: str | None = None,
) -> AreaImportResult:
    """Import the areas of one GIS file into one municipality (rules: module docstring).

    Raises ImportAborted (file, feature, field, reason in Swedish) and stores
    nothing when the file or any feature is bad. name is the file's name as the
    user knows it (an upload); layer picks a layer of a GeoPackage or KML, or
    the shapefile in a zip; crs (e.g. "EPSG:3006") is the coordinate system
    of a file that names none or names the wrong one.
    """
    path = Path(path)
    shown = name or path.name
    if not path.is_file():
        raise ImportAborted(f"{shown}: filen finns inte")
    if kind is not None and kind not in Area.Kind.values:
        raise ImportAborted(f"{shown}: {kind!r} är ingen sorts område")
    source = AreaFile(path, shown, layer, crs, name_field)
    features = source.features()
    note = f"Inläst från {shown} {timezone.localdate().isoformat()}"
    note = note[: Area._meta.get_field("boundary_note").max_length]
    existing: dict[str, Area] = {}
    for area in Area.objects.filter(municipality=municipality):
        existing.setdefault(area.name.casefold(), area)
    taken = {area.slug for area in existing.values()}
    result = AreaImportResult()
    with transaction.atomic():
        for feature in features:
            area = existing.get(feature.name.casefold())
            try:
                _store(feature, area, municipality, kind, update, note, taken, result)
            except RowError as error:
                raise ImportAborted(source.message(feature.position, feature.name, error)) from None
    return result


def _store(
    feature: Feature,
    area: Area | None,
    municipality: Municipality,
    kind: str | None,
    update: bool,
    note: str,
    taken: set[str],
    result: AreaImportResult,
) -> None:
    """Create the feature's area, or update or keep the existing one of its name."""
    if area is None:
        slug = unique_slug(feature.name, taken)
        taken.add(slug)
        Area.objects.create(
            municipality=municipality,
            name=feature.name,
            slug=slug,
            kind=kind or Area.Kind.OTHER,
            geometry=feature.geometry,
            boundary_note=note,
        )
        result.created += 1
        result.repaired += feature.repaired
        return
    if area.geometry is not None and same_boundary(area.geometry, feature.geometry):
        result.unchanged += 1
        return
    if area.geometry is not None and not update:
        raise RowError(
            GEOMETRY_FIELD,
            f"området {area.name} finns redan med en annan gräns; välj att uppdatera "
            "gränserna om filen ersätter dem",
        )
    area.geometry = feature.geometry
    area.boundary_note = note
    area.save(update_fields=["geometry", "boundary_note"])
    result.updated += 1
    result.repaired += feature.repaired
