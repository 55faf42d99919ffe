"""Checks the schema cannot express: unique ids, references, real dates, timeline order, languages, the rules, facts
that agree with their quotes.

Each check reads the raw data defensively, skipping anything malformed (the schema has already reported it), so that
one pass reports every problem, each once.
"""

from __future__ import annotations

from programme.data.checks.criteria import application_date_question, criteria_problems
from programme.data.checks.dates import application_windows, impossible_dates, review_date, timeline_order
from programme.data.checks.languages import missing_translations, site_languages
from programme.data.checks.quoted_values import quoted_value_problems
from programme.data.checks.references import dangling_references, duplicate_ids, page_addresses
from programme.data.errors import Path, Problem

__all__ = ["missing_translations", "semantic_problems"]


def semantic_problems(data: object, date_paths: list[Path]) -> list[list[Problem]]:
    """Every problem beyond the schema's, each with the key path it concerns: one list per check, in order."""
    if not isinstance(data, dict):
        return []
    checks = (
        duplicate_ids(data), dangling_references(data), impossible_dates(data, date_paths), timeline_order(data),
        application_windows(data), criteria_problems(data), application_date_question(data), review_date(data),
        site_languages(data), page_addresses(data), quoted_value_problems(data, date_paths),
    )
    return [list(check) for check in checks]
