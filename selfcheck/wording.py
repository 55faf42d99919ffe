"""Every English word the self-check shows a person: explanations, answer errors and the text report.

The rest of the engine decides; this module only says. Each sentence is whole, with named
placeholders, so that it can be translated as one. Dates read like "3 January 2021".
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from selfcheck.periods import Stretch
from selfcheck.policy import (
    CLOSED,
    ELIGIBLE,
    MAY_NOT_BE_OPEN_YET,
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
    from selfcheck.rules import Criterion, Rules, Source, Window

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_LONGEST_QUOTED_TEXT = 40
_LARGEST_QUOTED_NUMBER = 10**15


def format_date(value: date | str) -> str:
    """A date as people write it, to its precision: 3 January 2021; from ISO text also February 2021, 2021."""
    year, month, day = ([int(part) for part in str(value).split("-")] + [None, None])[:3]
    if month is None:
        return str(year)
    month_and_year = f"{_MONTHS[month - 1]} {year}"
    return f"{day} {month_and_year}" if day else month_and_year


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


def nothing_answered() -> str:
    return "Answer the questions about yourself: with none answered, there is nothing to check."


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
    if status == MET:
        programme = _within_sentence(question.label_of(answers.qualification))
        return f"You graduated from {programme}, which is accepted.", None
    accepted = _either(_within_sentence(question.label_of(value)) for value in criterion.accepted)
    return (
        f"You have not graduated from {accepted}.",
        f"You would meet this once you have graduated from {accepted}.",
    )


def _explain_hk_resident(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    if status == UNKNOWN:
        return "You have not said whether you have Hong Kong resident status.", None
    if status == MET:
        return "You have Hong Kong resident status.", None
    return (
        "You do not have Hong Kong resident status.",
        "You would meet this once you have Hong Kong resident status.",
    )


def _explain_not_employed(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    day = format_date(answers.application_date)
    if status == UNKNOWN:
        return f"You have not said whether you will be employed on {day}, the date you will apply.", None
    if status == MET:
        return f"You will not be employed on {day}, the date you will apply.", None
    question = rules.question("employed_now")
    hint = f" {question.hint}" if question and question.hint else ""
    return (
        f"You will be employed on {day}, the date you will apply.{hint}",
        "You would meet this if you apply on a day when you have no job at all, for example after your job ends.",
    )


def _explain_short_experience(criterion: Criterion, status: str, answers: Answers, rules: Rules) -> tuple[str, str | None]:
    limit = _count(criterion.fewer_than_months, "month")
    if status == UNKNOWN:
        return "You have not said whether you have ever worked full time.", None
    longest = longest_full_time_stretch(answers)
    if longest is None:
        return f"You have never worked full time, so you have fewer than {limit} of full-time work.", None
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


# Applications: where the application date falls in each cohort's window, told beside the outcome, never changing it.

_APPLICATIONS_ON = {
    OPEN: "On {day}, applications are open.",
    CLOSED: "On {day}, applications are closed.",
    NOT_YET_OPEN: "On {day}, applications are not open yet.",
    MAY_NOT_BE_OPEN_YET: "On {day}, applications may not be open yet.",
}
_WINDOW_ON_THE_DAY = {
    OPEN: "{cohort}: applications are open until {closes}.",
    CLOSED: "{cohort}: applications closed on {closes}.",
    NOT_YET_OPEN: "{cohort}: applications open on {opens} and close on {closes}.",
    MAY_NOT_BE_OPEN_YET: "{cohort}: applications open by {opens} (the exact day is not known) and close on {closes}.",
}


def applications_summary(status: str, application_date: date) -> str:
    """Whether applications, of any cohort, are open on the application date."""
    return _APPLICATIONS_ON[status].format(day=format_date(application_date))


def window_explanation(window: Window, status: str) -> str:
    """One cohort's window, as it stands on the application date."""
    return _WINDOW_ON_THE_DAY[status].format(
        cohort=window.cohort, opens=format_date(window.opens), closes=format_date(window.closes),
    )


def rules_applied(sources: tuple[Source, ...], reviewed: date) -> str:
    """Which published criteria the check applied, and when programme staff last reviewed them."""
    citations = _and(
        "“{title}” ({publisher}, {published})".format(
            title=source.title, publisher=source.publisher, published=format_date(source.published),
        )
        for source in sources
    )
    return "The criteria checked are those published in {citations}, as last reviewed by programme staff on {reviewed}.".format(
        citations=citations, reviewed=format_date(reviewed),
    )


# The report for people (python -m selfcheck --text).

_OUTCOMES = {
    ELIGIBLE: "Eligible: you meet every criterion.",
    NOT_ELIGIBLE: "Not eligible: you do not meet every criterion.",
    UNSURE: "Not sure yet: answer every question to find out.",
}
_STATUS_MARKS = {MET: "✓ Met", NOT_MET: "✗ Not met", UNKNOWN: "? Not answered"}


def format_result_as_text(result: dict) -> str:
    """A result of selfcheck.evaluate as plain text: applications first, then the outcome, each criterion, the rules."""
    lines = [result["applications"]["summary"]]
    lines += [f"  {window['explanation']}" for window in result["windows"]]
    lines += ["", _OUTCOMES[result["outcome"]], ""]
    for criterion in result["criteria"]:
        lines.append(f"{_STATUS_MARKS[criterion['status']]}: {criterion['label']}")
        lines.append(f"  {criterion['explanation']}")
        if "what_would_change" in criterion:
            lines.append(f"  What would change it: {criterion['what_would_change']}")
    lines += ["", result["rules_applied"]["explanation"]]
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


def _and(words) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _within_sentence(label: str) -> str:
    """An answer's label as it reads inside an English sentence: "A degree programme" becomes "a degree programme".

    A first word in capitals (an abbreviation such as "HKDSE") keeps its case.
    """
    first_word = label.split(" ", 1)[0]
    if len(first_word) > 1 and first_word.isupper():
        return label
    return label[:1].lower() + label[1:]


def _quote(value: object) -> str:
    """A key someone sent, quoted as JSON and cut short: it may be any text of any length."""
    if not isinstance(value, str):
        return repr(value)
    shown = value if len(value) <= _LONGEST_QUOTED_TEXT else value[: _LONGEST_QUOTED_TEXT - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)
