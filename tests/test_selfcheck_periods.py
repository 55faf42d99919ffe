"""Whole months, days left over, and stretches of full-time work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcheck.periods import Stretch, add_months, full_time_stretches, longest_stretch, months_and_days

ONE_DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2019, 11, 30), 3, date(2020, 2, 29)),  # into a leap February
        (date(2020, 11, 30), 3, date(2021, 2, 28)),  # into a common February
        (date(2021, 1, 31), 1, date(2021, 2, 28)),
        (date(2020, 1, 31), 1, date(2020, 2, 29)),
        (date(2021, 1, 31), 3, date(2021, 4, 30)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),
        (date(2020, 1, 1), 3, date(2020, 4, 1)),
        (date(2020, 10, 15), 3, date(2021, 1, 15)),  # across a year end
        (date(2020, 3, 31), 0, date(2020, 3, 31)),
    ],
)
def test_add_months_keeps_the_day_or_clamps_it_to_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("first_day", "last_day", "expected"),
    [
        (date(2020, 1, 1), date(2020, 3, 31), (3, 0)),
        (date(2020, 1, 1), date(2020, 3, 30), (2, 30)),  # the text says 29 days; its rule says 30
        (date(2020, 1, 1), date(2020, 1, 1), (0, 1)),
        (date(2020, 1, 1), date(2020, 1, 31), (1, 0)),
        (date(2020, 1, 15), date(2020, 2, 14), (1, 0)),
        (date(2020, 1, 15), date(2020, 2, 13), (0, 30)),
        (date(2019, 11, 30), date(2020, 2, 28), (3, 0)),
        (date(2019, 11, 30), date(2020, 2, 27), (2, 29)),
        (date(2020, 11, 30), date(2021, 2, 27), (3, 0)),
        (date(2020, 11, 30), date(2021, 2, 26), (2, 28)),
        (date(2021, 1, 31), date(2021, 4, 29), (3, 0)),
        (date(2021, 1, 31), date(2021, 4, 28), (2, 29)),  # 31 Jan + 2 months is 31 Mar
        (date(2020, 6, 1), date(2020, 12, 20), (6, 20)),
    ],
)
def test_months_and_days_counts_whole_months_to_the_day_after_the_end(first_day, last_day, expected):
    assert months_and_days(first_day, last_day) == expected


def test_months_and_days_works_up_to_the_last_representable_day():
    assert months_and_days(date(9999, 10, 1), date.max) == (3, 0)
    assert months_and_days(date(9999, 10, 2), date.max) == (2, 30)
    assert months_and_days(date.min, date.min) == (0, 1)


def naive_months_and_days(first_day: date, last_day: date) -> tuple[int, int]:
    """The rule as the issue states it, step by step."""
    day_after = last_day + ONE_DAY
    months = 0
    while add_months(first_day, months + 1) <= day_after:
        months += 1
    return months, (day_after - add_months(first_day, months)).days


days_in_range = st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31))


@given(first_day=days_in_range, length=st.integers(min_value=0, max_value=800))
def test_months_and_days_agrees_with_the_rule_as_stated(first_day, length):
    last_day = first_day + timedelta(days=length)
    assert months_and_days(first_day, last_day) == naive_months_and_days(first_day, last_day)


@given(first_day=days_in_range, length=st.integers(min_value=0, max_value=200), months=st.integers(1, 6))
def test_a_stretch_lasts_n_months_when_the_day_after_it_reaches_start_plus_n_months(first_day, length, months):
    last_day = first_day + timedelta(days=length)
    lasts = months_and_days(first_day, last_day)[0] >= months
    assert lasts == (last_day + ONE_DAY >= add_months(first_day, months))


def test_overlapping_and_back_to_back_periods_merge_but_a_one_day_gap_does_not():
    periods = [
        (date(2020, 5, 2), date(2020, 5, 31)),  # after a one-day gap
        (date(2020, 1, 1), date(2020, 1, 31)),
        (date(2020, 2, 1), date(2020, 3, 15)),  # back to back
        (date(2020, 3, 1), date(2020, 4, 30)),  # overlapping
    ]
    assert full_time_stretches(periods) == [
        Stretch(date(2020, 1, 1), date(2020, 4, 30), job_count=3),
        Stretch(date(2020, 5, 2), date(2020, 5, 31), job_count=1),
    ]


def test_the_longest_stretch_is_the_earliest_of_equals():
    first = Stretch(date(2020, 1, 1), date(2020, 1, 31), 1)
    later = Stretch(date(2020, 3, 1), date(2020, 3, 31), 1)
    assert longest_stretch([later, first]) == first


def test_the_longest_stretch_compares_months_before_days():
    two_months = Stretch(date(2021, 2, 1), date(2021, 3, 31), 1)  # 59 days
    one_month_and_29_days = Stretch(date(2021, 8, 2), date(2021, 9, 30), 1)  # 60 days
    assert (two_months.length, one_month_and_29_days.length) == ((2, 0), (1, 29))
    assert longest_stretch([one_month_and_29_days, two_months]) == two_months


def test_no_periods_make_no_stretch():
    assert full_time_stretches([]) == []
    assert longest_stretch([]) is None


def test_days_in_month_agrees_with_the_calendar_module_for_every_month():
    import calendar

    from selfcheck.periods import days_in_month

    for year in (1, 1900, 2000, 2019, 2020, 2021, 2100, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)
