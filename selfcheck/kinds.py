"""The kinds of criterion staff can write as data: each reads one question, takes its parameters, and says whether an
answer meets it, with the facts an explanation needs.

A kind is the whole of what a criterion means to the engine; the data says the rest (the question, the threshold,
the words). Adding a kind means adding an entry to KINDS, its messages in selfcheck/wording.py and the catalogs, and
its row in the README's staff guide.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from selfcheck.dates import DateError, add_months, parse_day
from selfcheck.periods import full_time_stretches, longest_stretch

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
# Placeholders every criterion's own explanations may use.
COMMON_PLACEHOLDERS = ("application_date", "question")


@dataclass(frozen=True)
class Assessment:
    """A criterion's status for some answers, which of its explanations to give, and the facts that fill it."""

    status: str
    case: str  # the explanation: the status, or a variant of it (`met_never` for someone who never worked)
    facts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Parameter:
    name: str
    check: Callable[[object], str | None]  # what is wrong with a value, or None
    required: bool = True


@dataclass(frozen=True)
class Kind:
    name: str
    question_kind: str
    parameters: tuple[Parameter, ...]
    placeholders: tuple[str, ...]  # beyond COMMON_PLACEHOLDERS, what its own explanations may say
    assess: Callable[[object, Mapping, date], Assessment]
    cases: tuple[str, ...] = (MET, NOT_MET, UNKNOWN)  # the explanations its assessments may ask for
    read: Callable[[Mapping], dict] = dict  # the parameters as the assessment takes them
    together: Callable[[Mapping], str | None] = lambda raw: None  # what is wrong with the parameters as a whole

    def parameter_problem(self, raw: Mapping) -> tuple[tuple, str] | None:
        """(where, what) of the first parameter that is unknown, missing or wrong, or None."""
        known = {parameter.name: parameter for parameter in self.parameters}
        for name in raw:
            if name not in known:
                return (name,), f"a {self.name} criterion has no parameter {name!r}; it takes: {', '.join(known)}"
        for parameter in self.parameters:
            if parameter.name not in raw:
                if parameter.required:
                    return (), f"a {self.name} criterion needs the parameter {parameter.name!r}"
                continue
            problem = parameter.check(raw[parameter.name])
            if problem:
                return (parameter.name,), problem
        problem = self.together(raw)
        return ((), problem) if problem else None

    def read_parameters(self, raw: Mapping) -> dict:
        return self.read(raw)


def unknown_placeholders(text: str, kind: Kind) -> list[str]:
    """The placeholders of `text` that a criterion of `kind` cannot fill (a malformed one counts as unknown)."""
    allowed = set(COMMON_PLACEHOLDERS) | set(kind.placeholders)
    try:
        names = [name for _, name, spec, conversion in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["{"]
    return [name for name in names if name not in allowed]


# Parameter checks -----------------------------------------------------------------------------------------------------


def _values(value: object) -> str | None:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        return "expected a list of at least one answer value"
    return None


def _boolean(value: object) -> str | None:
    return None if isinstance(value, bool) else "expected true or false"


def _whole_number(low: int, high: int) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if type(value) is not int or not low <= value <= high:
            return f"expected a whole number from {low} to {high}"
        return None

    return check


def _day(value: object) -> str | None:
    try:
        parse_day(value)
    except DateError as error:
        return str(error)
    return None


# The kinds ------------------------------------------------------------------------------------------------------------


def _choice_in(answer: object, parameters: Mapping, application_date: date) -> Assessment:
    """Met when the answer is one of the accepted values."""
    facts = {"accepted": tuple(parameters["accepted"])}
    if answer is None:
        return Assessment(UNKNOWN, UNKNOWN, facts)
    status = MET if answer in parameters["accepted"] else NOT_MET
    return Assessment(status, status, {**facts, "answer": answer})


def _yes_no_is(answer: object, parameters: Mapping, application_date: date) -> Assessment:
    """Met when the yes/no answer is the one the criterion asks for."""
    facts = {"must_be": parameters["must_be"]}
    if answer is None:
        return Assessment(UNKNOWN, UNKNOWN, facts)
    status = MET if answer == parameters["must_be"] else NOT_MET
    return Assessment(status, status, {**facts, "answer": answer})


def _longest_stretch_under(answer: object, parameters: Mapping, application_date: date) -> Assessment:
    """Met when no stretch of jobs without a break (touching or overlapping jobs merge), each counted up to the
    application date at most, lasted the limit."""
    limit = parameters["fewer_than_months"]
    if answer is None:
        return Assessment(UNKNOWN, UNKNOWN, {"limit": limit})
    worked = [(job.start, application_date if job.end is None else min(job.end, application_date)) for job in answer]
    longest = longest_stretch(full_time_stretches(worked))
    if longest is None:
        return Assessment(MET, "met_never", {"limit": limit})
    months, days = longest.length
    facts = {
        "limit": limit, "months": months, "days": days, "first_day": longest.first_day, "last_day": longest.last_day,
        "job_count": longest.job_count, "counted_to_application_date": longest.last_day == application_date,
    }
    status = NOT_MET if months >= limit else MET
    return Assessment(status, status, facts)


def _date_compared(on_or_after: bool) -> Callable[[object, Mapping, date], Assessment]:
    def assess(answer: object, parameters: Mapping, application_date: date) -> Assessment:
        """Met when the answered date is on or after (or on or before) the criterion's date."""
        facts = {"date": parameters["date"]}
        if answer is None:
            return Assessment(UNKNOWN, UNKNOWN, facts)
        met = answer >= parameters["date"] if on_or_after else answer <= parameters["date"]
        status = MET if met else NOT_MET
        return Assessment(status, status, {**facts, "answer": answer})

    return assess


def age_on(birth: date, day: date) -> int:
    """Whole years from `birth` to `day`: a birthday is the same day of the month, clamped to a shorter month (29
    February's birthday is 28 February in other years), as the engine adds months everywhere."""
    years = day.year - birth.year
    return years - 1 if add_months(birth, 12 * years) > day else years


def _age_between(answer: object, parameters: Mapping, application_date: date) -> Assessment:
    """Met when the age on the application date is within the bounds, both included."""
    low, high = parameters.get("min_years"), parameters.get("max_years")
    bounds = "between" if low is not None and high is not None else "at_least" if low is not None else "at_most"
    facts = {"min_years": low, "max_years": high, "bounds": bounds}
    if answer is None:
        return Assessment(UNKNOWN, UNKNOWN, facts)
    age = age_on(answer, application_date)
    facts = {**facts, "answer": answer, "age": age}
    if low is not None and age < low:
        return Assessment(NOT_MET, "not_met_too_young", {**facts, "from_day": add_months(answer, 12 * low)})
    if high is not None and age > high:
        return Assessment(NOT_MET, "not_met_too_old", {**facts, "until_day": add_months(answer, 12 * (high + 1))})
    return Assessment(MET, MET, facts)


def _age_bounds(raw: Mapping) -> str | None:
    low, high = raw.get("min_years"), raw.get("max_years")
    if low is None and high is None:
        return "an age_between criterion needs min_years, max_years or both"
    if low is not None and high is not None and low > high:
        return f"min_years ({low}) is more than max_years ({high})"
    return None


def _read_dates(raw: Mapping) -> dict:
    return {name: parse_day(value) if name == "date" else value for name, value in raw.items()}


_AGE_BOUND = _whole_number(0, 150)
KINDS = {kind.name: kind for kind in (
    Kind("choice_in", "choice", (Parameter("accepted", _values),), ("answer", "accepted"), _choice_in),
    Kind("yes_no_is", "yes_no", (Parameter("must_be", _boolean),), ("answer",), _yes_no_is),
    Kind("longest_stretch_under", "periods", (Parameter("fewer_than_months", _whole_number(1, 120)),), ("limit",),
         _longest_stretch_under, (MET, "met_never", NOT_MET, UNKNOWN)),
    Kind("date_on_or_after", "date", (Parameter("date", _day),), ("answer", "date"), _date_compared(True), read=_read_dates),
    Kind("date_on_or_before", "date", (Parameter("date", _day),), ("answer", "date"), _date_compared(False),
         read=_read_dates),
    Kind("age_between", "date", (Parameter("min_years", _AGE_BOUND, required=False),
                                 Parameter("max_years", _AGE_BOUND, required=False)),
         ("answer", "age", "min_years", "max_years"), _age_between,
         (MET, "not_met_too_young", "not_met_too_old", UNKNOWN), together=_age_bounds),
)}
