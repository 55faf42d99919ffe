"""Checks the schema cannot express: unique ids, references, real dates, timeline order, rule wiring.

Each check reads the raw data defensively, skipping anything malformed (the schema has already
reported it), so that one pass reports every problem.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from selfcheck.rules import ANSWER_KINDS, CRITERION_PARAMETERS

from programme.data.errors import Path, Problem, shown
from programme.words.languages import LanguageProblem, edition
from programme.data.model import DEFAULT_LANGUAGE, criterion_parameters
from selfcheck.dates import PartialDate

_DATE_SHAPE = re.compile(r"(19|2[0-9])[0-9]{2}(-[0-9]{2}){0,2}")  # what the schema lets through
# Each criterion parameter, and the one criterion that reads it (the engine says which).
_PARAMETER_OWNERS = {parameter: criterion for criterion, parameters in CRITERION_PARAMETERS.items() for parameter in parameters}


def semantic_problems(data: object, date_paths: list[Path]) -> list[Problem]:
    """Every problem beyond the schema's, each with the key path it concerns."""
    if not isinstance(data, dict):
        return []
    checks = (
        _duplicate_ids(data), _dangling_references(data), _impossible_dates(data, date_paths),
        _timeline_order(data), _application_windows(data), _criteria(data), _questions(data), _review_date(data),
        _site_languages(data),
    )
    return [problem for check in checks for problem in check]


def _items(container: object, key: str, base: Path) -> Iterator[tuple[Path, dict]]:
    """The mappings in the list `container[key]`, with their paths; anything else is skipped."""
    value = container.get(key) if isinstance(container, dict) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*base, key, index), item


def _listing(words, limit: int = 10) -> str:
    """Up to `limit` words of a list for a message, and how many there are in all when there are more."""
    words = list(words)
    if not words:
        return "(none)"
    listed = ", ".join(shown(word, quote=False) for word in words[:limit])
    return listed if len(words) <= limit else f"{listed}, … ({len(words)} in all)"


def _word(value: object) -> str | None:
    """The value if it is a string: ids, keys and references that are lists or mappings are the schema's to report."""
    return value if isinstance(value, str) else None


def _at(data: object, path: Path) -> object:
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _ids(data: dict, key: str, field: str = "id") -> list[str]:
    return [item[field] for _, item in _items(data, key, ()) if isinstance(item.get(field), str)]


def _duplicate_ids(data: dict) -> Iterator[Problem]:
    lists: list[tuple[Path, str]] = [((), name) for name in ("sources", "organisations", "people", "tracks", "roles", "cohorts")]
    lists += [(("programme",), "figures"), (("eligibility",), "criteria")]
    lists += [(path, "timeline") for path, _ in _items(data, "cohorts", ())]
    for base, name in lists:
        yield from _duplicates(_at(data, base), name, base, "id")
    yield from _duplicates(data.get("self_check"), "questions", ("self_check",), "key")
    for path, question in _items(data.get("self_check"), "questions", ("self_check",)):
        yield from _duplicates(question, "options", path, "value")


def _duplicates(container: object, key: str, base: Path, field: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for path, item in _items(container, key, base):
        value = item.get(field)
        if not isinstance(value, str):
            continue
        if value in seen:
            yield Problem((*path, field), f"duplicate {field} {shown(value)}; {key}[{seen[value]}] already uses it")
        else:
            seen[value] = path[-1]


def _dangling_references(data: dict) -> Iterator[Problem]:
    known = {
        "source": _ids(data, "sources"), "organisation": _ids(data, "organisations"),
        "person": _ids(data, "people"), "track": _ids(data, "tracks"),
    }
    for path, kind in _reference_paths(data):
        value = _at(data, path)
        if isinstance(value, str) and value not in known[kind]:
            yield Problem(path, f"unknown {kind} {shown(value)}; known {kind}s: {_listing(known[kind])}")


def _reference_paths(data: dict) -> Iterator[tuple[Path, str]]:
    """Every place that names another thing by id, with the kind of thing it names."""
    yield from ((path, "source") for path in _ref_source_paths(data, ()))
    yield from ((path + ("publisher",), "organisation") for path, _ in _items(data, "sources", ()))
    yield from ((path + ("organisation",), "organisation") for path, _ in _items(data, "people", ()))
    yield from ((path + ("track",), "track") for path, _ in _items(data, "roles", ()))
    yield from ((path + ("convenor", "organisation"), "organisation") for path, _ in _items(data, "tracks", ()))
    for path in [("programme", "created_and_funded_by", "organisation"), ("tlt", "run_by"),
                 ("tlt", "part_of", "organisation"), ("contact", "media_enquiries", "organisation")]:
        yield path, "organisation"
    yield ("programme", "quote", "by"), "person"
    people = _at(data, ("tlt", "celebrated_by", "people"))
    if isinstance(people, list):
        yield from ((("tlt", "celebrated_by", "people", index), "person") for index in range(len(people)))


def _ref_source_paths(value: object, path: Path) -> Iterator[Path]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "ref" and isinstance(item, dict):
                yield (*path, "ref", "source")
            else:
                yield from _ref_source_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _ref_source_paths(item, (*path, index))


def _impossible_dates(data: dict, date_paths: list[Path]) -> Iterator[Problem]:
    for path in date_paths:
        value = _at(data, path)
        if not (isinstance(value, str) and _DATE_SHAPE.fullmatch(value)):
            continue  # the schema has reported it
        try:
            PartialDate.parse(value)
        except ValueError as exc:
            yield Problem(path, f"impossible date {shown(value)}: {exc}")


def _parsed_date(value: object) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _timeline_order(data: dict) -> Iterator[Problem]:
    for cohort_path, cohort in _items(data, "cohorts", ()):
        previous = None
        for path, event in _items(cohort, "timeline", cohort_path):
            date = _parsed_date(event.get("date"))
            if date is None:
                continue
            if previous and date.first_day < previous[1].first_day:
                yield Problem((*path, "date"), (
                    f"timeline out of order: {date.iso} comes after {previous[1].iso} "
                    f"({shown(previous[0])}); list events in date order"
                ))
            previous = (event.get("id"), date)


def _application_windows(data: dict) -> Iterator[Problem]:
    for cohort_path, cohort in _items(data, "cohorts", ()):
        window = cohort.get("application_window")
        if not isinstance(window, dict):
            continue
        events = {_word(event.get("id")): event for _, event in _items(cohort, "timeline", cohort_path)}
        events.pop(None, None)
        dates = {}
        for end in ("opens", "closes"):
            event_id = _word(window.get(end))
            path = (*cohort_path, "application_window", end)
            if event_id is None:
                continue
            if event_id not in events:
                yield Problem(path, f"unknown timeline event {shown(event_id)}; events of this cohort: {_listing(events)}")
                continue
            date = _parsed_date(events[event_id].get("date"))
            if date and date.precision != "day":
                yield Problem(path, f"the application window needs a day, but {shown(event_id)} is dated only to the {date.precision} ({date.iso})")
            dates[end] = date
        if window.get("opens") == window.get("closes") and _word(window.get("opens")):
            yield Problem((*cohort_path, "application_window", "closes"), (
                "the window opens and closes with the same event; name the event that closes it"
            ))
        elif dates.get("opens") and dates.get("closes") and dates["opens"].first_day >= dates["closes"].first_day:
            yield Problem((*cohort_path, "application_window"), (
                f"the window closes ({dates['closes'].iso}) on or before the day it opens ({dates['opens'].iso}); "
                "it must close after it opens"
            ))


def _site_languages(data: dict) -> Iterator[Problem]:
    languages = _at(data, ("site", "languages"))
    if not isinstance(languages, list) or not languages:
        return
    if languages[0] != DEFAULT_LANGUAGE:
        yield Problem(("site", "languages", 0), f"the first language is the site's root edition and must be {DEFAULT_LANGUAGE!r}, "
                                                f"found {shown(languages[0])}; list the others after it")
    territory = _word(_at(data, ("site", "territory")))
    seen = set()
    for index, language in enumerate(languages):
        if not isinstance(language, str):
            continue  # the schema has said what is wrong with it
        if language in seen:
            yield Problem(("site", "languages", index), f"{shown(language)} is listed twice")
        seen.add(language)
        try:
            edition(language, territory=territory)
        except LanguageProblem as problem:
            yield Problem(("site", "languages", index), str(problem))


def _is_edition(language: object, territory: str | None) -> bool:
    try:
        edition(language, territory=territory)
    except (LanguageProblem, TypeError, AttributeError):
        return False
    return True


def missing_translations(data: object, text_paths: list[Path]) -> list[Problem]:
    """Every text that lacks one of site.languages: a plain string is English only."""
    languages = _at(data, ("site", "languages"))
    if not isinstance(languages, list):
        return []
    territory = _word(_at(data, ("site", "territory")))
    languages = [language for language in languages if _is_edition(language, territory)]  # others are reported at their place
    problems = []
    for path in text_paths:
        value = _at(data, path)
        present = {DEFAULT_LANGUAGE} if isinstance(value, str) else set(value) if isinstance(value, dict) else None
        if present is None:
            continue  # the schema has said what is wrong with it
        problems += [Problem(path, f"missing {language} text") for language in languages if language not in present]
    return problems


def _review_date(data: dict) -> Iterator[Problem]:
    date = _parsed_date(_at(data, ("site", "reviewed")))
    if date and date.precision != "day":
        yield Problem(("site", "reviewed"), f"the review date needs a day, found only the {date.precision} ({date.iso})")


def _criteria(data: dict) -> Iterator[Problem]:
    eligibility = data.get("eligibility")
    criteria = list(_items(eligibility, "criteria", ("eligibility",)))
    if not criteria:
        return
    present = {_word(item.get("id")) for _, item in criteria}
    for missing in [criterion for criterion in CRITERION_PARAMETERS if criterion not in present]:
        yield Problem(("eligibility", "criteria"), f"missing criterion {missing!r}; the self-check needs all of {', '.join(CRITERION_PARAMETERS)}")
    options = _qualification_options(data)
    for path, item in criteria:
        for parameter, owner in _PARAMETER_OWNERS.items():
            if item.get("id") == owner and parameter not in item:
                yield Problem(path, f"missing required key {parameter!r} for criterion {owner!r}")
            elif item.get("id") != owner and parameter in item:
                yield Problem((*path, parameter), f"{parameter!r} belongs only to criterion {owner!r}", at_key=True)
        accepted = item.get("accepted")
        if isinstance(accepted, list) and options is not None:
            for index, value in enumerate(accepted):
                if isinstance(value, str) and value not in options:
                    yield Problem((*path, "accepted", index), f"unknown qualification option {shown(value)}; options: {_listing(options)}")
        yield from _statement_placeholders(path, item)


def _statement_placeholders(path: Path, item: dict) -> Iterator[Problem]:
    """A statement names its criterion's numbers only as plain `{name}` placeholders, and names every one of them,
    so that the number a visitor reads is always the number the rule applies."""
    statement = item.get("statement")
    texts = {"": statement} if isinstance(statement, str) else statement if isinstance(statement, dict) else {}
    parameters = criterion_parameters(item)
    for language, text in texts.items():
        if not isinstance(text, str):
            continue
        where = (*path, "statement", language) if language else (*path, "statement")
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text) if name is not None]
        except ValueError as exc:
            yield Problem(where, f"broken placeholder in {shown(text)}: {exc}; write {{name}} with both braces")
            continue
        allowed = ", ".join(f"{{{key}}}" for key in parameters) or "none"
        for name, spec, conversion in fields:
            if spec or conversion or not name.isidentifier():
                written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                yield Problem(where, f"placeholder {shown(written, quote=False)} has a format or conversion; write just {{name}} (this criterion can use: {allowed})")
            elif name not in parameters:
                yield Problem(where, f"unknown placeholder {{{shown(name, quote=False)}}}; this criterion can use: {allowed}")
        for name in parameters:
            if name not in {field[0] for field in fields}:
                yield Problem(where, f"the statement must say {{{name}}} where the number goes, so that it always shows the rule's {name} ({parameters[name]})")


def _qualification_options(data: dict) -> list[str] | None:
    for _, question in _items(data.get("self_check"), "questions", ("self_check",)):
        if question.get("key") == "qualification":
            return [option.get("value") for _, option in _items(question, "options", ()) if isinstance(option.get("value"), str)]
    return None


def _questions(data: dict) -> Iterator[Problem]:
    self_check = data.get("self_check")
    questions = list(_items(self_check, "questions", ("self_check",)))
    if not isinstance(self_check, dict) or not questions:
        return
    keys = {_word(item.get("key")) for _, item in questions}
    for key, kind in ANSWER_KINDS.items():
        if key not in keys:
            yield Problem(("self_check", "questions"), f"missing question {key!r} (a {kind} question); the self-check asks it")
    for path, item in questions:
        key, kind = _word(item.get("key")), _word(item.get("kind"))
        expected = ANSWER_KINDS.get(key)
        if expected and isinstance(kind, str) and kind != expected:
            yield Problem((*path, "kind"), f"question {key!r} must be a {expected} question, found {shown(kind)}")
        if kind == "choice" and "options" not in item:
            yield Problem(path, "missing required key 'options' for a choice question")
        elif kind is not None and kind != "choice" and "options" in item:
            yield Problem((*path, "options"), f"only a choice question has options; this is a {shown(kind, quote=False)} question", at_key=True)
