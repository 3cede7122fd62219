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
* A cell's neighbourhood is the cell itself and its k-ring (h3.grid_disk),
  limited to the study area, all with weight 1: binary weights including self,
  which is what makes it Gi* rather than Gi.
* z is the Getis-Ord Gi* statistic under the normality assumption, computed
  exactly as PySAL's esda.G_Local(y, w, transform="B", star=True).Zs, with
  the population variance of all study-area counts. A cell is a hotspot when
  z is above the threshold (1.96 ≈ one-sided 2.5 %). Gi* judges the
  neighbourhood, so a cell next to a dense cluster can be a hotspot with few
  incidents of its own. With thousands of cells some will pass 1.96 by chance
  alone; a hotspot is a place to look at, not proof.

The statistics are numpy over sparse neighbour index arrays: building the
arrays is one grid_disk call per study cell, O(n·k²), and the sums are bincounts.
"""

from collections import Counter
from collections.abc import Iterable

import h3
import numpy as np

DEFAULT_RESOLUTION = 9
DEFAULT_THRESHOLD = 1.96


def cell_counts(points: Iterable[tuple[float, float]], resolution: int) -> dict[str, int]:
    """How many points fall in each H3 cell; points with a missing coordinate are skipped."""
    return dict(
        Counter(
            h3.latlng_to_cell(lat, lon, resolution)
            for lat, lon in points
            if lat is not None and lon is not None
        )
    )


def _disks(cells: Iterable[str], k: int) -> dict[str, list[str]]:
    return {cell: h3.grid_disk(cell, k) for cell in cells}


def study_area(occupied: Iterable[str], k: int = 1) -> list[str]:
    """The occupied cells and their k-rings, sorted so results are reproducible."""
    return sorted({cell for disk in _disks(occupied, k).values() for cell in disk})


def neighbour_index(
    cells: list[str], k: int = 1, disks: dict[str, list[str]] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Sparse binary weights with self: (row, column) index pairs of cell i and neighbour j.

    Every cell pairs with itself (grid_disk includes the centre), and only
    neighbours inside `cells` are kept. `disks` may carry grid disks already
    computed, so the occupied cells' disks are not asked for twice.
    """
    disks = disks or {}
    position = {cell: i for i, cell in enumerate(cells)}
    rows: list[int] = []
    columns: list[int] = []
    for i, cell in enumerate(cells):
        disk = disks.get(cell) or h3.grid_disk(cell, k)
        neighbours = [j for j in map(position.get, disk) if j is not None]
        rows.extend([i] * len(neighbours))
        columns.extend(neighbours)
    return np.asarray(rows, dtype=np.intp), np.asarray(columns, dtype=np.intp)


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


def gi_star(counts: dict[str, int], k: int = 1) -> dict[str, float]:
    """Gi* z-score of every cell in the study area of the occupied cells in `counts`."""
    disks = _disks((cell for cell, count in counts.items() if count), k)
    cells = sorted({cell for disk in disks.values() for cell in disk})
    if not cells:
        return {}
    y = np.fromiter((counts.get(cell, 0) for cell in cells), dtype=float, count=len(cells))
    z = gi_star_z(y, *neighbour_index(cells, k, disks))
    return dict(zip(cells, z.tolist(), strict=True))


def hotspots(
    points: Iterable[tuple[float, float]],
    resolution: int = DEFAULT_RESOLUTION,
    k: int = 1,
    z: float = DEFAULT_THRESHOLD,
) -> list[dict]:
    """Cells whose Gi* z is above `z`, hottest first: {"cell", "lat", "lon", "count", "z"}.

    lat/lon is the cell's centre, never an incident's own point.
    """
    counts = cell_counts(points, resolution)
    found = []
    for cell, score in gi_star(counts, k).items():
        if score > z:
            lat, lon = h3.cell_to_latlng(cell)
            found.append(
                {"cell": cell, "lat": lat, "lon": lon, "count": counts.get(cell, 0), "z": score}
            )
    found.sort(key=lambda spot: (-spot["z"], spot["cell"]))
    return found
