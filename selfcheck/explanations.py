"""Why each criterion has its status, what would change one that is not met, and where the application date falls
in each window: as messages, so that choosing what to say is done once and wording it is done per language.

A criterion's explanation is its own words where the data gives them (`explain: {met, not_met, unknown,
would_change}`), and otherwise its kind's, from the engine's catalogs: the same facts fill either.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from selfcheck.kinds import NOT_MET, Assessment
from selfcheck.messages import Message, message

if TYPE_CHECKING:
    from selfcheck.answers import Answers
    from selfcheck.rules import Citation, Criterion, Rules, Window


def criterion_explanation(criterion: Criterion, assessment: Assessment, answers: Answers,
                          rules: Rules) -> tuple[Message, Message | None]:
    """(explanation, what would change it) for a criterion's status; the second only when not met."""
    facts = {**assessment.facts, "application_date": answers.application_date,
             "question": rules.question(criterion.question)}
    explanation = _own_words(criterion, assessment.status, facts) or message(f"{criterion.kind}_{assessment.case}", **facts)
    if assessment.status != NOT_MET:
        return explanation, None
    would_change = _own_words(criterion, "would_change", facts) or message(
        f"{criterion.kind}_{assessment.case.replace(NOT_MET, 'would_change')}", **facts)
    return explanation, would_change


def _own_words(criterion: Criterion, key: str, facts: dict) -> Message | None:
    """The criterion's own words for this explanation, from the data, if it has them."""
    text = criterion.explain.get(key)
    return message("own_words", text=text, facts=facts) if text else None


def applies_only_to(criterion: Criterion, rules: Rules) -> Message | None:
    """Where a criterion that does not apply everywhere applies: its cohorts and tracks, by name."""
    if criterion.cohorts is None and criterion.tracks is None:
        return None
    cohorts = [window.name for window in rules.windows if criterion.cohorts is not None and window.cohort in criterion.cohorts]
    tracks = [track.name for track in rules.tracks if criterion.tracks is not None and track.id in criterion.tracks]
    return message("applies_only_to", cohorts=cohorts, tracks=tracks)


def result_summary(window: Window, track_name: str | None, outcome: str) -> Message:
    """One cohort's (and track's) outcome, where the criteria differ between them."""
    return message("result_for", cohort=window.name, track=track_name, outcome=outcome)


def place_summary(window: Window, track_names: list[str] | None, other_tracks: bool, outcome: str,
                  reasons: list[str]) -> Message:
    """A cohort's outcome, for all its tracks (no track names), some of them, or the rest of them (`other_tracks`),
    with the statements of the criteria not met (or not answered) that make it so."""
    return message("place_result", cohort=window.name, tracks=track_names, other_tracks=other_tracks, outcome=outcome,
                   reasons=reasons)


def applications_summary(status: str, application_date: date) -> Message:
    """Whether applications, of any cohort, are open on the application date."""
    return message("applications", status=status, day=application_date)


def window_explanation(window: Window, status: str) -> Message:
    """One cohort's window, as it stands on the application date."""
    return message("window", status=status, cohort=window.name, opens=window.opens, closes=window.closes)


def rules_applied(sources: tuple[Citation, ...], reviewed: date) -> Message:
    """Which published criteria the check applied, and when programme staff last reviewed them."""
    return message("rules_applied", sources=sources, reviewed=reviewed)
