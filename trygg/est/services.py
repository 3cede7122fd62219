"""Following up EST actions, and what the next meeting must follow up."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from trygg.promises.models import Activity

from .models import Action, Meeting

STILL_OPEN = (Action.Status.OPEN, Action.Status.CONTINUED)


def actions_to_follow_up(meeting: Meeting) -> QuerySet[Action]:
    """Actions decided at the forum's earlier meetings that are still open or continued."""
    earlier = Q(meeting__year__lt=meeting.year) | Q(
        meeting__year=meeting.year, meeting__week__lt=meeting.week
    )
    return (
        Action.objects.filter(earlier, meeting__forum=meeting.forum, status__in=STILL_OPEN)
        .select_related("meeting", "responsible", "area", "place")
        .order_by("due", "pk")
    )


@transaction.atomic
def follow_up(
    action: Action, status: str, note: str, at: Meeting, by: AbstractBaseUser | None = None
) -> Action:
    """Record how an action went at a meeting; done work counts (see _count_when_done)."""
    action.status = status
    action.follow_up_note = note
    action.followed_up_at = at
    _count_when_done(action, by)
    action.save()
    return action


@transaction.atomic
def correct_follow_up(action: Action, status: str, note: str, by: AbstractBaseUser) -> Action:
    """Change a follow-up after the fact, e.g. an action wrongly marked done.

    The follow-up stays where it was recorded (same meeting, same date of the work);
    what it said before, who corrected it and when are kept on the action, so the
    record shows it was changed. What counts toward promises follows the new status.
    """
    if action.followed_up_at_id is None:
        raise ValueError("Only an action that has been followed up can be corrected.")
    action.corrected_from = action.status
    action.corrected_by = by
    action.corrected_at = timezone.now()
    action.status = status
    action.follow_up_note = note
    _count_when_done(action, by)
    action.save()
    return action


def _count_when_done(action: Action, by: AbstractBaseUser | None) -> None:
    """The one rule for what a follow-up means for the promises: done work is an Activity.

    An action of a counted kind followed up as done gets one Activity, dated by the
    action's due date or the follow-up meeting's day if that comes first, counting
    toward the commitments the action was linked to. Any other status removes the
    activity this action created (and nothing else), so nothing is counted twice or
    counted after it turned out not to have been done.
    """
    if action.status == Action.Status.DONE and action.kind and action.activity is None:
        activity = Activity.objects.create(
            kind=action.kind,
            date=min(action.due, action.followed_up_at.held_on),
            organisation=action.responsible,
            place=action.place,
            area=action.area,
            note=f"EST-åtgärd: {action.what}",
            created_by=by,
        )
        activity.commitments.set(action.commitments.all())
        action.activity = activity
    elif action.status != Action.Status.DONE and action.activity is not None:
        action.activity.delete()
        action.activity = None
