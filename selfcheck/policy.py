"""How criteria add up to an outcome, and where a day falls in an application window.

Each criterion's own rule is its kind's (selfcheck.kinds); this module knows only statuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from selfcheck.kinds import MET, NOT_MET, UNKNOWN

if TYPE_CHECKING:
    from selfcheck.rules import Window

ELIGIBLE, NOT_ELIGIBLE, UNSURE = "eligible", "not_eligible", "unsure"
NOT_YET_OPEN, MAY_NOT_BE_OPEN_YET, OPEN, CLOSED = "not_yet_open", "may_not_be_open_yet", "open", "closed"
# When several cohorts' windows are told as one: the first of these that any window has.
_APPLICATIONS_PRECEDENCE = (OPEN, MAY_NOT_BE_OPEN_YET, NOT_YET_OPEN, CLOSED)
# When several results (cohorts, tracks) are told as one: the best that any of them has.
_OUTCOME_PRECEDENCE = (ELIGIBLE, UNSURE, NOT_ELIGIBLE)

__all__ = ["CLOSED", "ELIGIBLE", "MAY_NOT_BE_OPEN_YET", "MET", "NOT_ELIGIBLE", "NOT_MET", "NOT_YET_OPEN", "OPEN",
           "UNKNOWN", "UNSURE", "application_window_status", "applications_status", "best_outcome", "outcome"]


def outcome(statuses: Iterable[str]) -> str:
    """Not eligible if any criterion is not met; otherwise unsure if any is unanswered; otherwise eligible."""
    statuses = list(statuses)
    if NOT_MET in statuses:
        return NOT_ELIGIBLE
    if UNKNOWN in statuses:
        return UNSURE
    return ELIGIBLE


def best_outcome(outcomes: Iterable[str]) -> str:
    """Several outcomes told as one: eligible if any is, else unsure if any is, else not eligible."""
    present = set(outcomes)
    return next((candidate for candidate in _OUTCOME_PRECEDENCE if candidate in present), NOT_ELIGIBLE)


def application_window_status(day: date, window: Window) -> str:
    """Where a day falls in the window; both the opening and the closing day count as open.

    Before an opening known only as "no later than" a date, the window may already be open: it may not be open yet.
    """
    if day > window.closes:
        return CLOSED
    if day >= window.opens:
        return OPEN
    return MAY_NOT_BE_OPEN_YET if window.opens_no_later_than else NOT_YET_OPEN


def applications_status(window_statuses: Iterable[str]) -> str:
    """Every cohort's window as one: open if any is; else perhaps open soon, or soon; closed only if all are."""
    statuses = set(window_statuses)
    return next(status for status in _APPLICATIONS_PRECEDENCE if status in statuses)
