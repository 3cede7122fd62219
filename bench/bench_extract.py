"""How well `trygg extract` reads the five seed documents: precision and recall of count targets.

Runs the reader on every document in shared/seeds/ and compares its count
targets (quantity, unit, per) with the demo's reading by hand in
trygg/demo/seeds.py. Also shows milestones (by due date) and how many
commitments were proposed against how many the demo holds, and times the reader.

    .venv/bin/python bench/bench_extract.py [SEEDS_DIR]

Prints Markdown tables; bench/RESULTS.md keeps the figures.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")
# A benchmark builds its own throwaway database: a throwaway key will do.
os.environ.setdefault("SECRET_KEY", "bench-only-" + "throwaway-key-" * 4)

import django  # noqa: E402

django.setup()

from trygg.extract.measure import Score, score_all  # noqa: E402
from trygg.extract.reader import extract  # noqa: E402


def _keys(counter) -> str:
    return ", ".join(f"{q} {unit} / {per}" for (q, unit, per) in sorted(counter.elements())) or "–"


def _ratio(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.0%}" if total else "– (none)"


def count_table(scores: list[Score]) -> list[str]:
    rows = [
        "| document | expected | found | right | precision | recall | missed | extra |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for s in scores:
        expected, found = sum(s.expected.values()), sum(s.found.values())
        rows.append(
            f"| {s.name} | {expected} | {found} | {s.hits} | {_ratio(s.hits, found)} "
            f"| {_ratio(s.hits, expected)} | {_keys(s.missed)} | {_keys(s.extra)} |"
        )
    hits = sum(s.hits for s in scores)
    expected = sum(sum(s.expected.values()) for s in scores)
    found = sum(sum(s.found.values()) for s in scores)
    rows.append(
        f"| **all** | {expected} | {found} | {hits} | {_ratio(hits, found)} "
        f"| {_ratio(hits, expected)} | | |"
    )
    return rows


def milestone_table(scores: list[Score]) -> list[str]:
    rows = [
        "| document | milestones expected | found | same due date "
        "| commitments in the demo | proposed | same words |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in scores:
        same = sum((s.expected_milestones & s.found_milestones).values())
        rows.append(
            f"| {s.name} | {sum(s.expected_milestones.values())} "
            f"| {sum(s.found_milestones.values())} | {same} "
            f"| {sum(s.expected_texts.values())} | {sum(s.found_texts.values())} "
            f"| {sum((s.expected_texts & s.found_texts).values())} |"
        )
    return rows


def timing(directory: Path) -> str:
    texts = [path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.txt"))]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for text in texts:
            extract(text)
        runs.append(time.perf_counter() - start)
    median = statistics.median(runs) * 1000
    return f"Reading all {len(texts)} documents: {median:.0f} ms (median of 5)."


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"
    scores = score_all(directory)
    print("\n".join(count_table(scores)))
    print()
    print("\n".join(milestone_table(scores)))
    print()
    print(timing(directory))


if __name__ == "__main__":
    main()
