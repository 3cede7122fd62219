"""Importing areas from GIS files, written here by GDAL (pyogrio) as a GIS would write them."""

import json
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.affinity
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from pyogrio import raw
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Polygon, shape

from trygg.geo.area_import import import_areas, unique_slug
from trygg.geo.models import Area, Municipality
from trygg.geo.services import area_for_point, base_map
from trygg.incidents.importers import ImportAborted

pytestmark = pytest.mark.django_db

# Around Västervik (lon 16.64, lat 57.76): three neighbouring squares, about 1 km each.
GAMLEBY = Polygon([(16.62, 57.75), (16.64, 57.75), (16.64, 57.76), (16.62, 57.76)])
KARSTORP = Polygon([(16.64, 57.75), (16.66, 57.75), (16.66, 57.76), (16.64, 57.76)])
SPOTTHEM = Polygon([(16.62, 57.76), (16.64, 57.76), (16.64, 57.77), (16.62, 57.77)])


@pytest.fixture
def vastervik(db) -> Municipality:
    return Municipality.objects.create(name="Västervik", scb_code="0883")


def projected(geometry, epsg: int, inverse: bool = False):
    """A lon/lat shape in the given EPSG coordinate system (or back, with inverse)."""
    source, target = (epsg, 4326) if inverse else (4326, epsg)
    transformer = Transformer.from_crs(source, target, always_xy=True)
    return shapely.transform(
        geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))
    )


def write(path: Path, shapes, names, *, crs="EPSG:4326", field="namn", **options) -> Path:
    """A one-layer GIS file of the shapes, each named in `field`, as GDAL writes it."""
    geometry = np.array([shapely.to_wkb(item) for item in shapes], dtype=object)
    values = np.array(names, dtype=object)
    kinds = {item.geom_type for item in shapes}
    options.setdefault("geometry_type", kinds.pop() if len(kinds) == 1 else "Unknown")
    if crs is None:  # a shapefile without .prj, which GDAL warns of
        with pytest.warns(UserWarning, match="'crs' was not provided"):
            raw.write(str(path), geometry, [values], [field], **options)
    else:
        raw.write(str(path), geometry, [values], [field], crs=crs, **options)
    return path


def zipped(shp: Path, target: Path, folder: str = "") -> Path:
    """A shapefile's parts (.shp, .dbf, .shx, and .prj and .cpg if written) in a zip."""
    with zipfile.ZipFile(target, "w") as archive:
        for part in shp.parent.glob(f"{shp.stem}.*"):
            archive.write(part, folder + part.name)
    return target


def stored(name: str):
    return shape(Area.objects.get(name=name).geometry)


def metres_apart(first, second) -> float:
    """How far apart two lon/lat boundaries are, in metres (SWEREF 99 TM)."""
    first, second = projected(first, 3006), projected(second, 3006)
    return first.boundary.hausdorff_distance(second.boundary)


# --- formats and coordinate systems ---------------------------------------------------


@pytest.mark.parametrize("epsg", [3006, 3015, 3021])  # SWEREF 99 TM, SWEREF 99 16 30, RT 90
def test_a_geopackage_in_a_swedish_grid_is_stored_in_lon_lat(tmp_path, vastervik, epsg):
    path = write(
        tmp_path / "bostadsomraden.gpkg",
        [projected(GAMLEBY, epsg), projected(KARSTORP, epsg)],
        ["Gamleby", "Karstorp"],
        crs=f"EPSG:{epsg}",
        driver="GPKG",
    )
    result = import_areas(path, vastervik, kind=Area.Kind.HOUSING)

    assert result.summary() == "2 nya områden, 0 uppdaterade, 0 fanns redan"
    assert metres_apart(stored("Gamleby"), GAMLEBY) < 0.5
    assert metres_apart(stored("Karstorp"), KARSTORP) < 0.5
    karstorp = Area.objects.get(name="Karstorp")
    assert (karstorp.slug, karstorp.kind) == ("karstorp", "housing")
    assert karstorp.boundary_note == f"Inläst från bostadsomraden.gpkg {date.today().isoformat()}"
    # Six decimals at most: a decimetre, and small JSON.
    assert all(len(str(c).split(".")[-1]) <= 6 for c in np.ravel(karstorp.geometry["coordinates"]))
    assert area_for_point(57.755, 16.65, vastervik) == karstorp
    assert area_for_point(57.755, 16.63, vastervik).name == "Gamleby"


def test_a_zipped_shapefile_with_swedish_names(tmp_path, vastervik):
    folder = tmp_path / "shape"
    folder.mkdir()
    # A shapefile's field names are ten bytes at most: GDAL cuts this one to "Områdesna".
    with pytest.warns(RuntimeWarning, match="'Områdesnamn' to 'Områdesna'"):
        shp = write(
            folder / "omraden.shp",
            [projected(GAMLEBY, 3015), projected(KARSTORP, 3015)],
            ["Gränsö-Åby", "Västra Öknen"],
            crs="EPSG:3015",
            field="Områdesnamn",
            encoding="UTF-8",
        )
    assert {part.suffix for part in folder.iterdir()} == {".shp", ".dbf", ".shx", ".prj", ".cpg"}
    path = zipped(shp, tmp_path / "omraden.zip", folder="Västervik områden/")

    result = import_areas(path, vastervik)

    assert result.created == 2
    assert set(Area.objects.values_list("name", "slug")) == {
        ("Gränsö-Åby", "granso-aby"),
        ("Västra Öknen", "vastra-oknen"),
    }
    assert metres_apart(stored("Västra Öknen"), KARSTORP) < 0.5
    assert area_for_point(57.755, 16.65, vastervik).name == "Västra Öknen"


def test_a_geojson_feature_collection_in_wgs84(tmp_path, vastervik):
    islands = MultiPolygon([KARSTORP, shapely.affinity.translate(KARSTORP, 0.05)])
    features = [
        {"type": "Feature", "properties": {"Name": "Öarna"}, "geometry": islands.__geo_interface__},
        {
            "type": "Feature",
            "properties": {"Name": "Gamleby"},
            # With heights, as some tools write them: dropped.
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[*xy, 12.5] for xy in GAMLEBY.exterior.coords]],
            },
        },
    ]
    path = tmp_path / "omraden.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))

    assert import_areas(path, vastervik).created == 2
    islands_area = Area.objects.get(name="Öarna")
    assert islands_area.geometry["type"] == "MultiPolygon"
    assert area_for_point(57.755, 16.70, vastervik) == islands_area
    gamleby = Area.objects.get(name="Gamleby").geometry
    assert {len(xy) for xy in gamleby["coordinates"][0]} == {2}
    assert stored("Gamleby").equals(GAMLEBY)


def test_kml_and_kmz_as_drawn_in_google_my_maps(tmp_path, vastervik):
    kml = write(
        tmp_path / "Trygghetsområden.kml", [SPOTTHEM], ["Spotthem"], field="Name", driver="LIBKML"
    )
    assert "<Placemark" in kml.read_text(encoding="utf-8")
    assert import_areas(kml, vastervik).created == 1
    assert stored("Spotthem").equals(SPOTTHEM)

    other = write(tmp_path / "doc.kml", [GAMLEBY], ["Gamleby"], field="Name", driver="LIBKML")
    kmz = tmp_path / "Trygghetsområden.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.write(other, "doc.kml")
    assert import_areas(kmz, vastervik).created == 1
    assert area_for_point(57.755, 16.63, vastervik).name == "Gamleby"


def test_a_shapefile_without_prj_needs_its_coordinate_system(tmp_path, vastervik):
    shp = write(tmp_path / "omraden.shp", [projected(KARSTORP, 3006)], ["Karstorp"], crs=None)
    assert not shp.with_suffix(".prj").exists()
    with pytest.raises(ImportAborted, match=r"omraden.shp: filen anger inget koordinatsystem"):
        import_areas(shp, vastervik)
    assert not Area.objects.exists()

    with pytest.raises(ImportAborted, match="okänt koordinatsystem 'EPSG:99999'"):
        import_areas(shp, vastervik, crs="EPSG:99999")
    assert import_areas(shp, vastervik, crs="EPSG:3006").created == 1
    assert metres_apart(stored("Karstorp"), KARSTORP) < 0.5


def test_coordinates_that_are_not_lon_lat_are_refused(tmp_path, vastervik):
    # SWEREF 99 TM coordinates in a GeoJSON without a crs member: read as WGS 84.
    sweref = projected(KARSTORP, 3006)
    feature = {"type": "Feature", "properties": {"namn": "Karstorp"}, "geometry": None}
    feature["geometry"] = sweref.__geo_interface__
    path = tmp_path / "omraden.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))

    with pytest.raises(ImportAborted) as refused:
        import_areas(path, vastervik)
    message = str(refused.value)
    assert message.startswith("omraden.geojson, objekt 1 (Karstorp), fält geometri:")
    assert "utanför Sverige" in message and "koordinatsystem är troligen fel" in message
    assert not Area.objects.exists()

    assert import_areas(path, vastervik, crs="3006").created == 1


# --- refusals -------------------------------------------------------------------------


def test_a_line_refuses_the_whole_file(tmp_path, vastervik):
    road = LineString([(16.62, 57.75), (16.66, 57.76)])
    path = write(
        tmp_path / "omraden.gpkg",
        [GAMLEBY, road, KARSTORP],
        ["Gamleby", "Strandvägen", "Karstorp"],
        driver="GPKG",
    )
    with pytest.raises(ImportAborted) as refused:
        import_areas(path, vastervik)
    assert str(refused.value) == (
        "omraden.gpkg, objekt 2 (Strandvägen), fält geometri: är en LineString; "
        "bara polygoner kan bli områden"
    )
    assert not Area.objects.exists()


def test_a_file_without_a_name_field_lists_its_fields(tmp_path, vastervik):
    path = write(tmp_path / "ytor.gpkg", [GAMLEBY], ["0883C1010"], field="KOD", driver="GPKG")
    with pytest.raises(ImportAborted, match=r"inget fält med områdenas namn \(filens fält: KOD\)"):
        import_areas(path, vastervik)
    with pytest.raises(ImportAborted, match=r"fältet namn finns inte \(filens fält: KOD\)"):
        import_areas(path, vastervik, name_field="namn")

    assert import_areas(path, vastervik, name_field="kod").created == 1  # compared loosely
    assert Area.objects.get().name == "0883C1010"


def test_a_name_field_is_found_among_spellings(tmp_path, vastervik):
    # A RegSO-like file: the municipality's name must not be taken for the area's.
    geometry = np.array([shapely.to_wkb(GAMLEBY)], dtype=object)
    fields = ["kommunnamn", "regsokod", "RegSO"]
    values = [np.array([v], dtype=object) for v in ("Västervik", "0883R001", "Västervik centrum")]
    path = tmp_path / "regso.gpkg"
    raw.write(str(path), geometry, values, fields, crs="EPSG:4326", geometry_type="Polygon")
    import_areas(path, vastervik)
    assert Area.objects.get().name == "Västervik centrum"


def test_two_features_of_one_name_are_refused(tmp_path, vastervik):
    path = write(
        tmp_path / "omraden.gpkg", [GAMLEBY, KARSTORP], ["Centrum", "centrum"], driver="GPKG"
    )
    with pytest.raises(ImportAborted, match=r"objekt 2 \(centrum\), fält namn: .* objekt 1"):
        import_areas(path, vastervik)
    assert not Area.objects.exists()


def test_a_feature_without_a_name_is_refused(tmp_path, vastervik):
    path = write(tmp_path / "omraden.gpkg", [GAMLEBY, KARSTORP], ["Gamleby", None], driver="GPKG")
    with pytest.raises(ImportAborted, match=r"omraden.gpkg, objekt 2, fält namn: namnet saknas"):
        import_areas(path, vastervik)


def test_a_bow_tie_is_refused_and_a_spike_is_repaired(tmp_path, vastervik):
    bow_tie = Polygon([(16.62, 57.75), (16.64, 57.76), (16.64, 57.75), (16.62, 57.76)])
    path = write(tmp_path / "fel.gpkg", [bow_tie], ["Rosett"], driver="GPKG")
    with pytest.raises(ImportAborted, match=r"objekt 1 \(Rosett\), fält geometri: .*ogiltig"):
        import_areas(path, vastervik)
    assert not Area.objects.exists()

    # A digitising slip: the boundary runs out and back along the same line.
    spike = Polygon(
        [(16.64, 57.75), (16.66, 57.75), (16.66, 57.76), (16.65, 57.76), (16.65, 57.765)]
        + [(16.65, 57.76), (16.64, 57.76)]
    )
    assert not spike.is_valid
    path = write(tmp_path / "slarv.gpkg", [spike], ["Karstorp"], driver="GPKG")
    result = import_areas(path, vastervik)
    assert result.summary() == (
        "1 nytt område, 0 uppdaterade, 0 fanns redan; 1 gräns med en självkorsning lagades"
    )
    assert stored("Karstorp").equals(KARSTORP)
    again = import_areas(path, vastervik)
    assert again.summary() == "0 nya områden, 0 uppdaterade, 1 fanns redan"


def test_unknown_formats_layers_and_files(tmp_path, vastervik):
    text = tmp_path / "omraden.csv"
    text.write_text("namn\nKarstorp\n")
    with pytest.raises(ImportAborted, match="omraden.csv: okänt filformat"):
        import_areas(text, vastervik)
    broken = tmp_path / "omraden.gpkg"
    broken.write_text("inte en geopackage")
    with pytest.raises(ImportAborted, match="omraden.gpkg: filen kan inte läsas som en GIS-fil"):
        import_areas(broken, vastervik)
    with pytest.raises(ImportAborted, match="saknas.zip: filen finns inte"):
        import_areas(tmp_path / "saknas.zip", vastervik)
    empty = tmp_path / "tom.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "inget")
    with pytest.raises(ImportAborted, match="tom.zip: zip-filen innehåller inte någon shapefil"):
        import_areas(empty, vastervik)


def test_a_geopackage_with_several_layers(tmp_path, vastervik):
    path = tmp_path / "gis.gpkg"
    write(path, [GAMLEBY.centroid], ["Skolan"], layer="skolor", driver="GPKG")
    write(path, [KARSTORP], ["Karstorp"], layer="omraden", driver="GPKG", append=False)
    with pytest.raises(ImportAborted, match=r"gis.gpkg \(lager skolor\), objekt 1 \(Skolan\)"):
        import_areas(path, vastervik)
    with pytest.raises(ImportAborted, match=r"lagret vagar finns inte \(filens lager: skolor, omr"):
        import_areas(path, vastervik, layer="vagar")
    assert import_areas(path, vastervik, layer="omraden").created == 1


def test_a_zip_with_several_shapefiles_needs_the_layer(tmp_path, vastervik):
    for name, polygon in (("deso", GAMLEBY), ("regso", KARSTORP)):
        write(tmp_path / f"{name}.shp", [projected(polygon, 3006)], [name], crs="EPSG:3006")
    path = tmp_path / "scb.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for part in tmp_path.glob("*.*"):
            if part.suffix != ".zip":
                archive.write(part, part.name)
    with pytest.raises(ImportAborted, match=r"flera shapefiler \(deso, regso\)"):
        import_areas(path, vastervik)
    import_areas(path, vastervik, layer="regso")
    assert Area.objects.get().name == "regso"


# --- idempotent, and updates ----------------------------------------------------------


def test_the_same_file_twice_changes_nothing(tmp_path, vastervik):
    path = write(tmp_path / "omraden.gpkg", [GAMLEBY, KARSTORP], ["Gamleby", "Karstorp"])
    import_areas(path, vastervik)
    before = list(Area.objects.values())
    result = import_areas(path, vastervik, kind=Area.Kind.HOUSING)
    assert result.summary() == "0 nya områden, 0 uppdaterade, 2 fanns redan"
    assert list(Area.objects.values()) == before


def test_a_boundary_drawn_elsewhere_is_the_same_to_a_decimetre(tmp_path, vastervik):
    # Stored by hand with other vertices (one more, another start): the same boundary.
    ring = [(16.64, 57.76), (16.64, 57.75), (16.65, 57.75), (16.66, 57.75), (16.66, 57.76)]
    Area.objects.create(
        municipality=vastervik,
        name="Karstorp",
        slug="karstorp",
        geometry={"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
    )
    path = write(
        tmp_path / "omraden.gpkg", [projected(KARSTORP, 3006)], ["KARSTORP"], crs="EPSG:3006"
    )
    assert import_areas(path, vastervik).unchanged == 1


def test_a_changed_boundary_needs_update(tmp_path, vastervik):
    import_areas(write(tmp_path / "2025.gpkg", [KARSTORP], ["Karstorp"]), vastervik)
    grown = Polygon([(16.64, 57.75), (16.67, 57.75), (16.67, 57.76), (16.64, 57.76)])
    path = write(tmp_path / "2026.gpkg", [GAMLEBY, grown], ["Gamleby", "Karstorp"])

    with pytest.raises(ImportAborted) as refused:
        import_areas(path, vastervik)
    assert str(refused.value).startswith(
        "2026.gpkg, objekt 2 (Karstorp), fält geometri: området Karstorp finns redan med en "
        "annan gräns"
    )
    assert list(Area.objects.values_list("name", flat=True)) == ["Karstorp"]  # atomic
    assert stored("Karstorp").equals(KARSTORP)

    result = import_areas(path, vastervik, update=True)
    assert result.summary() == "1 nytt område, 1 uppdaterat, 0 fanns redan"
    karstorp = Area.objects.get(name="Karstorp")
    assert shape(karstorp.geometry).equals(grown)
    assert karstorp.boundary_note.startswith("Inläst från 2026.gpkg ")
    assert area_for_point(57.755, 16.665, vastervik) == karstorp


def test_an_area_without_a_boundary_gets_one(tmp_path, vastervik):
    Area.objects.create(municipality=vastervik, name="Karstorp", slug="karstorp")
    result = import_areas(write(tmp_path / "a.gpkg", [KARSTORP], ["Karstorp"]), vastervik)
    assert (result.created, result.updated) == (0, 1)
    assert stored("Karstorp").equals(KARSTORP)


def test_slugs_are_unique_in_the_municipality(tmp_path, vastervik):
    other = Municipality.objects.create(name="Karlshamn", scb_code="1082")
    Area.objects.create(municipality=other, name="Centrum", slug="centrum")
    Area.objects.create(municipality=vastervik, name="Centrum (gamla)", slug="centrum")
    import_areas(write(tmp_path / "a.gpkg", [KARSTORP], ["Centrum"]), vastervik)
    assert Area.objects.get(municipality=vastervik, name="Centrum").slug == "centrum-2"
    assert unique_slug("–", set()) == "omrade"
    assert unique_slug("x" * 80, {"x" * 50}) == "x" * 48 + "-2"


# --- detail -----------------------------------------------------------------------------


def wiggly(vertices: int, seed: int = 1) -> Polygon:
    """About a kilometre across in Västervik, in SWEREF 99 TM, as a GIS draws a DeSO:
    its boundary meanders (tens of metres) and is rough (each vertex a random half metre
    further out or in than the last), a vertex every 0.6 m or so."""
    rng = np.random.default_rng(seed)
    angle = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    rough = np.cumsum(rng.normal(0, 0.5, vertices))
    rough -= np.linspace(0, rough[-1], vertices)  # back where it started
    radius = 500 + 30 * np.sin(3 * angle) + 15 * np.sin(7 * angle + 1) + rough
    centre = projected(KARSTORP.centroid, 3006)
    return Polygon(
        np.column_stack([centre.x + radius * np.cos(angle), centre.y + radius * np.sin(angle)])
    )


@pytest.mark.parametrize(
    ("name", "epsg", "driver"),
    [("deso.gpkg", 3006, "GPKG"), ("deso.geojson", 4326, "GeoJSON")],  # metres, and degrees
)
def test_a_detailed_boundary_is_kept_to_a_metre(tmp_path, vastervik, name, epsg, driver):
    drawn = wiggly(5000)
    in_file = drawn if epsg == 3006 else projected(drawn, 3006, inverse=True)
    path = write(tmp_path / name, [in_file], ["Karstorp"], crs=f"EPSG:{epsg}", driver=driver)
    import_areas(path, vastervik)

    karstorp = Area.objects.get(name="Karstorp")
    kept = projected(shape(karstorp.geometry), 3006)
    assert len(kept.exterior.coords) < 5000 / 3  # far fewer vertices…
    assert kept.boundary.hausdorff_distance(drawn.boundary) < 1.1  # …within a metre (and the grid)
    to_lon_lat = Transformer.from_crs(3006, 4326, always_xy=True)
    # Five metres inside the drawn boundary, all the way round, is in the area; five
    # metres outside is not.
    for ring, expected in ((drawn.buffer(-5).exterior, karstorp), (drawn.buffer(5).exterior, None)):
        for x, y in ring.coords[::20]:
            longitude, latitude = to_lon_lat.transform(x, y)
            assert area_for_point(latitude, longitude, vastervik) == expected
    # The same file again changes nothing.
    assert import_areas(path, vastervik).unchanged == 1


def test_a_map_draws_a_detailed_boundary_by_its_outline(tmp_path, vastervik):
    drawn = wiggly(5000)
    path = write(tmp_path / "deso.gpkg", [drawn], ["Karstorp"], crs="EPSG:3006", driver="GPKG")
    import_areas(path, vastervik)
    karstorp = Area.objects.get(name="Karstorp")

    (feature,) = base_map(Area.objects.all())["areas"]["features"]
    assert feature["properties"] == {"name": "Karstorp", "municipality": vastervik.pk}
    on_map = projected(shape(feature["geometry"]), 3006)
    kept = shape(karstorp.geometry)
    assert len(on_map.exterior.coords) < len(kept.exterior.coords) / 5  # a fifth of the stored
    assert on_map.boundary.hausdorff_distance(drawn.boundary) < 5 + 1.1 + 1  # 5 m, grids
    assert on_map.is_valid


# --- the command ----------------------------------------------------------------------


def test_the_command_prints_the_summary(tmp_path, vastervik, capsys):
    path = write(
        tmp_path / "omraden.gpkg", [projected(KARSTORP, 3006)], ["Karstorp"], crs="EPSG:3006"
    )
    call_command("import_areas", str(path), "--municipality", "västervik", "--kind", "housing")
    assert capsys.readouterr().out.strip() == "1 nytt område, 0 uppdaterade, 0 fanns redan"
    assert Area.objects.get().kind == "housing"

    call_command("import_areas", str(path), "--municipality", "0883")
    assert capsys.readouterr().out.strip() == "0 nya områden, 0 uppdaterade, 1 fanns redan"

    with pytest.raises(CommandError, match="Kommunen 'Växjö' finns inte"):
        call_command("import_areas", str(path), "--municipality", "Växjö")
    shp = write(tmp_path / "utan.shp", [projected(GAMLEBY, 3006)], ["Gamleby"], crs=None)
    with pytest.raises(CommandError, match=r"inget koordinatsystem.*\. Inget importerades\."):
        call_command("import_areas", str(shp), "--municipality", "0883")
    call_command("import_areas", str(shp), "--municipality", "0883", "--crs", "EPSG:3006")
    assert capsys.readouterr().out.strip() == "1 nytt område, 0 uppdaterade, 0 fanns redan"


# --- the upload page ------------------------------------------------------------------


def upload_file(tmp_path: Path, name: str = "bostadsomraden.gpkg", **options) -> SimpleUploadedFile:
    path = write(
        tmp_path / name, [projected(KARSTORP, 3006)], ["Karstorp"], crs="EPSG:3006", **options
    )
    return SimpleUploadedFile(name, path.read_bytes())


def test_a_coordinator_uploads_an_area_file(client, world, tmp_path):
    url = reverse("area-import", args=[world.vastervik.scb_code])
    client.force_login(world.coordinator)
    assert client.get(url).status_code == 200

    response = client.post(url, {"file": upload_file(tmp_path), "kind": "housing"}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "1 nytt område, 0 uppdaterade, 0 fanns redan" in response.content.decode()
    karstorp = Area.objects.get(municipality=world.vastervik, name="Karstorp")
    assert karstorp.kind == "housing"
    assert karstorp.boundary_note.startswith("Inläst från bostadsomraden.gpkg ")
    assert area_for_point(57.755, 16.65, world.vastervik) == karstorp

    # A shapefile without .prj: refused, then imported with its coordinate system.
    shp = write(tmp_path / "utan.shp", [projected(GAMLEBY, 3006)], ["Gamleby"], crs=None)
    zip_file = zipped(shp, tmp_path / "utan.zip")
    data = {"file": SimpleUploadedFile("utan.zip", zip_file.read_bytes()), "kind": "other"}
    response = client.post(url, data)
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["file"])
    assert "utan.zip: filen anger inget koordinatsystem" in error
    assert not Area.objects.filter(name="Gamleby").exists()
    data = {**data, "file": SimpleUploadedFile("utan.zip", zip_file.read_bytes())}
    response = client.post(url, {**data, "crs": "EPSG:3006"})
    assert response.status_code == 302 and Area.objects.filter(name="Gamleby").exists()


def test_the_upload_page_lists_the_areas_without_reading_their_boundaries(client, world, tmp_path):
    url = reverse("area-import", args=[world.vastervik.scb_code])
    client.force_login(world.coordinator)
    client.post(url, {"file": upload_file(tmp_path), "kind": "housing"})
    Area.objects.create(municipality=world.vastervik, name="Gamleby", slug="gamleby")

    response = client.get(url)
    page = response.content.decode()
    assert "Inläst från bostadsomraden.gpkg" in page and "Ingen gräns" in page
    gamleby, karstorp = response.context["areas"]
    assert (gamleby.name, gamleby.has_boundary, karstorp.has_boundary) == ("Gamleby", False, True)
    assert {"geometry", "outline"} <= karstorp.get_deferred_fields()


def test_the_upload_page_refuses_other_files(client, world, tmp_path, monkeypatch):
    url = reverse("area-import", args=[world.vastervik.scb_code])
    client.force_login(world.coordinator)
    shp = SimpleUploadedFile("omraden.shp", b"bare shapefile")
    response = client.post(url, {"file": shp, "kind": "other"})
    assert "som .zip med dess .shp" in " ".join(response.context["form"].errors["file"])
    monkeypatch.setattr(settings, "TRYGG_MAX_UPLOAD_MB", 1)
    big = SimpleUploadedFile("omraden.gpkg", b"\0" * (2 * 1024 * 1024))
    response = client.post(url, {"file": big, "kind": "other"})
    assert "Filen är 2 MB; gränsen är 1 MB." in " ".join(response.context["form"].errors["file"])
    assert not Area.objects.exists()


def test_who_may_import_areas(client, world, tmp_path):
    url = reverse("area-import", args=[world.vastervik.scb_code])
    for user in (world.viewer, world.reporter):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"file": upload_file(tmp_path), "kind": "other"}).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, {"file": upload_file(tmp_path), "kind": "other"}).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    assert not Area.objects.exists()
