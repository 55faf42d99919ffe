"""The golden eligibility cases in data/selfcheck-cases/*.yaml, in every language (only the words differ), under each
engine: CPython, and Pyodide in Node with the runtime bundle the site ships (a module the trim left out of the standard
library, or a catalog the wheel lacks, fails here). Under either, the whole result, its words included, is CPython's
evaluate_json's, the browser's way in."""

from __future__ import annotations

import json
from collections import Counter

import pytest

import selfcheck
from programme.data.cases import expected_in, expected_of

OUTCOME_KEYS = {"name", "file", "line", "answers", "outcome", "criteria", "applications"}
ERROR_KEYS = {"name", "file", "line", "answers", "errors"}


@pytest.mark.parametrize("language", selfcheck.LANGUAGES)
def test_golden_case(golden_case, real_rules_in, language, engine):
    """Every language of the real data gives the result the case expects: only the words differ."""
    if language not in real_rules_in:
        pytest.skip(f"the data does not publish {language}")
    rules = real_rules_in[language]
    result = engine.evaluate(golden_case["answers"], rules, language)
    assert result == json.loads(selfcheck.evaluate_json(json.dumps(golden_case["answers"]), json.dumps(rules), language))
    assert expected_of(result) == expected_in(golden_case), language


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
