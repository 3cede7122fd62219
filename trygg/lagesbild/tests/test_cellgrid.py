"""The lattice k-rings are exactly h3.grid_disk's, where the lattice is flat and where it is not."""

import h3
import numpy as np
import pytest
from h3.api import numpy_int as h3int

from trygg.lagesbild import cellgrid
from trygg.lagesbild.cellgrid import cells_at, disk_join, lattice
from trygg.lagesbild.hotspots import neighbour_index, study_area

# Places found by walking h3.grid_path_cells until the property changes; each
# test below checks that its patch really has what the name says.
PLACES = {
    "Västervik, inside base cell 4": (57.757, 16.637),
    "Kalmar län, edge of base cells 4 and 15": (57.20145, 17.20246),
    "Gästrikland, icosahedron faces 4 and 0 inside base cell 4": (61.73082, 18.57008),
    "North Atlantic, base cells 3 and 12 on faces 2 and 3": (58.45615, -28.78699),
    "Siberia, base cells 5 and 10 on faces 0 and 1": (56.27421, 106.33101),
    "Norrbotten, the glued seam of base cell 4's missing sector": (67.70315, 16.26569),
    "Norwegian Sea, base cell 4's pentagon": (64.70000, 10.53620),
}


def patch(lat: float, lon: float, resolution: int, radius: int, seed: int = 1) -> np.ndarray:
    """A disk of cells with a fifth of them knocked out, so the region has holes."""
    cells = h3int.grid_disk(h3int.latlng_to_cell(lat, lon, resolution), radius)
    keep = np.random.default_rng(seed).random(len(cells)) > 0.2
    return np.unique(cells[keep])


def grid_disk_pairs(cells: np.ndarray, k: int) -> set[tuple[int, str]]:
    """The reference: one string h3.grid_disk per cell."""
    return {
        (row, member)
        for row, cell in enumerate(cells.tolist())
        for member in h3.grid_disk(h3.int_to_str(cell), k)
    }


def lattice_pairs(cells: np.ndarray, k: int) -> list[tuple[int, str]]:
    """disk_join's answer put back together: members inside `cells` and outside."""
    rows, columns, outside_rows, outside_of, outside = disk_join(cells, k)
    assert outside.tolist() == sorted(set(outside.tolist()))
    members = np.concatenate([cells[columns], outside[outside_of]])
    rows = np.concatenate([rows, outside_rows])
    return list(zip(rows.tolist(), map(h3.int_to_str, members.tolist()), strict=True))


def base_cells(cells: np.ndarray) -> set[int]:
    return {h3int.get_base_cell_number(cell) for cell in cells.tolist()}


def faces(cells: np.ndarray) -> set[int]:
    return {face for cell in cells.tolist() for face in h3int.get_icosahedron_faces(cell)}


@pytest.fixture(params=["grid", "sorted keys"])
def join(request, monkeypatch):
    """Both ways of finding positions: dense grids (compact regions) and sorted keys (spread)."""
    if request.param == "sorted keys":
        monkeypatch.setattr(cellgrid, "_GRID_CELLS_PER_CELL", 0)
        monkeypatch.setattr(cellgrid, "_GRID_CELLS_ANYWAY", 0)
    return request.param


@pytest.mark.parametrize("k", [1, 2])
@pytest.mark.parametrize("resolution", [8, 9])
@pytest.mark.parametrize("place", PLACES)
def test_disks_are_exactly_grid_disk(place, resolution, k, join):
    cells = patch(*PLACES[place], resolution, radius=12)
    ours = lattice_pairs(cells, k)
    assert len(ours) == len(set(ours))  # no pair twice
    assert set(ours) == grid_disk_pairs(cells, k)


def test_the_patches_cross_what_they_claim_to():
    def at(place: str) -> np.ndarray:
        return patch(*PLACES[place], 9, radius=12)

    assert base_cells(at("Västervik, inside base cell 4")) == {4}
    assert base_cells(at("Kalmar län, edge of base cells 4 and 15")) == {4, 15}
    gavle = at("Gästrikland, icosahedron faces 4 and 0 inside base cell 4")
    assert (base_cells(gavle), faces(gavle)) == ({4}, {0, 4})
    atlantic = at("North Atlantic, base cells 3 and 12 on faces 2 and 3")
    assert (base_cells(atlantic), faces(atlantic)) == ({3, 12}, {2, 3})
    siberia = at("Siberia, base cells 5 and 10 on faces 0 and 1")
    assert (base_cells(siberia), faces(siberia)) == ({5, 10}, {0, 1})
    seam = at("Norrbotten, the glued seam of base cell 4's missing sector")
    leading = {int(h3int.cell_to_parent(cell, 1)) >> 42 & 7 for cell in seam.tolist()}
    assert leading == {3, 5}  # the two sectors either side of the missing sector 1
    pentagon = h3int.latlng_to_cell(*PLACES["Norwegian Sea, base cell 4's pentagon"], 9)
    assert h3int.is_pentagon(pentagon)


@pytest.mark.parametrize("resolution", [0, 1, 2, 3])
def test_disks_at_coarse_resolutions_over_many_base_cells(resolution, join):
    cells = patch(60.0, 15.0, resolution, radius=4 if resolution else 2)
    assert len(base_cells(cells)) > 1
    for k in (1, 2):
        assert set(lattice_pairs(cells, k)) == grid_disk_pairs(cells, k)


def test_the_lattice_answers_away_from_edges_and_grid_disk_at_them(monkeypatch):
    inland = patch(*PLACES["Västervik, inside base cell 4"], 9, radius=12)
    edge = patch(*PLACES["Kalmar län, edge of base cells 4 and 15"], 9, radius=12)
    asked = []
    real_grid_disk = cellgrid.h3memview.grid_disk
    monkeypatch.setattr(
        cellgrid.h3memview,
        "grid_disk",
        lambda cell, k: asked.append(cell) or real_grid_disk(cell, k),
    )
    disk_join(inland, 2)
    assert asked == []
    disk_join(edge, 1)
    assert 0 < len(asked) < len(edge) / 4


def test_lattice_positions_are_h3s_local_ij_and_turn_back_into_the_cells():
    for lat, lon in [(57.757, 16.637), (-33.9, 18.4), (40.7, -74.0), (35.7, 139.7)]:
        for resolution in (0, 5, 9, 10, 15):
            origin = h3int.latlng_to_cell(lat, lon, resolution)
            cells = h3int.grid_disk(origin, 3)
            same_base = np.array(
                [
                    h3int.get_base_cell_number(cell) == h3int.get_base_cell_number(origin)
                    for cell in cells.tolist()
                ]
            )
            cells = cells[same_base]
            base, a, b = lattice(cells)
            if not h3int.is_pentagon(h3int.cell_to_parent(origin, 0)):
                local = np.array([h3int.cell_to_local_ij(origin, cell) for cell in cells.tolist()])
                centre = cells.tolist().index(origin)
                assert (a - a[centre]).tolist() == (local[:, 0] - local[centre, 0]).tolist()
                assert (b - b[centre]).tolist() == (local[:, 1] - local[centre, 1]).tolist()
            back, inside = cells_at(base, a, b, resolution)
            assert inside.all()
            assert back.tolist() == cells.tolist()


@pytest.mark.parametrize("k", [1, 2])
@pytest.mark.parametrize("place", PLACES)
def test_study_area_and_neighbour_index_match_grid_disk(place, k, join):
    occupied = patch(*PLACES[place], 9, radius=6, seed=3)
    area = study_area(occupied, k)
    expected = sorted(
        {c for cell in occupied.tolist() for c in h3.grid_disk(h3.int_to_str(cell), k)}
    )
    assert list(map(h3.int_to_str, area.cells.tolist())) == expected
    place_of = {cell: i for i, cell in enumerate(expected)}
    weights = {
        (row, place_of[member])
        for row, cell in enumerate(expected)
        for member in h3.grid_disk(cell, k)
        if member in place_of
    }
    pairs = list(zip(area.rows.tolist(), area.columns.tolist(), strict=True))
    assert len(pairs) == len(weights)
    assert set(pairs) == weights
    rows, columns = neighbour_index(area.cells, k)
    assert set(zip(rows.tolist(), columns.tolist(), strict=True)) == weights


def test_one_resolution_at_a_time_sorted_and_unique():
    nine, eight = h3int.latlng_to_cell(57.7, 16.6, 9), h3int.latlng_to_cell(57.7, 16.6, 8)
    with pytest.raises(ValueError, match="one resolution"):
        disk_join(np.array(sorted([nine, eight]), dtype=np.uint64), 1)
    with pytest.raises(ValueError, match="sorted and unique"):
        disk_join(np.array([nine, nine], dtype=np.uint64), 1)
