"""The self-check in Traditional Chinese (Hong Kong): dates and durations as Hong Kong writes them, dates the same as
the site's; the golden wording cases, checked by hand against the English; and no engine word left in English."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import selfcheck
from selfcheck.dates import PartialDate
from programme.site.filters import format_date
from programme.data.yamlsource import parse_yaml
from selfcheck import wording
from selfcheck.sentences import within_sentence
from selfcheck.wording import for_language
from programme import load_programme
from fixture_data import FIXTURE_DATA

CHINESE = for_language("zh-Hant")
WORDING_CASES = Path(__file__).parent / "fixtures" / "wording" / "zh-Hant.yaml"
LATIN_WORD = re.compile(r"[A-Za-z]+")


def read_wording_cases() -> list[dict]:
    parsed = parse_yaml(WORDING_CASES.read_text(encoding="utf-8"), str(WORDING_CASES))
    if parsed.errors:
        raise ValueError("\n".join(map(str, parsed.errors)))
    return parsed.value


def said(result: dict, where: str) -> str:
    """The sentence at `where` in a result: criteria.<id>.<key>, windows.<index>.<key>, errors.<field>, or section.key."""
    section, _, rest = where.partition(".")
    if section == "errors":
        return next(error["message"] for error in result["errors"] if error["field"] == rest)
    if section == "criteria":
        criterion_id, key = rest.rsplit(".", 1)
        return next(criterion for criterion in result["criteria"] if criterion["id"] == criterion_id)[key]
    if section == "windows":
        index, key = rest.split(".")
        return result["windows"][int(index)][key]
    return result[section][rest]


DAYS = [date(2020, month, 1) for month in range(1, 13)] + [date(2020, 2, 29), date(2021, 1, 3), date(2020, 12, 31)]


@pytest.mark.parametrize("language", selfcheck.LANGUAGES)
def test_the_engine_writes_dates_as_the_site_does_to_their_precision(language):
    words = for_language(language)
    locale = load_programme(FIXTURE_DATA).editions[language].locale
    assert [words.date(day) for day in DAYS] == [format_date(day, locale) for day in DAYS]
    for partial in ("2021-02", "2021", "2020-12-16"):
        assert words.date(partial) == format_date(PartialDate.parse(partial), locale), partial


def test_dates_read_year_month_day_in_chinese():
    assert [CHINESE.date(date(2021, 1, 3)), CHINESE.date("2021-02"), CHINESE.date("2021")] == ["2021年1月3日", "2021年2月", "2021年"]


@pytest.mark.parametrize(("months", "days", "expected"),
                         [(2, 30, "2個月零30日"), (3, 0, "3個月"), (0, 5, "5日"), (1, 1, "1個月零1日")])
def test_durations_read_as_hong_kong_writes_them(months, days, expected):
    assert CHINESE.duration(months, days) == expected


def test_every_golden_wording_case_is_well_formed_and_named_once():
    cases = read_wording_cases()
    assert len(cases) >= 10
    for case in cases:
        assert set(case) == {"name", "answers", "says", "en", "zh-Hant"}, case["name"]
        assert case["name"].endswith("."), f"name a case with a sentence: {case['name']!r}"
    assert len({case["name"] for case in cases}) == len(cases)


@pytest.mark.parametrize("case", read_wording_cases(), ids=lambda case: case["name"])
def test_golden_wording_in_english_and_in_chinese(case, rules_in, programme):
    """In English and Traditional Chinese as written here; in a language converted from another (Simplified Chinese),
    the conversion of that one's sentence: the engine's words and the data's are converted alike."""
    for language in selfcheck.LANGUAGES:
        result = selfcheck.evaluate(case["answers"], rules_in[language], language)
        rule = programme.derivations.get(language)
        expected = rule.convert(case[rule.source]) if rule else case[language]
        assert said(result, case["says"]) == expected, language


def untranslated_data_texts(rules_in: dict) -> list[str]:
    """The data's texts that the Chinese rules still give in English (proper names, and texts not yet translated)."""
    def texts(value):
        if isinstance(value, dict):
            return [text for item in value.values() for text in texts(item)]
        if isinstance(value, list):
            return [text for item in value for text in texts(item)]
        return [value] if isinstance(value, str) else []

    english = set(texts(rules_in["en"]))
    untranslated = {text for text in texts(rules_in["zh-Hant"]) if text in english}
    untranslated |= {within_sentence(text) for text in untranslated}  # a label as it reads inside a sentence
    return sorted(untranslated, key=len, reverse=True)


def test_no_word_of_the_engine_is_left_in_english_in_a_chinese_result(golden_cases, rules_in):
    """Every sentence of every golden result, and its text report, has no Latin letters but the data's own."""
    data_texts = untranslated_data_texts(rules_in)
    leaks = set()
    for case in golden_cases:
        result = selfcheck.evaluate(case["answers"], rules_in["zh-Hant"], "zh-Hant")
        if "errors" in result:
            continue
        sentences = [result["applications"]["summary"], result["rules_applied"]["explanation"],
                     CHINESE.result_as_text(result)]
        sentences += [window["explanation"] for window in result["windows"]]
        sentences += [criterion.get(key, "") for criterion in result["criteria"] for key in ("explanation", "what_would_change")]
        for sentence in sentences:
            for text in data_texts:
                sentence = sentence.replace(text, "")
            leaks |= set(LATIN_WORD.findall(sentence))
    assert leaks == set()


def test_a_chinese_answer_error_keeps_only_what_was_sent_and_the_format_asked_for(rules_in):
    answers = {"application_date": "29/02/2020", "hk_resident": "yes", "age": 22}
    result = selfcheck.evaluate(answers, rules_in["zh-Hant"], "zh-Hant")
    assert {error["field"]: error["message"] for error in result["errors"]} == {
        "application_date": '請以YYYY-MM-DD（年-月-日）或{"day": "27", "month": "3", "year": "2021"}的格式輸入申請日期；'
                            '收到的是文字"29/02/2020"。',
        "hk_resident": '請回答true或false；收到的是文字"yes"。',
        "age": '沒有"age"這條問題。答案可以是：application_date、qualification、hk_resident、employed_now、full_time_jobs。',
    }


def test_answers_that_are_not_json_are_told_in_chinese_json_s_own_words_included(rules_in):
    result = json.loads(selfcheck.evaluate_json('{"application_date": ', json.dumps(rules_in["zh-Hant"]), "zh-Hant"))
    assert result == {"errors": [{"field": "", "code": "answers_not_json",
                                  "message": "答案不是有效的JSON：在第1行第22列，這裏應有一個值。"}]}


def test_the_error_codes_are_the_same_in_every_language(golden_cases, rules_in):
    for case in golden_cases:
        if "errors" in case:
            codes = [[(error["field"], error["code"]) for error in selfcheck.evaluate(case["answers"], rules_in[language],
                                                                                      language)["errors"]]
                     for language in selfcheck.LANGUAGES]
            assert all(language_codes == codes[0] for language_codes in codes), case["name"]


def test_the_chinese_text_report_marks_each_criterion_and_says_what_would_change(rules_in):
    answers = {"application_date": "2021-01-04", "qualification": "degree", "hk_resident": False, "employed_now": False}
    lines = CHINESE.result_as_text(selfcheck.evaluate(answers, rules_in["zh-Hant"], "zh-Hant")).splitlines()
    assert lines[0] == "2021年1月4日當日，申請已經截止。"
    assert lines[3] == "不符合資格：你未符合所有條件。"
    statements = {criterion["id"]: criterion["statement"] for criterion in rules_in["zh-Hant"]["criteria"]}
    assert f"✗ 不符合：{statements['hk_resident']}" in lines
    assert "  怎樣會改變結果：當你具有香港居民身份，便會符合這項條件。" in lines
    assert f"? 未回答：{statements['short_experience']}" in lines


def test_the_chinese_rules_sentence_cites_its_source_as_the_site_does(rules_in, programme):
    """The source's title in 〈〉 and its publisher by the official Chinese name the pages use (香港科技園公司), not
    the English short name; English keeps the short name."""
    answers = {"application_date": "2020-12-20", "hk_resident": True}
    source = programme.sources[0]
    chinese = selfcheck.evaluate(answers, rules_in["zh-Hant"], "zh-Hant")["rules_applied"]["explanation"]
    assert chinese == (f"核對所用的條件，是〈{source.title}〉（香港科技園公司，2020年12月16日）所公布的條件，"
                       "計劃職員最近一次於2026年11月26日覆核。")
    english = selfcheck.evaluate(answers, rules_in["en"])["rules_applied"]["explanation"]
    assert f"“{source.title}” (HKSTP, 16 December 2020)" in english


def test_the_chinese_text_report_of_errors_counts_the_rest():
    errors = [{"field": "", "message": "答案中有一個數字太長，無法讀取。"}]
    assert CHINESE.errors_as_text(errors, more=1234).splitlines() == [
        "部分答案需要修改，才可以核對：", "  答案：答案中有一個數字太長，無法讀取。", "  ……另有1,234項。",
    ]


def test_an_unknown_language_is_refused_naming_the_languages_there_are(rules_in):
    with pytest.raises(selfcheck.UnknownLanguage, match="it has " + ", ".join(selfcheck.LANGUAGES)):
        selfcheck.evaluate({"application_date": "2020-12-20"}, rules_in["en"], "fr")
    with pytest.raises(selfcheck.UnknownLanguage):
        selfcheck.evaluate_json("{}", "{}", "zh-hant")  # tags are the data's, exactly


def test_a_catalog_that_was_not_compiled_is_refused_saying_how_to_compile_it(monkeypatch, tmp_path, rules_in):
    monkeypatch.setattr(wording, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(wording, "_WORDINGS", {})
    with pytest.raises(selfcheck.CatalogMissing, match=r"no compiled catalog for zh-Hant: .* `make setup`"):
        selfcheck.evaluate({"application_date": "2020-12-20"}, rules_in["zh-Hant"], "zh-Hant")
    assert selfcheck.evaluate({"application_date": "2020-12-20", "hk_resident": True}, rules_in["en"])["outcome"] == "unsure"
