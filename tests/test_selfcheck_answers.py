"""Reading answers: what counts as unanswered, and error messages that name the field and what was found."""

from __future__ import annotations

from datetime import date

import pytest

from selfcheck.answers import Answers, InvalidAnswers, Job, read_answers
from selfcheck.rules import read_rules
from selfcheck.wording import for_language

ENGLISH = for_language("en")


@pytest.fixture(scope="module")
def questions(rules):
    return read_rules(rules).questions


def errors_of(raw: object, questions) -> dict[str, str]:
    with pytest.raises(InvalidAnswers) as invalid:
        read_answers(raw, questions)
    return {error.field: ENGLISH.say(error.message) for error in invalid.value.errors}


def test_missing_and_null_answers_are_unanswered(questions):
    answers = read_answers({"application_date": "2020-12-20", "qualification": None, "hk_resident": True}, questions)
    assert answers == Answers(application_date=date(2020, 12, 20), values={"hk_resident": True})


def test_answering_nothing_about_yourself_is_an_error_on_the_first_question(questions):
    for raw in ({"application_date": "2020-12-20"}, {"application_date": "2020-12-20", "qualification": None}):
        assert errors_of(raw, questions) == {
            "qualification": "Answer the questions about yourself: with none answered, there is nothing to check."
        }


def test_each_error_is_named_by_its_code_for_the_page_to_word_it(questions):
    with pytest.raises(InvalidAnswers) as invalid:
        read_answers({"hk_resident": True, "employed_now": "no"}, questions)
    assert [(error.field, error.code) for error in invalid.value.errors] == [
        ("application_date", "application_date_missing"), ("employed_now", "not_yes_or_no"),
    ]


def test_an_empty_end_date_means_the_job_goes_on(questions):
    raw = {"application_date": "2020-12-20", "employed_now": True, "full_time_jobs": [{"start": "2020-01-06", "end": ""}]}
    assert read_answers(raw, questions).get("full_time_jobs") == (Job(date(2020, 1, 6), None),)


def test_an_empty_list_of_jobs_is_an_answer(questions):
    assert read_answers({"application_date": "2020-12-20", "full_time_jobs": []}, questions).get("full_time_jobs") == ()


def test_a_boolean_written_as_text_names_the_field_and_what_was_found(questions):
    assert errors_of({"application_date": "2020-12-20", "hk_resident": "yes"}, questions) == {
        "hk_resident": 'Answer true or false; found the text "yes".'
    }


def test_an_impossible_date_is_told_apart_from_a_badly_written_one(questions):
    assert errors_of({"application_date": "2021-02-29", "hk_resident": True}, questions) == {
        "application_date": "Date you will apply: 29 February 2021 is not a real date, because February 2021 has 28 days."
    }
    assert errors_of({"application_date": "29/02/2020", "hk_resident": True}, questions) == {
        "application_date": 'Enter the date you will apply as YYYY-MM-DD (year, month, day), or as '
                            '{"day": "27", "month": "3", "year": "2021"}; found the text "29/02/2020".'
    }


def test_an_unknown_answer_names_the_allowed_ones(questions):
    message = errors_of({"application_date": "2020-12-20", "hk_resident": True, "age": 22}, questions)["age"]
    assert message == (
        'There is no question "age". The answers can be: '
        "application_date, qualification, hk_resident, employed_now, full_time_jobs."
    )


def test_an_unknown_detail_in_a_job_names_the_allowed_ones(questions):
    raw = {"application_date": "2020-12-20", "full_time_jobs": [{"start": "2020-01-01", "end": "2020-01-31", "hours": 40}]}
    assert errors_of(raw, questions) == {"full_time_jobs[0].hours": 'Full-time job 1: a job has no detail "hours". A job can have: start, end.'}


def test_a_job_ending_before_it_starts_gives_both_dates(questions):
    raw = {"application_date": "2020-12-20", "full_time_jobs": [{"start": "2020-03-01", "end": "2020-02-28"}]}
    assert errors_of(raw, questions) == {
        "full_time_jobs[0].end": "Full-time job 1 ends on 28 February 2020, before it starts on 1 March 2020."
    }


def test_a_job_still_going_while_not_employed_says_how_to_resolve_it(questions):
    raw = {"application_date": "2020-12-20", "employed_now": False, "full_time_jobs": [{"start": "2020-11-01"}]}
    assert errors_of(raw, questions) == {
        "full_time_jobs[0].end": "Full-time job 1 has no end date, so you would still have it on the date you will apply "
        "(20 December 2020), but you said you will not be employed then. "
        "Enter the day it ends, or change your answer about being employed."
    }


def test_a_job_still_going_is_fine_when_employment_is_unanswered_or_yes(questions):
    for employed_now in (None, True):
        raw = {"application_date": "2020-12-20", "employed_now": employed_now, "full_time_jobs": [{"start": "2020-11-01"}]}
        assert read_answers(raw, questions).get("full_time_jobs") == (Job(date(2020, 11, 1), None),)


def test_every_invalid_job_is_reported_beside_the_others(questions):
    raw = {
        "application_date": "2020-12-20",
        "employed_now": False,
        "full_time_jobs": [{"start": ""}, {"start": "2020-11-01"}, {"start": "2021-01-01", "end": "2021-02-01"}],
    }
    assert list(errors_of(raw, questions)) == ["full_time_jobs[0].start", "full_time_jobs[1].end", "full_time_jobs[2].start"]


def test_answers_that_are_not_an_object_are_one_error_for_the_whole(questions):
    assert errors_of("2020-12-20", questions) == {
        "": 'The answers must be a JSON object such as {"application_date": "YYYY-MM-DD"}; found the text "2020-12-20".'
    }
