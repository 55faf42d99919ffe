"""The golden eligibility cases in data/selfcheck-cases/*.yaml, under CPython, in every language: only the words differ."""

from __future__ import annotations

from collections import Counter

import pytest

import selfcheck
from programme.data.cases import expected_in, expected_of

OUTCOME_KEYS = {"name", "file", "line", "answers", "outcome", "criteria", "applications"}
ERROR_KEYS = {"name", "file", "line", "answers", "errors"}


def test_golden_case(golden_case, real_rules_in):
    """Every language of the real data gives the result the case expects: only the words differ."""
    for language, rules in real_rules_in.items():
        assert expected_of(selfcheck.evaluate(golden_case["answers"], rules, language)) == expected_in(golden_case), language


def test_every_golden_case_is_well_formed_and_named_once(golden_cases):
    assert golden_cases
    for case in golden_cases:
        assert set(case) in (OUTCOME_KEYS, ERROR_KEYS, OUTCOME_KEYS | {"results"}), case["name"]
        assert case["name"].endswith("."), f"name a case with a sentence: {case['name']!r}"
    repeated = [name for name, count in Counter(case["name"] for case in golden_cases).items() if count > 1]
    assert not repeated


def test_golden_cases_list_criteria_in_the_order_of_the_rules(golden_cases, real_rules_in):
    order = [criterion["id"] for criterion in real_rules_in["en"]["criteria"]]
    for case in golden_cases:
        if "criteria" in case:
            assert list(case["criteria"]) == order, case["name"]
