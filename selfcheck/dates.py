"""Dates, read and reckoned in one place for the engine and the site: ISO text of any precision, the years the data
and the answers may use, and calendar arithmetic by whole months.

Standard library only (it ships in the engine's wheel), and not `calendar`, whose import costs ~25 ms under Pyodide.
A date that cannot be read raises DateError with a `code` naming what is wrong and the parts it found, so that
each caller words it for its own reader: the data check for staff, the engine for a person in their language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

FIRST_YEAR, LAST_YEAR = 1900, 2999  # data/programme.schema.json's date pattern says the same (tested)

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

# DateError codes.
NOT_ISO = "not_iso"                # not written YYYY, YYYY-MM or YYYY-MM-DD (or YYYY-MM-DD where a day is needed)
NO_SUCH_MONTH = "no_such_month"    # a month outside 01-12
NO_SUCH_DAY = "no_such_day"        # day 00, or past the month's last day
YEAR_OUT_OF_RANGE = "year_out_of_range"


class DateError(ValueError):
    """Text that is not a date this project can use; `code` says why, `parts` holds what was read."""

    def __init__(self, code: str, text: str, **parts: int) -> None:
        super().__init__(describe(code, text, **parts))
        self.code = code
        self.text = text
        self.parts = parts


def describe(code: str, text: str, **parts: int) -> str:
    """What is wrong with a date, in plain English, for staff and developers."""
    if code == NOT_ISO:
        return f"{text!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY"
    if code == NO_SUCH_MONTH:
        return f"there is no month {parts['month']:02d}: months run from 01 to 12"
    if code == NO_SUCH_DAY:
        if parts["day"] < 1:
            return "days start at 01"
        return f"{MONTH_NAMES[parts['month'] - 1]} {parts['year']} has {parts['last_day']} days"
    return f"years run from {FIRST_YEAR} to {LAST_YEAR}, found {parts['year']}"


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, a month or a day: '2021', '2021-02', '2021-01-03'."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ISO text of any precision; DateError says what is wrong with it."""
        match = _ISO.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise DateError(NOT_ISO, str(text))
        return cls.checked(text, *(int(part) if part is not None else None for part in match.groups()))

    @classmethod
    def checked(cls, text: str, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        """The date of these parts, or DateError: a real month and day, in the years the project uses."""
        if month is not None and not 1 <= month <= 12:
            raise DateError(NO_SUCH_MONTH, text, year=year, month=month)
        if day is not None and not 1 <= day <= days_in_month(year, month):
            raise DateError(NO_SUCH_DAY, text, year=year, month=month, day=day, last_day=days_in_month(year, month))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise DateError(YEAR_OUT_OF_RANGE, text, year=year)
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        """The last day the date can mean: the day itself, the month's last day, or 31 December."""
        month = self.month or 12
        return date(self.year, month, self.day or days_in_month(self.year, month))

    @property
    def iso(self) -> str:
        return "-".join(f"{part:02d}" for part in (self.year, self.month, self.day) if part is not None)

    def __str__(self) -> str:
        return self.iso


def parse_day(text: object) -> date:
    """A day written YYYY-MM-DD, in the years the project uses; DateError otherwise."""
    if not isinstance(text, str) or text.count("-") != 2:
        raise DateError(NOT_ISO, str(text))
    return PartialDate.parse(text).first_day


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later, clamped to the last day of a shorter month."""
    year, month = shift_month(day.year, day.month, months)
    return date(year, month, min(day.day, days_in_month(year, month)))


def days_in_month(year: int, month: int) -> int:
    """How many days the month has."""
    if month == 12:
        return 31
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) that is `months` after month `month` of `year`."""
    shifted_year, month_index = divmod(year * 12 + month - 1 + months, 12)
    return shifted_year, month_index + 1
