"""The progress and pace rule (trygg.promises.progress), on fixed dates."""

from datetime import date

import pytest

from trygg.promises.models import Activity, ActivityKind, Commitment, Promise
from trygg.promises.progress import (
    Slice,
    Status,
    add_months,
    decide_status,
    period_slices,
    progress,
    progress_by_slice,
    slice_target,
)
from trygg.promises.revisions import cancel, cancellation, revise, terms_on


def log(commitment, day, count=1, kind=ActivityKind.SITE_VISIT, organisation=None, **extra):
    activity = Activity.objects.create(
        kind=kind,
        date=day,
        count=count,
        organisation=organisation or commitment.responsible.first(),
        **extra,
    )
    activity.commitments.add(commitment)
    return activity


def count_commitment(world, start, end, quantity=100, per="year"):
    promise = Promise.objects.create(
        title=f"Löfte {start}–{end}",
        slug=f"lofte-{start}-{end}",
        period_start=start,
        period_end=end,
    )
    promise.parties.set([world.police, world.municipality])
    commitment = Commitment.objects.create(
        promise=promise,
        order=1,
        text="Minst hundra platsbesök",
        target_kind="count",
        quantity=quantity,
        unit="platsbesök",
        per=per,
        activity_kind=ActivityKind.SITE_VISIT,
    )
    commitment.responsible.set([world.police])
    return commitment


class TestSlices:
    def test_a_two_year_promise_is_two_years(self):
        slices = period_slices(date(2024, 1, 1), date(2025, 12, 31), "year")
        assert slices == [
            Slice(date(2024, 1, 1), date(2024, 12, 31)),
            Slice(date(2025, 1, 1), date(2025, 12, 31)),
        ]
        assert slices[0].days == 366  # 2024 is a leap year
        assert slices[1].days == 365

    def test_per_period_is_one_slice(self):
        assert period_slices(date(2023, 9, 1), date(2023, 12, 31), "period") == [
            Slice(date(2023, 9, 1), date(2023, 12, 31))
        ]

    def test_weeks_are_iso_weeks_and_the_first_may_be_partial(self):
        # 2025-01-01 is a Wednesday.
        slices = period_slices(date(2025, 1, 1), date(2025, 1, 19), "week")
        assert slices == [
            Slice(date(2025, 1, 1), date(2025, 1, 5)),
            Slice(date(2025, 1, 6), date(2025, 1, 12)),
            Slice(date(2025, 1, 13), date(2025, 1, 19)),
        ]
        assert slice_target(3, slices[0], "week") == 3  # ceil(3 * 5/7)
        assert slice_target(7, slices[0], "week") == 5
        assert slice_target(7, slices[1], "week") == 7

    def test_months_follow_the_calendar(self):
        slices = period_slices(date(2024, 1, 31), date(2024, 3, 31), "month")
        assert slices[0] == Slice(date(2024, 1, 31), date(2024, 2, 28))
        assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
        assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
        assert add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)

    def test_a_yearly_target_in_a_four_month_promise_is_prorated(self):
        piece = Slice(date(2023, 9, 1), date(2023, 12, 31))  # 122 days
        assert slice_target(100, piece, "year") == 34  # ceil(100 * 122 / 365)
        assert slice_target(100, piece, "period") == 100


@pytest.mark.django_db
class TestCountTargets:
    def test_pace_on_track_and_behind_in_a_year(self, world):
        commitment = world.site_visits  # 100 per year in 2025
        log(commitment, date(2025, 1, 20), count=40)
        # 30 June 2025 is day 181 of 365: expected 49.6 → on track needs 49.
        state = progress(commitment, date(2025, 6, 30))
        assert (state.done, state.target, state.expected) == (40, 100, 49.6)
        assert state.status == Status.BEHIND
        log(commitment, date(2025, 6, 30), count=9)
        assert progress(commitment, date(2025, 6, 30)).status == Status.ON_TRACK
        # Work logged later does not count on an earlier day.
        log(commitment, date(2025, 7, 1), count=51)
        assert progress(commitment, date(2025, 6, 30)).done == 49
        assert progress(commitment, date(2025, 7, 1)).status == Status.DONE

    def test_leap_day_counts_as_a_day(self, world):
        commitment = count_commitment(world, date(2024, 1, 1), date(2024, 12, 31))
        log(commitment, date(2024, 1, 10), count=16)
        state = progress(commitment, date(2024, 2, 29))  # day 60 of 366
        assert state.expected == round(100 * 60 / 366, 1)
        assert state.status == Status.ON_TRACK  # 16 ≥ floor(16.39)
        assert progress(commitment, date(2024, 3, 2)).status == Status.ON_TRACK  # 16.94
        assert progress(commitment, date(2024, 3, 3)).status == Status.BEHIND  # 17.21

    def test_two_year_promise_counts_each_year_on_its_own(self, world):
        commitment = count_commitment(world, date(2024, 1, 1), date(2025, 12, 31))
        log(commitment, date(2024, 6, 1), count=100)
        log(commitment, date(2025, 1, 15), count=5)
        state = progress(commitment, date(2025, 2, 1))
        assert state.slice == Slice(date(2025, 1, 1), date(2025, 12, 31))
        assert (state.done, state.target) == (5, 100)
        years = progress_by_slice(commitment, date(2026, 1, 10))
        assert [(s.done, s.status) for s in years] == [(100, Status.DONE), (5, Status.OVERDUE)]

    def test_four_month_promise_paces_over_its_122_days(self, world):
        commitment = count_commitment(
            world, date(2023, 9, 1), date(2023, 12, 31), quantity=100, per="period"
        )
        state = progress(commitment, date(2023, 10, 31))  # day 61 of 122
        assert state.expected == 50.0
        assert state.status == Status.BEHIND
        log(commitment, date(2023, 10, 1), count=50)
        assert progress(commitment, date(2023, 10, 31)).status == Status.ON_TRACK
        assert progress(commitment, date(2024, 1, 1)).status == Status.OVERDUE

    def test_before_the_period_it_has_not_started(self, world):
        state = progress(world.site_visits, date(2024, 12, 31))
        assert state.status == Status.NOT_STARTED
        assert state.slice.start == date(2025, 1, 1)

    def test_a_commitment_shared_by_two_parties_counts_both(self, world):
        commitment = world.tistel_meetings
        log(
            commitment, date(2025, 2, 1), kind=ActivityKind.FORUM_MEETING, organisation=world.police
        )
        log(
            commitment,
            date(2025, 4, 1),
            kind=ActivityKind.FORUM_MEETING,
            organisation=world.municipality,
        )
        assert progress(commitment, date(2025, 12, 31)).done == 2

    def test_a_forum_meeting_counts_toward_every_commitment_of_that_forum(self, world):
        second = Commitment.objects.create(
            promise=world.promise,
            order=9,
            text="Tistel (kriminell ekonomi) ska träffas minst fyra gånger per år.",
            target_kind="count",
            quantity=4,
            per="year",
            activity_kind=ActivityKind.FORUM_MEETING,
            forum=world.tistel,
        )
        meeting = log(
            world.tistel_meetings,
            date(2025, 3, 3),
            kind=ActivityKind.FORUM_MEETING,
            forum=world.tistel,
        )
        meeting.commitments.add(second)  # linked too: still counted once
        for commitment in (world.tistel_meetings, second):
            assert progress(commitment, date(2025, 12, 31)).done == 1

    def test_only_the_counted_kind_counts(self, world):
        log(world.site_visits, date(2025, 3, 1), count=7, kind=ActivityKind.FOOT_PATROL)
        assert progress(world.site_visits, date(2025, 3, 1)).done == 0


@pytest.mark.django_db
class TestMilestonesAndOngoing:
    def test_milestone_states(self, world):
        study = world.study  # due 31 May 2025
        assert progress(study, date(2024, 12, 1)).status == Status.NOT_STARTED
        assert progress(study, date(2025, 5, 31)).status == Status.ON_TRACK
        assert progress(study, date(2025, 6, 1)).status == Status.OVERDUE
        study.completed_on = date(2025, 5, 20)
        assert progress(study, date(2025, 5, 19)).status == Status.ON_TRACK
        assert progress(study, date(2025, 5, 20)).status == Status.DONE
        assert progress(study, date(2026, 1, 1)).status == Status.DONE

    def test_ongoing_work(self, world):
        patrols = Commitment.objects.create(
            promise=world.promise, order=10, text="Fotpatrullering", target_kind="ongoing"
        )
        patrols.responsible.set([world.police])
        log(patrols, date(2025, 2, 2), count=3, kind=ActivityKind.FOOT_PATROL)
        assert progress(patrols, date(2024, 6, 1)).status == Status.NOT_STARTED
        state = progress(patrols, date(2025, 6, 1))
        assert (state.status, state.done) == (Status.ONGOING, 3)
        assert progress(patrols, date(2026, 1, 1)).status == Status.ENDED


class TestTheOneRule:
    """decide_status on its own: every status, and which rule wins when several could."""

    WINDOW = Slice(date(2025, 1, 1), date(2025, 12, 31))

    @pytest.mark.parametrize(
        ("on", "done", "target", "expected", "cancelled", "status"),
        [
            (date(2024, 12, 31), 0, 10, 0.0, False, Status.NOT_STARTED),
            (date(2025, 6, 30), 5, 10, 5.0, False, Status.ON_TRACK),
            (date(2025, 6, 30), 4, 10, 4.9, False, Status.ON_TRACK),  # not a whole unit behind
            (date(2025, 6, 30), 4, 10, 5.0, False, Status.BEHIND),
            (date(2025, 6, 30), 10, 10, 5.0, False, Status.DONE),
            (date(2026, 1, 1), 9, 10, 10.0, False, Status.OVERDUE),
            (date(2025, 6, 30), 4, 10, 5.0, True, Status.CANCELLED),
            (date(2025, 6, 30), 10, 10, 5.0, True, Status.DONE),  # done stays done
            (date(2025, 6, 30), 0, 1, None, False, Status.ON_TRACK),  # a milestone has no pace
            (date(2024, 12, 31), 0, None, None, False, Status.NOT_STARTED),
            (date(2025, 6, 30), 0, None, None, False, Status.ONGOING),
            (date(2026, 1, 1), 0, None, None, False, Status.ENDED),
            (date(2025, 6, 30), 0, None, None, True, Status.CANCELLED),
        ],
    )
    def test_statuses(self, on, done, target, expected, cancelled, status):
        assert (
            decide_status(
                on, self.WINDOW, done=done, target=target, expected=expected, cancelled=cancelled
            )
            == status
        )


@pytest.mark.django_db
class TestRevisions:
    def test_a_revised_target_counts_from_its_day_and_the_history_keeps_the_old_one(self, world):
        commitment = world.site_visits  # 100 per year in 2025
        log(commitment, date(2025, 3, 1), count=40)
        # 30 June: 40 of 100, expected 49.6: behind.
        assert progress(commitment, date(2025, 6, 30)).status == Status.BEHIND
        revision = revise(
            commitment,
            {"quantity": 60},
            effective_on=date(2025, 7, 1),
            reason="Färre poliser i tjänst under hösten.",
            user=world.coordinator,
        )
        assert revision.changes == {"quantity": [100, 60]}
        commitment = Commitment.objects.get(pk=commitment.pk)
        assert commitment.quantity == 60
        # Before the revision the old target still holds: the past is not rewritten.
        before = progress(commitment, date(2025, 6, 30))
        assert (before.target, before.status) == (100, Status.BEHIND)
        assert terms_on(commitment, date(2025, 6, 30)).quantity == 100
        # From its day the new target holds for the whole year: 40 of 60, expected 29.9.
        after = progress(commitment, date(2025, 7, 1))
        assert (after.done, after.target, after.expected, after.status) == (
            40,
            60,
            29.9,
            Status.ON_TRACK,
        )
        assert after.pace == 10.1
        log(commitment, date(2025, 11, 1), count=20)
        assert progress(commitment, date(2026, 1, 1)).status == Status.DONE

    def test_a_slice_that_ended_before_a_revision_keeps_its_target(self, world):
        commitment = count_commitment(world, date(2024, 1, 1), date(2025, 12, 31))
        log(commitment, date(2024, 6, 1), count=100)
        revise(
            commitment,
            {"quantity": 150},
            effective_on=date(2025, 3, 1),
            reason="Ny satsning.",
            user=None,
        )
        log(commitment, date(2025, 6, 1), count=120)
        years = progress_by_slice(commitment, date(2026, 1, 10))
        assert [(s.target, s.done, s.status) for s in years] == [
            (100, 100, Status.DONE),
            (150, 120, Status.OVERDUE),
        ]
        # Seen in February 2025, before the revision, the second year still had 100 to reach.
        assert progress_by_slice(commitment, date(2025, 2, 1))[1].target == 100

    def test_changing_per_recuts_the_period(self, world):
        commitment = count_commitment(world, date(2024, 1, 1), date(2025, 12, 31), quantity=100)
        log(commitment, date(2024, 6, 1), count=100)
        revise(
            commitment,
            {"quantity": 150, "per": "period"},
            effective_on=date(2024, 10, 1),
            reason="Målet gäller hela perioden.",
            user=None,
        )
        assert [s.slice for s in progress_by_slice(commitment, date(2024, 9, 30))] == [
            Slice(date(2024, 1, 1), date(2024, 12, 31)),
            Slice(date(2025, 1, 1), date(2025, 12, 31)),
        ]
        [whole] = progress_by_slice(commitment, date(2024, 10, 1))
        assert (whole.slice, whole.target, whole.done) == (
            Slice(date(2024, 1, 1), date(2025, 12, 31)),
            150,
            100,
        )

    def test_a_milestone_given_a_later_due_date_is_overdue_only_until_then(self, world):
        study = world.study  # due 31 May 2025
        revise(
            study,
            {"due": date(2025, 9, 30), "due_text": "under hösten"},
            effective_on=date(2025, 6, 15),
            reason="Förstudien väntar på nya riktlinjer.",
            user=world.coordinator,
        )
        study = Commitment.objects.get(pk=study.pk)
        assert progress(study, date(2025, 6, 14)).status == Status.OVERDUE
        state = progress(study, date(2025, 6, 15))
        assert (state.status, state.due) == (Status.ON_TRACK, date(2025, 9, 30))
        assert progress(study, date(2025, 10, 1)).status == Status.OVERDUE

    def test_a_cancelled_commitment_says_why_from_its_day(self, world):
        commitment = world.tistel_meetings
        log(commitment, date(2025, 2, 1), kind=ActivityKind.FORUM_MEETING)
        cancel(
            commitment,
            effective_on=date(2025, 9, 1),
            reason="Tistel har ersatts av ett regionalt nätverk.",
            user=world.coordinator,
        )
        assert progress(commitment, date(2025, 8, 31)).status == Status.BEHIND
        for day in (date(2025, 9, 1), date(2026, 6, 1)):
            state = progress(commitment, day)
            assert (state.status, state.reason, state.cancelled_on) == (
                Status.CANCELLED,
                "Tistel har ersatts av ett regionalt nätverk.",
                date(2025, 9, 1),
            )
            assert state.done == 1  # the work done before still shows
        assert cancellation(commitment, date(2025, 8, 31)) is None

    def test_cancelling_stops_the_slices_not_yet_ended(self, world):
        commitment = count_commitment(world, date(2024, 1, 1), date(2025, 12, 31))
        log(commitment, date(2024, 3, 1), count=30)
        cancel(commitment, effective_on=date(2024, 12, 31), reason="Avslutas.", user=None)
        years = progress_by_slice(commitment, date(2026, 1, 1))
        assert [s.status for s in years] == [Status.CANCELLED, Status.CANCELLED]
        commitment = count_commitment(world, date(2022, 1, 1), date(2023, 12, 31))
        log(commitment, date(2022, 3, 1), count=30)
        cancel(commitment, effective_on=date(2023, 1, 1), reason="Avslutas.", user=None)
        years = progress_by_slice(commitment, date(2024, 1, 1))
        assert [s.status for s in years] == [Status.OVERDUE, Status.CANCELLED]

    def test_a_reached_target_stays_done_when_cancelled_later(self, world):
        study = world.study
        study.completed_on = date(2025, 5, 1)
        study.save()
        cancel(study, effective_on=date(2025, 6, 1), reason="Klart.", user=None)
        assert progress(study, date(2025, 7, 1)).status == Status.DONE

    def test_the_reason_is_masked(self, world):
        revision = cancel(
            world.study, effective_on=date(2025, 6, 1), reason="Gäller 19121212-1212.", user=None
        )
        assert "1212-1212" not in revision.reason
