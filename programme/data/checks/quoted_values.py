"""Facts agree with their quotes: each date and number of a fact (a mapping with `ref.quote`) is found in its quote,
in one of the forms people write it ("3 January 2021", "January 3, 2021", "2021年1月3日"; "3", "three", "三";
"February, 2021"), unless the fact carries a `note` that says why they differ (the release's "March" without a
year, read as March 2021).

Words for numbers are English and Chinese, the languages of the sources so far; a source in another language
needs a `note` where its quote writes a number in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from programme.data.checks.walk import at
from programme.data.errors import Path, Problem, shown

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_CHINESE_DIGITS = "零一二三四五六七八九"


def quoted_value_problems(data: dict, date_paths: list[Path]) -> Iterator[Problem]:
    for path in sorted(date_paths, key=lambda path: [str(part) for part in path]):
        fact = at(data, path[:-1])
        value = at(data, path)
        if _checked(fact) and isinstance(value, str) and (forms := date_forms(value)):
            if not any(_found(form, fact["ref"]["quote"]) for form in forms):
                yield _disagrees(path, f"the date {value}", fact["ref"]["quote"])
    yield from _numbers(data, ())


def _numbers(value: object, path: Path) -> Iterator[Problem]:
    if isinstance(value, dict):
        if _checked(value):
            for key, item in value.items():
                if isinstance(item, int) and not isinstance(item, bool) and 0 <= item < 10**7:
                    if not any(_found(form, value["ref"]["quote"]) for form in number_forms(item)):
                        yield _disagrees((*path, key), f"the number {item}", value["ref"]["quote"])
        for key, item in value.items():
            yield from _numbers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers(item, (*path, index))


def _checked(fact: object) -> bool:
    """A fact whose values its quote must show: it has a quote, and no note to explain a difference."""
    return (isinstance(fact, dict) and isinstance(fact.get("ref"), dict) and isinstance(fact["ref"].get("quote"), str)
            and "note" not in fact)


def _disagrees(path: Path, what: str, quote: str) -> Problem:
    # A quote that is not in its source (programme.data.sources) is the fault to fix first.
    return Problem(path, f"{what} is not in its quote {shown(quote)}; make it agree with the source, or add a "
                         "`note` that says why they differ", follows=((*path[:-1], "ref", "quote"),))


def _found(form: str, quote: str) -> bool:
    """The form in the quote, as a whole word where it starts or ends with a letter or digit."""
    pattern = re.escape(form).replace(r"\ ", r"\s+")
    if form[:1].isascii() and form[:1].isalnum():
        pattern = r"(?<![\w.])" + pattern  # not part of a longer number: 13 is not 3, 1.3 not 3
    if form[-1:].isascii() and form[-1:].isalnum():
        pattern += r"(?![\w]|[.,]\d)"
    return re.search(pattern, quote, re.IGNORECASE) is not None


def number_forms(number: int) -> list[str]:
    """How a number may be written: 1000, 1,000, one thousand…; 3, three, 三."""
    forms = [str(number), f"{number:,}"]
    if number < 1000:
        forms += [_english(number), _english(number).replace("-", " "), _chinese(number)]
    return list(dict.fromkeys(forms))


def _english(number: int) -> str:
    if number < 20:
        return _ONES[number]
    if number < 100:
        return _TENS[number // 10] + (f"-{_ONES[number % 10]}" if number % 10 else "")
    rest = number % 100
    return f"{_ONES[number // 100]} hundred" + (f" and {_english(rest)}" if rest else "")


def _chinese(number: int) -> str:
    if number < 10:
        return _CHINESE_DIGITS[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(number, 100)
    tail = "" if not rest else ("零" + _chinese(rest) if rest < 10 else ("一" if rest < 20 else "") + _chinese(rest))
    return _CHINESE_DIGITS[hundreds] + "百" + tail


def date_forms(value: str) -> list[str]:
    """How a date of this precision may be written: a day, a month or a year ("2021-01-03", "2021-01", "2021")."""
    parts = value.split("-")
    try:
        numbers = [int(part) for part in parts]
        date(numbers[0], numbers[1] if len(numbers) > 1 else 1, numbers[2] if len(numbers) > 2 else 1)
    except (ValueError, IndexError):
        return []  # an impossible date: reported as such elsewhere
    year = numbers[0]
    if len(numbers) == 1:
        return [str(year), f"{year}年"]
    month = MONTHS[numbers[1] - 1]
    short = month[:3]
    if len(numbers) == 2:
        return [f"{month} {year}", f"{month}, {year}", f"{short} {year}", f"{short}. {year}", value,
                f"{year}年{numbers[1]}月"]
    day = numbers[2]
    ordinal = f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    forms = []
    for written_day in (str(day), ordinal):
        for written_month in (month, short, f"{short}."):
            forms += [f"{written_day} {written_month} {year}", f"{written_month} {written_day}, {year}",
                      f"{written_month} {written_day} {year}"]
    return forms + [value, f"{day}/{numbers[1]}/{year}", f"{day:02d}/{numbers[1]:02d}/{year}", f"{year}年{numbers[1]}月{day}日"]
