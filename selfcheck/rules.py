"""The rules data the engine runs on, read from the JSON-compatible dict that programme.selfcheck_rules makes.

That dict comes from the validated programme data, so a problem here is a programming error: it
raises RulesError naming the path, in developer's words rather than a person's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# What each criterion id means to the engine: the parameters it reads from the rules data.
CRITERION_PARAMETERS = {
    "qualification": ("accepted",),
    "hk_resident": (),
    "not_employed": (),
    "short_experience": ("fewer_than_months",),
}

# The answers the engine reads, and the kind of question that must ask each.
ANSWER_KINDS = {
    "application_date": "date",
    "qualification": "choice",
    "hk_resident": "yes_no",
    "employed_now": "yes_no",
    "full_time_jobs": "periods",
}

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


class RulesError(ValueError):
    """The rules data does not have the shape the engine needs."""


@dataclass(frozen=True)
class Criterion:
    """One eligibility criterion, with the parameters its predicate needs."""

    id: str
    statement: str
    accepted: tuple[str, ...] = ()
    fewer_than_months: int | None = None


@dataclass(frozen=True)
class Option:
    """One answer a choice question accepts, with the words shown for it."""

    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """One question of the self-check: the answer key it fills and the kind of answer."""

    key: str
    kind: str
    prompt: str
    hint: str | None = None
    options: tuple[Option, ...] = ()

    def label_of(self, value: str) -> str:
        """The words shown for an option value (the value itself if no option has it)."""
        return next((option.label for option in self.options if option.value == value), value)


@dataclass(frozen=True)
class Window:
    """One cohort's application window; both days included."""

    cohort: str
    opens: date
    opens_no_later_than: bool
    closes: date


@dataclass(frozen=True)
class Source:
    """A document the criteria come from, as a result cites it; `published` is ISO text of any precision."""

    title: str
    publisher: str
    published: str


@dataclass(frozen=True)
class Rules:
    """Everything the engine knows about the programme: criteria, questions, every cohort's window, provenance."""

    criteria: tuple[Criterion, ...]
    questions: tuple[Question, ...]
    windows: tuple[Window, ...]
    sources: tuple[Source, ...]
    reviewed: date

    def question(self, key: str) -> Question | None:
        """The question that asks for answer `key`, if the rules have one."""
        return next((question for question in self.questions if question.key == key), None)


def read_rules(raw: object) -> Rules:
    """Read the rules dict, or raise RulesError at the first thing that is not as expected."""
    document = _expect(raw, dict, "rules")
    questions = tuple(
        _read_question(item, f"questions[{index}]")
        for index, item in enumerate(_expect(document.get("questions"), list, "questions"))
    )
    if not any(question.key == "application_date" for question in questions):
        raise RulesError("questions: no question asks for application_date")
    return Rules(
        criteria=tuple(
            _read_criterion(item, f"criteria[{index}]")
            for index, item in enumerate(_expect(document.get("criteria"), list, "criteria"))
        ),
        questions=questions,
        windows=_read_list(document, "windows", _read_window),
        sources=_read_list(document, "sources", _read_source),
        reviewed=_read_date(document.get("reviewed"), "reviewed"),
    )


def _read_list(document: dict, key: str, read_item) -> tuple:
    """A non-empty list under `key`, each item read by read_item(item, path)."""
    items = _expect(document.get(key), list, key)
    if not items:
        raise RulesError(f"{key}: empty; list at least one")
    return tuple(read_item(item, f"{key}[{index}]") for index, item in enumerate(items))


def _read_criterion(raw: object, path: str) -> Criterion:
    item = _expect(raw, dict, path)
    criterion_id = _expect(item.get("id"), str, f"{path}.id")
    if criterion_id not in CRITERION_PARAMETERS:
        raise RulesError(f"{path}.id: unknown criterion {criterion_id!r}; known: {', '.join(CRITERION_PARAMETERS)}")
    parameters = CRITERION_PARAMETERS[criterion_id]
    accepted = _expect(item.get("accepted"), list, f"{path}.accepted") if "accepted" in parameters else []
    if "accepted" in parameters and not accepted:
        raise RulesError(f"{path}.accepted: empty; list at least one accepted value")
    months = item.get("fewer_than_months") if "fewer_than_months" in parameters else None
    if "fewer_than_months" in parameters and (type(months) is not int or months < 1):
        raise RulesError(f"{path}.fewer_than_months: expected a whole number of at least 1, found {months!r}")
    return Criterion(
        id=criterion_id,
        statement=_expect(item.get("statement"), str, f"{path}.statement"),
        accepted=tuple(_expect(value, str, f"{path}.accepted[{index}]") for index, value in enumerate(accepted)),
        fewer_than_months=months,
    )


def _read_question(raw: object, path: str) -> Question:
    item = _expect(raw, dict, path)
    key = _expect(item.get("key"), str, f"{path}.key")
    kind = _expect(item.get("kind"), str, f"{path}.kind")
    if ANSWER_KINDS.get(key) != kind:
        expected = ", ".join(f"{known} ({known_kind})" for known, known_kind in ANSWER_KINDS.items())
        raise RulesError(f"{path}: the engine does not read a {kind!r} answer {key!r}; it reads {expected}")
    options = _expect(item.get("options", []), list, f"{path}.options")
    return Question(
        key=key,
        kind=kind,
        prompt=_expect(item.get("prompt"), str, f"{path}.prompt"),
        hint=_expect(item["hint"], str, f"{path}.hint") if "hint" in item else None,
        options=tuple(_read_option(option, f"{path}.options[{index}]") for index, option in enumerate(options)),
    )


def _read_option(raw: object, path: str) -> Option:
    item = _expect(raw, dict, path)
    return Option(
        value=_expect(item.get("value"), str, f"{path}.value"),
        label=_expect(item.get("label"), str, f"{path}.label"),
    )


def _read_window(raw: object, path: str) -> Window:
    item = _expect(raw, dict, path)
    window = Window(
        cohort=_expect(item.get("cohort"), str, f"{path}.cohort"),
        opens=_read_date(item.get("opens"), f"{path}.opens"),
        opens_no_later_than=_expect(item.get("opens_no_later_than", False), bool, f"{path}.opens_no_later_than"),
        closes=_read_date(item.get("closes"), f"{path}.closes"),
    )
    if window.closes < window.opens:
        raise RulesError(f"{path}: closes ({window.closes}) is before opens ({window.opens})")
    return window


def _read_source(raw: object, path: str) -> Source:
    item = _expect(raw, dict, path)
    published = _expect(item.get("published"), str, f"{path}.published")
    if not _ISO_PARTIAL_DATE.fullmatch(published):
        raise RulesError(f"{path}.published: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found {published!r}")
    try:
        date(*(int(part) for part in (published + "-01-01").split("-")[:3]))
    except ValueError:
        raise RulesError(f"{path}.published: there is no such date as {published!r}") from None
    return Source(
        title=_expect(item.get("title"), str, f"{path}.title"),
        publisher=_expect(item.get("publisher"), str, f"{path}.publisher"),
        published=published,
    )


def _read_date(raw: object, path: str) -> date:
    text = _expect(raw, str, path)
    if not _ISO_DATE.fullmatch(text):
        raise RulesError(f"{path}: expected a date written YYYY-MM-DD, found {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RulesError(f"{path}: there is no such date as {text!r}") from None


def _expect(value: object, kind: type, path: str):
    """value, if it is of type `kind`; otherwise raise RulesError."""
    if not isinstance(value, kind):
        raise RulesError(f"{path}: expected {kind.__name__}, found {type(value).__name__}")
    return value
