"""How criterion statuses add up to an outcome, and where a date falls in the application window."""

from __future__ import annotations

from datetime import date

import pytest

from selfcheck.policy import (
    CLOSED,
    ELIGIBLE,
    MAY_NOT_BE_OPEN_YET,
    MET,
    NOT_ELIGIBLE,
    NOT_MET,
    NOT_YET_OPEN,
    OPEN,
    UNKNOWN,
    UNSURE,
    application_window_status,
    applications_status,
    best_outcome,
    outcome,
)
from selfcheck.rules import Window


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([MET, MET, MET, MET], ELIGIBLE),
        ([MET, UNKNOWN, MET, MET], UNSURE),
        ([UNKNOWN, NOT_MET, UNKNOWN, UNKNOWN], NOT_ELIGIBLE),
        ([NOT_MET, MET, MET, MET], NOT_ELIGIBLE),
    ],
)
def test_a_criterion_not_met_decides_then_an_unanswered_one(statuses, expected):
    assert outcome(statuses) == expected


@pytest.mark.parametrize(
    ("day", "opens_no_later_than", "expected"),
    [
        (date(2020, 12, 15), False, NOT_YET_OPEN),
        (date(2020, 12, 15), True, MAY_NOT_BE_OPEN_YET),
        (date(2020, 12, 16), True, OPEN),
        (date(2020, 12, 16), False, OPEN),
        (date(2021, 1, 3), True, OPEN),
        (date(2021, 1, 4), True, CLOSED),
    ],
)
def test_the_window_includes_its_opening_and_closing_days_and_an_uncertain_opening_says_may(day, opens_no_later_than,
                                                                                              expected):
    window = Window("first-cohort", "First cohort", date(2020, 12, 16), opens_no_later_than, date(2021, 1, 3))
    assert application_window_status(day, window) == expected


@pytest.mark.parametrize(
    ("windows", "expected"),
    [
        ([CLOSED, OPEN], OPEN),
        ([CLOSED, NOT_YET_OPEN, MAY_NOT_BE_OPEN_YET], MAY_NOT_BE_OPEN_YET),
        ([CLOSED, NOT_YET_OPEN], NOT_YET_OPEN),
        ([CLOSED, CLOSED], CLOSED),
        ([OPEN], OPEN),
    ],
)
def test_applications_are_open_if_any_cohort_is_and_closed_only_if_every_cohort_is(windows, expected):
    assert applications_status(windows) == expected


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [([NOT_ELIGIBLE, ELIGIBLE], ELIGIBLE), ([NOT_ELIGIBLE, UNSURE], UNSURE), ([NOT_ELIGIBLE], NOT_ELIGIBLE)],
)
def test_several_cohorts_or_tracks_are_told_as_one_by_the_best_outcome_any_has(outcomes, expected):
    assert best_outcome(outcomes) == expected
