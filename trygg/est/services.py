"""Following up EST actions, and what the next meeting must follow up."""

from django.db import transaction
from django.db.models import Q, QuerySet

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
def follow_up(action: Action, status: str, note: str, at: Meeting) -> Action:
    """Record how an action went. Done work of a counted kind becomes an Activity.

    The activity is dated by the action's due date, or the meeting's day if that
    comes first, and counts toward the commitments the action was linked to.
    Reopening a done action removes the activity again, so nothing is counted twice.
    """
    action.status = status
    action.follow_up_note = note
    action.followed_up_at = at
    if status == Action.Status.DONE and action.kind and action.activity is None:
        activity = Activity.objects.create(
            kind=action.kind,
            date=min(action.due, at.held_on),
            organisation=action.responsible,
            place=action.place,
            area=action.area,
            note=f"EST-åtgärd: {action.what}",
        )
        activity.commitments.set(action.commitments.all())
        action.activity = activity
    elif status != Action.Status.DONE and action.activity is not None:
        action.activity.delete()
        action.activity = None
    action.save()
    return action
