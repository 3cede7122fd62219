"""How long hotspots take on a county's worth of points, and against PySAL's esda.

1M synthetic points: 70 % in Gaussian clusters around towns, 30 % spread
evenly. Two regions:

* county (default): a rectangle of about 155 × 85 km, like Kalmar län, 30
  towns. It straddles H3 base cells 4 and 15, so the edge between them runs
  through it.
* south: about 620 × 450 km, the size of Götaland and Svealand together (sea
  included), 300 towns. Not a county: at resolution 8 (0.74 km² a cell) no
  Swedish county has 200k cells at all (Norrbotten, the largest, has about
  130k), so this is the region that gives about 200k occupied cells there.

Times, at each resolution: cell assignment (cell_counts), the study area and
neighbour index, the Gi* arithmetic, gi_star end to end, and esda's W build
and G_Local(star=True, transform="B", permutations=0) on the same cells and
neighbours; then checks that the z-scores agree. Each step is timed --repeat
times and the fastest run is shown, wall clock and this process's CPU time
(the machine may be shared; CPU time is what the step itself costs).

    .venv/bin/python bench/bench_hotspots.py                      # county, resolutions 8 and 9
    .venv/bin/python bench/bench_hotspots.py --region south --resolution 8
    .venv/bin/python bench/bench_hotspots.py --places 100000      # 1M incidents at 100k places
    .venv/bin/python bench/bench_hotspots.py --points 100000 --no-esda

No database is needed. esda and libpysal are test dependencies, imported here only.
"""

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

import h3
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")
# A benchmark builds its own throwaway database: a throwaway key will do.
os.environ.setdefault("SECRET_KEY", "bench-only-" + "throwaway-key-" * 4)

import django  # noqa: E402

django.setup()

from trygg.lagesbild.hotspots import (  # noqa: E402
    cell_counts,
    gi_star,
    gi_star_z,
    study_area,
)

REGIONS = {  # south, north, west, east, towns
    "county": (56.5, 57.9, 15.5, 16.9, 30),
    "south": (55.4, 61.0, 11.5, 19.0, 300),
}
SEED = 20250331


def synthetic_points(
    n: int, region: str = "county", places: int = 0, seed: int = SEED
) -> list[tuple[float, float]]:
    """n points; with `places`, n incidents drawn from that many distinct points."""
    south, north, west, east, towns = REGIONS[region]
    rng = np.random.default_rng(seed)
    distinct = places or n
    clustered = int(distinct * 0.7)
    town_lat = rng.uniform(south, north, towns)
    town_lon = rng.uniform(west, east, towns)
    size = rng.pareto(1.2, towns) + 1  # a few big towns, many small ones
    town = rng.choice(towns, clustered, p=size / size.sum())
    spread = 0.005 + 0.01 * np.sqrt(size[town] / size.max())  # bigger towns spread wider
    lat = np.concatenate(
        [rng.normal(town_lat[town], spread), rng.uniform(south, north, distinct - clustered)]
    )
    lon = np.concatenate(
        [rng.normal(town_lon[town], spread * 1.8), rng.uniform(west, east, distinct - clustered)]
    )
    if places:
        chosen = rng.integers(0, places, n)
        lat, lon = lat[chosen], lon[chosen]
    return list(zip(lat.tolist(), lon.tolist(), strict=True))


def timed(label: str, repeat: int, function, *args):
    """Run `function` `repeat` times; print and return the fastest wall and CPU time."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    print(f"| {label} | {seconds(best_wall)} | {seconds(best_cpu)} |", flush=True)
    return result, best_wall, best_cpu


def seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def per_point_counts(points: list[tuple[float, float]], resolution: int) -> Counter:
    """Cell assignment as it was: one string latlng_to_cell per point, counted by Counter."""
    return Counter(h3.latlng_to_cell(lat, lon, resolution) for lat, lon in points)


def run(points: list, resolution: int, k: int, repeat: int, esda: bool) -> None:
    print(f"\n### Resolution {resolution}, k = {k}\n")
    print("| step | wall | CPU |\n| --- | --- | --- |")
    timed(
        "cell assignment, before: string latlng_to_cell per point",
        1,
        per_point_counts,
        points,
        resolution,
    )
    (cells, counts), *_ = timed(
        "cell assignment (`cell_counts`)", repeat, cell_counts, points, resolution
    )
    (area, rows, columns), *_ = timed(
        "study area + neighbour index (`study_area`)", repeat, study_area, cells, k
    )
    y = np.zeros(len(area))
    y[np.searchsorted(area, cells)] = counts
    z, *_ = timed("Gi* arithmetic (`gi_star_z`)", repeat, gi_star_z, y, rows, columns)
    (end_area, end_z), ours_wall, ours_cpu = timed(
        "`gi_star` end to end (study area, neighbours, z)", repeat, gi_star, cells, counts, k
    )
    assert np.array_equal(end_area, area) and np.array_equal(end_z, z)
    print(
        f"\n{len(cells):,} occupied cells, {len(area):,} in the study area, "
        f"{len(rows):,} neighbour pairs; {(z > 1.96).sum():,} cells with z > 1.96"
    )
    if not esda:
        return

    from esda.getisord import G_Local
    from libpysal.weights import W

    print("\n| esda step | wall | CPU |\n| --- | --- | --- |")
    ids = area.tolist()
    order = np.argsort(rows, kind="stable")
    starts = np.searchsorted(rows[order], np.arange(len(area) + 1))
    neighbour_ids = np.asarray(ids, dtype=object)[columns[order]]
    neighbours = {
        cell: neighbour_ids[starts[i] : starts[i + 1]].tolist() for i, cell in enumerate(ids)
    }
    w, w_wall, w_cpu = timed(
        "libpysal W from the same neighbour lists",
        repeat,
        lambda: W(neighbours, id_order=ids, silence_warnings=True),
    )
    result, esda_wall, esda_cpu = timed(
        "esda `G_Local(star=True, transform='B', permutations=0)`",
        repeat,
        lambda: G_Local(y, w, transform="B", star=True, permutations=0),
    )
    np.testing.assert_allclose(z, result.Zs, rtol=1e-9, atol=1e-12)
    difference = np.max(np.abs(z - result.Zs))
    print(
        f"\nz-scores agree with esda (largest difference {difference:.1e}). "
        f"gi_star end to end vs G_Local: {esda_wall / ours_wall:.1f}× wall, "
        f"{esda_cpu / ours_cpu:.1f}× CPU; vs W + G_Local: "
        f"{(w_wall + esda_wall) / ours_wall:.1f}× wall, {(w_cpu + esda_cpu) / ours_cpu:.1f}× CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--places", type=int, default=0, help="distinct places (0: every point)")
    parser.add_argument("--region", choices=REGIONS, default="county")
    parser.add_argument("--resolution", type=int, nargs="+", default=[8, 9])
    parser.add_argument("-k", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-esda", action="store_true")
    args = parser.parse_args()

    points = synthetic_points(args.points, args.region, args.places)
    places = f"{args.places:,} places" if args.places else "every point its own place"
    print(f"{args.points:,} points ({places}), region {args.region}")
    for resolution in args.resolution:
        run(points, resolution, args.k, args.repeat, not args.no_esda)


if __name__ == "__main__":
    main()
