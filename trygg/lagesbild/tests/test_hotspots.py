from collections import Counter

import h3
import numpy as np
import pytest
from esda.getisord import G_Local
from libpysal.weights import W

from trygg.lagesbild.hotspots import (
    cell_counts,
    gi_star,
    gi_star_z,
    hotspots,
    neighbour_index,
    study_area,
)

# Västervik and its surroundings.
SOUTH, NORTH, WEST, EAST = 57.60, 57.90, 16.30, 16.80


def clustered_points(seed: int = 20250331, background: int = 3000, clustered: int = 400):
    """Uniform background over the town plus a few tight clusters, one of them planted big."""
    rng = np.random.default_rng(seed)
    lat = rng.uniform(SOUTH, NORTH, background)
    lon = rng.uniform(WEST, EAST, background)
    centres = [(57.7570, 16.6370, clustered), (57.7000, 16.4000, clustered // 4)]
    for c_lat, c_lon, n in centres:
        lat = np.concatenate([lat, rng.normal(c_lat, 0.002, n)])
        lon = np.concatenate([lon, rng.normal(c_lon, 0.004, n)])
    return list(zip(lat.tolist(), lon.tolist(), strict=True))


def as_strings(cells: np.ndarray, values: np.ndarray) -> dict[str, float]:
    return dict(zip(map(h3.int_to_str, cells.tolist()), values.tolist(), strict=True))


def esda_z(counts: dict[str, int], k: int, with_self: bool) -> dict[str, float]:
    """PySAL's Gi* on the same study area and neighbours, built independently here.

    String cells and one h3.grid_disk per cell: none of the lattice shortcuts.
    """
    cells = sorted({c for cell in counts for c in h3.grid_disk(cell, k)})
    inside = set(cells)
    neighbours = {
        cell: [c for c in h3.grid_disk(cell, k) if c in inside and (with_self or c != cell)]
        for cell in cells
    }
    w = W(neighbours, id_order=cells, silence_warnings=True)
    y = np.array([counts.get(cell, 0) for cell in cells], dtype=float)
    result = G_Local(y, w, transform="B", star=True, permutations=0)
    return dict(zip(cells, result.Zs.tolist(), strict=True))


@pytest.mark.parametrize(("resolution", "k"), [(9, 1), (8, 1), (8, 2)])
def test_z_scores_reproduce_esda_g_local_star(resolution, k):
    cells, counts = cell_counts(clustered_points(), resolution)
    ours = as_strings(*gi_star(cells, counts, k))
    theirs = esda_z(as_strings(cells, counts), k, with_self=True)
    assert list(ours) == list(theirs)
    np.testing.assert_allclose(list(ours.values()), list(theirs.values()), rtol=1e-9)


def test_esda_fills_the_self_weight_the_same_way():
    cells, counts = cell_counts(clustered_points(seed=7), 9)
    ours = as_strings(*gi_star(cells, counts, 1))
    theirs = esda_z(
        as_strings(cells, counts), 1, with_self=False
    )  # esda sets the diagonal to 1 for star=True
    np.testing.assert_allclose(list(ours.values()), list(theirs.values()), rtol=1e-9)


def test_the_planted_cluster_is_the_top_hotspot():
    planted = h3.latlng_to_cell(57.7570, 16.6370, 9)
    found = hotspots(clustered_points(), resolution=9)
    assert found[0]["cell"] == planted
    assert found[0]["count"] >= 20
    assert (found[0]["lat"], found[0]["lon"]) == pytest.approx(h3.cell_to_latlng(planted))
    assert [spot["z"] for spot in found] == sorted((spot["z"] for spot in found), reverse=True)
    assert all(spot["z"] > 1.96 for spot in found)
    # The smaller cluster out west is found too; the background is (mostly) not.
    assert h3.latlng_to_cell(57.7000, 16.4000, 9) in {spot["cell"] for spot in found}
    assert len(found) < len(cell_counts(clustered_points(), 9)[0]) / 5


def test_cell_counts_skip_points_without_coordinates():
    cells, counts = cell_counts([(57.757, 16.637), (57.757, 16.637), (None, 16.6), (57.7, None)], 9)
    assert as_strings(cells, counts) == {h3.latlng_to_cell(57.757, 16.637, 9): 2}


def test_cell_counts_are_h3s_cells_for_repeated_and_distinct_points():
    points = clustered_points(seed=11, background=500, clustered=100)
    points = points + points[:300] + [(-lat, -lon) for lat, lon in points[:50]]
    cells, counts = cell_counts(points, 9)
    expected = Counter(h3.latlng_to_cell(lat, lon, 9) for lat, lon in points)
    assert as_strings(cells, counts) == expected
    assert list(cells) == sorted(cells)


def test_the_study_area_is_the_occupied_cells_and_their_rings():
    cell = h3.str_to_int(h3.latlng_to_cell(57.757, 16.637, 9))
    assert study_area([cell], 1).cells.tolist() == sorted(
        map(h3.str_to_int, h3.grid_disk(h3.int_to_str(cell), 1))
    )
    assert len(study_area([cell], 2).cells) == 19


def test_nothing_to_find_in_nothing_or_in_uniform_counts():
    assert [len(part) for part in gi_star([], [])] == [0, 0]
    assert hotspots([]) == []
    assert hotspots([(None, None)]) == []
    one = h3.str_to_int(h3.latlng_to_cell(57.757, 16.637, 9))
    cells = study_area([one], 2).cells
    rows, columns = neighbour_index(cells, 1)
    assert set(gi_star_z(np.full(len(cells), 3.0), rows, columns).tolist()) == {0.0}
    # A single occupied cell: its neighbourhood is the whole study area, so z is 0 there.
    area, z = gi_star([one], [5])
    assert z[np.searchsorted(area, one)] == 0.0
