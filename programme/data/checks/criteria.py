"""The self-check's rules as staff write them: each criterion of a known kind, with its kind's parameters, reading a
question that exists and asks for the kind's answer; every question read by a criterion; words whose placeholders
can be filled. Each problem is reported once, at its place; a value the schema refused is not reported again."""

from __future__ import annotations

import string
from collections.abc import Iterator

from programme.data.checks.walk import at, items, listing, texts, word
from programme.data.errors import Path, Problem, shown
from programme.data.building import criterion_parameters, statement_values
from selfcheck import kinds
from selfcheck.rules import APPLICATION_DATE, EXPLAIN_KEYS

# Every parameter any kind takes: the keys of a criterion that are its kind's to judge.
_PARAMETERS = {parameter.name for kind in kinds.KINDS.values() for parameter in kind.parameters}
# The parameters a statement may show: numbers and dates.
_SHOWABLE = ("fewer_than_months", "date", "min_years", "max_years")


def criteria_problems(data: dict) -> Iterator[Problem]:
    questions = {word(item.get("key")): (path, item) for path, item in items(data.get("self_check"), "questions", ("self_check",))}
    questions.pop(None, None)
    used, mismatched = set(), set()
    for path, criterion in items(data.get("eligibility"), "criteria", ("eligibility",)):
        used.add(word(criterion.get("question")))
        for problem in _criterion(path, criterion, questions):
            if problem.path == (*path, "question"):
                mismatched.add(word(criterion.get("question")))
            yield problem
    for key, (path, question) in questions.items():
        if key != APPLICATION_DATE and key not in used:
            yield Problem((*path, "key"), f"no criterion reads question {shown(key)}; remove it, or add the criterion that "
                                          "needs it")
        if key not in mismatched:  # a question of the wrong kind is said once, at the criterion that reads it
            yield from _question(path, question, questions)


def _criterion(path: Path, criterion: dict, questions: dict) -> Iterator[Problem]:
    name = word(criterion.get("kind"))
    kind = kinds.KINDS.get(name) if name else None
    if name and kind is None:
        yield Problem((*path, "kind"), f"unknown kind {shown(name)}; known kinds: {', '.join(kinds.KINDS)}")
    if kind is None:
        return
    takes = [parameter.name for parameter in kind.parameters]
    for parameter in _PARAMETERS & set(criterion):
        if parameter not in takes:
            yield Problem((*path, parameter), f"{parameter!r} is not a parameter of a {kind.name} criterion; it takes: "
                                              f"{', '.join(takes)}", at_key=True)
    for parameter in kind.parameters:
        if parameter.required and parameter.name not in criterion:
            yield Problem(path, f"a {kind.name} criterion needs {parameter.name!r}")
    problem = kind.together(criterion_parameters(criterion))
    if problem:
        yield Problem(path, problem)
    key = word(criterion.get("question"))
    question = questions.get(key, (None, None))[1] if key else None
    if key and question is None:
        yield Problem((*path, "question"), f"no question {shown(key)}; questions: {listing(questions)}")
    elif question is not None and word(question.get("kind")) and question.get("kind") != kind.question_kind:
        yield Problem((*path, "question"), f"a {kind.name} criterion reads a {kind.question_kind} question, and "
                                           f"{shown(key)} is a {shown(question.get('kind'), quote=False)} question")
    elif question is not None:
        yield from _accepted(path, criterion, question)
    yield from _statement_placeholders(path, criterion)
    explain = criterion.get("explain")
    if isinstance(explain, dict):
        allowed = (*kinds.COMMON_PLACEHOLDERS, *kind.placeholders)
        for explanation in EXPLAIN_KEYS:
            yield from _placeholders((*path, "explain", explanation), explain.get(explanation), allowed,
                                     f"a {kind.name} criterion's explanation")


def _accepted(path: Path, criterion: dict, question: dict) -> Iterator[Problem]:
    accepted = criterion.get("accepted")
    options = [value for _, option in items(question, "options", ()) if (value := word(option.get("value")))]
    if isinstance(accepted, list):
        for index, value in enumerate(accepted):
            if isinstance(value, str) and value not in options:
                yield Problem((*path, "accepted", index), f"{shown(value)} is not an option of question "
                                                          f"{shown(question.get('key'))}; options: {listing(options)}")


def _statement_placeholders(path: Path, criterion: dict) -> Iterator[Problem]:
    """A statement names its criterion's numbers and dates only as plain `{name}` placeholders, and names every one
    of them, so that what a visitor reads is always what the rule applies."""
    values = statement_values(criterion)
    # A parameter the schema refused (`fewer_than_months: three`) may still be named: it has had its say.
    allowed = tuple(name for name in _SHOWABLE if name in criterion)
    for where, text in texts((*path, "statement"), criterion.get("statement")):
        names = yield from _placeholders(where, text, allowed, "this criterion's statement", texts_only=True)
        for name in values:
            if names is not None and name not in names:
                what_goes = "date" if name == "date" else "number"
                yield Problem(where, f"the statement must say {{{name}}} where the {what_goes} goes, so that it always "
                                     f"shows the rule's {name} ({values[name]})")


def _placeholders(path: Path, value: object, allowed: tuple[str, ...], what: str, texts_only: bool = False):
    """Problems with the placeholders of a text (in each of its languages); returns the names the text uses."""
    used: set[str] | None = set()
    for where, text in ([(path, value)] if texts_only else texts(path, value)):
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)
                      if name is not None]
        except ValueError as exc:
            column = _unclosed_brace(text)
            yield Problem(where, f"broken placeholder in {shown(text)}: {exc} (the brace at character {column}); "
                                 "write {name} with both braces")
            used = None
            continue
        listed = ", ".join(f"{{{name}}}" for name in allowed) or "none"
        for name, spec, conversion in fields:
            if spec or conversion or not name.isidentifier():
                written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                yield Problem(where, f"placeholder {shown(written, quote=False)} has a format or conversion; write just "
                                     f"{{name}} ({what} can use: {listed})")
                if used is not None:
                    used.add(name)  # said once: not missing as well
            elif name not in allowed:
                yield Problem(where, f"unknown placeholder {{{shown(name, quote=False)}}}; {what} can use: {listed}")
            elif used is not None:
                used.add(name)
    return used


def _unclosed_brace(text: str) -> int:
    """The 1-based position of the first brace that has no partner, for a message."""
    depth_at = None
    for position, character in enumerate(text, start=1):
        if character == "{" and depth_at is None:
            depth_at = position
        elif character == "}":
            if depth_at is None:
                return position
            depth_at = None
    return depth_at or len(text)


def _question(path: Path, question: dict, questions: dict) -> Iterator[Problem]:
    kind = word(question.get("kind"))
    if kind == "choice" and "options" not in question:
        yield Problem(path, "a choice question needs its options")
    elif kind is not None and kind != "choice" and "options" in question:
        yield Problem((*path, "options"), f"only a choice question has options; this is a {shown(kind, quote=False)} "
                                          "question", at_key=True)
    if kind is not None and kind != "date" and "name" in question:
        yield Problem((*path, "name"), f"only a date question has a name; this is a {shown(kind, quote=False)} question",
                      at_key=True)
    if question.get("key") == APPLICATION_DATE and kind is not None and kind != "date":
        yield Problem((*path, "kind"), f"{APPLICATION_DATE} is the day the person will apply: a date question")
    employed = word(question.get("employed_question"))
    if employed is not None:
        other = questions.get(employed, (None, None))[1]
        if kind != "periods":
            yield Problem((*path, "employed_question"), "only a periods question names its employed_question", at_key=True)
        elif other is None or other.get("kind") != "yes_no":
            yield Problem((*path, "employed_question"), f"{shown(employed)} is not a yes/no question of this self-check")


def application_date_question(data: dict) -> Iterator[Problem]:
    """Every self-check asks the day the person will apply."""
    keys = [item.get("key") for _, item in items(data.get("self_check"), "questions", ("self_check",))]
    if isinstance(at(data, ("self_check", "questions")), list) and APPLICATION_DATE not in keys:
        yield Problem(("self_check", "questions"), f"missing question {APPLICATION_DATE!r} (a date question): the "
                                                   "self-check asks the day the person will apply")
