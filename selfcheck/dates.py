"""Dates, read and reckoned in one place for the engine and the site: ISO text of any precision, a day as a person
types its day, month and year, the years the data and the answers may use, and calendar arithmetic by whole months.

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

# The parts of a date as a person types them, in the order a form asks them.
DAY, MONTH, YEAR = "day", "month", "year"
DATE_PARTS = (DAY, MONTH, YEAR)

# DateError codes.
NOT_ISO = "not_iso"                # not written YYYY, YYYY-MM or YYYY-MM-DD (or YYYY-MM-DD where a day is needed)
NO_SUCH_MONTH = "no_such_month"    # a month outside 01-12
NO_SUCH_DAY = "no_such_day"        # day 00, or past the month's last day
YEAR_OUT_OF_RANGE = "year_out_of_range"
MISSING_PARTS = "missing_parts"    # typed: some of the day, month and year left empty
UNREADABLE_PARTS = "unreadable_parts"  # typed: a day not 1-31, a month not 1-12 or a month's name, a year not 4 digits

# The parts each code finds at fault, where it is always the same ones (the typed codes name theirs).
_AT_FAULT = {NOT_ISO: DATE_PARTS, NO_SUCH_MONTH: (MONTH,), NO_SUCH_DAY: (DAY,), YEAR_OUT_OF_RANGE: (YEAR,)}


class DateError(ValueError):
    """Text that is not a date this project can use; `code` says why, `parts` holds what was read, and `at_fault`
    which of the day, month and year are wrong (all three: the date as a whole)."""

    def __init__(self, code: str, text: str, at_fault: tuple[str, ...] = (), **parts: int) -> None:
        self.at_fault = at_fault or _AT_FAULT[code]
        super().__init__(describe(code, text, at_fault=self.at_fault, **parts))
        self.code = code
        self.text = text
        self.parts = parts


def describe(code: str, text: str, at_fault: tuple[str, ...] = (), **parts: int) -> str:
    """What is wrong with a date, in plain English, for staff and developers."""
    if code == NOT_ISO:
        return f"{text!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY"
    if code == MISSING_PARTS:
        return f"{text!r} has no {' or '.join(at_fault)}"
    if code == UNREADABLE_PARTS:
        return f"{text!r}: the {' and '.join(at_fault)} cannot be read (a day 1-31, a month 1-12 or its name, a 4-digit year)"
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
        """The date of these parts, or DateError: a real month, in the years the project uses, and a day that month
        has (a day is asked of a month in those years only: "30 February 9999" is a year out of range)."""
        if month is not None and not 1 <= month <= 12:
            raise DateError(NO_SUCH_MONTH, text, year=year, month=month)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise DateError(YEAR_OUT_OF_RANGE, text, year=year)
        if day is not None and not 1 <= day <= days_in_month(year, month):
            raise DateError(NO_SUCH_DAY, text, year=year, month=month, day=day, last_day=days_in_month(year, month))
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


def typed_day(day: object, month: object, year: object) -> date:
    """A day from its parts as a person types them, in the years the project uses; DateError otherwise, naming the
    parts at fault.

    Each part is text (or a whole number): digits in any script, with leading zeros and spaces around allowed; the
    year has 4 digits; the month may also be its English name or the name's first three letters or more
    ("mar", "March", "Sept."), in any case. The problems come in the order a person puts them right: parts left
    empty, then parts that cannot be a day, a month or a year, then a year outside FIRST_YEAR..LAST_YEAR, then a day
    past the month's end.
    """
    typed = {DAY: _typed_text(day), MONTH: _typed_text(month), YEAR: _typed_text(year)}
    shown = " ".join(text if text is not None else "?" for text in typed.values())
    missing = tuple(part for part in DATE_PARTS if typed[part] == "")
    if missing:
        raise DateError(MISSING_PARTS, shown, at_fault=missing)
    numbers = {DAY: _typed_number(typed[DAY], 2, 1, 31), MONTH: _typed_month(typed[MONTH]),
               YEAR: _typed_number(typed[YEAR], 4, 0, 9999, exact=True)}
    unreadable = tuple(part for part in DATE_PARTS if numbers[part] is None)
    if unreadable:
        raise DateError(UNREADABLE_PARTS, shown, at_fault=unreadable)
    return PartialDate.checked(shown, numbers[YEAR], numbers[MONTH], numbers[DAY]).first_day


def typed_is_empty(part: object) -> bool:
    """Whether a typed part holds nothing: missing, null, or only spaces."""
    return _typed_text(part) == ""


def _typed_text(part: object) -> str | None:
    """A typed part as text without the spaces around it ("" for nothing), or None for a value no one types."""
    if part is None:
        return ""
    if isinstance(part, str):
        return part.strip()
    if isinstance(part, int) and not isinstance(part, bool) and 0 <= part < 10_000:
        return str(part)
    return None


def _typed_number(text: str | None, digits: int, smallest: int, largest: int, exact: bool = False) -> int | None:
    """The number a part's digits say, from `smallest` to `largest`, of at most (or, if exact, just) `digits` digits."""
    if text is None or not text.isdecimal() or len(text) > digits or (exact and len(text) != digits):
        return None
    number = int(text)
    return number if smallest <= number <= largest else None


def _typed_month(text: str | None) -> int | None:
    """A month's number from its digits (1-12), its English name, or the name's first three letters or more."""
    number = _typed_number(text, 2, 1, 12)
    if number is not None or text is None:
        return number
    name = text.removesuffix(".").casefold()
    if len(name) < 3:
        return None
    return next((index for index, month in enumerate(MONTH_NAMES, start=1) if month.casefold().startswith(name)), None)


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
