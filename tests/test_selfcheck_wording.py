"""The words people read, in English: dates, durations, explanations and the text report; lists in every language.
(Chinese: test_selfcheck_wording_zh.py; the catalogs: test_selfcheck_catalogs.py.)"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import selfcheck
from selfcheck.kinds import KINDS
from selfcheck.sentences import FIXED, SENTENCES, within_sentence
from selfcheck.wording import for_language

ENGLISH = for_language("en")

EMPLOYED = {"application_date": "2020-12-20", "employed_now": True}


def explanation_of(result: dict, criterion_id: str) -> dict:
    return next(criterion for criterion in result["criteria"] if criterion["id"] == criterion_id)


def test_dates_read_day_month_year_to_their_precision():
    assert [ENGLISH.date(date(2020, 1, 1)), ENGLISH.date(date(2021, 9, 30))] == ["1 January 2020", "30 September 2021"]
    assert [ENGLISH.date("2021-02"), ENGLISH.date("2021"), ENGLISH.date("2021-01-03")] == ["February 2021", "2021", "3 January 2021"]


@pytest.mark.parametrize(
    ("months", "days", "expected"),
    [(2, 30, "2 months and 30 days"), (1, 1, "1 month and 1 day"), (3, 0, "3 months"), (0, 5, "5 days"), (0, 1, "1 day")],
)
def test_durations_name_only_what_is_there(months, days, expected):
    assert ENGLISH.duration(months, days) == expected


def test_the_longest_stretch_is_explained_with_its_length_dates_and_the_limit(rules):
    answers = {**EMPLOYED, "full_time_jobs": [{"start": "2020-01-01", "end": "2020-03-30"}]}
    criterion = explanation_of(selfcheck.evaluate(answers, rules), "short_experience")
    assert criterion["explanation"] == (
        "Your longest full-time stretch was 2 months and 30 days (1 January 2020 – 30 March 2020). "
        "That is fewer than 3 months."
    )
    assert "what_would_change" not in criterion


def test_a_stretch_of_joined_jobs_running_to_the_application_date_says_so(rules):
    answers = {**EMPLOYED, "full_time_jobs": [{"start": "2020-09-01", "end": "2020-09-30"}, {"start": "2020-10-01"}]}
    criterion = explanation_of(selfcheck.evaluate(answers, rules), "short_experience")
    assert criterion["explanation"] == (
        "Your longest full-time stretch was 3 months and 20 days (1 September 2020 – 20 December 2020, "
        "2 jobs with no gap between them, counted up to the date you will apply). "
        "That is 3 months or more; the programme asks for fewer than 3 months."
    )
    assert "break of a day or more" in criterion["what_would_change"]


def test_a_qualification_reads_like_a_person_with_the_option_labels_inside_the_sentence(rules):
    met = explanation_of(selfcheck.evaluate({**EMPLOYED, "qualification": "degree"}, rules), "qualification")
    assert met["explanation"] == "You graduated from a degree programme, which is accepted."
    not_met = explanation_of(selfcheck.evaluate({**EMPLOYED, "qualification": "none"}, rules), "qualification")
    assert not_met["explanation"] == "You have not graduated from a sub-degree programme or a degree programme."
    assert not_met["what_would_change"] == "You would meet this once you have graduated from a sub-degree programme or a degree programme."


@pytest.mark.parametrize(("label", "expected"), [("A degree programme", "a degree programme"), ("HKDSE", "HKDSE"),
                                                  ("HKU degree", "HKU degree"), ("學位課程", "學位課程")])
def test_a_label_inside_a_sentence_loses_only_a_sentence_capital(label, expected):
    assert within_sentence(label) == expected


def test_answers_are_told_back_as_facts_not_as_what_was_said(rules):
    answers = {"application_date": "2020-12-20", "qualification": "degree", "hk_resident": True, "employed_now": False,
               "full_time_jobs": []}
    explanations = [criterion["explanation"] for criterion in selfcheck.evaluate(answers, rules)["criteria"]]
    assert explanations == [
        "You graduated from a degree programme, which is accepted.",
        "You have Hong Kong resident status.",
        "You will not be employed on 20 December 2020, the date you will apply.",
        "You have never worked full time, so you have fewer than 3 months of full-time work.",
    ]


def test_every_unanswered_criterion_says_what_was_not_said(rules):
    result = selfcheck.evaluate({"application_date": "2020-12-20", "hk_resident": True}, rules)
    unanswered = [criterion for criterion in result["criteria"] if criterion["status"] == "unknown"]
    assert len(unanswered) == 3
    assert all(criterion["explanation"].startswith("You have not said") for criterion in unanswered)


ANSWERED = {"hk_resident": True}


@pytest.mark.parametrize(("application_date", "summary", "window"), [
    ("2020-12-15", "On 15 December 2020, applications may not be open yet.",
     "First cohort: applications open by 16 December 2020 (the exact day is not known) and close on 3 January 2021."),
    ("2020-12-20", "On 20 December 2020, applications are open.",
     "First cohort: applications are open until 3 January 2021."),
    ("2021-01-03", "On 3 January 2021, applications are open.",
     "First cohort: applications are open until 3 January 2021."),
    ("2021-01-04", "On 4 January 2021, applications are closed.",
     "First cohort: applications closed on 3 January 2021."),
])
def test_applications_are_told_for_the_date_with_each_cohorts_window(rules, application_date, summary, window):
    result = selfcheck.evaluate({"application_date": application_date, **ANSWERED}, rules)
    assert result["applications"]["summary"] == summary
    assert [explanation["explanation"] for explanation in result["windows"]] == [window]


def test_a_window_with_a_known_opening_day_states_it_plainly(rules):
    known = {**rules, "windows": [{**rules["windows"][0], "opens_no_later_than": False}]}
    result = selfcheck.evaluate({"application_date": "2020-12-15", **ANSWERED}, known)
    assert result["applications"]["summary"] == "On 15 December 2020, applications are not open yet."
    assert result["windows"][0]["explanation"] == "First cohort: applications open on 16 December 2020 and close on 3 January 2021."


def test_every_cohort_is_told_in_turn(rules):
    second = {"cohort": "second-cohort", "name": "Second cohort", "opens": "2021-06-01", "opens_no_later_than": False,
              "closes": "2021-06-30"}
    result = selfcheck.evaluate({"application_date": "2021-06-10", **ANSWERED}, {**rules, "windows": [*rules["windows"], second]})
    assert result["applications"]["status"] == "open"
    assert [window["explanation"] for window in result["windows"]] == [
        "First cohort: applications closed on 3 January 2021.",
        "Second cohort: applications are open until 30 June 2021.",
    ]


def test_the_result_names_the_criteria_source_and_the_day_staff_last_reviewed_them(rules, programme):
    rules_applied = selfcheck.evaluate({"application_date": "2020-12-20", **ANSWERED}, rules)["rules_applied"]
    assert rules_applied["reviewed"] == programme.reviewed.iso
    assert rules_applied["explanation"] == (
        f"The criteria checked are those published in “{programme.sources[0].title}” (HKSTP, 16 December 2020), "
        f"as last reviewed by programme staff on {ENGLISH.date(programme.reviewed.iso)}."
    )


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
    assert ENGLISH.found(found) == expected


def test_the_text_report_says_applications_first_then_marks_each_criterion_and_says_what_would_change(rules):
    answers = {"application_date": "2021-01-04", "qualification": "degree", "hk_resident": False, "employed_now": False}
    result = selfcheck.evaluate(answers, rules)
    lines = ENGLISH.result_as_text(result).splitlines()
    assert lines[:4] == ["On 4 January 2021, applications are closed.", "  First cohort: applications closed on 3 January 2021.",
                         "", "Not eligible: you do not meet every criterion."]
    assert "✓ Met: Graduated from a sub-degree or degree programme." in lines
    assert "✗ Not met: Hong Kong resident status." in lines
    assert "  What would change it: You would meet this once you have Hong Kong resident status." in lines
    assert "? Not answered: Fewer than 3 months of full-time consecutive employment experience." in lines
    assert lines[-1] == result["rules_applied"]["explanation"]


@pytest.mark.parametrize(("language", "items", "either", "all_of", "series"), [
    ("en", ["A"], "A", "A", "A"),
    ("en", ["A", "B"], "A or B", "A and B", "A, B"),
    ("en", ["A", "B", "C"], "A, B or C", "A, B and C", "A, B, C"),
    ("zh-Hant", ["甲", "乙"], "甲或乙", "甲及乙", "甲、乙"),
    ("zh-Hant", ["甲", "乙", "丙"], "甲、乙或丙", "甲、乙及丙", "甲、乙、丙"),
])
def test_lists_are_joined_as_each_language_joins_them(language, items, either, all_of, series):
    words = for_language(language)
    assert [words.either(items), words.all_of(items), words.series(items)] == [either, all_of, series]


def test_the_text_report_of_errors_names_each_field_and_counts_the_rest():
    errors = [{"field": "hk_resident", "message": "Answer true or false; found nothing."},
              {"field": "", "message": "The answers hold a number too long to read."}]
    assert ENGLISH.errors_as_text(errors, more=1234).splitlines() == [
        "Some answers need changing before they can be checked:",
        "  hk_resident: Answer true or false; found nothing.",
        "  answers: The answers hold a number too long to read.",
        "  … and 1,234 more.",
    ]


def emitted_message_ids() -> set[str]:
    """Every message id the engine can return: the literal ids in its code (a date's are returned by the function
    that tells which problem a date has, with the parts at fault)."""
    source = "".join((Path(selfcheck.__file__).parent / name).read_text(encoding="utf-8")
                     for name in ("answers.py", "explanations.py", "engine.py", "__main__.py"))
    ids = set(re.findall(r'message\("(\w+)"|errors\.add\(.*?, "(\w+)"|return "(\w+)", error\.at_fault', source))
    return {literal for pair in ids for literal in pair if literal}


def kind_message_ids() -> set[str]:
    """The messages a criterion's kind asks for: each of its explanations, and what would change one not met."""
    return {f"{kind.name}_{case}" for kind in KINDS.values() for case in kind.cases} | {
        f"{kind.name}_{case.replace('not_met', 'would_change')}" for kind in KINDS.values() for case in kind.cases
        if case.startswith("not_met")}


def test_every_message_the_engine_returns_has_its_words_and_every_sentence_is_said_somewhere():
    emitted = emitted_message_ids() | kind_message_ids()
    assert {"job_ends_before_it_starts", "answers_not_json", "rules_unusable", "window", "nothing_answered"} <= emitted
    assert not set(FIXED) & set(SENTENCES)
    assert emitted == set(FIXED) | set(SENTENCES)
