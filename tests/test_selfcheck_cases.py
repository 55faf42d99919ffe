"""The golden eligibility cases in tests/cases/*.yaml, in every language (only the words differ), under each engine:
CPython, and Pyodide in Node with the runtime bundle the site ships (a module the trim left out of the standard
library, or a catalog the wheel lacks, fails here). Under either, the whole result, its words included, is CPython's
evaluate_json's, the browser's way in."""

from __future__ import annotations

import json
from collections import Counter

import pytest

import selfcheck

OUTCOME_KEYS = {"name", "file", "answers", "outcome", "criteria", "applications"}
ERROR_KEYS = {"name", "file", "answers", "errors"}


@pytest.mark.parametrize("language", selfcheck.LANGUAGES)
def test_golden_case(golden_case, rules_in, language, engine):
    rules = rules_in[language]
    result = engine.evaluate(golden_case["answers"], rules, language)
    assert result == json.loads(selfcheck.evaluate_json(json.dumps(golden_case["answers"]), json.dumps(rules), language))
    if "errors" in golden_case:
        assert [error["field"] for error in result.get("errors", [])] == golden_case["errors"], result
        return
    assert "errors" not in result, result["errors"]
    assert result["outcome"] == golden_case["outcome"]
    assert {criterion["id"]: criterion["status"] for criterion in result["criteria"]} == golden_case["criteria"]
    assert result["applications"]["status"] == golden_case["applications"]


def test_every_golden_case_is_well_formed_and_named_once(golden_cases):
    assert len(golden_cases) >= 40
    for case in golden_cases:
        assert set(case) in (OUTCOME_KEYS, ERROR_KEYS), case["name"]
        assert case["name"].endswith("."), f"name a case with a sentence: {case['name']!r}"
    repeated = [name for name, count in Counter(case["name"] for case in golden_cases).items() if count > 1]
    assert not repeated


def test_golden_cases_list_criteria_in_the_order_of_the_rules(golden_cases, rules):
    order = [criterion["id"] for criterion in rules["criteria"]]
    for case in golden_cases:
        if "criteria" in case:
            assert list(case["criteria"]) == order, case["name"]
