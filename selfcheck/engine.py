"""Routing: read the rules and the answers, run each criterion's predicate, and put the result together."""

from __future__ import annotations

import json
from datetime import date

from selfcheck import policy, wording
from selfcheck.answers import Answers, InvalidAnswers, read_answers
from selfcheck.rules import Criterion, Rules, Window, read_rules


def evaluate(answers: object, rules: dict) -> dict:
    """The result for these answers, or {"errors": [...]} if they are invalid; never raises for any answers.

    Raises RulesError if the rules data itself is malformed.
    """
    checked_rules = read_rules(rules)
    try:
        valid = read_answers(answers, checked_rules.questions)
    except InvalidAnswers as invalid:
        errors = [{"field": error.field, "code": error.code, "message": error.message} for error in invalid.errors]
        return {"errors": errors, "more_errors": invalid.more} if invalid.more else {"errors": errors}
    criteria = [_assess(criterion, valid, checked_rules) for criterion in checked_rules.criteria]
    windows = [_application_window(window, valid.application_date) for window in checked_rules.windows]
    applications = policy.applications_status(window["status"] for window in windows)
    return {
        "application_date": valid.application_date.isoformat(),
        "applications": {
            "status": applications,
            "summary": wording.applications_summary(applications, valid.application_date),
        },
        "windows": windows,
        "outcome": policy.outcome(criterion["status"] for criterion in criteria),
        "criteria": criteria,
        "rules_applied": {
            "reviewed": checked_rules.reviewed.isoformat(),
            "explanation": wording.rules_applied(checked_rules.sources, checked_rules.reviewed),
        },
    }


def evaluate_json(answers_json: str, rules_json: str) -> str:
    """evaluate over JSON text, for the browser; answers that are not JSON give an error for field ""."""
    try:
        answers = json.loads(answers_json)
    except json.JSONDecodeError as error:
        code, message = "answers_not_json", wording.answers_not_json(error.msg, error.lineno, error.colno)
    except RecursionError:
        code, message = "answers_nested_too_deeply", wording.answers_nested_too_deeply()
    except ValueError:  # json refuses integers of more digits than int() reads by default
        code, message = "answers_number_too_long", wording.answers_number_too_long()
    else:
        return json.dumps(evaluate(answers, json.loads(rules_json)))
    return json.dumps({"errors": [{"field": "", "code": code, "message": message}]})


def _assess(criterion: Criterion, answers: Answers, rules: Rules) -> dict:
    status = policy.PREDICATES[criterion.id](answers, criterion)
    explanation, what_would_change = wording.criterion_explanation(criterion, status, answers, rules)
    assessed = {"id": criterion.id, "label": criterion.statement, "status": status, "explanation": explanation}
    if status == policy.NOT_MET:
        assessed["what_would_change"] = what_would_change
    return assessed


def _application_window(window: Window, application_date: date) -> dict:
    status = policy.application_window_status(application_date, window)
    return {
        "cohort": window.cohort,
        "status": status,
        "opens": window.opens.isoformat(),
        "opens_no_later_than": window.opens_no_later_than,
        "closes": window.closes.isoformat(),
        "explanation": wording.window_explanation(window, status),
    }
