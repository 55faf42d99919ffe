"""Routing: read the rules and the answers, run each criterion's predicate, and put the result together in a language."""

from __future__ import annotations

import json
from datetime import date

from selfcheck import explanations, policy, wording
from selfcheck.answers import Answers, InvalidAnswers, read_answers
from selfcheck.messages import message
from selfcheck.rules import Criterion, Rules, Window, read_rules
from selfcheck.wording import DEFAULT_LANGUAGE, Wording


def evaluate(answers: object, rules: dict, language: str = DEFAULT_LANGUAGE) -> dict:
    """The result for these answers, or {"errors": [...]} if they are invalid, every sentence in `language`; never
    raises for any answers.

    Raises RulesError if the rules data itself is malformed, and LanguageError for a language the engine does not
    have (UnknownLanguage) or whose catalog is not compiled (CatalogMissing).
    """
    words = wording.for_language(language)
    checked_rules = read_rules(rules)
    try:
        valid = read_answers(answers, checked_rules.questions)
    except InvalidAnswers as invalid:
        errors = [{"field": error.field, "code": error.code, "message": words.say(error.message)} for error in invalid.errors]
        return {"errors": errors, "more_errors": invalid.more} if invalid.more else {"errors": errors}
    criteria = [_assess(criterion, valid, checked_rules, words) for criterion in checked_rules.criteria]
    windows = [_application_window(window, valid.application_date, words) for window in checked_rules.windows]
    applications = policy.applications_status(window["status"] for window in windows)
    return {
        "application_date": valid.application_date.isoformat(),
        "applications": {
            "status": applications,
            "summary": words.say(explanations.applications_summary(applications, valid.application_date)),
        },
        "windows": windows,
        "outcome": policy.outcome(criterion["status"] for criterion in criteria),
        "criteria": criteria,
        "rules_applied": {
            "reviewed": checked_rules.reviewed.isoformat(),
            "explanation": words.say(explanations.rules_applied(checked_rules.sources, checked_rules.reviewed)),
        },
    }


def evaluate_json(answers_json: str, rules_json: str, language: str = DEFAULT_LANGUAGE) -> str:
    """evaluate over JSON text, for the browser; answers that are not JSON give an error for field ""."""
    words = wording.for_language(language)
    try:
        answers = json.loads(answers_json)
    except json.JSONDecodeError as error:
        problem = message("answers_not_json", problem=error.msg, line=error.lineno, column=error.colno)
    except RecursionError:
        problem = message("answers_nested_too_deeply")
    except ValueError:  # json refuses integers of more digits than int() reads by default
        problem = message("answers_number_too_long")
    else:
        return json.dumps(evaluate(answers, json.loads(rules_json), language))
    return json.dumps({"errors": [{"field": "", "code": problem.id, "message": words.say(problem)}]})


def _assess(criterion: Criterion, answers: Answers, rules: Rules, words: Wording) -> dict:
    status = policy.PREDICATES[criterion.id](answers, criterion)
    explanation, what_would_change = explanations.criterion_explanation(criterion, status, answers, rules)
    assessed = {"id": criterion.id, "label": criterion.statement, "status": status, "explanation": words.say(explanation)}
    if status == policy.NOT_MET:
        assessed["what_would_change"] = words.say(what_would_change)
    return assessed


def _application_window(window: Window, application_date: date, words: Wording) -> dict:
    status = policy.application_window_status(application_date, window)
    return {
        "cohort": window.cohort,
        "status": status,
        "opens": window.opens.isoformat(),
        "opens_no_later_than": window.opens_no_later_than,
        "closes": window.closes.isoformat(),
        "explanation": words.say(explanations.window_explanation(window, status)),
    }
