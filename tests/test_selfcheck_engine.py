"""evaluate and evaluate_json: properties that hold for any answers, and the JSON boundary."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import selfcheck

ONE_DAY = timedelta(days=1)
RULES_ONCE = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


@st.composite
def valid_answers(draw) -> dict:
    """Answers the engine accepts: jobs start by the application date, and end before it unless employed then."""
    application_date = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2025, 12, 31)))
    employed_now = draw(st.booleans())
    answers = {
        "application_date": application_date.isoformat(),
        "employed_now": employed_now,
        "qualification": draw(st.sampled_from(["degree", "sub_degree", "none", None])),
        "hk_resident": draw(st.sampled_from([True, False, None])),
        "full_time_jobs": draw(st.lists(job(application_date, employed_now), max_size=6)),
    }
    return answers


@st.composite
def job(draw, application_date: date, employed_now: bool) -> dict:
    latest_end = application_date + timedelta(days=400) if employed_now else application_date - ONE_DAY
    start = draw(st.dates(min_value=application_date - timedelta(days=1500), max_value=min(application_date, latest_end)))
    if employed_now and draw(st.booleans()):
        return {"start": start.isoformat()}
    end = draw(st.dates(min_value=start, max_value=min(start + timedelta(days=200), latest_end)))
    return {"start": start.isoformat(), "end": end.isoformat()}


def short_experience_of(result: dict) -> dict:
    return next(criterion for criterion in result["criteria"] if criterion["id"] == "short_experience")


@RULES_ONCE
@given(answers=valid_answers(), data=st.data())
def test_the_order_of_jobs_never_changes_the_result(rules, answers, data):
    shuffled = {**answers, "full_time_jobs": data.draw(st.permutations(answers["full_time_jobs"]))}
    result = selfcheck.evaluate(answers, rules)
    assert "errors" not in result
    assert selfcheck.evaluate(shuffled, rules) == result


@RULES_ONCE
@given(answers=valid_answers(), data=st.data())
def test_adding_a_job_never_turns_short_experience_from_not_met_to_met(rules, answers, data):
    application_date = date.fromisoformat(answers["application_date"])
    extra = data.draw(job(application_date, answers["employed_now"]))
    before = short_experience_of(selfcheck.evaluate(answers, rules))["status"]
    after = short_experience_of(selfcheck.evaluate({**answers, "full_time_jobs": [*answers["full_time_jobs"], extra]}, rules))
    assert not (before == "not_met" and after["status"] == "met")


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
typed_part = st.none() | st.integers(min_value=-1, max_value=10_001) | st.text(max_size=6) | st.sampled_from(
    ["", " ", "27", "3", "2021", "02", "30", "Feb", "sept.", "２７", "9999", "1800", "0"])
typed_date = st.dictionaries(st.sampled_from(["day", "month", "year", "other"]), typed_part | json_like, max_size=4) | \
    st.fixed_dictionaries({"day": typed_part, "month": typed_part, "year": typed_part})
date_like = st.sampled_from(["2020-12-20", "2020-02-30", "", "9999-12-31", "0001-01-01", "2020-1-1"]) | \
    st.dates().map(date.isoformat) | typed_date
job_like = st.dictionaries(st.sampled_from(["start", "end", "extra"]), date_like | json_like, max_size=3) | json_like
nearly_valid_answers = st.dictionaries(
    st.sampled_from(["application_date", "qualification", "hk_resident", "employed_now", "full_time_jobs", "other"]),
    date_like | json_like | st.sampled_from(["degree", "none"]) | st.lists(job_like, max_size=4),
    max_size=6,
)


@RULES_ONCE
@given(answers=json_like | nearly_valid_answers)
def test_any_json_like_answers_give_a_result_or_errors_as_json_never_an_exception(rules, answers):
    result = selfcheck.evaluate(answers, rules)
    json.dumps(result, allow_nan=False)
    if "errors" in result:
        assert result["errors"]
        assert all(isinstance(error["field"], str) and error["message"] for error in result["errors"])
        for error in result["errors"]:  # the parts of a date at fault, in the order a form asks them, if any
            parts = error.get("parts", ["day"])
            assert parts and parts == [part for part in ("day", "month", "year") if part in parts]
    else:
        assert result["outcome"] in {"eligible", "not_eligible", "unsure"}


def test_the_last_day_of_the_last_year_is_checked_like_any_other(rules):
    answers = {"application_date": "2999-12-31", "employed_now": True, "full_time_jobs": [{"start": "2999-10-01"}]}
    assert short_experience_of(selfcheck.evaluate(answers, rules))["status"] == "not_met"


@pytest.mark.parametrize("day", ["9999-12-31", "1800-01-01", "0000-01-01"])
def test_a_year_outside_the_years_the_data_may_use_is_an_invalid_answer(rules, day):
    result = selfcheck.evaluate({"application_date": day, "hk_resident": True}, rules)
    assert [(error["field"], error["code"]) for error in result["errors"]] == [("application_date", "date_year_out_of_range")]
    assert result["errors"][0]["message"] == "Date you will apply must be between 1900 and 2999."
    assert result["errors"][0]["parts"] == ["year"]


def test_evaluate_json_gives_the_same_result_as_evaluate(rules):
    answers = {"application_date": "2020-12-20", "qualification": "degree", "full_time_jobs": []}
    assert json.loads(selfcheck.evaluate_json(json.dumps(answers), json.dumps(rules))) == selfcheck.evaluate(answers, rules)


def test_answers_that_are_not_json_are_an_error_for_the_whole(rules):
    result = json.loads(selfcheck.evaluate_json('{"application_date": ', json.dumps(rules)))
    assert result == {"errors": [{"field": "", "code": "answers_not_json",
                                  "message": "The answers are not valid JSON: Expecting value at line 1, column 22."}]}


def test_answers_json_cannot_read_are_an_error_not_a_crash(rules):
    too_deep = json.loads(selfcheck.evaluate_json("[" * 100_000, json.dumps(rules)))
    too_long = json.loads(selfcheck.evaluate_json("1" * 5000, json.dumps(rules)))
    assert [too_deep["errors"][0]["field"], too_long["errors"][0]["field"]] == ["", ""]
    assert too_long["errors"][0]["message"] == "The answers hold a number too long to read."
