"""Dates and numbers as each language edition's readers write them (Babel, with CLDR's patterns for its locale)."""

from __future__ import annotations

import datetime

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal

from selfcheck.dates import PartialDate


def format_date(date: PartialDate | datetime.date, locale: str) -> str:
    """A date to its precision: '3 January 2021', 'February 2021', '2021'; in Chinese 2021年1月3日, 2021年2月, 2021年.
    `locale` is a Babel locale (zh_Hant_HK) or a language tag (zh-Hant)."""
    locale = locale.replace("-", "_")
    if isinstance(date, datetime.date):
        return babel_format_date(date, "long", locale=locale)
    if date.day:
        return babel_format_date(date.first_day, "long", locale=locale)
    return format_skeleton("yMMMM" if date.month else "y", date.first_day, locale=locale)


def format_number(number: int, locale: str) -> str:
    """A whole number: 1,000."""
    return format_decimal(number, locale=locale.replace("-", "_"))
