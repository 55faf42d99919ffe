"""Dates that must be real, in order, and to the day where a day is needed: the timeline, the windows, the review."""

from __future__ import annotations

import re
from collections.abc import Iterator

from programme.data.checks.walk import at, items, listing, word
from programme.data.errors import Path, Problem, shown
from selfcheck.dates import DateError, PartialDate

_DATE_SHAPE = re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}")  # what the schema lets through


def impossible_dates(data: dict, date_paths: list[Path]) -> Iterator[Problem]:
    for path in date_paths:
        value = at(data, path)
        if not (isinstance(value, str) and _DATE_SHAPE.fullmatch(value)):
            continue  # the schema has reported it
        try:
            PartialDate.parse(value)
        except DateError as exc:
            yield Problem(path, f"impossible date {shown(value)}: {exc}")


def _parsed_date(value: object) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if isinstance(value, str) else None
    except DateError:
        return None


def timeline_order(data: dict) -> Iterator[Problem]:
    for cohort_path, cohort in items(data, "cohorts", ()):
        previous = None
        for path, event in items(cohort, "timeline", cohort_path):
            date = _parsed_date(event.get("date"))
            if date is None:
                continue
            if previous and date.first_day < previous[1].first_day:
                yield Problem((*path, "date"), (
                    f"timeline out of order: {date.iso} comes after {previous[1].iso} "
                    f"({shown(previous[0])}); list events in date order"
                ))
            previous = (event.get("id"), date)


def application_windows(data: dict) -> Iterator[Problem]:
    for cohort_path, cohort in items(data, "cohorts", ()):
        window = cohort.get("application_window")
        if not isinstance(window, dict):
            continue
        events = {word(event.get("id")): event for _, event in items(cohort, "timeline", cohort_path)}
        events.pop(None, None)
        dates = {}
        for end in ("opens", "closes"):
            event_id = word(window.get(end))
            path = (*cohort_path, "application_window", end)
            if event_id is None:
                continue
            if event_id not in events:
                yield Problem(path, f"unknown timeline event {shown(event_id)}; events of this cohort: {listing(events)}")
                continue
            date = _parsed_date(events[event_id].get("date"))
            if end == "closes" and events[event_id].get("date_accuracy") == "no_later_than":
                yield Problem(path, f"a window closes on a day, and {shown(event_id)} is dated only as no later than "
                                    f"{date.iso if date else 'its date'}; give the day it closes")
            if date and date.precision != "day":
                yield Problem(path, f"the application window needs a day, but {shown(event_id)} is dated only to the {date.precision} ({date.iso})")
            dates[end] = date
        if window.get("opens") == window.get("closes") and word(window.get("opens")):
            yield Problem((*cohort_path, "application_window", "closes"), (
                "the window opens and closes with the same event; name the event that closes it"
            ))
        elif dates.get("opens") and dates.get("closes") and dates["opens"].first_day >= dates["closes"].first_day:
            yield Problem((*cohort_path, "application_window"), (
                f"the window closes ({dates['closes'].iso}) on or before the day it opens ({dates['opens'].iso}); "
                "it must close after it opens"
            ))


# The days a page's "last changed" date can be: the sitemap's compressed copy stores it in 32 bits from 1970.
FIRST_REVIEW, LAST_REVIEW = "1970-01-01", "2105-12-31"


def review_date(data: dict) -> Iterator[Problem]:
    date = _parsed_date(at(data, ("site", "reviewed")))
    if date and date.precision != "day":
        yield Problem(("site", "reviewed"), f"the review date needs a day, found only the {date.precision} ({date.iso})")
    elif date and not FIRST_REVIEW <= date.iso <= LAST_REVIEW:
        yield Problem(("site", "reviewed"), f"the review date must be from {FIRST_REVIEW} to {LAST_REVIEW}, found {date.iso}")
    elif date:
        sources = [(source_date, source.get("id")) for _, source in items(data, "sources", ())
                   if (source_date := _parsed_date(source.get("date")))]
        newest = max(sources, key=lambda pair: pair[0].first_day, default=None)
        if newest and date.last_day < newest[0].first_day:
            yield Problem(("site", "reviewed"), f"staff cannot have checked the facts on {date.iso}, before the source "
                                                f"{shown(newest[1])} was published ({newest[0].iso})")
