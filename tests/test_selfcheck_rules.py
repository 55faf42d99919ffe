"""Reading the rules data: what the engine needs from programme.selfcheck_rules, and clear failures when it lacks it."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

import pytest

from selfcheck import RulesError
from selfcheck.answers import Answers
from selfcheck.policy import PREDICATES
from selfcheck.rules import ANSWER_KINDS, CRITERION_PARAMETERS, read_rules


def test_the_real_rules_read_with_their_thresholds_windows_and_provenance(rules, programme):
    read = read_rules(rules)
    assert [criterion.id for criterion in read.criteria] == ["qualification", "hk_resident", "not_employed", "short_experience"]
    assert read.criteria[0].accepted == ("sub_degree", "degree")
    assert read.criteria[3].fewer_than_months == 3
    assert [(window.cohort, window.opens, window.closes, window.opens_no_later_than) for window in read.windows] == [
        ("First cohort", date(2020, 12, 16), date(2021, 1, 3), True),
    ]
    assert read.question("qualification").label_of("none") == "Neither"
    assert [(source.publisher, source.published) for source in read.sources] == [("HKSTP", "2020-12-16")]
    assert read.reviewed == programme.reviewed.first_day


def test_every_criterion_has_a_predicate_and_every_answer_a_field():
    assert set(CRITERION_PARAMETERS) == set(PREDICATES)
    assert set(ANSWER_KINDS) == {field.name for field in dataclasses.fields(Answers)}


def broken(rules: dict, change) -> dict:
    changed = copy.deepcopy(rules)
    change(changed)
    return changed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["criteria"].append({"id": "age", "statement": "Young."}), "criteria[4].id: unknown criterion 'age'"),
        (lambda r: r["criteria"][3].pop("fewer_than_months"), "criteria[3].fewer_than_months: expected a whole number"),
        (lambda r: r["criteria"][0].update(accepted=[]), "criteria[0].accepted: empty"),
        (lambda r: r["questions"][2].update(kind="choice"), "questions[2]: the engine does not read a 'choice' answer 'hk_resident'"),
        (lambda r: r["questions"].pop(0), "questions: no question asks for application_date"),
        (lambda r: r["windows"][0].update(closes="2020-12-01"), "windows[0]: closes (2020-12-01) is before opens (2020-12-16)"),
        (lambda r: r["windows"][0].update(opens="16 Dec 2020"), "windows[0].opens: expected a date written YYYY-MM-DD"),
        (lambda r: r["windows"].clear(), "windows: empty; list at least one"),
        (lambda r: r["sources"][0].update(published="2020-13"), "sources[0].published: there is no such date as '2020-13'"),
        (lambda r: r["sources"][0].update(published="16 Dec 2020"), "sources[0].published: expected a date written YYYY"),
        (lambda r: r.pop("reviewed"), "reviewed: expected str, found NoneType"),
    ],
)
def test_rules_the_engine_cannot_use_raise_a_rules_error_naming_the_path(rules, change, message):
    with pytest.raises(RulesError) as error:
        read_rules(broken(rules, change))
    assert str(error.value).startswith(message)
