"""Routing: read the rules and the answers, assess each criterion by its kind, and put the result together in a
language: overall, and for each cohort (and each track, where the criteria differ between tracks)."""

from __future__ import annotations

import json
from datetime import date

from selfcheck import explanations, policy, wording
from selfcheck.answers import Answers, InvalidAnswers, read_answers
from selfcheck.kinds import KINDS, NOT_MET, UNKNOWN, Assessment
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
        errors = [{"field": error.field, "code": error.code, "message": words.say(error.message),
                   **({"parts": list(error.parts)} if error.parts else {})} for error in invalid.errors]
        return {"errors": errors, "more_errors": invalid.more} if invalid.more else {"errors": errors}
    assessments = {
        criterion.id: KINDS[criterion.kind].assess(valid.get(criterion.question), criterion.parameters, valid.application_date)
        for criterion in checked_rules.criteria
    }
    criteria = [_criterion(criterion, assessments[criterion.id], valid, checked_rules, words)
                for criterion in checked_rules.criteria]
    windows = [_application_window(window, valid.application_date, words) for window in checked_rules.windows]
    results = [result for window, shown in zip(checked_rules.windows, windows, strict=True)
               for result in _results(window, shown["status"], checked_rules, assessments, words)]
    applications = policy.applications_status(window["status"] for window in windows)
    places = _places(results, checked_rules, words)
    return {
        "application_date": valid.application_date.isoformat(),
        "applications": {
            "status": applications,
            "summary": words.say(explanations.applications_summary(applications, valid.application_date)),
        },
        "windows": windows,
        "outcome": policy.best_outcome(result["outcome"] for result in results),
        "criteria": criteria,
        "results": results,
        "places": places,
        "rules_applied": {
            "reviewed": checked_rules.reviewed.isoformat(),
            "explanation": words.say(explanations.rules_applied(checked_rules.sources, checked_rules.reviewed)),
        },
    }


def evaluate_json(answers_json: str, rules_json: str, language: str = DEFAULT_LANGUAGE) -> str:
    """evaluate over JSON text, for the browser; answers that are not JSON give an error for field ""."""
    words = wording.for_language(language)
    try:
        answers = json.loads(answers_json, object_pairs_hook=_refuse_duplicate_keys)
    except _DuplicateKey as duplicate:
        problem = message("answers_duplicate_key", key=duplicate.key)
    except json.JSONDecodeError as error:
        problem = message("answers_not_json", problem=error.msg, line=error.lineno, column=error.colno)
    except RecursionError:
        problem = message("answers_nested_too_deeply")
    except ValueError:  # json refuses integers of more digits than int() reads by default
        problem = message("answers_number_too_long")
    else:
        return json.dumps(evaluate(answers, json.loads(rules_json), language))
    return json.dumps({"errors": [{"field": "", "code": problem.id, "message": words.say(problem)}]})


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object, refused if it names a key twice: which answer was meant cannot be known."""
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _criterion(criterion: Criterion, assessment: Assessment, answers: Answers, rules: Rules, words: Wording) -> dict:
    explanation, what_would_change = explanations.criterion_explanation(criterion, assessment, answers, rules)
    assessed = {"id": criterion.id, "label": criterion.statement, "status": assessment.status,
                "explanation": words.say(explanation)}
    if assessment.status == NOT_MET:
        assessed["what_would_change"] = words.say(what_would_change)
    limits = explanations.applies_only_to(criterion, rules)
    if limits is not None:
        assessed.update(cohorts=list(criterion.cohorts or []), tracks=list(criterion.tracks or []),
                        applies_to=words.say(limits))
    return assessed


def _results(window: Window, window_status: str, rules: Rules, assessments: dict[str, Assessment],
             words: Wording) -> list[dict]:
    """The outcome for this cohort: one result if its criteria are the same for every track, else one per track."""
    by_track = {track.id: tuple(criterion.id for criterion in rules.criteria if criterion.applies_to(window.cohort, track.id))
                for track in rules.tracks}
    if len(set(by_track.values())) <= 1:
        applying = next(iter(by_track.values()), None)
        if applying is None:
            applying = tuple(criterion.id for criterion in rules.criteria if criterion.applies_to(window.cohort, None))
        return [_result(window, window_status, None, applying, assessments, words)]
    return [_result(window, window_status, track, by_track[track.id], assessments, words) for track in rules.tracks]


def _result(window: Window, window_status: str, track, applying: tuple[str, ...], assessments: dict[str, Assessment],
            words: Wording) -> dict:
    outcome = policy.outcome(assessments[criterion].status for criterion in applying)
    return {
        "cohort": window.cohort,
        "track": track.id if track else None,
        "window": window_status,
        "outcome": outcome,
        "criteria": [{"id": criterion, "status": assessments[criterion].status} for criterion in applying],
        "summary": words.say(explanations.result_summary(window, track.name if track else None, outcome)),
    }


def _places(results: list[dict], rules: Rules, words: Wording) -> list[dict]:
    """The results told as few sentences as say them: per cohort, its tracks grouped by the same outcome for the same
    reasons ("Second cohort, Healthcare for Good track: not eligible, because…"; "Second cohort, other tracks: …")."""
    statements = {criterion.id: criterion.statement for criterion in rules.criteria}
    track_names = {track.id: track.name for track in rules.tracks}
    places = []
    for window in rules.windows:
        groups: dict[tuple, list[dict]] = {}
        for result in (result for result in results if result["cohort"] == window.cohort):
            deciding = {policy.NOT_ELIGIBLE: NOT_MET, policy.UNSURE: UNKNOWN}.get(result["outcome"])
            reasons = tuple(item["id"] for item in result["criteria"] if item["status"] == deciding)
            groups.setdefault((result["outcome"], reasons), []).append(result)
        # The group of most tracks is "other tracks", told last; a cohort whose tracks all agree is told once.
        largest = max(groups.values(), key=len) if len(groups) > 1 else None
        for (outcome, reasons), members in sorted(groups.items(), key=lambda group: group[1] is largest):
            other = members is largest and len(members) > 1
            tracks = None if len(groups) == 1 else [member["track"] for member in members]
            summary = explanations.place_summary(
                window, None if tracks is None or other else [track_names[track] for track in tracks], other, outcome,
                [statements[reason] for reason in reasons])
            places.append({"cohort": window.cohort, "tracks": tracks, "outcome": outcome, "summary": words.say(summary)})
    return places


def _application_window(window: Window, application_date: date, words: Wording) -> dict:
    status = policy.application_window_status(application_date, window)
    return {
        "cohort": window.name,
        "status": status,
        "opens": window.opens.isoformat(),
        "opens_no_later_than": window.opens_no_later_than,
        "closes": window.closes.isoformat(),
        "explanation": words.say(explanations.window_explanation(window, status)),
    }
