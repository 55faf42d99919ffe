"""Calendar arithmetic for full-time work: whole months, and stretches of jobs without a break.

A stretch from S to E (both days included) lasts at least N months when the day after E falls on
or after S + N months, where adding months keeps the day of the month and clamps it to the last
day of a shorter month: 30 Nov + 3 months is 28 Feb, or 29 Feb in a leap year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from selfcheck.dates import add_months, days_in_month, shift_month


def months_and_days(first_day: date, last_day: date) -> tuple[int, int]:
    """How long first_day to last_day (both included) lasts, as whole months and the days left over.

    months is the largest m with add_months(first_day, m) <= the day after last_day, and days is
    what is left up to that day after. So 1 Jan 2020 - 31 Mar 2020 is (3, 0) and
    1 Jan 2020 - 30 Mar 2020 is (2, 30). The issue's example text says "2 months and 29 days" for
    the latter, which contradicts its own rule that 1 Jan - 31 Mar is three months; this follows
    the rule.
    """
    months = (last_day.year - first_day.year) * 12 + last_day.month - first_day.month
    if first_day.day == 1:
        months += 1  # whole months from the 1st end on a month's last day, which may be last_day
    if _end_of_whole_months(first_day, months) > last_day.toordinal():
        months -= 1
    return months, last_day.toordinal() - _end_of_whole_months(first_day, months)


@dataclass(frozen=True)
class Stretch:
    """Full-time work with no break of a day or more, from first_day to last_day (both included)."""

    first_day: date
    last_day: date
    job_count: int

    @property
    def length(self) -> tuple[int, int]:
        """Whole months and days left over; see months_and_days."""
        return months_and_days(self.first_day, self.last_day)


def full_time_stretches(periods: Iterable[tuple[date, date]]) -> list[Stretch]:
    """Merge periods (first day, last day) that overlap or follow on the next day; earliest first."""
    stretches: list[Stretch] = []
    current: list = []  # first day, last day, job count of the stretch being joined
    for first_day, last_day in sorted(periods):
        if current and first_day.toordinal() - current[1].toordinal() <= 1:
            current[1] = max(current[1], last_day)
            current[2] += 1
        else:
            if current:
                stretches.append(Stretch(*current))
            current = [first_day, last_day, 1]
    if current:
        stretches.append(Stretch(*current))
    return stretches


def longest_stretch(stretches: Iterable[Stretch]) -> Stretch | None:
    """The stretch with the most (months, days); the earliest of equals; None when there is none."""
    earliest_first = sorted(stretches, key=lambda stretch: stretch.first_day)
    return max(earliest_first, key=lambda stretch: stretch.length, default=None)  # max keeps the first of equals


def _end_of_whole_months(first_day: date, months: int) -> int:
    """The ordinal of the last day of `months` whole months from first_day (of the day before, for 0).

    Works through the month's last day rather than "the day after minus one", because the day
    after 9999-12-31 is not a date.
    """
    if first_day.day == 1 and months > 0:
        year, month = shift_month(first_day.year, first_day.month, months - 1)
        return date(year, month, days_in_month(year, month)).toordinal()
    return add_months(first_day, months).toordinal() - 1
