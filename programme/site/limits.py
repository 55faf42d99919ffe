"""Where each criterion applies, as pages say it: every cohort and track unless the data limits it."""

from __future__ import annotations

from programme.data.model import Criterion, Programme, Question, Text, Track


def criteria_for_track(programme: Programme, track: Track) -> tuple[Criterion, ...]:
    """The criteria an applicant to this track meets, in some cohort or every one."""
    return tuple(criterion for criterion in programme.eligibility.criteria
                 if criterion.tracks is None or track.id in criterion.tracks)


def limits_of(programme: Programme, criterion: Criterion) -> tuple[tuple[Text, ...], tuple[Text, ...]]:
    """The names of the cohorts and of the tracks a criterion is limited to; empty where it is not limited."""
    cohorts = tuple(cohort.name for cohort in programme.cohorts if criterion.cohorts and cohort.id in criterion.cohorts)
    tracks = tuple(track.name for track in programme.tracks if criterion.tracks and track.id in criterion.tracks)
    return cohorts, tracks


def question_limits(programme: Programme, question: Question) -> tuple[tuple[Text, ...], tuple[Text, ...]]:
    """Where a question matters: the limits its criteria share, when every criterion that reads it is limited."""
    readers = [criterion for criterion in programme.eligibility.criteria if criterion.question == question.key]
    if not readers or any(criterion.cohorts is None and criterion.tracks is None for criterion in readers):
        return (), ()
    cohort_ids = set().union(*(criterion.cohorts or () for criterion in readers)) if all(c.cohorts for c in readers) else set()
    track_ids = set().union(*(criterion.tracks or () for criterion in readers)) if all(c.tracks for c in readers) else set()
    return (tuple(cohort.name for cohort in programme.cohorts if cohort.id in cohort_ids),
            tuple(track.name for track in programme.tracks if track.id in track_ids))


NEARBY_ROLES = 10  # the most other roles a role's page names


def nearby_roles(track: Track, role) -> tuple:
    """Up to NEARBY_ROLES of the track's other roles, those listed around this one."""
    others = [other for other in track.roles if other.id != role.id]
    if len(others) <= NEARBY_ROLES:
        return tuple(others)
    position = next(index for index, other in enumerate(track.roles) if other.id == role.id)
    start = min(max(position - NEARBY_ROLES // 2, 0), len(others) - NEARBY_ROLES)
    return tuple(others[start:start + NEARBY_ROLES])
