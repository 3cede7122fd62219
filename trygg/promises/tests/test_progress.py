"""The progress and pace rule (trygg.promises.progress), on fixed dates."""

from datetime import date

import pytest

from trygg.promises.models import Activity, ActivityKind, Commitment, Promise
from trygg.promises.progress import (
    Slice,
    Status,
    add_months,
    period_slices,
    progress,
    progress_by_slice,
    slice_target,
)


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
        assert [(s.done, s.status) for s in years] == [(100, Status.DONE), (5, Status.MISSED)]

    def test_four_month_promise_paces_over_its_122_days(self, world):
        commitment = count_commitment(
            world, date(2023, 9, 1), date(2023, 12, 31), quantity=100, per="period"
        )
        state = progress(commitment, date(2023, 10, 31))  # day 61 of 122
        assert state.expected == 50.0
        assert state.status == Status.BEHIND
        log(commitment, date(2023, 10, 1), count=50)
        assert progress(commitment, date(2023, 10, 31)).status == Status.ON_TRACK
        assert progress(commitment, date(2024, 1, 1)).status == Status.MISSED

    def test_before_the_period_it_has_not_started(self, world):
        state = progress(world.site_visits, date(2024, 12, 31))
        assert state.status == Status.UPCOMING
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
        assert progress(study, date(2024, 12, 1)).status == Status.UPCOMING
        assert progress(study, date(2025, 5, 31)).status == Status.PENDING
        assert progress(study, date(2025, 6, 1)).status == Status.OVERDUE
        study.completed_on = date(2025, 5, 20)
        assert progress(study, date(2025, 5, 19)).status == Status.PENDING
        assert progress(study, date(2025, 5, 20)).status == Status.DONE
        assert progress(study, date(2026, 1, 1)).status == Status.DONE

    def test_ongoing_work(self, world):
        patrols = Commitment.objects.create(
            promise=world.promise, order=10, text="Fotpatrullering", target_kind="ongoing"
        )
        patrols.responsible.set([world.police])
        log(patrols, date(2025, 2, 2), count=3, kind=ActivityKind.FOOT_PATROL)
        assert progress(patrols, date(2024, 6, 1)).status == Status.UPCOMING
        state = progress(patrols, date(2025, 6, 1))
        assert (state.status, state.done) == (Status.ONGOING, 3)
        assert progress(patrols, date(2026, 1, 1)).status == Status.ENDED
