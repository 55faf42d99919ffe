"""Dates as a person types them, as the GOV.UK Design System's date input asks them: a day, a month and a year, each
sent as typed. Every error names the date (its question's `name`, a job's start or end date, or "Date") and the part
that is wrong or the rule broken, in English and in Traditional Chinese, and lists the parts a page marks; the years
are the data's (FIRST_YEAR..LAST_YEAR), typed or written as ISO text alike; parts all left empty are no answer."""

from __future__ import annotations

from datetime import date

import pytest

import selfcheck
from selfcheck.answers import Answers, InvalidAnswers, read_answers
from selfcheck.dates import (
    FIRST_YEAR, LAST_YEAR, MISSING_PARTS, NO_SUCH_DAY, UNREADABLE_PARTS, YEAR_OUT_OF_RANGE, DateError, typed_day,
)
from selfcheck.rules import Question
from selfcheck.wording import for_language

ABOUT_YOU = {"hk_resident": True}
ALL_PARTS = ["day", "month", "year"]


def typed(day: object, month: object, year: object) -> dict:
    return {"day": day, "month": month, "year": year}


def errors_of(answers: dict, rules: dict, language: str = "en") -> list[tuple]:
    """(field, code, parts, message) of each error, for answers about the person besides `answers`."""
    result = selfcheck.evaluate({**ABOUT_YOU, **answers}, rules, language)
    assert "errors" in result, result
    return [(error["field"], error["code"], error.get("parts"), error["message"]) for error in result["errors"]]


# Reading the parts: selfcheck.dates.typed_day.

@pytest.mark.parametrize(("parts", "expected"), [
    (("27", "3", "2021"), date(2021, 3, 27)),
    ((" 07 ", "03", " 2021 "), date(2021, 3, 7)),  # spaces round a part and leading zeros are how people type
    (("２７", "３", "２０２１"), date(2021, 3, 27)),  # full-width digits, as a Chinese input method types them
    ((27, 3, 2021), date(2021, 3, 27)),  # whole numbers, from a program
    (("29", "2", "2020"), date(2020, 2, 29)),
    (("1", "1", str(FIRST_YEAR)), date(FIRST_YEAR, 1, 1)),
    (("31", "12", str(LAST_YEAR)), date(LAST_YEAR, 12, 31)),
])
def test_a_typed_date_is_read_from_its_parts(parts, expected):
    assert typed_day(*parts) == expected


@pytest.mark.parametrize(("month", "number"), [
    ("mar", 3), ("Mar", 3), ("MARCH", 3), ("March", 3), ("Marc", 3), ("sep", 9), ("Sept.", 9), ("september", 9),
    ("Dec", 12), ("may", 5), ("jun", 6), ("Jul.", 7),
])
def test_a_month_may_be_typed_as_its_english_name_or_its_first_three_letters_or_more(month, number):
    assert typed_day("1", month, "2021") == date(2021, number, 1)


@pytest.mark.parametrize("month", ["ma", "m", "Marchy", "Mayo", "三月", "13", "0", "3.", "-3", "1e1"])
def test_a_month_that_is_no_month_is_refused_as_the_month(month):
    with pytest.raises(DateError) as error:
        typed_day("1", month, "2021")
    assert (error.value.code, error.value.at_fault) == (UNREADABLE_PARTS, ("month",))


@pytest.mark.parametrize(("parts", "code", "at_fault"), [
    (("", "3", "2021"), MISSING_PARTS, ("day",)),
    (("27", "", ""), MISSING_PARTS, ("month", "year")),
    (("  ", None, "2021"), MISSING_PARTS, ("day", "month")),
    (("32", "3", "2021"), UNREADABLE_PARTS, ("day",)),
    (("0", "3", "2021"), UNREADABLE_PARTS, ("day",)),
    (("27", "13", "2021"), UNREADABLE_PARTS, ("month",)),
    (("27", "3", "21"), UNREADABLE_PARTS, ("year",)),
    (("27", "3", "20210"), UNREADABLE_PARTS, ("year",)),
    (("27", "3", True), UNREADABLE_PARTS, ("year",)),
    (("x", "y", "2021"), UNREADABLE_PARTS, ("day", "month")),
    (("", "y", "21"), MISSING_PARTS, ("day",)),  # a part missing is told first
    (("30", "2", "2021"), NO_SUCH_DAY, ("day",)),
    (("29", "2", "2100"), NO_SUCH_DAY, ("day",)),  # 2100 is no leap year
    (("31", "4", "2021"), NO_SUCH_DAY, ("day",)),
    (("27", "3", "9999"), YEAR_OUT_OF_RANGE, ("year",)),
    (("27", "3", "1800"), YEAR_OUT_OF_RANGE, ("year",)),
    (("1", "1", "0999"), YEAR_OUT_OF_RANGE, ("year",)),
    (("30", "2", "9999"), YEAR_OUT_OF_RANGE, ("year",)),  # no day is asked of a year the self-check does not know
])
def test_a_typed_date_that_cannot_be_read_names_the_parts_at_fault(parts, code, at_fault):
    with pytest.raises(DateError) as error:
        typed_day(*parts)
    assert (error.value.code, error.value.at_fault) == (code, at_fault)


# The engine's errors: each message id, in English and in Chinese, with the parts a page marks.

NAMED = [
    # answer, code, parts, English, Traditional Chinese
    (typed("27", "3", ""), "date_incomplete", ["year"],
     "Date you will apply must include a year.", "申請日期必須包括年份。"),
    (typed("27", "", "2021"), "date_incomplete", ["month"],
     "Date you will apply must include a month.", "申請日期必須包括月份。"),
    (typed("", "3", "2021"), "date_incomplete", ["day"],
     "Date you will apply must include a day.", "申請日期必須包括日子。"),
    (typed("", "", "2021"), "date_incomplete", ["day", "month"],
     "Date you will apply must include a day and month.", "申請日期必須包括日子和月份。"),
    (typed("", "3", ""), "date_incomplete", ["day", "year"],
     "Date you will apply must include a day and year.", "申請日期必須包括日子和年份。"),
    (typed("27", "", ""), "date_incomplete", ["month", "year"],
     "Date you will apply must include a month and year.", "申請日期必須包括月份和年份。"),
    (typed("32", "3", "2021"), "date_part_invalid", ["day"],
     "Date you will apply must be a real date: the day must be a number from 1 to 31.",
     "申請日期必須是真實的日期：日子必須是1至31的數字。"),
    (typed("27", "13", "2021"), "date_part_invalid", ["month"],
     "Date you will apply must be a real date: the month must be a number from 1 to 12.",
     "申請日期必須是真實的日期：月份必須是1至12的數字。"),
    (typed("27", "3", "21"), "date_part_invalid", ["year"],
     "Date you will apply must be a real date: the year must include 4 numbers.",
     "申請日期必須是真實的日期：年份必須是4位數字。"),
    (typed("x", "3", "21"), "date_part_invalid", ["day", "year"],
     "Date you will apply must be a real date.", "申請日期必須是真實的日期。"),
    (typed("30", "2", "2021"), "no_such_date", ["day"],
     "Date you will apply: 30 February 2021 is not a real date, because February 2021 has 28 days.",
     "申請日期：2021年2月30日並非真實的日期，因為2021年2月只有28日。"),
    (typed("31", "Apr", "2021"), "no_such_date", ["day"],
     "Date you will apply: 31 April 2021 is not a real date, because April 2021 has 30 days.",
     "申請日期：2021年4月31日並非真實的日期，因為2021年4月只有30日。"),
    ("2021-02-29", "no_such_date", ["day"],
     "Date you will apply: 29 February 2021 is not a real date, because February 2021 has 28 days.",
     "申請日期：2021年2月29日並非真實的日期，因為2021年2月只有28日。"),
    ("2021-02-00", "date_part_invalid", ["day"],
     "Date you will apply must be a real date: the day must be a number from 1 to 31.",
     "申請日期必須是真實的日期：日子必須是1至31的數字。"),
    ("2021-13-01", "date_part_invalid", ["month"],
     "Date you will apply must be a real date: the month must be a number from 1 to 12.",
     "申請日期必須是真實的日期：月份必須是1至12的數字。"),
    ("27/3/2021", "not_a_date", ALL_PARTS,
     'Enter the date you will apply as YYYY-MM-DD (year, month, day), or as {"day": "27", "month": "3", "year": "2021"}; '
     'found the text "27/3/2021".',
     '請以YYYY-MM-DD（年-月-日）或{"day": "27", "month": "3", "year": "2021"}的格式輸入申請日期；收到的是文字"27/3/2021"。'),
    ({"day": "27", "month": "3", "year": "2021", "era": "AD"}, "date_unknown_part", ALL_PARTS,
     'Date you will apply: a date has no part "era". A date can have: day, month, year.',
     '申請日期：日期沒有"era"這個部分。日期可以有：day、month、year。'),
    (typed("", " ", None), "application_date_missing", ALL_PARTS,
     "Enter the date you will apply.", "請輸入申請日期。"),
    ("", "application_date_missing", ALL_PARTS, "Enter the date you will apply.", "請輸入申請日期。"),
]
YEARS = ("Date you will apply must be between 1900 and 2999.", "申請日期必須介乎1900年至2999年。")
OUT_OF_RANGE = [typed("27", "3", "9999"), typed("27", "3", "1800"), typed("30", "2", "9999"), typed(1, 1, 1899),
                "9999-12-31", "1800-01-01", "0000-01-01"]


@pytest.mark.parametrize(("answer", "code", "parts", "english", "chinese"), NAMED,
                         ids=[f"{case[1]}-{index}" for index, case in enumerate(NAMED)])
def test_each_date_error_names_the_date_and_what_is_wrong_in_each_language(rules_in, answer, code, parts, english,
                                                                           chinese):
    for language, message in (("en", english), ("zh-Hant", chinese)):
        assert errors_of({"application_date": answer}, rules_in[language], language) == [
            ("application_date", code, parts, message)]


@pytest.mark.parametrize("answer", OUT_OF_RANGE)
def test_a_year_outside_the_data_s_years_is_refused_typed_or_written_as_iso_text(rules_in, answer):
    for language, message in zip(("en", "zh-Hant"), YEARS, strict=True):
        assert errors_of({"application_date": answer}, rules_in[language], language) == [
            ("application_date", "date_year_out_of_range", ["year"], message)]


@pytest.mark.parametrize("parts", [
    typed("20", "12", "2020"), typed(" 20 ", "Dec", "2020"), typed("２０", "１２", "２０２０"), typed(20, 12, 2020),
    typed("20", "december", "2020"),
])
def test_a_typed_date_gives_the_result_its_iso_text_gives(rules, parts):
    answers = {"application_date": "2020-12-20", "qualification": "degree", "hk_resident": True, "employed_now": True,
               "full_time_jobs": [{"start": "2020-11-01"}]}
    typed_answers = {**answers, "application_date": parts,
                     "full_time_jobs": [{"start": typed("1", "11", "2020"), "end": typed("", "", "")}]}
    assert selfcheck.evaluate(typed_answers, rules) == selfcheck.evaluate(answers, rules)


JOBS = [
    # a job, its error's field, code, parts, English, Traditional Chinese
    ({"start": typed("1", "1", "")}, "full_time_jobs[0].start", "date_incomplete", ["year"],
     "Start date of full-time job 1 must include a year.", "第1份全職工作的開始日期必須包括年份。"),
    ({"start": typed("", "", ""), "end": typed("31", "1", "2020")}, "full_time_jobs[0].start", "job_start_missing", ALL_PARTS,
     "Enter the start date of full-time job 1.", "請輸入第1份全職工作的開始日期。"),
    ({"start": typed("1", "1", "2020"), "end": typed("", "1", "2020")}, "full_time_jobs[0].end", "date_incomplete", ["day"],
     "End date of full-time job 1 must include a day.", "第1份全職工作的結束日期必須包括日子。"),
    ({"start": typed("1", "1", "2020"), "end": typed("31", "2", "2020")}, "full_time_jobs[0].end", "no_such_date", ["day"],
     "End date of full-time job 1: 31 February 2020 is not a real date, because February 2020 has 29 days.",
     "第1份全職工作的結束日期：2020年2月31日並非真實的日期，因為2020年2月只有29日。"),
    ({"start": typed("1", "1", "2020"), "end": typed("31", "12", "9999")}, "full_time_jobs[0].end", "date_year_out_of_range",
     ["year"], "End date of full-time job 1 must be between 1900 and 2999.", "第1份全職工作的結束日期必須介乎1900年至2999年。"),
    ({"start": typed("1", "3", "2020"), "end": typed("28", "2", "2020")}, "full_time_jobs[0].end", "job_ends_before_it_starts",
     ALL_PARTS, "Full-time job 1 ends on 28 February 2020, before it starts on 1 March 2020.",
     "第1份全職工作的結束日期（2020年2月28日）早於開始日期（2020年3月1日）。"),
]


@pytest.mark.parametrize(("job", "field", "code", "parts", "english", "chinese"), JOBS,
                         ids=[f"{case[2]}-{index}" for index, case in enumerate(JOBS)])
def test_a_job_s_dates_are_named_by_the_job(rules_in, job, field, code, parts, english, chinese):
    answers = {"application_date": "2020-12-20", "employed_now": True, "full_time_jobs": [job]}
    for language, message in (("en", english), ("zh-Hant", chinese)):
        assert errors_of(answers, rules_in[language], language) == [(field, code, parts, message)]


# Empty parts are no answer; a question without a name is "Date".

QUESTIONS = (
    Question("application_date", "date", "On what date will you apply?", name="Date you will apply"),
    Question("date_of_birth", "date", "What is your date of birth?", name="Date of birth"),
    Question("graduation_date", "date", "On what date did you graduate?"),
)


@pytest.mark.parametrize("empty", [typed("", "", ""), typed(" ", None, "  "), {}, {"day": ""}, "", None])
def test_a_date_whose_parts_are_all_empty_is_unanswered(empty):
    answers = read_answers({"application_date": "2020-12-20", "date_of_birth": empty, "graduation_date": "2019-06-30"},
                           QUESTIONS)
    assert answers == Answers(date(2020, 12, 20), {"graduation_date": date(2019, 6, 30)})


def test_a_date_answered_in_part_is_an_error_named_by_its_question_or_date_without_a_name():
    with pytest.raises(InvalidAnswers) as invalid:
        read_answers({"application_date": "2020-12-20", "date_of_birth": typed("", "5", "2000"),
                      "graduation_date": typed("30", "6", "")}, QUESTIONS)
    errors = invalid.value.errors
    assert [(error.field, error.code, error.parts) for error in errors] == [
        ("date_of_birth", "date_incomplete", ("day",)), ("graduation_date", "date_incomplete", ("year",))]
    assert [for_language("en").say(error.message) for error in errors] == [
        "Date of birth must include a day.", "Date must include a year."]
    assert [for_language("zh-Hant").say(error.message) for error in errors] == [
        "Date of birth必須包括日子。", "日期必須包括年份。"]  # the data's name in the rules' language, else 日期


def test_only_errors_about_a_date_name_parts(rules):
    result = selfcheck.evaluate({"application_date": typed("27", "3", ""), "hk_resident": "yes"}, rules)
    assert [(error["field"], error.get("parts")) for error in result["errors"]] == [
        ("application_date", ["year"]), ("hk_resident", None)]
