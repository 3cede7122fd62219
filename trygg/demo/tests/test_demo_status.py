"""Every demo commitment's status before, inside and after its promise's period, on fixed dates.

The expected statuses follow from the documents' targets and the synthetic log
(trygg/demo/synthetic.py): e.g. 80 of 100 night walks in Karlshamn 2023 is
behind at the end of October and not reached after the period.
"""

from datetime import date, timedelta

import pytest
from django.core.management import call_command

from trygg.demo import seeds
from trygg.promises.models import Commitment
from trygg.promises.progress import Status, progress

pytestmark = pytest.mark.django_db

NOT_STARTED, ON_TRACK, BEHIND = Status.NOT_STARTED, Status.ON_TRACK, Status.BEHIND
DONE, OVERDUE = Status.DONE, Status.OVERDUE

# A day inside each period, chosen to show a pace (mid-year, or the end of the first year).
INSIDE = {
    "vastervik-2025": date(2025, 6, 30),
    "vastervik-2020": date(2020, 6, 30),
    "hogsby-monsteras-2024-2025": date(2024, 12, 31),
    "karlshamn-2023": date(2023, 10, 31),
}

# Commitments with a target: their status the day before the period, on INSIDE, on the
# period's last day and the day after it. Every other commitment is ongoing work.
TARGETS = {
    "vastervik-2025": {
        # Tistel met twice by midsummer (expected 2), three times in all: one short.
        "tistel-organised-crime": (NOT_STARTED, ON_TRACK, BEHIND, OVERDUE),
        "tistel-criminal-economy": (NOT_STARTED, ON_TRACK, BEHIND, OVERDUE),
        # "under våren 2025", never completed: overdue from 1 June.
        "sig": (NOT_STARTED, OVERDUE, OVERDUE, OVERDUE),
        # "under hösten/vintern": due 31 December, completed 11 December.
        "hedersfortryck": (NOT_STARTED, ON_TRACK, DONE, DONE),
        "forstudie-valfardsbrott": (NOT_STARTED, DONE, DONE, DONE),  # completed 20 May
        "est-import": (NOT_STARTED, DONE, DONE, DONE),  # completed 26 May
        # 54 site visits by 30 June (expected 49.6), 106 in the year.
        "site-visits": (NOT_STARTED, ON_TRACK, DONE, DONE),
    },
    "vastervik-2020": {
        "site-visits": (NOT_STARTED, ON_TRACK, DONE, DONE),  # 59 by 30 June, 103 in all
    },
    "hogsby-monsteras-2024-2025": {
        "dialog-hogsby": (NOT_STARTED, DONE, DONE, DONE),
        # No dialogue in Mönsterås: on track halfway (0 ≥ floor(0.5)), not reached after.
        "dialog-monsteras": (NOT_STARTED, ON_TRACK, BEHIND, OVERDUE),
        "redovisning": (NOT_STARTED, ON_TRACK, DONE, DONE),  # one report a year
    },
    "karlshamn-2023": {
        "night-walks": (NOT_STARTED, BEHIND, BEHIND, OVERDUE),  # 40 by 31 Oct, 80 in all
        "outreach-evenings": (NOT_STARTED, ON_TRACK, DONE, DONE),  # 50 by 31 Oct, 110
    },
}
ONGOING = (NOT_STARTED, Status.ONGOING, Status.ONGOING, Status.ENDED)


def test_every_demo_commitment_before_inside_and_after_its_period():
    call_command("load_demo", "--force", verbosity=0)
    assert set(TARGETS) == set(INSIDE) == {seed.slug for seed in seeds.PROMISES}
    actual, expected = {}, {}
    for seed in seeds.PROMISES:
        days = (
            seed.period_start - timedelta(days=1),
            INSIDE[seed.slug],
            seed.period_end,
            seed.period_end + timedelta(days=1),
        )
        commitments = Commitment.objects.filter(promise__slug=seed.slug).order_by("order")
        for item, commitment in zip(seed.commitments, commitments, strict=True):
            name = (seed.slug, commitment.order, item.key)
            actual[name] = tuple(progress(commitment, day).status for day in days)
            if commitment.target_kind == Commitment.TargetKind.ONGOING:
                expected[name] = ONGOING
            else:
                expected[name] = TARGETS[seed.slug].get(item.key, "a target with no expectation")
    assert actual == expected
    listed = {(slug, key) for slug, targets in TARGETS.items() for key in targets}
    assert listed == {(slug, key) for (slug, _, key), e in expected.items() if e != ONGOING}
