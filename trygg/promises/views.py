"""Pages for the people doing the work: the start page, promises, commitments, logging."""

from collections import Counter
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from trygg.audit.history import history_response
from trygg.geo.models import Municipality, Place
from trygg.organisations.access import EDIT_ROLES, LOG_ROLES, access, visible
from trygg.organisations.models import Organisation

from .access import get_commitment_for_user, get_promise_for_user
from .forms import ActivityForm, CancelForm, CommitmentEditForm, PromiseForm, RevisionForm
from .models import Commitment, CommitmentRevision, Promise
from .progress import Progress, Status, counted_activities, progress, progress_by_slice
from .revisions import terms_on


def day_asked(request: HttpRequest) -> date:
    """The day to show progress for: ?datum=YYYY-MM-DD, or today.

    Looking back ("how did it stand at the half-year report?") uses the same
    rules as today, so the answer is the one the pages gave then. A date that
    does not exist ("2025-02-30", "igår") is a bad request, not today.
    """
    asked = request.GET.get("datum", "").strip()
    if not asked:
        return timezone.localdate()
    try:
        day = parse_date(asked)
    except ValueError:
        day = None
    if day is None:
        raise BadRequest(f"?datum={asked} är inget giltigt datum (ÅÅÅÅ-MM-DD)")
    return day


def with_progress(commitments, on: date) -> list[tuple[Commitment, Progress]]:
    return [(commitment, progress(commitment, on)) for commitment in commitments]


def status_summary(items: list[tuple[Commitment, Progress]]) -> list[tuple[str, str, int]]:
    """How many commitments have each status: (code, label, count), in a fixed order."""
    counts = Counter(state.status for _, state in items)
    return [
        (code, str(label), counts[code]) for code, label in Status.LABELS.items() if counts[code]
    ]


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """The user's promises, current first, each commitment with its progress."""
    on = day_asked(request)
    policy = access(request)
    promises = visible(Promise.objects.all(), request.user, "parties").prefetch_related(
        "parties", "commitments__promise", "commitments__revisions"
    )
    current, upcoming, ended = [], [], []
    for promise in promises:
        items = with_progress(promise.commitments.all(), on)
        entry = (promise, items, status_summary(items), policy.can_log(promise.party_ids()))
        if promise.period_end < on:
            ended.append(entry)
        elif promise.period_start > on:
            upcoming.append(entry)
        else:
            current.append(entry)
    return render(
        request,
        "promises/start.html",
        {
            "on": on,
            "is_today": on == timezone.localdate(),
            "current": current,
            "upcoming": upcoming,
            "ended": ended,
            "organisations": Organisation.objects.filter(id__in=policy.organisations()),
            # The yearly work beside the promises: the strategic plans, reading in a new promise.
            "municipalities": Municipality.objects.filter(
                organisations__in=policy.organisations()
            ).distinct(),
            "may_read_in": bool(policy.organisations(EDIT_ROLES)),
        },
    )


@login_required
def promise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    promise, may_change = get_promise_for_user(request, slug)
    on = day_asked(request)
    return render(
        request,
        "promises/promise.html",
        {
            "promise": promise,
            "on": on,
            "focus_areas": promise.focus_areas.all(),
            "commitments": with_progress(
                promise.commitments.select_related("focus_area").prefetch_related("revisions"), on
            ),
            "can_edit": may_change,
            "can_log": access(request).can_log(promise.party_ids()),
        },
    )


@login_required
def promise_edit(request: HttpRequest, slug: str) -> HttpResponse:
    promise, may_change = get_promise_for_user(request, slug)
    if not may_change:
        raise PermissionDenied(_("Only coordinators of the promise's parties may edit it."))
    form = PromiseForm(request.POST or None, instance=promise)
    with transaction.atomic():  # the version check and the save under one lock
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The promise was saved."))
            return redirect(promise)
    return render(request, "promises/edit.html", {"form": form, "object": promise})


@login_required
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    commitment, may_change = get_commitment_for_user(request, pk)
    on = day_asked(request)
    revisions = list(commitment.revisions.select_related("created_by"))
    return render(
        request,
        "promises/commitment.html",
        {
            "commitment": commitment,
            "promise": commitment.promise,
            "terms": terms_on(commitment, on),
            "progress": progress(commitment, on),
            "slices": progress_by_slice(commitment, on),
            "revisions": revisions,
            "cancelled": any(r.kind == CommitmentRevision.Kind.CANCELLED for r in revisions),
            "on": on,
            "activities": counted_activities(commitment).select_related(
                "organisation", "place", "area", "forum"
            ),
            "can_log": access(request).can_log(commitment.promise.party_ids()),
            "can_edit": may_change,
        },
    )


def _editable_commitment(request: HttpRequest, pk: int) -> Commitment:
    """A commitment the user may change: 404 if they cannot see it, 403 if only see it."""
    commitment, may_change = get_commitment_for_user(request, pk)
    if not may_change:
        raise PermissionDenied(_("Only coordinators of the promise's parties may edit it."))
    return commitment


@login_required
def commitment_change(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Revise a commitment's target, or cancel it, from a day on and with the reason.

    The commitment keeps its history: the old target stays in force before that day.
    """
    commitment = _editable_commitment(request, pk)
    revising = kind == CommitmentRevision.Kind.REVISED
    form_class = RevisionForm if revising else CancelForm
    form = form_class(request.POST or None, commitment=commitment)
    with transaction.atomic():
        if request.method == "POST" and form.is_valid():
            form.save(user=request.user)
            messages.success(
                request,
                _("The commitment was revised.")
                if revising
                else _("The commitment was cancelled."),
            )
            return redirect(commitment)
    title = _("Revise the target") if revising else _("Cancel the commitment")
    return render(
        request,
        "promises/commitment_form.html",
        {"form": form, "commitment": commitment, "title": title},
    )


@login_required
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The commitment's words and what counts; the target is changed on /revidera/."""
    commitment = _editable_commitment(request, pk)
    form = CommitmentEditForm(request.POST or None, instance=commitment)
    with transaction.atomic():
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The commitment was saved."))
            return redirect(commitment)
    return render(
        request,
        "promises/edit.html",
        {"form": form, "object": commitment, "revise_url": reverse("commitment-revise", args=[pk])},
    )


@login_required
def log_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """Log work against a commitment: the form is pre-filled so it takes seconds."""
    commitment, _may_change = get_commitment_for_user(request, pk)
    promise = commitment.promise
    organisations = list(
        Organisation.objects.filter(
            id__in=access(request).organisations(LOG_ROLES) & promise.party_ids()
        )
    )
    if not organisations:
        raise PermissionDenied(_("Viewers cannot log activities."))
    places = list(Place.objects.filter(municipality__in=promise.municipalities.all()))
    form = ActivityForm(
        request.POST or None,
        organisations=organisations,
        places=places,
        period=(promise.period_start, promise.period_end),
        initial={"kind": commitment.activity_kind or None},
    )
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.created_by = request.user
        if commitment.forum_id and activity.kind == commitment.activity_kind:
            activity.forum_id = commitment.forum_id
        activity.save()
        activity.commitments.add(commitment)
        messages.success(request, _("Logged: %(activity)s.") % {"activity": activity})
        return redirect(commitment)
    return render(
        request,
        "promises/commitment_form.html",
        {"form": form, "commitment": commitment, "title": _("Log activity")},
    )


@login_required
def promise_history(request: HttpRequest, slug: str) -> HttpResponse:
    """Who changed the promise and when: for those who may change it (404, 403 as editing)."""
    promise, may_change = get_promise_for_user(request, slug)
    if not may_change:
        raise PermissionDenied(_("Only the parties' coordinators may read the history."))
    return history_response(request, promise, promise.get_absolute_url())


@login_required
def commitment_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed the commitment and its target, and when (as promise_history)."""
    commitment = _editable_commitment(request, pk)
    return history_response(request, commitment, commitment.get_absolute_url())
