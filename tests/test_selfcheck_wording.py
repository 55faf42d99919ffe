"""The words people read: dates, durations, explanations and the text report."""

from __future__ import annotations

from datetime import date

import pytest

import selfcheck
from selfcheck.wording import describe_found, format_date, format_duration, format_result_as_text

EMPLOYED = {"application_date": "2020-12-20", "employed_now": True}


def explanation_of(result: dict, criterion_id: str) -> dict:
    return next(criterion for criterion in result["criteria"] if criterion["id"] == criterion_id)


def test_dates_read_day_short_month_year():
    assert [format_date(date(2020, 1, 1)), format_date(date(2021, 9, 30))] == ["1 Jan 2020", "30 Sep 2021"]


@pytest.mark.parametrize(
    ("months", "days", "expected"),
    [(2, 30, "2 months and 30 days"), (1, 1, "1 month and 1 day"), (3, 0, "3 months"), (0, 5, "5 days"), (0, 1, "1 day")],
)
def test_durations_name_only_what_is_there(months, days, expected):
    assert format_duration(months, days) == expected


def test_the_longest_stretch_is_explained_with_its_length_dates_and_the_limit(rules):
    answers = {**EMPLOYED, "full_time_jobs": [{"start": "2020-01-01", "end": "2020-03-30"}]}
    criterion = explanation_of(selfcheck.evaluate(answers, rules), "short_experience")
    assert criterion["explanation"] == (
        "Your longest full-time stretch was 2 months and 30 days (1 Jan 2020 – 30 Mar 2020). "
        "That is fewer than 3 months."
    )
    assert "what_would_change" not in criterion


def test_a_stretch_of_joined_jobs_running_to_the_application_date_says_so(rules):
    answers = {**EMPLOYED, "full_time_jobs": [{"start": "2020-09-01", "end": "2020-09-30"}, {"start": "2020-10-01"}]}
    criterion = explanation_of(selfcheck.evaluate(answers, rules), "short_experience")
    assert criterion["explanation"] == (
        "Your longest full-time stretch was 3 months and 20 days (1 Sep 2020 – 20 Dec 2020, "
        "2 jobs with no gap between them, counted up to the date you will apply). "
        "That is 3 months or more; the programme asks for fewer than 3 months."
    )
    assert "break of a day or more" in criterion["what_would_change"]


def test_a_qualification_is_explained_with_the_option_labels(rules):
    criterion = explanation_of(selfcheck.evaluate({**EMPLOYED, "qualification": "none"}, rules), "qualification")
    assert criterion["explanation"] == (
        "You said you graduated from: Neither. The accepted programmes are: A sub-degree programme or A degree programme."
    )
    assert criterion["what_would_change"].endswith("A sub-degree programme or A degree programme.")


def test_every_unanswered_criterion_says_what_was_not_said(rules):
    result = selfcheck.evaluate({"application_date": "2020-12-20"}, rules)
    assert all(criterion["explanation"].startswith("You have not said") for criterion in result["criteria"])


def test_a_window_whose_opening_day_is_uncertain_says_so_whatever_its_status(rules):
    for application_date in ("2020-12-15", "2020-12-20", "2021-01-04"):
        window = selfcheck.evaluate({"application_date": application_date}, rules)["window"]
        assert "the exact opening day is not known" in window["explanation"]
    window = selfcheck.evaluate({"application_date": "2020-12-15"}, rules)["window"]
    assert window["explanation"] == (
        "Applications for the First cohort open no later than 16 Dec 2020 (the exact opening day is not known) "
        "and close on 3 Jan 2021. On 15 Dec 2020 they may not be open yet."
    )


def test_a_window_with_a_known_opening_day_states_it_plainly(rules):
    known = {**rules, "window": {**rules["window"], "opens_no_later_than": False}}
    window = selfcheck.evaluate({"application_date": "2020-12-15"}, known)["window"]
    assert window["explanation"].endswith("open on 16 Dec 2020 and close on 3 Jan 2021. On 15 Dec 2020 they are not open yet.")


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (None, "nothing"),
        (True, "the value true"),
        ("yes", 'the text "yes"'),
        ("", "empty text"),
        (3, "the number 3"),
        (2.5, "the number 2.5"),
        (10**400, "a very large number"),
        ([1], "a list"),
        ({"a": 1}, "an object"),
        ("x" * 100, 'the text "' + "x" * 39 + '…"'),
    ],
)
def test_what_was_found_is_described_in_plain_words(found, expected):
    assert describe_found(found) == expected


def test_the_text_report_marks_each_criterion_and_says_what_would_change(rules):
    answers = {"application_date": "2021-01-04", "qualification": "degree", "hk_resident": False, "employed_now": False}
    lines = format_result_as_text(selfcheck.evaluate(answers, rules)).splitlines()
    assert lines[:2] == ["Not eligible: you do not meet every criterion.", "Date you will apply: 4 Jan 2021"]
    assert "✓ Met: Graduated from a sub-degree or degree programme." in lines
    assert "✗ Not met: Hong Kong resident status." in lines
    assert "  What would change it: You would meet this once you have Hong Kong resident status." in lines
    assert "? Not answered: Fewer than 3 months of full-time consecutive employment experience." in lines
    assert "Applications (First cohort): closed" in lines
