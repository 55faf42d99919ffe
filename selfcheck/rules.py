"""The rules the engine runs on: one family of types, read from the JSON-compatible dict that the site makes from its
data (programme.data.rules), and used by the site itself with its texts in every language.

The types are generic in their text: the site's data holds a text in each language (`Criterion[Text]`), the engine
runs on one language (`Criterion[str]`). The dict comes from data that has been checked, so a problem here is a
programming error: read_rules raises RulesError with the path of what is wrong, for the site to locate in its data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from selfcheck import kinds
from selfcheck.dates import DateError, PartialDate, parse_day

T = TypeVar("T")
Path = tuple[str | int, ...]
APPLICATION_DATE = "application_date"  # the one question every self-check asks: the day the person will apply
QUESTION_KINDS = ("date", "choice", "yes_no", "periods")
EXPLAIN_KEYS = ("met", "not_met", "unknown", "would_change")


class RulesError(ValueError):
    """The rules data does not have the shape the engine needs: `path` says where, `problem` what is wrong."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{format_path(path)}: {problem}")
        self.path = path
        self.problem = problem


def format_path(path: Path) -> str:
    """`criteria[2].parameters.accepted`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "rules"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One answer a choice question accepts, with the words shown for it."""

    value: str
    label: T


@dataclass(frozen=True)
class Question(Generic[T]):
    """One question of the self-check: the answer key it fills, the kind of answer, and its words."""

    key: str
    kind: str
    prompt: T
    hint: T | None = None
    options: tuple[Option[T], ...] = ()
    employed_question: str | None = None  # periods: the yes/no question of having a job on the application date
    name: T | None = None  # date: what the date is called at the start of a sentence ("The date you will apply")

    def label_of(self, value: str) -> T | str:
        """The words shown for an option value (the value itself if no option has it)."""
        return next((option.label for option in self.options if option.value == value), value)


@dataclass(frozen=True)
class Criterion(Generic[T]):
    """One eligibility criterion: a kind (selfcheck.kinds), the question it reads, the kind's parameters, where it
    applies (None: every cohort, every track), its statement and any words of its own for its explanations."""

    id: str
    kind: str
    question: str
    statement: T
    parameters: Mapping[str, object] = field(default_factory=dict)
    cohorts: tuple[str, ...] | None = None
    tracks: tuple[str, ...] | None = None
    explain: Mapping[str, T] = field(default_factory=dict)
    ref: object = None  # where the criterion comes from: the site's provenance, carried through, never read here

    def applies_to(self, cohort: str, track: str | None) -> bool:
        """Whether the criterion applies to applicants of this cohort and track (None: a track not yet chosen)."""
        in_cohort = self.cohorts is None or cohort in self.cohorts
        in_track = self.tracks is None or track is None or track in self.tracks
        return in_cohort and in_track


@dataclass(frozen=True)
class Window(Generic[T]):
    """One cohort's application window; both days included."""

    cohort: str  # the cohort's id
    name: T      # the cohort's name
    opens: date
    opens_no_later_than: bool
    closes: date


@dataclass(frozen=True)
class Track(Generic[T]):
    id: str
    name: T


@dataclass(frozen=True)
class Citation(Generic[T]):
    """A document the criteria come from, as a result cites it; `published` is ISO text of any precision."""

    title: T
    publisher: T
    published: str


@dataclass(frozen=True)
class Rules(Generic[T]):
    """Everything the engine knows about the programme: criteria, questions, windows, tracks, provenance."""

    criteria: tuple[Criterion[T], ...]
    questions: tuple[Question[T], ...]
    windows: tuple[Window[T], ...]
    tracks: tuple[Track[T], ...]
    sources: tuple[Citation[T], ...]
    reviewed: date

    def question(self, key: str) -> Question[T] | None:
        """The question that asks for answer `key`, if the rules have one."""
        return next((question for question in self.questions if question.key == key), None)


def read_rules(raw: object) -> Rules[str]:
    """Read the rules dict, or raise RulesError at the first thing that is not as expected."""
    document = _expect(raw, dict, ())
    questions = _read_list(document, "questions", _read_question, empty_allowed=False)
    if not any(question.key == APPLICATION_DATE and question.kind == "date" for question in questions):
        raise RulesError(("questions",), f"no date question asks for {APPLICATION_DATE}")
    rules = Rules(
        criteria=_read_list(document, "criteria", _read_criterion, empty_allowed=True),
        questions=questions,
        windows=_read_list(document, "windows", _read_window, empty_allowed=False),
        tracks=_read_list(document, "tracks", _read_track, empty_allowed=True),
        sources=_read_list(document, "sources", _read_source, empty_allowed=False),
        reviewed=_read_day(document.get("reviewed"), ("reviewed",)),
    )
    for index, criterion in enumerate(rules.criteria):
        _check_wiring(criterion, rules, ("criteria", index))
    return rules


def _read_list(document: dict, key: str, read_item, *, empty_allowed: bool) -> tuple:
    items = _expect(document.get(key, [] if empty_allowed else None), list, (key,))
    if not items and not empty_allowed:
        raise RulesError((key,), "empty; list at least one")
    return tuple(read_item(item, (key, index)) for index, item in enumerate(items))


def _read_criterion(raw: object, path: Path) -> Criterion[str]:
    item = _expect(raw, dict, path)
    kind = kinds.KINDS.get(_expect(item.get("kind"), str, (*path, "kind")))
    if kind is None:
        raise RulesError((*path, "kind"), f"unknown kind {item['kind']!r}; known: {', '.join(kinds.KINDS)}")
    parameters = _expect(item.get("parameters", {}), dict, (*path, "parameters"))
    problem = kind.parameter_problem(parameters)
    if problem:
        raise RulesError((*path, "parameters", *problem[0]), problem[1])
    explain = _expect(item.get("explain", {}), dict, (*path, "explain"))
    for key, text in explain.items():
        if key not in EXPLAIN_KEYS:
            raise RulesError((*path, "explain", key), f"unknown explanation; known: {', '.join(EXPLAIN_KEYS)}")
        _expect(text, str, (*path, "explain", key))
        unknown = kinds.unknown_placeholders(text, kind)
        if unknown:
            raise RulesError((*path, "explain", key), f"no placeholder {unknown[0]!r} for a {kind.name} criterion")
    return Criterion(
        id=_expect(item.get("id"), str, (*path, "id")),
        kind=kind.name,
        question=_expect(item.get("question"), str, (*path, "question")),
        statement=_expect(item.get("statement"), str, (*path, "statement")),
        parameters=kind.read_parameters(parameters),
        cohorts=_read_ids(item.get("cohorts"), (*path, "cohorts")),
        tracks=_read_ids(item.get("tracks"), (*path, "tracks")),
        explain=dict(explain),
    )


def _read_ids(raw: object, path: Path) -> tuple[str, ...] | None:
    if raw is None:
        return None
    items = _expect(raw, list, path)
    if not items:
        raise RulesError(path, "empty; leave it out to apply everywhere")
    return tuple(_expect(value, str, (*path, index)) for index, value in enumerate(items))


def _check_wiring(criterion: Criterion[str], rules: Rules[str], path: Path) -> None:
    """The criterion's question exists and is of its kind's question kind; its limits name cohorts and tracks."""
    question = rules.question(criterion.question)
    kind = kinds.KINDS[criterion.kind]
    if question is None:
        raise RulesError((*path, "question"), f"no question {criterion.question!r}")
    if question.kind != kind.question_kind:
        raise RulesError((*path, "question"), f"a {kind.name} criterion reads a {kind.question_kind} question; "
                                              f"{question.key!r} is a {question.kind} question")
    if "accepted" in criterion.parameters:
        values = {option.value for option in question.options}
        for index, value in enumerate(criterion.parameters["accepted"]):
            if value not in values:
                raise RulesError((*path, "parameters", "accepted", index), f"{value!r} is not an option of {question.key!r}")
    for key, known in (("cohorts", {window.cohort for window in rules.windows}), ("tracks", {track.id for track in rules.tracks})):
        for index, value in enumerate(getattr(criterion, key) or ()):
            if value not in known:
                raise RulesError((*path, key, index), f"no {key[:-1]} {value!r}")


def _read_question(raw: object, path: Path) -> Question[str]:
    item = _expect(raw, dict, path)
    kind = _expect(item.get("kind"), str, (*path, "kind"))
    if kind not in QUESTION_KINDS:
        raise RulesError((*path, "kind"), f"unknown question kind {kind!r}; known: {', '.join(QUESTION_KINDS)}")
    options = _expect(item.get("options", []), list, (*path, "options"))
    if kind == "choice" and not options:
        raise RulesError((*path, "options"), "a choice question needs its options")
    return Question(
        key=_expect(item.get("key"), str, (*path, "key")),
        kind=kind,
        prompt=_expect(item.get("prompt"), str, (*path, "prompt")),
        hint=_expect(item["hint"], str, (*path, "hint")) if "hint" in item else None,
        options=tuple(_read_option(option, (*path, "options", index)) for index, option in enumerate(options)),
        employed_question=_expect(item["employed_question"], str, (*path, "employed_question"))
        if "employed_question" in item else None,
        name=_expect(item["name"], str, (*path, "name")) if "name" in item else None,
    )


def _read_option(raw: object, path: Path) -> Option[str]:
    item = _expect(raw, dict, path)
    return Option(value=_expect(item.get("value"), str, (*path, "value")),
                  label=_expect(item.get("label"), str, (*path, "label")))


def _read_window(raw: object, path: Path) -> Window[str]:
    item = _expect(raw, dict, path)
    window = Window(
        cohort=_expect(item.get("cohort"), str, (*path, "cohort")),
        name=_expect(item.get("name"), str, (*path, "name")),
        opens=_read_day(item.get("opens"), (*path, "opens")),
        opens_no_later_than=_expect(item.get("opens_no_later_than", False), bool, (*path, "opens_no_later_than")),
        closes=_read_day(item.get("closes"), (*path, "closes")),
    )
    if window.closes < window.opens:
        raise RulesError(path, f"closes ({window.closes}) is before opens ({window.opens})")
    return window


def _read_track(raw: object, path: Path) -> Track[str]:
    item = _expect(raw, dict, path)
    return Track(id=_expect(item.get("id"), str, (*path, "id")), name=_expect(item.get("name"), str, (*path, "name")))


def _read_source(raw: object, path: Path) -> Citation[str]:
    item = _expect(raw, dict, path)
    published = _expect(item.get("published"), str, (*path, "published"))
    try:
        PartialDate.parse(published)
    except DateError as error:
        raise RulesError((*path, "published"), str(error)) from None
    return Citation(title=_expect(item.get("title"), str, (*path, "title")),
                    publisher=_expect(item.get("publisher"), str, (*path, "publisher")), published=published)


def _read_day(raw: object, path: Path) -> date:
    try:
        return parse_day(_expect(raw, str, path))
    except DateError as error:
        raise RulesError(path, str(error)) from None


def _expect(value: object, kind: type, path: Path):
    """value, if it is of type `kind` (an integer is not a bool); otherwise raise RulesError."""
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RulesError(path, f"expected {kind.__name__}, found {type(value).__name__}")
    return value
