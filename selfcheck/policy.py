"""The eligibility rules as short predicates over valid answers, and the outcome they add up to.

Each predicate returns MET, NOT_MET or UNKNOWN (unanswered); thresholds and accepted values come
from the criterion in the rules data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from selfcheck.periods import Stretch, full_time_stretches, longest_stretch

if TYPE_CHECKING:
    from selfcheck.answers import Answers, Job
    from selfcheck.rules import Criterion, Window

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
ELIGIBLE, NOT_ELIGIBLE, UNSURE = "eligible", "not_eligible", "unsure"
NOT_YET_OPEN, MAY_NOT_BE_OPEN_YET, OPEN, CLOSED = "not_yet_open", "may_not_be_open_yet", "open", "closed"
# When several cohorts' windows are told as one: the first of these that any window has.
_APPLICATIONS_PRECEDENCE = (OPEN, MAY_NOT_BE_OPEN_YET, NOT_YET_OPEN, CLOSED)


def qualification(answers: Answers, criterion: Criterion) -> str:
    """Met when the person graduated from a programme of an accepted kind."""
    if answers.qualification is None:
        return UNKNOWN
    graduated_from_accepted_programme = answers.qualification in criterion.accepted
    return MET if graduated_from_accepted_programme else NOT_MET


def hk_resident(answers: Answers, criterion: Criterion) -> str:
    """Met when the person has Hong Kong resident status."""
    if answers.hk_resident is None:
        return UNKNOWN
    return MET if answers.hk_resident else NOT_MET


def not_employed(answers: Answers, criterion: Criterion) -> str:
    """Met when the person will have no job at all, part-time included, on the application date."""
    if answers.employed_now is None:
        return UNKNOWN
    employed_on_application_date = answers.employed_now
    return NOT_MET if employed_on_application_date else MET


def short_experience(answers: Answers, criterion: Criterion) -> str:
    """Met when no stretch of full-time work, at any time up to the application date, lasted the limit."""
    if answers.full_time_jobs is None:
        return UNKNOWN
    longest = longest_full_time_stretch(answers)
    worked_the_limit = longest is not None and longest.length[0] >= criterion.fewer_than_months
    return NOT_MET if worked_the_limit else MET


PREDICATES = {
    "qualification": qualification,
    "hk_resident": hk_resident,
    "not_employed": not_employed,
    "short_experience": short_experience,
}


def longest_full_time_stretch(answers: Answers) -> Stretch | None:
    """The longest stretch of full-time jobs, each counted up to the application date at most.

    The rule and its explanation both ask for it; it is worked out once per set of answers, however many jobs
    they list.
    """
    global _last_longest
    if _last_longest is None or _last_longest[0] is not answers:
        worked = [_days_worked(job, answers.application_date) for job in answers.full_time_jobs or ()]
        _last_longest = (answers, longest_stretch(full_time_stretches(worked)))
    return _last_longest[1]


_last_longest: tuple[Answers, Stretch | None] | None = None


def _days_worked(job: Job, application_date: date) -> tuple[date, date]:
    """The job's first and last day, an ongoing job running to the application date and none going past it."""
    return job.start, application_date if job.end is None else min(job.end, application_date)


def outcome(statuses: Iterable[str]) -> str:
    """Not eligible if any criterion is not met; otherwise unsure if any is unanswered; otherwise eligible."""
    statuses = list(statuses)
    if NOT_MET in statuses:
        return NOT_ELIGIBLE
    if UNKNOWN in statuses:
        return UNSURE
    return ELIGIBLE


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
