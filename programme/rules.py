"""The self-check's rules, as the JSON-ready data its engine reads, generated from the programme."""

from __future__ import annotations

from .model import Programme


def selfcheck_rules(programme: Programme, language: str | None = None) -> dict:
    """Criteria, questions and the current cohort's application window, in one language."""
    language = language or programme.language
    window = programme.current_cohort.window
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
        "window": {
            "cohort": programme.current_cohort.name.in_language(language),
            "opens": window.opens.date.iso,
            "opens_no_later_than": window.opens.no_later_than,
            "closes": window.closes.date.iso,
        },
    }
