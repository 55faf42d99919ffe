"""The self-check's rules, as the JSON-ready data its engine reads, generated from the programme."""

from __future__ import annotations

from .model import Cohort, Programme


def selfcheck_rules(programme: Programme, language: str | None = None) -> dict:
    """Criteria, questions, every cohort's application window, and where the criteria come from, in one language."""
    language = language or programme.language
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
