"""How criterion statuses add up to an outcome, and where a date falls in the application window."""

from __future__ import annotations

from datetime import date

import pytest

from selfcheck.policy import (
    CLOSED,
    ELIGIBLE,
    MET,
    NOT_ELIGIBLE,
    NOT_MET,
    NOT_YET_OPEN,
    OPEN,
    UNKNOWN,
    UNSURE,
    application_window_status,
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
    ("day", "expected"),
    [
        (date(2020, 12, 15), NOT_YET_OPEN),
        (date(2020, 12, 16), OPEN),
        (date(2021, 1, 3), OPEN),
        (date(2021, 1, 4), CLOSED),
    ],
)
def test_the_window_includes_its_opening_and_closing_days(day, expected):
    window = Window("First cohort", date(2020, 12, 16), True, date(2021, 1, 3))
    assert application_window_status(day, window) == expected
