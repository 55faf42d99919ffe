"""Dates on the self-check page, as the GOV.UK Design System's date input asks them, with a keyboard alone: a fieldset
whose legend is the question, a hint with an example, then Day, Month and Year. A date typed in part, or not a real
one, is told in the summary (linking to the first part at fault) and above the date, with only the parts at fault
marked invalid, in every edition; axe finds nothing in those states; put right, the date gives a result."""

from __future__ import annotations

import pytest
from crawl import accessibility_violations
from selfcheck_page import DATE_PARTS, SelfCheckPage, a_day_in_the_window, as_typed, eligible_answers, radio_value
from test_browser_keyboard import choose, tab_to, type_date

pytestmark = pytest.mark.browser

# The fixture data's date question, as each edition says its errors (tests/fixtures/programme: its `name`).
WORDS = {
    "": {
        "example": "For example, 27 3 2021",
        "labels": ["Day", "Month", "Year"],
        "no_year": "Date you will apply must include a year.",
        "not_real": "Date you will apply: 30 February 2021 is not a real date, because February 2021 has 28 days.",
    },
    "zh-hant/": {
        "example": "例如：27、3、2021",
        "labels": ["日", "月", "年"],
        "no_year": "申請日期必須包括年份。",
        "not_real": "申請日期：2021年2月30日並非真實的日期，因為2021年2月只有28日。",
    },
}
INVALID_LOOKS = """input => {
  const style = getComputedStyle(input);
  return [style.borderTopColor, style.boxShadow];
}"""


def follow_the_first_error_link(self_check: SelfCheckPage) -> None:
    """From the focused error summary: Tab to its first link and press Enter."""
    self_check.page.keyboard.press("Tab")
    assert self_check.focused("element => element.closest('[data-error-list]') !== null")
    self_check.page.keyboard.press("Enter")


def submit_by_enter(self_check: SelfCheckPage) -> None:
    """Enter in a text input submits the form; then wait for the result or the error summary to take focus."""
    self_check.page.keyboard.press("Enter")
    self_check.wait_for_answer()


def assert_one_error(self_check: SelfCheckPage, message: str, wrong: str) -> None:
    """The summary holds this one error, linking to the application date's `wrong` part; the date's own error says it
    too; only that part is marked invalid, and it looks it (a border and a ring that the others do not have)."""
    assert self_check.summary.is_visible() and self_check.result.is_hidden()
    assert self_check.focused("element => element.matches('[data-error-summary]')")
    links = self_check.summary.locator("[data-error-list] a")
    assert links.all_inner_texts() == [message]
    assert links.get_attribute("href") == f"#q-application_date-{wrong}"
    inline = self_check.page.locator("#q-application_date-error")
    assert inline.is_visible() and inline.inner_text() == message
    assert self_check.invalid_parts() == [f"application_date.{wrong}"]
    looks = {part: self_check.date_part("application_date", part).evaluate(INVALID_LOOKS) for part in DATE_PARTS}
    assert all(looks[part] != looks[wrong] for part in DATE_PARTS if part != wrong), looks


@pytest.mark.parametrize("edition", list(WORDS))
def test_a_date_without_its_year_then_not_real_then_right_by_keyboard_alone(page, site_url, programme, edition):
    words = WORDS[edition]
    self_check = SelfCheckPage(page).open(site_url, edition)
    date_field = self_check.date("application_date")
    assert date_field.evaluate("element => element.localName") == "fieldset"
    assert date_field.locator("legend").inner_text() == str(programme.questions[0].prompt.in_language(
        "en" if edition == "" else "zh-Hant"))
    hint = self_check.page.locator("#q-application_date-hint")
    assert hint.inner_text().endswith(words["example"])
    assert date_field.get_attribute("aria-describedby").split() == ["q-application_date-hint", "q-application_date-error"]
    assert date_field.locator("label").all_inner_texts() == words["labels"]
    inputs = date_field.locator("input")
    assert inputs.evaluate_all(
        "inputs => inputs.map((input) => [input.type, input.inputMode, input.getAttribute('autocomplete')])"
    ) == [["text", "numeric", None]] * 3, "numbers on a phone's keyboard; no autofill of a day that is not a birthday"
    widths = [input.bounding_box()["width"] for input in inputs.all()]
    assert widths[0] == widths[1] < widths[2], "Day and Month as wide as 2 characters, Year as 4"
    assert self_check.typed_date("application_date")["year"], "the date starts as today"

    answers = eligible_answers(programme)
    applying = as_typed(a_day_in_the_window(programme).isoformat())
    tab_to(self_check, "#q-application_date-day")
    type_date(self_check, {**applying, "year": ""})
    for key in ("qualification", "hk_resident", "employed_now", "full_time_jobs"):
        tab_to(self_check, f'input[name="{key}"]')
        choose(self_check, radio_value(answers[key]))
    tab_to(self_check, 'button[type="submit"]')
    self_check.page.keyboard.press("Enter")
    self_check.wait_for_answer()

    assert_one_error(self_check, words["no_year"], "year")
    assert accessibility_violations(page) == [], "a date without its year"
    follow_the_first_error_link(self_check)
    assert self_check.focused("element => element.id") == "q-application_date-year", "the link goes to the year"

    self_check.page.keyboard.press("Shift+Tab")
    self_check.page.keyboard.press("Shift+Tab")
    type_date(self_check, {"day": "30", "month": "2", "year": "2021"})
    submit_by_enter(self_check)
    assert_one_error(self_check, words["not_real"], "day")
    assert accessibility_violations(page) == [], "a date that is not real"

    follow_the_first_error_link(self_check)
    assert self_check.focused("element => element.id") == "q-application_date-day", "the link goes to the day"
    type_date(self_check, applying)
    submit_by_enter(self_check)
    assert self_check.outcome == "eligible"
    assert self_check.summary.is_hidden() and self_check.invalid_parts() == []
    assert self_check.page.locator("#q-application_date-error").is_hidden()
    assert self_check.focused("element => element.id") == "result-title"


def test_a_job_s_date_is_a_fieldset_of_its_own_named_for_the_job(page, site_url, programme):
    self_check = SelfCheckPage(page).open(site_url)
    self_check.answer({"full_time_jobs": [{}]})
    start = self_check.date("full_time_jobs[0].start")
    assert start.evaluate("element => element.localName") == "fieldset" and start.get_attribute("id") == "q-full_time_jobs-0-start"
    assert start.locator("legend").inner_text() == "Start date"
    assert [self_check.page.locator(f"#{id}").inner_text() for id in start.get_attribute("aria-describedby").split()] == [
        "For example, 27 3 2021", ""]
    end_hint = self_check.page.locator("#q-full_time_jobs-0-end-hint").inner_text()
    assert end_hint == "Leave it empty if you still have this job. For example, 27 3 2021"
    for part in DATE_PARTS:
        label = start.locator(f'label[data-part-label="{part}"]')
        assert label.get_attribute("for") == self_check.date_part("full_time_jobs[0].start", part).get_attribute("id")
