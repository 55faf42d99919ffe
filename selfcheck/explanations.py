"""Why each criterion has its status, what would change one that is not met, and where the application date falls
in each window: as messages, so that choosing what to say is done once and wording it is done per language."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from selfcheck.messages import Message, message
from selfcheck.policy import MET, UNKNOWN, longest_full_time_stretch

if TYPE_CHECKING:
    from selfcheck.answers import Answers
    from selfcheck.rules import Criterion, Rules, Source, Window


def criterion_explanation(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[Message, Message | None]:
    """(explanation, what would change it) for a criterion's status; the second only when not met."""
    return _EXPLAIN[criterion.id](criterion, status, answers, rules)


def _explain_qualification(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[Message, Message | None]:
    if status == UNKNOWN:
        return message("qualification_not_said"), None
    question = rules.question("qualification")
    if status == MET:
        return message("qualification_accepted", programme=question.label_of(answers.qualification)), None
    accepted = [question.label_of(value) for value in criterion.accepted]
    return message("qualification_not_accepted", accepted=accepted), message("qualification_would_change", accepted=accepted)


def _explain_hk_resident(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[Message, Message | None]:
    if status == UNKNOWN:
        return message("hk_resident_not_said"), None
    if status == MET:
        return message("hk_resident_status_held"), None
    return message("hk_resident_status_not_held"), message("hk_resident_would_change")


def _explain_not_employed(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[Message, Message | None]:
    day = answers.application_date
    if status == UNKNOWN:
        return message("employment_not_said", day=day), None
    if status == MET:
        return message("not_employed_on_application_date", day=day), None
    question = rules.question("employed_now")
    hint = question.hint if question else None
    return message("employed_on_application_date", day=day, hint=hint), message("employment_would_change")


def _explain_short_experience(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[Message, Message | None]:
    limit = criterion.fewer_than_months
    if status == UNKNOWN:
        return message("experience_not_said"), None
    longest = longest_full_time_stretch(answers)
    if longest is None:
        return message("never_worked_full_time", limit=limit), None
    months, days = longest.length
    stretch = {
        "months": months, "days": days, "first_day": longest.first_day, "last_day": longest.last_day,
        "job_count": longest.job_count, "counted_to_application_date": longest.last_day == answers.application_date,
    }
    if status == MET:
        return message("longest_stretch_short_enough", limit=limit, **stretch), None
    return message("longest_stretch_too_long", limit=limit, **stretch), message("experience_would_change", limit=limit)


_EXPLAIN = {
    "qualification": _explain_qualification,
    "hk_resident": _explain_hk_resident,
    "not_employed": _explain_not_employed,
    "short_experience": _explain_short_experience,
}


def applications_summary(status: str, application_date: date) -> Message:
    """Whether applications, of any cohort, are open on the application date."""
    return message("applications", status=status, day=application_date)


def window_explanation(window: Window, status: str) -> Message:
    """One cohort's window, as it stands on the application date."""
    return message("window", status=status, cohort=window.cohort, opens=window.opens, closes=window.closes)


def rules_applied(sources: tuple[Source, ...], reviewed: date) -> Message:
    """Which published criteria the check applied, and when programme staff last reviewed them."""
    return message("rules_applied", sources=sources, reviewed=reviewed)
