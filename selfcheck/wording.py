"""Every English word the self-check shows a person: explanations, answer errors and the text report.

The rest of the engine decides; this module only says. Dates for people read like "1 Jan 2020".
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from selfcheck.periods import Stretch
from selfcheck.policy import (
    CLOSED,
    ELIGIBLE,
    MET,
    NOT_ELIGIBLE,
    NOT_MET,
    NOT_YET_OPEN,
    OPEN,
    UNKNOWN,
    UNSURE,
    longest_full_time_stretch,
)

if TYPE_CHECKING:
    from selfcheck.answers import Answers
    from selfcheck.rules import Criterion, Rules, Window

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LONGEST_QUOTED_TEXT = 40
_LARGEST_QUOTED_NUMBER = 10**15


def format_date(day: date) -> str:
    """A date as people read it: 1 Jan 2020."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_duration(months: int, days: int) -> str:
    """2 months and 30 days; 3 months; 5 days."""
    if months and days:
        return f"{_count(months, 'month')} and {_count(days, 'day')}"
    return _count(months, "month") if months else _count(days, "day")


# Answer errors: each says what is wrong and what was found.


def answers_not_an_object(found: object) -> str:
    example = '{"application_date": "YYYY-MM-DD"}'
    return f"The answers must be a JSON object such as {example}; found {describe_found(found)}."


def answers_not_json(problem: str, line: int, column: int) -> str:
    return f"The answers are not valid JSON: {problem} at line {line}, column {column}."


def answers_nested_too_deeply() -> str:
    return "The answers are nested too deeply to read; send an object with the answers at its top level."


def answers_number_too_long() -> str:
    return "The answers hold a number too long to read."


def answers_unreadable(source: str, reason: str) -> str:
    return f"Cannot read the answers from {source}: {reason}."


def application_date_missing() -> str:
    return "Enter the date you will apply, written as YYYY-MM-DD; there is none."


def unknown_answer(key: object, known_keys: list[str]) -> str:
    return f"There is no question {_quote(key)}. The answers can be: {', '.join(known_keys)}."


def not_a_date(found: object) -> str:
    return f"Enter a date written as YYYY-MM-DD (year, month, day); found {describe_found(found)}."


def no_such_date(found: str) -> str:
    return f"There is no such date as {found}: check the month and the day."


def not_an_option(found: object, values: list[str]) -> str:
    return f"Choose one of {', '.join(values)}; found {describe_found(found)}."


def not_yes_or_no(found: object) -> str:
    return f"Answer true or false; found {describe_found(found)}."


def jobs_not_a_list(found: object) -> str:
    return (
        'List the full-time jobs as [{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}, ...], '
        f"or [] if you have never worked full time; found {describe_found(found)}."
    )


def job_not_an_object(number: int, found: object) -> str:
    return f'Full-time job {number}: write each job as {{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}}; found {describe_found(found)}.'


def job_start_missing(number: int) -> str:
    return f"Enter the start date of full-time job {number}; there is none."


def job_ends_before_it_starts(number: int, start: date, end: date) -> str:
    return f"Full-time job {number} ends on {format_date(end)}, before it starts on {format_date(start)}."


def unknown_job_detail(number: int, key: object, known_keys: tuple[str, ...]) -> str:
    return f"Full-time job {number}: a job has no detail {_quote(key)}. A job can have: {', '.join(known_keys)}."


def job_starts_after_application(number: int, start: date, application_date: date) -> str:
    return (
        f"Full-time job {number} starts on {format_date(start)}, after the date you will apply "
        f"({format_date(application_date)}). List only jobs that start by then."
    )


def job_covers_application_while_not_employed(number: int, end: date | None, application_date: date) -> str:
    still_working = "has no end date" if end is None else f"ends on {format_date(end)}"
    return (
        f"Full-time job {number} {still_working}, so you would still have it on the date you will apply "
        f"({format_date(application_date)}), but you said you will not be employed then. "
        "Enter the day it ends, or change your answer about being employed."
    )


def describe_found(value: object) -> str:
    """What a person sent, in plain words: the text "yes", the number 3, a list, nothing."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the value {'true' if value else 'false'}"
    if isinstance(value, str):
        if not value:
            return "empty text"
        shown = value if len(value) <= _LONGEST_QUOTED_TEXT else value[: _LONGEST_QUOTED_TEXT - 1] + "…"
        return f"the text {json.dumps(shown, ensure_ascii=False)}"
    if isinstance(value, int) and abs(value) >= _LARGEST_QUOTED_NUMBER:
        return "a very large number"
    if isinstance(value, (int, float)):
        return f"the number {json.dumps(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a value of type {type(value).__name__}"


# Criteria: why each has its status, and what would change one that is not met.


def criterion_explanation(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    """(explanation, what would change it) for a criterion's status; the second only when not met."""
    return _EXPLAIN[criterion.id](criterion, status, answers, rules)


def _explain_qualification(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    if status == UNKNOWN:
        return "You have not said which programme you graduated from.", None
    question = rules.question("qualification")
    accepted = _either(question.label_of(value) for value in criterion.accepted)
    said = f"You said you graduated from: {question.label_of(answers.qualification)}."
    if status == MET:
        return f"{said} That is one of the accepted programmes: {accepted}.", None
    return (
        f"{said} The accepted programmes are: {accepted}.",
        f"You would meet this once you have graduated from one of: {accepted}.",
    )


def _explain_hk_resident(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    if status == UNKNOWN:
        return "You have not said whether you have Hong Kong resident status.", None
    if status == MET:
        return "You said you have Hong Kong resident status.", None
    return (
        "You said you do not have Hong Kong resident status.",
        "You would meet this once you have Hong Kong resident status.",
    )


def _explain_not_employed(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    on_the_day = f"on {format_date(answers.application_date)}, the date you will apply"
    if status == UNKNOWN:
        return f"You have not said whether you will be employed {on_the_day}.", None
    if status == MET:
        return f"You said you will not be employed {on_the_day}.", None
    question = rules.question("employed_now")
    hint = f" {question.hint}" if question and question.hint else ""
    return (
        f"You said you will be employed {on_the_day}.{hint}",
        "You would meet this if you apply on a day when you have no job at all, for example after your job ends.",
    )


def _explain_short_experience(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    limit = _count(criterion.fewer_than_months, "month")
    if status == UNKNOWN:
        return "You have not said whether you have ever worked full time.", None
    longest = longest_full_time_stretch(answers)
    if longest is None:
        return f"You said you have never worked full time, so you have fewer than {limit} of full-time work.", None
    stretch = f"Your longest full-time stretch was {_describe_stretch(longest, answers.application_date)}."
    if status == MET:
        return f"{stretch} That is fewer than {limit}.", None
    return (
        f"{stretch} That is {limit} or more; the programme asks for fewer than {limit}.",
        f"You would meet this only if none of your stretches of full-time work lasted {limit} or more. "
        "Check that each job you listed was full time and that its dates are right: "
        "a break of a day or more between two jobs starts a new stretch.",
    )


_EXPLAIN = {
    "qualification": _explain_qualification,
    "hk_resident": _explain_hk_resident,
    "not_employed": _explain_not_employed,
    "short_experience": _explain_short_experience,
}


def _describe_stretch(stretch: Stretch, application_date: date) -> str:
    """2 months and 30 days (1 Jan 2020 – 30 Mar 2020), with how it was counted when that is not obvious."""
    details = [f"{format_date(stretch.first_day)} – {format_date(stretch.last_day)}"]
    if stretch.job_count > 1:
        details.append(f"{stretch.job_count} jobs with no gap between them")
    if stretch.last_day == application_date:
        details.append("counted up to the date you will apply")
    return f"{format_duration(*stretch.length)} ({', '.join(details)})"


# The application window: reported beside the outcome, never changing it.


def window_explanation(window: Window, status: str, application_date: date) -> str:
    """When the window opens and closes, and whether it is open on the application date."""
    if window.opens_no_later_than:
        opening = f"open no later than {format_date(window.opens)} (the exact opening day is not known)"
    else:
        opening = f"open on {format_date(window.opens)}"
    on_the_day = f"On {format_date(application_date)}"
    state = {
        OPEN: f"{on_the_day} they are open.",
        CLOSED: f"{on_the_day} they are closed.",
        NOT_YET_OPEN: f"{on_the_day} they {'may not be' if window.opens_no_later_than else 'are not'} open yet.",
    }[status]
    return f"Applications for the {window.cohort} {opening} and close on {format_date(window.closes)}. {state}"


# The report for people (python -m selfcheck --text).

_OUTCOMES = {
    ELIGIBLE: "Eligible: you meet every criterion.",
    NOT_ELIGIBLE: "Not eligible: you do not meet every criterion.",
    UNSURE: "Not sure yet: answer every question to find out.",
}
_STATUS_MARKS = {MET: "✓ Met", NOT_MET: "✗ Not met", UNKNOWN: "? Not answered"}
_WINDOW_STATES = {OPEN: "open", CLOSED: "closed", NOT_YET_OPEN: "not open yet"}


def format_result_as_text(result: dict) -> str:
    """A result of selfcheck.evaluate as plain text: outcome, each criterion, the window."""
    application_date = date.fromisoformat(result["application_date"])
    lines = [_OUTCOMES[result["outcome"]], f"Date you will apply: {format_date(application_date)}", ""]
    for criterion in result["criteria"]:
        lines.append(f"{_STATUS_MARKS[criterion['status']]}: {criterion['label']}")
        lines.append(f"  {criterion['explanation']}")
        if "what_would_change" in criterion:
            lines.append(f"  What would change it: {criterion['what_would_change']}")
    window = result["window"]
    lines += ["", f"Applications ({window['cohort']}): {_WINDOW_STATES[window['status']]}", f"  {window['explanation']}"]
    return "\n".join(lines)


def rules_unusable(problem: str) -> str:
    return f"The self-check rules made from the programme data are not usable: {problem}"


def format_errors_as_text(errors: list[dict], more: int = 0) -> str:
    """Answer errors as plain text, one line each, named by field; how many more there are, past the first few."""
    lines = ["Some answers need changing before they can be checked:"]
    lines += [f"  {error['field'] or 'answers'}: {error['message']}" for error in errors]
    if more:
        lines.append(f"  … and {more:,} more.")
    return "\n".join(lines)


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def _either(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _quote(value: object) -> str:
    """A key someone sent, quoted as JSON and cut short: it may be any text of any length."""
    if not isinstance(value, str):
        return repr(value)
    shown = value if len(value) <= _LONGEST_QUOTED_TEXT else value[: _LONGEST_QUOTED_TEXT - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)
