"""What is true on a given day, worked out from the data: each cohort's application window, each timeline event.

A window's status is the self-check engine's own (selfcheck.policy), so that a page and a self-check result never
disagree. A status that changes with the day is published in phases: one version of the words for each stretch of
days over which it stays the same. The page shows the version for the day it was built; docs/assets/dated.js then
shows the one for the visitor's own day, without any rule of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from selfcheck import policy

from programme.data.model import Cohort, Event

PAST, CURRENT, UPCOMING, UNCONFIRMED = "past", "current", "upcoming", "unconfirmed"
_ONE_DAY = timedelta(days=1)


class InvalidBuildDate(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds."""


def build_date(environ: Mapping[str, str] = os.environ) -> date:
    """The day the site speaks for: SOURCE_DATE_EPOCH's day (UTC) when set, so that builds are reproducible; else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise InvalidBuildDate(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found {epoch!r}"
        ) from None


def window_status(cohort: Cohort, day: date) -> str:
    """The cohort's application window on `day`, as the self-check would say it."""
    return policy.application_window_status(day, cohort.rule_window)


def applications_status(cohorts: Iterable[Cohort], day: date) -> str:
    """Every cohort's window told as one, as the self-check's result tells it."""
    return policy.applications_status(window_status(cohort, day) for cohort in cohorts)


def cohort_to_speak_of(cohorts: Iterable[Cohort], day: date) -> Cohort:
    """The cohort a summary of the programme speaks of on `day`: the first whose applications are open (or may be),
    else the next to open, else the one that closed last."""
    cohorts = list(cohorts)
    for wanted in ((policy.OPEN, policy.MAY_NOT_BE_OPEN_YET), (policy.NOT_YET_OPEN,)):
        matching = [cohort for cohort in cohorts if window_status(cohort, day) in wanted]
        if matching:
            return min(matching, key=lambda cohort: cohort.window.opens.date.first_day)
    return max(cohorts, key=lambda cohort: cohort.window.closes.date.first_day)


def window_changes(cohorts: Iterable[Cohort]) -> list[date]:
    """The days on which a window status can change: each opening day, and each day after a closing day."""
    return [day for cohort in cohorts for day in (cohort.window.opens.date.first_day, cohort.window.closes.date.first_day + _ONE_DAY)]


def event_status(event: Event, day: date) -> str:
    """Past once the event's last possible day is over; current within its day, month or year; else to come.

    An event known only to happen "no later than" its date may already have happened before it: unconfirmed.
    """
    if day > event.date.last_day:
        return PAST
    if day >= event.date.first_day:
        return CURRENT
    return UNCONFIRMED if event.no_later_than else UPCOMING


def event_changes(event: Event) -> list[date]:
    """The days on which the event's status changes."""
    return [event.date.first_day, event.date.last_day + _ONE_DAY]


@dataclass(frozen=True)
class Phase:
    """A stretch of days, open-ended where a bound is None, over which a status stays the same."""

    first_day: date | None
    last_day: date | None

    def includes(self, day: date) -> bool:
        return (self.first_day is None or self.first_day <= day) and (self.last_day is None or day <= self.last_day)

    @property
    def sample_day(self) -> date:
        """A day of the phase, to work its status out on."""
        return self.first_day or self.last_day


def phases(changes: Iterable[date]) -> list[Phase]:
    """The stretches of days between the days on which something changes: before the first, between, after the last."""
    days = sorted(set(changes))
    starts = [None, *days]
    ends = [day - _ONE_DAY for day in days] + [None]
    return [Phase(start, end) for start, end in zip(starts, ends, strict=True)]
