"""A criterion of every kind, limited by cohort and by track, with a threshold that differs between cohorts: the
fixture programme with tests/fixtures/second-cohort.yaml and tests/fixtures/every-kind.yaml merged in, as staff would
add them, and golden cases whose results were reasoned by hand (tests/fixtures/every-kind-cases/).

The same cases run under Pyodide (tests/test_selfcheck_pyodide.py) and in the browser (tests/browser/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import data_with_every_kind

import selfcheck
from programme import check, selfcheck_rules
from programme.data.cases import case_problems, read_golden_cases, run_cases
from selfcheck.kinds import KINDS

CASES_DIR = Path(__file__).parent / "fixtures" / "every-kind-cases"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory):
    checked = check(data_with_every_kind(tmp_path_factory.mktemp("every-kind")))
    assert checked.problems == (), "\n".join(map(str, checked.problems))
    return checked.programme


@pytest.fixture(scope="module")
def every_kind_rules(every_kind) -> dict[str, dict]:
    return {language: selfcheck_rules(every_kind, language) for language in selfcheck.LANGUAGES}


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return read_golden_cases(CASES_DIR)


def test_the_fixture_has_a_criterion_of_every_kind_and_limits_of_both_sorts(every_kind):
    criteria = every_kind.eligibility.criteria
    assert {criterion.kind for criterion in criteria} == set(KINDS)
    assert any(criterion.cohorts for criterion in criteria) and any(criterion.tracks for criterion in criteria)


def test_the_hand_reasoned_cases_agree_with_the_engine(every_kind_rules, cases):
    runs = run_cases(cases, every_kind_rules["en"])
    assert len(runs) >= 15
    assert case_problems(runs, "every-kind-cases") == []


@pytest.mark.parametrize("language", selfcheck.LANGUAGES)
def test_every_sentence_of_every_case_is_whole_in_every_language(every_kind_rules, cases, language):
    for case in cases:
        result = selfcheck.evaluate(case["answers"], every_kind_rules[language], language)
        sentences = [result["applications"]["summary"], *(place["summary"] for place in result["places"])]
        for criterion in result["criteria"]:
            sentences += [criterion["label"], criterion["explanation"], criterion.get("what_would_change", ""),
                          criterion.get("applies_to", "")]
        for sentence in filter(None, sentences):
            assert not PLACEHOLDER.search(sentence), (case["name"], sentence)
            if language != "en":
                assert CJK.search(sentence), (case["name"], sentence)


def test_places_tell_the_tracks_of_a_cohort_that_agree_together_with_the_deciding_criteria(every_kind_rules, cases):
    case = next(case for case in cases if case["name"].startswith("Another field of study"))
    places = selfcheck.evaluate(case["answers"], every_kind_rules["en"])["places"]
    assert [(place["cohort"], place["outcome"]) for place in places] == [
        ("first-cohort", "not_eligible"), ("first-cohort", "eligible"),
        ("second-cohort", "not_eligible"), ("second-cohort", "eligible")]
    assert places[0]["tracks"] == ["healthcare-for-good"] and len(places[1]["tracks"]) == 3
    assert places[2]["summary"] == ("Second cohort, Healthcare for Good track: not eligible, because you do not meet "
                                    "“Studied health or science”.")
    assert places[3]["summary"] == "Second cohort, other tracks: eligible; you meet every criterion that applies there."
    zh = selfcheck.evaluate(case["answers"], every_kind_rules["zh-Hant"], "zh-Hant")["places"]
    assert zh[2]["summary"] == "第二期（Healthcare for Good範疇）：不符合資格，因為你不符合「修讀健康或科學」。"


def test_a_cohort_whose_tracks_agree_is_told_once(every_kind_rules, cases):
    case = next(case for case in cases if case["name"].startswith("Four months"))
    places = selfcheck.evaluate(case["answers"], every_kind_rules["en"])["places"]
    assert [(place["cohort"], place["tracks"], place["outcome"]) for place in places] == [
        ("first-cohort", None, "not_eligible"), ("second-cohort", None, "eligible")]
    assert places[0]["summary"].startswith("First cohort: not eligible, because you do not meet “Fewer than 3 months")


@pytest.mark.parametrize("language", selfcheck.LANGUAGES)
def test_every_kind_gives_the_same_whole_result_under_every_engine(engine, every_kind_rules, cases, language):
    """The browser's engine (Pyodide, with the trimmed standard library the site ships) against CPython: every case,
    every word, for a criterion of every kind, limited and not."""
    import json

    from programme.data.cases import expected_in, expected_of

    rules = every_kind_rules[language]
    for case in cases:
        result = engine.evaluate(case["answers"], rules, language)
        assert result == json.loads(selfcheck.evaluate_json(json.dumps(case["answers"]), json.dumps(rules), language))
        assert expected_of(result) == expected_in(case), case["name"]


def test_the_self_check_page_asks_every_date_question_as_a_day_a_month_and_a_year(every_kind):
    """Each date question is a fieldset of Day, Month and Year named after its key; the browser may fill in only a
    date of birth (a question an age_between criterion reads), as GOV.UK's date input asks."""
    from bs4 import BeautifulSoup
    from test_render_editions import renderer

    from programme.site.pages import plan_pages

    spec = next(spec for spec in plan_pages(every_kind) if spec.src_uri.startswith("self-check"))
    page = BeautifulSoup(renderer(every_kind, "en").render(spec, lambda uri: uri), "html.parser")
    births = {criterion.question for criterion in every_kind.eligibility.criteria if criterion.kind == "age_between"}
    dates = [question.key for question in every_kind.questions if question.kind == "date"]
    assert len(dates) >= 3 and births and births < set(dates)
    for key in dates:
        fieldset = page.select_one(f'fieldset[data-date="{key}"]')
        inputs = fieldset.select("input[data-part]")
        assert [(tag["name"], tag["inputmode"], tag.get("autocomplete")) for tag in inputs] == [
            (f"{key}.{part}", "numeric", f"bday-{part}" if key in births else None) for part in ("day", "month", "year")]
        assert [label["for"] for label in fieldset.select("label")] == [tag["id"] for tag in inputs]
    assert page.select_one("input[type=date]") is None
