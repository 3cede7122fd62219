"""How well the reader reads the seed documents, against the demo's reading by hand.

The demo (`trygg.demo.seeds`) holds each seed promise as a person read it:
every commitment with its quantity, unit and period. Here that reading is the
ground truth; the reader itself never sees it. Used by `bench/bench_extract.py`
and the tests, so both measure the same way.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from trygg.demo import seeds
from trygg.promises.seasons import season_due

from .reader import Proposal, extract

CountKey = tuple[int, str, str]  # (quantity, unit, per)


@dataclass
class Score:
    """Count targets of one document: found against expected, as multisets."""

    name: str
    expected: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    expected_milestones: Counter = field(default_factory=Counter)
    found_milestones: Counter = field(default_factory=Counter)
    expected_texts: Counter = field(default_factory=Counter)
    found_texts: Counter = field(default_factory=Counter)

    @property
    def hits(self) -> int:
        return sum((self.expected & self.found).values())

    @property
    def precision(self) -> float:
        total = sum(self.found.values())
        return self.hits / total if total else 1.0

    @property
    def recall(self) -> float:
        total = sum(self.expected.values())
        return self.hits / total if total else 1.0

    @property
    def missed(self) -> Counter:
        return self.expected - self.found

    @property
    def extra(self) -> Counter:
        return self.found - self.expected


def count_keys(proposal: Proposal) -> Counter:
    """The proposal's count targets as (quantity, unit, per)."""
    return Counter(
        (c.target.quantity, c.target.unit.lower(), c.target.per)
        for c in proposal.commitments
        if c.target.kind == "count"
    )


def score(path: Path) -> Score:
    """Read one seed document and compare it with the demo's reading of it."""
    proposal = extract(path.read_text(encoding="utf-8"))
    result = Score(path.name, found=count_keys(proposal))
    result.found_milestones = Counter(
        c.target.due for c in proposal.commitments if c.target.kind == "milestone"
    )
    result.found_texts = Counter(c.text for c in proposal.commitments)
    for promise in seeds.PROMISES:
        if promise.seed_file != path.name:
            continue
        for commitment in promise.commitments:
            if commitment.target_kind == "count":
                key = (commitment.quantity, commitment.unit.lower(), commitment.per)
                result.expected[key] += 1
            elif commitment.target_kind == "milestone":
                due = season_due(commitment.due_text, promise.period_start.year)
                result.expected_milestones[due] += 1
        result.expected_texts.update(c.text for c in promise.commitments)
    return result


def score_all(directory: Path) -> list[Score]:
    """Every seed document in a directory, in name order."""
    return [score(path) for path in sorted(directory.glob("*.txt"))]
