"""Reading the rules data: what the engine needs from programme.selfcheck_rules, and clear failures, with the path of
what is wrong, when it lacks it."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from selfcheck import RulesError
from selfcheck.kinds import KINDS
from selfcheck.rules import read_rules


def test_the_test_rules_read_with_their_kinds_parameters_windows_and_provenance(rules, programme):
    read = read_rules(rules)
    assert [(criterion.id, criterion.kind, criterion.question) for criterion in read.criteria] == [
        ("qualification", "choice_in", "qualification"), ("hk_resident", "yes_no_is", "hk_resident"),
        ("not_employed", "yes_no_is", "employed_now"), ("short_experience", "longest_stretch_under", "full_time_jobs"),
    ]
    assert read.criteria[0].parameters == {"accepted": ["sub_degree", "degree"]}
    assert read.criteria[3].parameters == {"fewer_than_months": 3}
    assert [(window.cohort, window.name, window.opens, window.closes, window.opens_no_later_than) for window in read.windows] == [
        ("first-cohort", "First cohort", date(2020, 12, 16), date(2021, 1, 3), True),
    ]
    assert read.question("qualification").label_of("none") == "Neither"
    assert [(source.publisher, source.published) for source in read.sources] == [("HKSTP", "2020-12-16")]
    assert read.reviewed == programme.reviewed.first_day
    assert [track.id for track in read.tracks] == [track.id for track in programme.tracks]


def broken(rules: dict, change) -> dict:
    changed = copy.deepcopy(rules)
    change(changed)
    return changed


@pytest.mark.parametrize(
    ("change", "path", "problem"),
    [
        (lambda r: r["criteria"].append({"id": "age", "kind": "shoe_size", "question": "x", "statement": "S."}),
         ("criteria", 4, "kind"), "unknown kind 'shoe_size'; known: " + ", ".join(KINDS)),
        (lambda r: r["criteria"][3]["parameters"].pop("fewer_than_months"), ("criteria", 3, "parameters"),
         "a longest_stretch_under criterion needs the parameter 'fewer_than_months'"),
        (lambda r: r["criteria"][3]["parameters"].update(fewer_than_months=0), ("criteria", 3, "parameters", "fewer_than_months"),
         "expected a whole number from 1 to 120"),
        (lambda r: r["criteria"][0]["parameters"].update(accepted=[]), ("criteria", 0, "parameters", "accepted"),
         "expected a list of at least one answer value"),
        (lambda r: r["criteria"][0]["parameters"].update(must_be=True), ("criteria", 0, "parameters", "must_be"),
         "a choice_in criterion has no parameter 'must_be'; it takes: accepted"),
        (lambda r: r["criteria"][0]["parameters"].update(accepted=["phd"]), ("criteria", 0, "parameters", "accepted", 0),
         "'phd' is not an option of 'qualification'"),
        (lambda r: r["criteria"][1].update(question="qualification"), ("criteria", 1, "question"),
         "a yes_no_is criterion reads a yes_no question; 'qualification' is a choice question"),
        (lambda r: r["criteria"][1].update(question="height"), ("criteria", 1, "question"), "no question 'height'"),
        (lambda r: r["criteria"][1].update(cohorts=["third-cohort"]), ("criteria", 1, "cohorts", 0), "no cohort 'third-cohort'"),
        (lambda r: r["criteria"][1].update(tracks=[]), ("criteria", 1, "tracks"), "empty; leave it out to apply everywhere"),
        (lambda r: r["criteria"][1].update(explain={"met": "On {birthday}."}), ("criteria", 1, "explain", "met"),
         "no placeholder 'birthday' for a yes_no_is criterion"),
        (lambda r: r["criteria"][1].update(explain={"why": "Because."}), ("criteria", 1, "explain", "why"),
         "unknown explanation; known: met, not_met, unknown, would_change"),
        (lambda r: r["questions"][2].update(kind="colour"), ("questions", 2, "kind"),
         "unknown question kind 'colour'; known: date, choice, yes_no, periods"),
        (lambda r: r["questions"].pop(0), ("questions",), "no date question asks for application_date"),
        (lambda r: r["windows"][0].update(closes="2020-12-01"), ("windows", 0), "closes (2020-12-01) is before opens (2020-12-16)"),
        (lambda r: r["windows"][0].update(opens="16 Dec 2020"), ("windows", 0, "opens"),
         "'16 Dec 2020' is not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        (lambda r: r["windows"].clear(), ("windows",), "empty; list at least one"),
        (lambda r: r["sources"][0].update(published="2020-13"), ("sources", 0, "published"),
         "there is no month 13: months run from 01 to 12"),
        (lambda r: r.pop("reviewed"), ("reviewed",), "expected str, found NoneType"),
    ],
)
def test_rules_the_engine_cannot_use_raise_a_rules_error_with_the_path(rules, change, path, problem):
    with pytest.raises(RulesError) as error:
        read_rules(broken(rules, change))
    assert (error.value.path, error.value.problem) == (path, problem)


def test_a_rules_error_says_its_path_as_the_data_reads(rules):
    with pytest.raises(RulesError, match=r"^criteria\[3\]\.parameters\.fewer_than_months: expected a whole number"):
        read_rules(broken(rules, lambda r: r["criteria"][3]["parameters"].update(fewer_than_months="3")))
