"""Where incidents cluster more than chance explains: Getis-Ord Gi* on H3 cells.

The rules, in words:

* Only incidents placed at a point (precision "point", with latitude and
  longitude) take part. An event known only by its municipality, area or a
  named place cannot be put in a cell of a few hundred metres without
  inventing a position, so it is left out here (it still counts everywhere
  else in the lägesbild).
* Points are counted per H3 cell (resolution 9, about 0.1 km² and 200 m
  across, by default; resolution 8 is about 0.7 km²).
* The study area is the occupied cells plus every cell within k steps of one
  (their k-ring), the latter with count zero. Taking only occupied cells would
  hide the empty ground between clusters and make every occupied cell look
  ordinary; taking a whole municipality's cells would let forests and lakes
  decide the mean. The k-ring is the smallest area in which every occupied
  cell has its whole neighbourhood.
* A cell's neighbourhood is the cell itself and its k-ring (exactly the cells
  of h3.grid_disk), limited to the study area, all with weight 1: binary
  weights including self, which is what makes it Gi* rather than Gi.
* z is the Getis-Ord Gi* statistic under the normality assumption, computed
  exactly as PySAL's esda.G_Local(y, w, transform="B", star=True).Zs, with
  the population variance of all study-area counts. A cell is a hotspot when
  z is above the threshold (1.96 ≈ one-sided 2.5 %). Gi* judges the
  neighbourhood, so a cell next to a dense cluster can be a hotspot with few
  incidents of its own. With thousands of cells some will pass 1.96 by chance
  alone; a hotspot is a place to look at, not proof.

The cost: cells are H3 integer indexes in numpy arrays throughout (strings
only for the few hotspots returned). Assigning points to cells is one
h3.latlng_to_cell call per distinct coordinate pair (incidents repeat
places); everything after that is numpy. The k-rings come from cellgrid,
which reads each cell's position on its base cell's hexagonal lattice from
the index bits and finds neighbours by looking positions up, O(n·k²) (on
dense grids, or O(n·k² log n) on sorted keys where cells are spread thin),
and calls h3.grid_disk only for the few cells whose ring crosses a
base-cell edge or comes near a pentagon. The occupied cells' disks are
found once and used both ways round (grid distance is symmetric), so only
the ring cells' disks among themselves are looked up after. The Gi* sums
are bincounts.
"""

from collections.abc import Iterable
from itertools import chain
from typing import NamedTuple

import h3
import numpy as np
from h3.api import numpy_int as h3int

from .cellgrid import disk_join, groups, run_starts

DEFAULT_RESOLUTION = 9
DEFAULT_THRESHOLD = 1.96

# Odd multipliers that spread a coordinate pair's bits over one 64-bit key.
_MIX_LAT = np.uint64(0x9E3779B97F4A7C15)
_MIX_LON = np.uint64(0xC2B2AE3D27D4EB4F)


def _distinct_pairs(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One point standing for each distinct (lat, lon), and which of them each point is.

    Sorting one 64-bit mix of the two floats is much cheaper than sorting
    pairs; a point whose pair differs from its group's representative (a
    collision of the mix, never seen in practice) becomes its own group.
    """
    with np.errstate(over="ignore"):
        mixed = lat.view(np.uint64) * _MIX_LAT ^ lon.view(np.uint64) * _MIX_LON
    representative, group = groups(mixed)
    collided = np.flatnonzero(
        (lat[representative[group]] != lat) | (lon[representative[group]] != lon)
    )
    group[collided] = len(representative) + np.arange(len(collided))
    return np.concatenate([representative, collided]), group


def cell_counts(
    points: Iterable[tuple[float, float]], resolution: int
) -> tuple[np.ndarray, np.ndarray]:
    """Occupied H3 cells (integer indexes, sorted) and how many points fall in each.

    Points with a missing coordinate are skipped. h3 is asked once per
    distinct coordinate pair, not once per point.
    """
    coordinates = np.fromiter(chain.from_iterable(points), dtype=float).reshape(-1, 2)
    coordinates = coordinates[~np.isnan(coordinates).any(axis=1)]
    lat, lon = np.ascontiguousarray(coordinates[:, 0]), np.ascontiguousarray(coordinates[:, 1])
    representative, group = _distinct_pairs(lat, lon)
    cell_of_pair = np.fromiter(
        map(
            h3int.latlng_to_cell,
            lat[representative].tolist(),
            lon[representative].tolist(),
            [resolution] * len(representative),
        ),
        dtype=np.uint64,
        count=len(representative),
    )
    cell_of_point = np.sort(cell_of_pair[group])
    starts = np.flatnonzero(run_starts(cell_of_point))
    return cell_of_point[starts], np.diff(starts, append=len(cell_of_point))


class StudyArea(NamedTuple):
    """The cells of the study area (sorted H3 indexes) and their binary weights with self.

    rows and columns are index pairs into cells: cells[column] is in the
    neighbourhood of cells[row].
    """

    cells: np.ndarray
    rows: np.ndarray
    columns: np.ndarray


def study_area(occupied: np.ndarray, k: int = 1) -> StudyArea:
    """The occupied cells and their k-rings, sorted so results are reproducible, with weights.

    The occupied cells' disks give the ring cells, the occupied cells'
    neighbours and, turned round (grid distance is symmetric), the ring
    cells' occupied neighbours; only pairs of ring cells are left to find.
    """
    occupied = np.sort(np.asarray(occupied, dtype=np.uint64))
    occupied = occupied[run_starts(occupied)]
    rows, columns, ring_rows, ring_of, ring_cells = disk_join(occupied, k)
    between_rows, between_columns, *_ = disk_join(ring_cells, k)
    cells = np.concatenate([occupied, ring_cells])
    order = np.argsort(cells, kind="stable")  # two sorted runs: merged in one pass
    place = np.empty(len(cells), dtype=np.intp)  # where occupied and ring cells end up
    place[order] = np.arange(len(cells))
    occupied_places, ring_places = place[: len(occupied)], place[len(occupied) :]
    return StudyArea(
        cells[order],
        np.concatenate(
            [
                occupied_places[rows],
                occupied_places[ring_rows],
                ring_places[ring_of],
                ring_places[between_rows],
            ]
        ),
        np.concatenate(
            [
                occupied_places[columns],
                ring_places[ring_of],
                occupied_places[ring_rows],
                ring_places[between_columns],
            ]
        ),
    )


def neighbour_index(cells: np.ndarray, k: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Binary weights with self over any set of cells, sorted and unique: (row, column) pairs.

    Every cell pairs with itself (grid_disk includes the centre), and only
    neighbours inside `cells` are kept. study_area gives the same pairs
    for a study area, faster.
    """
    rows, columns, *_ = disk_join(cells, k)
    return rows, columns


def gi_star_z(y: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Gi* z-scores for values y and binary weights (with self) given as index pairs.

    The same arithmetic as esda.G_Local.calc with star=True: G_i = Σ_j w_ij y_j / Σ y,
    E[G_i] = W_i / n, Var[G_i] = W_i (n − W_i) / (n − 1) / n² · s² / ȳ², where
    W_i is the number of neighbours (self included) and s² the population
    variance. Where the variance is zero (all counts equal, or a neighbourhood
    that is the whole study area) there is nothing to detect and z is 0.
    """
    y = np.asarray(y, dtype=float)
    n = len(y)
    if n == 0:
        return np.zeros(0)
    total = y.sum()
    lagged = np.bincount(rows, weights=y[columns], minlength=n)
    cardinality = np.bincount(rows, minlength=n).astype(float)
    mean = total / n
    variance = (y**2).sum() / n - mean**2
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = lagged / total
        expected = cardinality / n
        expected_variance = cardinality * (n - cardinality)
        expected_variance /= n - 1
        expected_variance *= 1 / n**2
        expected_variance *= variance / mean**2
        z = (statistic - expected) / np.sqrt(expected_variance)
    return np.where(np.isfinite(z) & (expected_variance > 0), z, 0.0)


def gi_star(cells: np.ndarray, counts: np.ndarray, k: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Gi* z-score of every cell in the study area of the occupied `cells`.

    Returns the study area (sorted H3 integer indexes) and its z-scores.
    """
    cells = np.asarray(cells, dtype=np.uint64)
    counts = np.asarray(counts)
    occupied = counts > 0
    area = study_area(cells[occupied], k)
    y = np.zeros(len(area.cells))
    y[np.searchsorted(area.cells, cells[occupied])] = counts[occupied]
    return area.cells, gi_star_z(y, area.rows, area.columns)


def hotspots(
    points: Iterable[tuple[float, float]],
    resolution: int = DEFAULT_RESOLUTION,
    k: int = 1,
    z: float = DEFAULT_THRESHOLD,
) -> list[dict]:
    """Cells whose Gi* z is above `z`, hottest first: {"cell", "lat", "lon", "count", "z"}.

    cell is the H3 index as a string; lat/lon is the cell's centre, never an
    incident's own point.
    """
    cells, counts = cell_counts(points, resolution)
    area, scores = gi_star(cells, counts, k)
    hot = np.flatnonzero(scores > z)
    hot = hot[np.lexsort((area[hot], -scores[hot]))]  # hottest first, then by index
    own = np.searchsorted(cells, area[hot])
    found = []
    for cell, score, at in zip(area[hot].tolist(), scores[hot].tolist(), own.tolist(), strict=True):
        lat, lon = h3int.cell_to_latlng(cell)
        count = int(counts[at]) if at < len(cells) and cells[at] == cell else 0
        found.append(
            {"cell": h3.int_to_str(cell), "lat": lat, "lon": lon, "count": count, "z": score}
        )
    return found
