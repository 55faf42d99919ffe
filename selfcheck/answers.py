"""Validate a person's answers against the questions in the rules data, collecting every error.

A missing answer or JSON null is unanswered, and so is a date left empty; anything else must be a valid answer of
the question's kind. At least one question about the person must be answered: with none, there is nothing to check.
Each error is a message (an id and its facts); selfcheck.wording words it in a language. An error about a date also
names the parts at fault (day, month, year), so that a page marks only those.

A date is text written YYYY-MM-DD, or its parts as a person typed them: {"day": "27", "month": "3", "year": "2021"}
(selfcheck.dates.typed_day says what each part may be).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from selfcheck.dates import (
    DATE_PARTS, DAY, MISSING_PARTS, MONTH, NO_SUCH_DAY, NOT_ISO, YEAR, YEAR_OUT_OF_RANGE, DateError, parse_day, typed_day,
    typed_is_empty,
)
from selfcheck.messages import Message, message
from selfcheck.rules import APPLICATION_DATE, Option, Question

MAX_ERRORS = 50
_LONGEST_FIELD = 60
_JOB_KEYS = ("start", "end")
_LONGEST_MONTH = 31


@dataclass(frozen=True)
class Job:
    """A full-time job; end is None while it goes on."""

    start: date
    end: date | None


@dataclass(frozen=True)
class Answers:
    """Valid answers by question key, the application date always among them; a missing key is unanswered. A date
    is a date, a choice its value, a yes/no a bool, periods a tuple of Jobs (empty: never worked full time)."""

    application_date: date
    values: Mapping[str, object]

    def get(self, key: str) -> object:
        """The answer to question `key`, or None if it was not answered."""
        return self.values.get(key)


@dataclass(frozen=True)
class AnswerError:
    """What is wrong with one answer; field is a path such as full_time_jobs[1].end, "" for the whole. An error about
    a date names the parts at fault, in the order day, month, year (all three: the date as a whole); others none."""

    field: str
    message: Message
    parts: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The kind of problem (its message id), stable, so that a page can word it for its controls."""
        return self.message.id


class _Errors:
    """Every answer error counted, the first MAX_ERRORS kept: a person needs the first few, and a million answers
    that are all wrong must not take a million messages' worth of memory or wording."""

    def __init__(self) -> None:
        self.kept: list[AnswerError] = []
        self.count = 0

    def add(self, field: str, code: str, at_fault: tuple[str, ...] = (), **facts: object) -> None:
        """Count an error (about the parts `at_fault` of a date, if it is one); keep it only if it is one of the first few."""
        self.count += 1
        if len(self.kept) < MAX_ERRORS:
            self.kept.append(AnswerError(field, message(code, **facts), at_fault))

    def __len__(self) -> int:
        return self.count


class InvalidAnswers(ValueError):
    """The answers cannot be checked; errors lists the first MAX_ERRORS problems, `more` counts the rest."""

    def __init__(self, errors: list[AnswerError], more: int = 0) -> None:
        super().__init__(f"{len(errors) + more} invalid answer(s)")
        self.errors = errors
        self.more = more


def read_answers(raw: object, questions: tuple[Question, ...]) -> Answers:
    """The valid answers in raw, or raise InvalidAnswers listing every problem."""
    if not isinstance(raw, dict):
        raise InvalidAnswers([AnswerError("", message("answers_not_an_object", found=raw))])
    errors = _Errors()
    values = {}
    for question in questions:
        value = raw.get(question.key)
        if value is None or (question.kind == "date" and _empty_date(value)):
            if question.key == APPLICATION_DATE:
                errors.add(question.key, "application_date_missing", DATE_PARTS, name=question.name)
            continue
        values[question.key] = _read_answer(value, question, errors)
    about_the_person = [question.key for question in questions if question.key != APPLICATION_DATE]
    if about_the_person and not any(key in values for key in about_the_person):
        errors.add(about_the_person[0], "nothing_answered")  # links to the first question
    if values.get(APPLICATION_DATE):
        for question in questions:
            if question.kind == "periods" and values.get(question.key):
                _check_jobs_against_application(question, values, errors)
    known_keys = [question.key for question in questions]
    for key in raw:
        if key not in known_keys:
            errors.add(_shortened(key), "unknown_answer", key=key, known_keys=known_keys)
    if errors:
        raise InvalidAnswers(errors.kept, errors.count - len(errors.kept))
    return Answers(values.pop(APPLICATION_DATE), values)


def _read_answer(value: object, question: Question, errors: _Errors) -> object:
    if question.kind == "date":
        return _read_date(value, question.key, errors, name=question.name)
    if question.kind == "choice":
        return _read_choice(value, question.options, question.key, errors)
    if question.kind == "yes_no":
        return _read_yes_no(value, question.key, errors)
    return _read_jobs(value, question.key, errors)


def _empty_date(value: object) -> bool:
    """Whether a date answer holds nothing: null, empty text, or parts all left empty."""
    if isinstance(value, dict):
        return set(value) <= set(DATE_PARTS) and all(typed_is_empty(value.get(part)) for part in DATE_PARTS)
    return value is None or value == ""


def _read_date(value: object, field: str, errors: _Errors, **named: object) -> date | None:
    """A date answer: text YYYY-MM-DD, or typed parts; `named` names the date in its errors (a question's `name`, or
    the `job` number and `end` of a job's date)."""
    try:
        if isinstance(value, dict):
            unknown = [key for key in value if key not in DATE_PARTS]
            for key in unknown:
                errors.add(field, "date_unknown_part", DATE_PARTS, key=key, known_keys=DATE_PARTS, **named)
            return None if unknown else typed_day(*(value.get(part) for part in DATE_PARTS))
        return parse_day(value)
    except DateError as error:
        code, at_fault, facts = _date_problem(error, value)
        errors.add(field, code, at_fault, **facts, **named)
        return None


def _date_problem(error: DateError, value: object) -> tuple[str, tuple[str, ...], dict]:
    """The message id, the parts at fault and the facts of a date that cannot be read, from the first problem found
    (selfcheck.dates.typed_day says in which order): text not written YYYY-MM-DD, parts missing, a day the month does
    not have, a year outside the years the self-check knows, or parts that cannot be a day, a month or a year (a day
    past 31 among them)."""
    if error.code == NOT_ISO:
        return "not_a_date", error.at_fault, {"found": value}
    if error.code == MISSING_PARTS:
        return "date_incomplete", error.at_fault, {"missing": error.at_fault}
    if error.code == NO_SUCH_DAY and 1 <= error.parts["day"] <= _LONGEST_MONTH:
        return "no_such_date", error.at_fault, {key: error.parts[key] for key in (DAY, MONTH, YEAR, "last_day")}
    if error.code == YEAR_OUT_OF_RANGE:
        return "date_year_out_of_range", error.at_fault, {}
    return "date_part_invalid", error.at_fault, {"unreadable": error.at_fault}


def _read_choice(value: object, options: tuple[Option, ...], field: str, errors: _Errors) -> str | None:
    values = [option.value for option in options]
    if not isinstance(value, str) or value not in values:
        errors.add(field, "not_an_option", found=value, values=values)
        return None
    return value


def _read_yes_no(value: object, field: str, errors: _Errors) -> bool | None:
    if not isinstance(value, bool):
        errors.add(field, "not_yes_or_no", found=value)
        return None
    return value


def _read_jobs(value: object, field: str, errors: _Errors) -> tuple[Job | None, ...] | None:
    """The jobs, with None in place of each invalid one (which has its errors listed)."""
    if not isinstance(value, list):
        errors.add(field, "jobs_not_a_list", found=value)
        return None
    return tuple(_read_job(item, f"{field}[{index}]", index + 1, errors) for index, item in enumerate(value))


def _read_job(raw: object, field: str, number: int, errors: _Errors) -> Job | None:
    """A job {start, end?}, the `number`th listed; an empty or null end means the job goes on."""
    if not isinstance(raw, dict):
        errors.add(field, "job_not_an_object", number=number, found=raw)
        return None
    errors_before = len(errors)
    start = end = None
    if _empty_date(raw.get("start")):
        errors.add(f"{field}.start", "job_start_missing", DATE_PARTS, job=number, end=False)
    else:
        start = _read_date(raw["start"], f"{field}.start", errors, job=number, end=False)
    if not _empty_date(raw.get("end")):
        end = _read_date(raw["end"], f"{field}.end", errors, job=number, end=True)
    if start and end and end < start:
        errors.add(f"{field}.end", "job_ends_before_it_starts", DATE_PARTS, number=number, start=start, end=end)
    for key in raw:
        if key not in _JOB_KEYS:
            errors.add(f"{field}.{_shortened(key)}", "unknown_job_detail", number=number, key=key, known_keys=_JOB_KEYS)
    return Job(start, end) if len(errors) == errors_before else None


def _shortened(key: str) -> str:
    """An unknown key as an error's field: it names no control, and may be of any length."""
    return key if len(key) <= _LONGEST_FIELD else key[: _LONGEST_FIELD - 1] + "…"


def _check_jobs_against_application(question: Question, values: dict, errors: _Errors) -> None:
    """Each job starts by the application date, and ends before it unless the person will be employed then (as the
    question's employed_question, a yes/no question, answers)."""
    application_date = values[APPLICATION_DATE]
    not_employed_then = question.employed_question is not None and values.get(question.employed_question) is False
    for index, job in enumerate(values[question.key]):
        if job is None:
            continue
        if job.start > application_date:
            errors.add(f"{question.key}[{index}].start", "job_starts_after_application", DATE_PARTS, number=index + 1,
                       start=job.start, application_date=application_date)
        elif not_employed_then and (job.end is None or job.end >= application_date):
            errors.add(f"{question.key}[{index}].end", "job_covers_application_while_not_employed", DATE_PARTS,
                       number=index + 1, end=job.end, application_date=application_date)
