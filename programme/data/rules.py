"""The self-check's rules in one language, as the JSON-ready dict the engine reads (selfcheck.rules.read_rules), made
from the programme; and the data path of anything the engine's reader refuses in them."""

from __future__ import annotations

from dataclasses import dataclass

from programme.data.errors import Path, Problem
from programme.data.model import DEFAULT_LANGUAGE, Programme
from selfcheck.rules import RulesError, read_rules


@dataclass(frozen=True)
class RulesSource:
    """A programme's self-check rules, for `python -m selfcheck --data PATH` (the entry point `selfcheck.data`)."""

    programme: Programme

    @property
    def name(self) -> str:
        return self.programme.name

    def rules(self, language: str) -> dict:
        return selfcheck_rules(self.programme, language)


def selfcheck_rules(programme: Programme, language: str | None = None) -> dict:
    """Criteria, questions, every cohort's application window, the tracks, and where the criteria come from."""
    language = language or DEFAULT_LANGUAGE
    criteria_sources = list(dict.fromkeys(criterion.ref.source for criterion in programme.eligibility.criteria))
    return {
        "criteria": [
            {
                "id": criterion.id,
                "kind": criterion.kind,
                "question": criterion.question,
                "statement": criterion.statement.in_language(language),
                "parameters": {name: value.isoformat() if hasattr(value, "isoformat") else value
                               for name, value in criterion.parameters.items()},
                **({"cohorts": list(criterion.cohorts)} if criterion.cohorts is not None else {}),
                **({"tracks": list(criterion.tracks)} if criterion.tracks is not None else {}),
                **({"explain": {key: text.in_language(language) for key, text in criterion.explain.items()}}
                   if criterion.explain else {}),
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
                **({"employed_question": question.employed_question} if question.employed_question else {}),
                **({"name": question.name.in_language(language)} if question.name else {}),
            }
            for question in programme.questions
        ],
        "windows": [
            {
                "cohort": window.cohort,
                "name": window.name.in_language(language),
                "opens": window.opens.isoformat(),
                "opens_no_later_than": window.opens_no_later_than,
                "closes": window.closes.isoformat(),
            }
            for window in (cohort.rule_window for cohort in programme.cohorts)
        ],
        "tracks": [{"id": track.id, "name": track.name.in_language(language)} for track in programme.tracks],
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


def _publisher_name(programme: Programme, organisation_id: str, language: str) -> str:
    """As the site's pages name a publisher (programme.site.filters.short_name): by its official name in `language`
    where it has one (香港科技園公司), otherwise by its short name as the source gives it (HKSTP)."""
    publisher = programme.organisation(organisation_id)
    if language != DEFAULT_LANGUAGE and any(name.language == language for name in publisher.official_names):
        return publisher.name.in_language(language)
    return publisher.short_name or publisher.name.in_language(language)


def rules_problem(programme: Programme) -> Problem | None:
    """What the engine's own reader (the one the browser and the command line run) refuses in the generated rules.

    The loader's checks should leave nothing for it to refuse; this keeps a gap between the two from reaching
    visitors as a self-check that says it is ready and then fails.
    """
    try:
        read_rules(selfcheck_rules(programme))
    except RulesError as error:
        return Problem(data_path(error.path), f"the self-check would refuse the rules made from this: {error.problem}")
    return None


def data_path(rules_path: tuple) -> Path:
    """The place in the data that a place in the rules was made from."""
    part, *rest = rules_path or ("",)
    if part == "criteria" and rest:
        index, *inner = rest
        if inner[:1] == ["parameters"]:
            inner = inner[1:]  # parameters are written flat in the criterion
        return ("eligibility", "criteria", index, *inner)
    if part == "questions":
        return ("self_check", "questions", *rest)
    if part == "windows":
        return ("cohorts", *rest[:1], "application_window")
    if part == "tracks":
        return ("tracks", *rest)
    if part == "reviewed":
        return ("site", "reviewed")
    return ()
