"""Routing: read the rules and the answers, run each criterion's predicate, and put the result together."""

from __future__ import annotations

import json

from selfcheck import policy, wording
from selfcheck.answers import Answers, InvalidAnswers, read_answers
from selfcheck.rules import Criterion, Rules, read_rules


def evaluate(answers: object, rules: dict) -> dict:
    """The result for these answers, or {"errors": [...]} if they are invalid; never raises for any answers.

    Raises RulesError if the rules data itself is malformed.
    """
    checked_rules = read_rules(rules)
    try:
        valid = read_answers(answers, checked_rules.questions)
    except InvalidAnswers as invalid:
        listed = {"errors": [{"field": error.field, "message": error.message} for error in invalid.errors]}
        return {**listed, "more_errors": invalid.more} if invalid.more else listed
    criteria = [_assess(criterion, valid, checked_rules) for criterion in checked_rules.criteria]
    return {
        "outcome": policy.outcome(criterion["status"] for criterion in criteria),
        "application_date": valid.application_date.isoformat(),
        "criteria": criteria,
        "window": _application_window(valid, checked_rules),
    }


def evaluate_json(answers_json: str, rules_json: str) -> str:
    """evaluate over JSON text, for the browser; answers that are not JSON give an error for field ""."""
    try:
        answers = json.loads(answers_json)
    except json.JSONDecodeError as error:
        message = wording.answers_not_json(error.msg, error.lineno, error.colno)
    except RecursionError:
        message = wording.answers_nested_too_deeply()
    except ValueError:  # json refuses integers of more digits than int() reads by default
        message = wording.answers_number_too_long()
    else:
        return json.dumps(evaluate(answers, json.loads(rules_json)))
    return json.dumps({"errors": [{"field": "", "message": message}]})


def _assess(criterion: Criterion, answers: Answers, rules: Rules) -> dict:
    status = policy.PREDICATES[criterion.id](answers, criterion)
    explanation, what_would_change = wording.criterion_explanation(criterion, status, answers, rules)
    assessed = {"id": criterion.id, "label": criterion.statement, "status": status, "explanation": explanation}
    if status == policy.NOT_MET:
        assessed["what_would_change"] = what_would_change
    return assessed


def _application_window(answers: Answers, rules: Rules) -> dict:
    window = rules.window
    status = policy.application_window_status(answers.application_date, window)
    return {
        "status": status,
        "cohort": window.cohort,
        "opens": window.opens.isoformat(),
        "closes": window.closes.isoformat(),
        "explanation": wording.window_explanation(window, status, answers.application_date),
    }
