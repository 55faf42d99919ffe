"""The self-check's rules, as the JSON-ready data its engine reads, generated from the programme."""

from __future__ import annotations

import re

from selfcheck.rules import RulesError, read_rules

from programme.data.errors import Path, Problem
from programme.data.model import DEFAULT_LANGUAGE, Cohort, Programme

_RULES_PATH = re.compile(r"(criteria|questions|windows)(?:\[(\d+)\])?")


def selfcheck_rules(programme: Programme, language: str | None = None) -> dict:
    """Criteria, questions, every cohort's application window, and where the criteria come from, in one language."""
    language = language or DEFAULT_LANGUAGE
    criteria_sources = list(dict.fromkeys(criterion.ref.source for criterion in programme.eligibility.criteria))
    return {
        "criteria": [
            {
                "id": criterion.id,
                "statement": criterion.statement.in_language(language),
                **({"accepted": list(criterion.accepted)} if criterion.accepted else {}),
                **({"fewer_than_months": criterion.fewer_than_months} if criterion.fewer_than_months else {}),
            }
            for criterion in programme.eligibility.criteria
        ],
        "questions": [
            {
                "key": question.key,
                "kind": question.kind,
                "prompt": question.prompt.in_language(language),
                **({"hint": question.hint.in_language(language)} if question.hint else {}),
                **({"options": [{"value": option.value, "label": option.label.in_language(language)}
                                for option in question.options]} if question.options else {}),
            }
            for question in programme.questions
        ],
        "windows": [window_rules(cohort, language) for cohort in programme.cohorts],
        "sources": [
            {
                "title": source.title.in_language(language),
                "publisher": _publisher_name(programme, source.publisher_id, language),
                "published": source.date.iso,
            }
            for source in criteria_sources
        ],
        "reviewed": programme.reviewed.iso,
    }


def window_rules(cohort: Cohort, language: str) -> dict:
    """A cohort's application window as the engine reads it."""
    window = cohort.window
    return {
        "cohort": cohort.name.in_language(language),
        "opens": window.opens.date.iso,
        "opens_no_later_than": window.opens.no_later_than,
        "closes": window.closes.date.iso,
    }


def _publisher_name(programme: Programme, organisation_id: str, language: str) -> str:
    publisher = programme.organisation(organisation_id)
    return publisher.short_name or publisher.name.in_language(language)


def rules_problem(programme: Programme, data: dict) -> Problem | None:
    """What the engine's own reader (the one the browser and the command line run) refuses in the generated rules.

    The loader's checks should leave nothing for it to refuse; this keeps a gap between the two from reaching
    visitors as a self-check that says it is ready and then fails.
    """
    try:
        read_rules(selfcheck_rules(programme))
    except RulesError as error:
        return Problem(_data_path_of(str(error), data), f"the self-check would refuse the rules made from this: {error}")
    return None


def _data_path_of(message: str, data: dict) -> Path:
    """The place in the data that a rules path at the start of `message` was made from."""
    match = _RULES_PATH.match(message)
    if match is None:
        return ()
    part, index = match.group(1), match.group(2)
    if part == "windows":
        return ("cohorts", int(index), "application_window") if index is not None else ("cohorts",)
    base = ("eligibility", "criteria") if part == "criteria" else ("self_check", "questions")
    return (*base, int(index)) if index is not None else base
