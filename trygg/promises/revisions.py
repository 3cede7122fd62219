"""Revising and cancelling a commitment, and which target was in force on a given day.

A promise "revideras vid behov": the parties may change a target (a new
quantity, a different per, a later due date) or cancel a commitment, with a
reason, from a given day. The commitment keeps its latest target; every
change is a CommitmentRevision with the old and new values, so:

* `terms_on(commitment, day)` gives the target in force on that day: the
  latest target with every revision that takes effect after the day undone.
  A revision decided now to take effect later is thus not in force before then.
* `cancellation(commitment, day)` gives the cancellation in force on that day.

How progress uses them is decided in progress.py.
"""

import copy
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import prefetch_related_objects

from .models import Commitment, CommitmentRevision

# The fields that make up a target, and so may be revised.
REVISABLE = ("target_kind", "quantity", "unit", "per", "minimum", "due", "due_text")


def revisions(commitment: Commitment) -> list[CommitmentRevision]:
    """The commitment's revisions in the order they were made.

    Fetched once per commitment instance and kept on it (as prefetch_related
    would), so that progress over many slices asks the database once.
    """
    prefetch_related_objects([commitment], "revisions")
    return list(commitment.revisions.all())


def terms_on(commitment: Commitment, on: date) -> Commitment:
    """The commitment as it stood on the day `on`: its target then, the rest as now.

    Returns the commitment itself when no revision takes effect after `on`,
    else an unsaved copy with the older values; never save that copy.
    """
    later = [
        r
        for r in revisions(commitment)
        if r.kind == CommitmentRevision.Kind.REVISED and r.effective_on > on
    ]
    if not later:
        return commitment
    terms = copy.copy(commitment)
    for revision in reversed(later):
        for name, (old, _new) in revision.changes.items():
            setattr(terms, name, Commitment._meta.get_field(name).to_python(old))
    return terms


def cancellation(commitment: Commitment, on: date) -> CommitmentRevision | None:
    """The cancellation in force on the day `on`, if the commitment was cancelled by then."""
    return next(
        (
            r
            for r in revisions(commitment)
            if r.kind == CommitmentRevision.Kind.CANCELLED and r.effective_on <= on
        ),
        None,
    )


def earliest_effective(commitment: Commitment) -> date:
    """The first day a new revision may take effect.

    Within the promise's period, and not before the latest revision: undoing
    revisions newest first only gives the right earlier target if each one was
    made on top of the ones before it.
    """
    existing = [r.effective_on for r in revisions(commitment)]
    return max([commitment.promise.period_start, *existing])


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@transaction.atomic
def revise(
    commitment: Commitment,
    new: dict[str, Any],
    *,
    effective_on: date,
    reason: str,
    user: AbstractBaseUser | None,
) -> CommitmentRevision | None:
    """Give the commitment a new target from `effective_on`, keeping the old one in its history.

    `new` holds the target fields (see REVISABLE) as they should be; only
    those that differ are recorded. Returns None when nothing differs.
    """
    changes = {
        name: [_json(getattr(commitment, name)), _json(value)]
        for name, value in new.items()
        if name in REVISABLE and getattr(commitment, name) != value
    }
    if not changes:
        return None
    for name in changes:
        setattr(commitment, name, new[name])
    commitment.save(update_fields=list(changes))
    return _record(commitment, CommitmentRevision.Kind.REVISED, effective_on, reason, user, changes)


def cancel(
    commitment: Commitment, *, effective_on: date, reason: str, user: AbstractBaseUser | None
) -> CommitmentRevision:
    """Cancel the commitment from `effective_on`: it stops counting as on track or behind."""
    return _record(commitment, CommitmentRevision.Kind.CANCELLED, effective_on, reason, user)


def _record(
    commitment: Commitment,
    kind: str,
    effective_on: date,
    reason: str,
    user: AbstractBaseUser | None,
    changes: dict | None = None,
) -> CommitmentRevision:
    """Store one entry of the history."""
    revision = CommitmentRevision.objects.create(
        commitment=commitment,
        kind=kind,
        effective_on=effective_on,
        changes=changes or {},
        reason=reason,
        created_by=user,
    )
    commitment.refresh_from_db()  # forgets the revisions it had fetched
    return revision
