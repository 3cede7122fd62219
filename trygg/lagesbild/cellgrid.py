"""H3 cells as positions on a hexagonal lattice, so k-rings are numpy arithmetic.

An H3 index is a base cell (one of the 122 cells of resolution 0) followed
by one digit per finer resolution, 0–6, saying which of the seven children
(the centre one or one of six around it) the cell is. Read as a path from the
base cell, the digits give the cell's position (a, b) on a hexagonal lattice
belonging to that base cell: one step finer scales and turns the lattice by
an aperture-7 step (one way at odd resolutions, the other way at even ones)
and the digit adds one of seven unit vectors. These are the coordinates that
h3.cell_to_local_ij gives for an origin in the same base cell, computed from
the index bits for whole arrays at once, and `cells_at` turns positions back
into indexes the way h3 does (rounding to the coarser lattice, one
resolution at a time).

Inside one base cell, H3's own neighbour traversal is exactly this lattice
arithmetic, so two cells are within k steps when their positions are. Three
places break the lattice, and there `disk_join` asks h3.grid_disk instead:

* a k-ring that leaves the base cell (the next base cell's lattice is turned
  and shifted, and across an icosahedron edge also bent);
* the twelve pentagon base cells (most of Sweden lies in one, base cell 4,
  whose pentagon is in the Norwegian Sea): one sector, the digits starting
  with 1, does not exist, the sectors on either side of it are glued
  together, and the pentagon itself has five neighbours. A k-ring that
  touches the missing sector or the pentagon goes to grid_disk;
* resolution 0, where every cell is its own base cell (all of them go).

A k-ring that avoids all three is a patch of flat lattice: every path of up
to k steps stays inside it, so the lattice distance is the grid distance and
the answer is the same as grid_disk's (asserted against grid_disk in
trygg/lagesbild/tests/test_cellgrid.py, near base-cell edges, across an
icosahedron edge and around the pentagon too).
"""

from functools import cache
from typing import NamedTuple

import h3
import numpy as np
from h3.api import memview_int as h3memview

# Unit vectors of the digits 0–6 (centre, K, J, JK, I, IK, IJ) in (i − k, j − k);
# 7 marks an unused digit, finer than the cell's resolution, and is never walked.
_DIGIT_STEP = np.array([(0, 0), (-1, -1), (0, 1), (-1, 0), (1, 0), (0, -1), (1, 1), (0, 0)])
# The digit of a step (da, db) at index 3·(da + 1) + (db + 1); 7 never occurs.
_DIGIT_OF_STEP = np.array([1, 3, 7, 5, 0, 2, 7, 4, 6], dtype=np.uint64)
_IS_PENTAGON_BASE_CELL = np.zeros(128, dtype=bool)  # by base cell number (7 bits)
_IS_PENTAGON_BASE_CELL[[h3.get_base_cell_number(cell) for cell in h3.get_pentagons(0)]] = True
_MAX_RESOLUTION = 15
_CHUNK_LEVELS = 5  # digits read in one table lookup: 8**5 entries
_FIELD = 28  # bits for a lattice coordinate in a key; |a|, |b| < 2**23 even at resolution 15
_BIAS = 1 << (_FIELD - 1)
# Dense lookup grids may hold this many slots per cell (plus a few) before
# the sorted join, slower but compact, takes over for spread-out cells.
_GRID_CELLS_PER_CELL = 32
_GRID_CELLS_ANYWAY = 1 << 16
_FIELD_MASK = (1 << _FIELD) - 1


def _finer(a: np.ndarray, b: np.ndarray, resolution: int) -> tuple[np.ndarray, np.ndarray]:
    """Position at `resolution` of the centre child of the cell at (a, b) one coarser."""
    if resolution % 2:
        return 2 * a + b, 3 * b - a
    return 3 * a - b, a + 2 * b


def _coarser(a: np.ndarray, b: np.ndarray, resolution: int) -> tuple[np.ndarray, np.ndarray]:
    """Position one resolution coarser of the parent of the cell at (a, b) at `resolution`.

    The inverse of `_finer` (determinant 7), rounded to the nearest integer;
    n/7 is never halfway, so floor((n + 3) / 7) is that rounding.
    """
    if resolution % 2:
        return (3 * a - b + 3) // 7, (a + 2 * b + 3) // 7
    return (2 * a + b + 3) // 7, (3 * b - a + 3) // 7


def resolution_of(cells: np.ndarray) -> int:
    """The one resolution of `cells`; mixing resolutions is a caller's mistake."""
    resolutions = (cells >> np.uint64(52)) & np.uint64(15)
    low, high = int(resolutions.min()), int(resolutions.max())
    if low != high:
        raise ValueError(f"cells of one resolution expected, got {low} to {high}")
    return low


def _walk(a: np.ndarray, b: np.ndarray, digits: np.ndarray, levels: range):
    """From positions (a, b) one resolution above `levels`, follow 3-bit `digits` down them."""
    for resolution in levels:
        a, b = _finer(a, b, resolution)
        shift = 3 * (levels[-1] - resolution)
        step = _DIGIT_STEP[(digits >> shift) & 7]
        a, b = a + step[:, 0], b + step[:, 1]
    return a, b


@cache
def _chunk(levels: range) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The walk down `levels` as one linear map: a matrix for where you start, a table per digits.

    Following several digits at once is one table lookup (the 3·len(levels)
    index bits of those levels) instead of one pass over the cells per level.
    """
    codes = np.arange(8 ** len(levels))
    zero = np.zeros(len(codes), dtype=np.int64)
    table_a, table_b = _walk(zero, zero, codes, levels)
    unit_a, unit_b = _walk(np.array([1, 0]), np.array([0, 1]), np.zeros(2, dtype=int), levels)
    return np.array([unit_a, unit_b]), table_a, table_b  # rows: what a and b become


def lattice(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(base cell, a, b) of each cell: its position on its base cell's lattice."""
    cells = np.asarray(cells, dtype=np.uint64)
    base = ((cells >> np.uint64(45)) & np.uint64(127)).astype(np.int64)
    a = np.zeros(len(cells), dtype=np.int64)
    b = np.zeros(len(cells), dtype=np.int64)
    if len(cells) == 0:
        return base, a, b
    resolution = resolution_of(cells)
    for first in range(1, resolution + 1, _CHUNK_LEVELS):
        levels = range(first, min(first + _CHUNK_LEVELS, resolution + 1))
        (to_a, to_b), table_a, table_b = _chunk(levels)
        shift = np.uint64(3 * (_MAX_RESOLUTION - levels[-1]))
        code = ((cells >> shift) & np.uint64(8 ** len(levels) - 1)).astype(np.intp)
        a, b = (
            to_a[0] * a + to_a[1] * b + table_a[code],
            to_b[0] * a + to_b[1] * b + table_b[code],
        )
    return base, a, b


def cells_at(
    base: np.ndarray, a: np.ndarray, b: np.ndarray, resolution: int
) -> tuple[np.ndarray, np.ndarray]:
    """The H3 cells at lattice positions, and whether each position is a cell of its base cell.

    A position is not one when it rounds up to another base cell's ground,
    or falls in a pentagon base cell's missing sector (leading digit 1);
    its index is then meaningless.
    """
    base = np.asarray(base, dtype=np.int64)
    index = np.zeros(len(base), dtype=np.uint64)
    leading = np.zeros(len(base), dtype=np.uint64)
    for level in range(resolution, 0, -1):
        parent_a, parent_b = _coarser(a, b, level)
        centre_a, centre_b = _finer(parent_a, parent_b, level)
        digit = _DIGIT_OF_STEP[3 * (a - centre_a + 1) + (b - centre_b + 1)]
        index |= digit << np.uint64(3 * (_MAX_RESOLUTION - level))
        leading = np.where(digit != 0, digit, leading)
        a, b = parent_a, parent_b
    inside = (a == 0) & (b == 0) & ~(_IS_PENTAGON_BASE_CELL[base] & (leading == 1))
    unused_digits = (1 << (3 * (_MAX_RESOLUTION - resolution))) - 1
    header = (1 << 59) | (resolution << 52) | unused_digits
    index |= np.uint64(header) | (base.astype(np.uint64) << np.uint64(45))
    return index, inside


def _disk_rows(k: int) -> list[tuple[int, range]]:
    """A k-disk's lattice offsets, row by row: each da with its run of db.

    Hex distance is (|da| + |db| + |da − db|) / 2; at most k means db from
    da − k to k for da ≥ 0, and from −k to da + k for da < 0.
    """
    return [
        (da, range(da - k, k + 1) if da >= 0 else range(-k, da + k + 1)) for da in range(-k, k + 1)
    ]


def _key(base: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (base << 2 * _FIELD) | ((a + _BIAS) << _FIELD) | (b + _BIAS)


def _unkey(key: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        key >> 2 * _FIELD,
        ((key >> _FIELD) & _FIELD_MASK) - _BIAS,
        (key & _FIELD_MASK) - _BIAS,
    )


def run_starts(values: np.ndarray) -> np.ndarray:
    """True where a run of equal values starts in a sorted array: np.unique without hashing.

    numpy's hash-based np.unique takes seconds on a million H3 indexes or
    64-bit keys; a sort and one comparison take milliseconds.
    """
    starts = np.ones(len(values), dtype=bool)
    np.not_equal(values[1:], values[:-1], out=starts[1:])
    return starts


def groups(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Equal values grouped: where one of each distinct value is (sorted), and which each one is.

    What np.unique(values, return_index=True, return_inverse=True) gives,
    with a sort instead of numpy's hashing (see run_starts).
    """
    order = np.argsort(values)
    first = run_starts(values[order])
    group = np.empty(len(values), dtype=np.intp)
    group[order] = np.cumsum(first) - 1
    return order[first], group


def _offsets(k: int) -> np.ndarray:
    """The disk's offsets as key differences, in _disk_rows order."""
    return np.array([(da << _FIELD) + db for da, run in _disk_rows(k) for db in run])


class _Join(NamedTuple):
    """Disk positions found among the cells: columns[step, i] is the cell at offset `step`
    from cells[centres[i]], or −1. A grid join also says where each centre
    sits on the grid (slots) and what each offset adds to that (slot_steps).
    """

    centres: np.ndarray
    columns: np.ndarray
    slots: np.ndarray | None = None
    slot_steps: np.ndarray | None = None
    size: int = 0


def _join_on_grid(base: np.ndarray, a: np.ndarray, b: np.ndarray, k: int) -> _Join | None:
    """Each cell's disk positions looked up on a dense grid per base cell; None if too sparse.

    The grids cover each base cell's bounding box of positions with k to
    spare, all with the same height, so an offset is one number to add.
    """
    present = np.flatnonzero(np.bincount(base, minlength=128))
    low_a, high_a = np.zeros(128, dtype=np.int64), np.zeros(128, dtype=np.int64)
    low_b, high_b = np.zeros(128, dtype=np.int64), np.zeros(128, dtype=np.int64)
    for number in present.tolist():
        mine = base == number
        low_a[number], high_a[number] = a[mine].min() - k, a[mine].max() + k
        low_b[number], high_b[number] = b[mine].min() - k, b[mine].max() + k
    height = int((high_b - low_b)[present].max()) + 1
    start = np.zeros(128, dtype=np.int64)
    start[present] = np.cumsum(np.concatenate([[0], (high_a - low_a + 1)[present][:-1]])) * height
    size = int(start[present[-1]] + (high_a[present[-1]] - low_a[present[-1]] + 1) * height)
    if size > _GRID_CELLS_PER_CELL * len(base) + _GRID_CELLS_ANYWAY:
        return None
    grid = np.full(size, -1, dtype=np.int32)  # 4 bytes a slot: at most 128 bytes a cell
    slots = start[base] + (a - low_a[base]) * height + (b - low_b[base])
    grid[slots] = np.arange(len(base))
    slot_steps = np.array([da * height + db for da, run in _disk_rows(k) for db in run])
    columns = np.stack([grid[slots + step] for step in slot_steps.tolist()]).astype(np.intp)
    return _Join(np.arange(len(base)), columns, slots, slot_steps, size)


def _join_on_sorted_keys(keys: np.ndarray, k: int) -> _Join:
    """The same as _join_on_grid for spread-out cells, by searching sorted keys.

    One search per row of the disk; along the row the next key is one more,
    so it is where the last one was, or one further if that was found.
    """
    centres = np.argsort(keys)
    sorted_keys = keys[centres]
    columns = np.empty((len(_offsets(k)), len(keys)), dtype=np.intp)
    step = 0
    for da, run in _disk_rows(k):
        wanted = sorted_keys + ((da << _FIELD) + run[0])
        at = np.searchsorted(sorted_keys, wanted)
        for _ in run:
            here = np.minimum(at, len(keys) - 1)
            known = sorted_keys[here] == wanted
            columns[step] = np.where(known, centres[here], -1)
            wanted = wanted + 1
            at = at + known
            step += 1
    return _Join(centres, columns)


def _slot_groups(slots: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """groups() for grid slots, without sorting: the last entry written to a slot stands for it."""
    last = np.empty(size, dtype=np.intp)
    last[slots] = np.arange(len(slots))
    standing = last[slots]
    stands = standing == np.arange(len(slots))
    return np.flatnonzero(stands), (np.cumsum(stands) - 1)[standing]


class Disks(NamedTuple):
    """Each cell's h3.grid_disk as index pairs, split by whether the member is one of the cells.

    cells[columns[i]] is in the disk of cells[rows[i]]; outside[outside_of[i]]
    is in the disk of cells[outside_rows[i]], where outside holds the members
    that are not among the cells, sorted and unique.
    """

    rows: np.ndarray
    columns: np.ndarray
    outside_rows: np.ndarray
    outside_of: np.ndarray
    outside: np.ndarray


def disk_join(cells: np.ndarray, k: int) -> Disks:
    """Every cell of each cell's h3.grid_disk(cell, k), split by whether it is one of `cells`.

    `cells` must be sorted and unique (as H3 integer indexes).
    The lattice answers for every cell whose k-ring stays on flat lattice
    in its own base cell; the rest get h3.grid_disk (see the module
    docstring). Disk positions are looked up among the cells' own positions
    (on a dense grid, or among sorted keys when the cells are spread thin),
    so only positions outside `cells` are turned back into indexes.
    """
    cells = np.asarray(cells, dtype=np.uint64)
    if len(cells) == 0:
        empty = np.zeros(0, dtype=np.intp)
        return Disks(empty, empty, empty, empty, np.zeros(0, dtype=np.uint64))
    if not (cells[1:] > cells[:-1]).all():
        raise ValueError("cells must be sorted and unique")
    resolution = resolution_of(cells)
    base, a, b = lattice(cells)
    keys = _key(base, a, b)
    join = _join_on_grid(base, a, b, k)
    if join is None:
        join = _join_on_sorted_keys(keys, k)
    centres, found_columns = join.centres, join.columns
    known = found_columns >= 0
    centre_of = np.broadcast_to(centres, known.shape)

    # Disk positions that are not among `cells`: index them, or give up on the centre.
    outside_steps, outside_centres = np.nonzero(~known)
    outside_rows = centres[outside_centres]
    if join.slots is None:
        outside_keys = keys[outside_rows] + _offsets(k)[outside_steps]
        distinct, position = groups(outside_keys)
        distinct_keys = outside_keys[distinct]
    else:
        slots = join.slots[outside_centres] + join.slot_steps[outside_steps]
        distinct, position = _slot_groups(slots, join.size)
        distinct_keys = keys[outside_rows[distinct]] + _offsets(k)[outside_steps[distinct]]
    found, inside = cells_at(*_unkey(distinct_keys), resolution)

    flawed = np.zeros(len(cells), dtype=bool)
    flawed[outside_rows[~inside[position]]] = True
    a, b = a[centres], b[centres]
    near_pentagon = _IS_PENTAGON_BASE_CELL[base[centres]] & (
        np.abs(a) + np.abs(b) + np.abs(a - b) <= 2 * k
    )
    flawed[centres[near_pentagon | (resolution == 0)]] = True

    sound = known & ~flawed[centres]
    rows, columns = [centre_of[sound]], [found_columns[sound]]
    keep = ~flawed[outside_rows]
    outside_rows, position = outside_rows[keep], position[keep]
    used = np.zeros(len(found), dtype=bool)
    used[position] = True
    found = found[used]  # distinct already: one cell per position
    position = (np.cumsum(used) - 1)[position]

    flawed = np.flatnonzero(flawed)
    asked = [h3memview.grid_disk(cell, k) for cell in cells[flawed].tolist()]
    members = np.concatenate([np.zeros(0, dtype=np.uint64), *asked])
    member_rows = np.repeat(flawed, [len(disk) for disk in asked])
    at = np.minimum(np.searchsorted(cells, members), len(cells) - 1)
    known = cells[at] == members
    rows.append(member_rows[known])
    columns.append(at[known])

    # One sorted list of outside cells, from the lattice and from grid_disk.
    candidates = np.concatenate([found, members[~known]])
    distinct, which = groups(candidates)
    return Disks(
        np.concatenate(rows).astype(np.intp, copy=False),
        np.concatenate(columns).astype(np.intp, copy=False),
        np.concatenate([outside_rows, member_rows[~known]]).astype(np.intp, copy=False),
        np.concatenate([which[position], which[len(found) :]]),
        candidates[distinct],
    )
