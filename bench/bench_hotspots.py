"""How long hotspots take on a county's worth of points, and against PySAL's esda.

1M synthetic points over a county-sized rectangle (about 155 × 85 km, like
Kalmar län): 70 % in Gaussian clusters around 30 towns, 30 % spread evenly.
Times cell assignment (cell_counts), the study area and neighbour index, the
Gi* arithmetic, and esda.G_Local on the same cells and weights, then checks
that the z-scores agree.

    .venv/bin/python bench/bench_hotspots.py                      # 1M points, resolution 8
    .venv/bin/python bench/bench_hotspots.py --resolution 9       # finer cells, more of them
    .venv/bin/python bench/bench_hotspots.py --points 100000 --no-esda

No database is needed. esda and libpysal are test dependencies, imported here only.
"""

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")

import django  # noqa: E402

django.setup()

from trygg.lagesbild.hotspots import (  # noqa: E402
    cell_counts,
    gi_star,
    gi_star_z,
    neighbour_index,
    study_area,
)

SOUTH, NORTH, WEST, EAST = 56.5, 57.9, 15.5, 16.9
TOWNS = 30
SEED = 20250331


def synthetic_points(n: int, seed: int = SEED) -> list[tuple[float, float]]:
    rng = np.random.default_rng(seed)
    clustered = int(n * 0.7)
    town_lat = rng.uniform(SOUTH, NORTH, TOWNS)
    town_lon = rng.uniform(WEST, EAST, TOWNS)
    size = rng.pareto(1.2, TOWNS) + 1  # a few big towns, many small ones
    town = rng.choice(TOWNS, clustered, p=size / size.sum())
    spread = 0.005 + 0.01 * np.sqrt(size[town] / size.max())  # bigger towns spread wider
    lat = np.concatenate(
        [rng.normal(town_lat[town], spread), rng.uniform(SOUTH, NORTH, n - clustered)]
    )
    lon = np.concatenate(
        [rng.normal(town_lon[town], spread * 1.8), rng.uniform(WEST, EAST, n - clustered)]
    )
    return list(zip(lat.tolist(), lon.tolist(), strict=True))


def timed(label: str, function, *args):
    start = time.perf_counter()
    result = function(*args)
    seconds = time.perf_counter() - start
    print(f"| {label} | {seconds:.3f} s |")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--resolution", type=int, default=8)
    parser.add_argument("-k", type=int, default=1)
    parser.add_argument("--no-esda", action="store_true")
    args = parser.parse_args()

    points = synthetic_points(args.points)
    print(f"{args.points:,} points, H3 resolution {args.resolution}, k = {args.k}\n")
    print("| step | time |\n| --- | --- |")
    counts, _ = timed(
        "cell_counts (latlng_to_cell + Counter)", cell_counts, points, args.resolution
    )
    z_by_cell, _ = timed("gi_star end to end (study area, neighbours, z)", gi_star, counts, args.k)
    cells, _ = timed(
        "  separately: study area (occupied + k-rings)", study_area, list(counts), args.k
    )
    (rows, columns), _ = timed(
        "  separately: neighbour index (grid_disk per cell)", neighbour_index, cells, args.k
    )
    y = np.fromiter((counts.get(cell, 0) for cell in cells), dtype=float, count=len(cells))
    z, gi_seconds = timed("  separately: Gi* z-scores (numpy)", gi_star_z, y, rows, columns)
    assert np.array_equal(z, np.fromiter(z_by_cell.values(), dtype=float))
    print(
        f"\n{len(counts):,} occupied cells, {len(cells):,} in the study area, "
        f"{len(rows):,} neighbour pairs; {(z > 1.96).sum():,} cells with z > 1.96"
    )
    if args.no_esda:
        return

    from esda.getisord import G_Local
    from libpysal.weights import W

    print("\n| esda step | time |\n| --- | --- |")
    neighbours: dict[str, list[str]] = {cell: [] for cell in cells}
    for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
        neighbours[cells[row]].append(cells[column])
    w, _ = timed(
        "libpysal W from the same neighbour lists",
        lambda: W(neighbours, id_order=cells, silence_warnings=True),
    )
    result, esda_seconds = timed(
        "esda G_Local(star=True, transform='B', permutations=0)",
        lambda: G_Local(y, w, transform="B", star=True, permutations=0),
    )
    np.testing.assert_allclose(z, result.Zs, rtol=1e-9)
    print(
        f"\nz-scores agree with esda (rtol 1e-9); "
        f"Gi* arithmetic {gi_seconds * 1000:.1f} ms vs esda {esda_seconds * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
