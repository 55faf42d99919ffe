"""The self-check in Chromium: answers go in through the form, the engine's result comes out criterion by criterion.

Booting the runtime takes seconds, so each test follows one person through several answers on one loaded page.
"""

from __future__ import annotations

import json

from datetime import date, timedelta

import pytest
from selfcheck_page import (
    DATE_PARTS,
    ENGINE_WHEEL,
    SelfCheckPage,
    a_day_in_the_window,
    as_typed,
    criterion_statements,
    criterion_with,
    eligible_answers,
    job_lasting_months,
)

import selfcheck
from programme import selfcheck_rules
from programme.site.filters import format_date

pytestmark = pytest.mark.browser

FOCUS_IS_IN_FORM = "() => document.querySelector('[data-selfcheck-form]').contains(document.activeElement)"


@pytest.fixture
def self_check(page, site_url) -> SelfCheckPage:
    return SelfCheckPage(page).open(site_url)


def every_criterion(programme, status: str) -> dict[str, str]:
    return {criterion.id: status for criterion in programme.eligibility.criteria}


def a_job_of_the_limit(programme, answers: dict) -> dict:
    experience = criterion_with(programme, "fewer_than_months")
    applying = date.fromisoformat(answers["application_date"])
    return job_lasting_months(experience.parameters["fewer_than_months"], ending_before=applying)


def test_meeting_every_criterion_is_eligible_and_changing_to_a_job_of_the_limit_is_not(context, site_url, programme):
    held = []
    context.route(ENGINE_WHEEL, lambda route: held.append(route))  # released below
    self_check = SelfCheckPage(context.new_page()).open(site_url)

    answers = eligible_answers(programme)
    self_check.answer(answers).form.locator('button[type="submit"]').click()
    for _ in range(200):
        if held:
            break
        self_check.page.wait_for_timeout(50)
    assert held, "the worker never asked for the engine"
    assert self_check.status.locator('[data-message="waiting"]').is_visible(), "answers sent early say so"
    assert self_check.result.is_hidden()
    assert self_check.result.evaluate("result => result.parentElement.getAttribute('aria-live')") == "polite", (
        "the result appears inside a live region that was there before it"
    )
    held[0].continue_()
    self_check.wait_for_answer()

    assert self_check.outcome == "eligible"
    assert self_check.criterion_statuses() == every_criterion(programme, "met")
    assert self_check.result.locator("[data-criterion-label]").all_inner_texts() == criterion_statements(programme)
    assert all(text.strip() for text in self_check.result.locator("[data-status-text]").all_inner_texts())
    assert self_check.result.locator('[data-outcome-text="eligible"][data-when="open"]').is_visible()
    assert self_check.result.locator('[data-outcome-text]:visible').count() == 1
    assert self_check.applications == "open"
    assert len(self_check.window_lines()) == len(programme.cohorts)
    assert self_check.result.locator("[data-rules-applied]").inner_text().strip()
    assert self_check.focused("element => element.id") == "result-title"
    assert self_check.status.locator('[data-message="ready"]').is_visible()

    self_check.result.locator('[data-action="change"]').click()
    assert self_check.page.evaluate(FOCUS_IS_IN_FORM), "Change your answers moves focus to the form"
    assert self_check.focused("element => element.name") == "application_date.day"

    experience = criterion_with(programme, "fewer_than_months")
    self_check.check({"full_time_jobs": [a_job_of_the_limit(programme, answers)]})
    assert self_check.outcome == "not_eligible"
    assert self_check.criterion_statuses() == {**every_criterion(programme, "met"), experience.id: "not_met"}
    assert self_check.result.locator('[data-outcome-text="not_eligible"][data-when="open"]').is_visible()
    what_would_change = self_check.criterion(experience.id).locator("[data-criterion-change]")
    assert what_would_change.is_visible() and what_would_change.inner_text().strip()
    assert self_check.result.locator('li[data-status="met"] [data-criterion-change]:visible').count() == 0


def job_names(count: int) -> list[list[str]]:
    return [[f"full_time_jobs[{index}].{date}.{part}" for date in ("start", "end") for part in DATE_PARTS]
            for index in range(count)]


def test_job_rows_renumber_as_they_change_and_start_again_clears_everything(self_check, programme):
    rows = self_check.job_rows()
    self_check.answer({"full_time_jobs": [{}]})
    assert rows.count() == 1, 'answering "Yes" offers the first job'
    assert rows.first.locator("[data-remove-period]").is_hidden(), "the only job cannot be removed"

    add = self_check.form.locator("[data-add-period]")
    add.click()
    add.click()
    assert self_check.job_names() == job_names(3)
    assert self_check.focused("element => element.name") == "full_time_jobs[2].start.day", "a new job's start takes focus"
    assert rows.locator("legend [data-period-number]").all_inner_texts() == ["1", "2", "3"]

    rows.nth(1).locator("[data-remove-period]").click()
    assert self_check.job_names() == job_names(2)
    assert self_check.focused("element => element.name") == "full_time_jobs[1].start.day", "focus moves to the next job"
    assert rows.locator("legend [data-period-number]").all_inner_texts() == ["1", "2"]
    for label in rows.locator("label").all():
        assert self_check.page.locator(f'#{label.get_attribute("for")}').count() == 1, "each label names its input"
    for date_field in rows.locator("[data-date]").all():  # each date a fieldset described by its hint and its error
        described = date_field.get_attribute("aria-describedby").split()
        assert described == [f"{date_field.get_attribute('id')}-hint", f"{date_field.get_attribute('id')}-error"]
        assert all(self_check.page.locator(f"#{id}").count() == 1 for id in described)

    # Two jobs back to back, together exactly the limit: both rows reach the engine.
    answers = eligible_answers(programme)
    whole = a_job_of_the_limit(programme, answers)
    first_end = date.fromisoformat(whole["start"]) + timedelta(days=10)
    answers["full_time_jobs"] = [
        {"start": whole["start"], "end": first_end.isoformat()},
        {"start": (first_end + timedelta(days=1)).isoformat(), "end": whole["end"]},
    ]
    self_check.check(answers)
    assert self_check.outcome == "not_eligible"

    self_check.result.locator('[data-action="restart"]').click()
    assert self_check.result.is_hidden() and self_check.outcome is None
    assert self_check.form.locator("input[type=radio]:checked").count() == 0
    assert rows.count() == 0 and self_check.form.locator("[data-periods]").is_hidden()
    assert self_check.typed_date("application_date") == self_check.initial_application_date
    assert self_check.page.evaluate(FOCUS_IS_IN_FORM)

    del answers["full_time_jobs"]
    self_check.check(answers)
    assert self_check.outcome == "unsure"
    experience = criterion_with(programme, "fewer_than_months")
    assert self_check.criterion_statuses() == {**every_criterion(programme, "met"), experience.id: "unknown"}
    assert self_check.result.locator('[data-outcome-text="unsure"][data-when="open"]').is_visible()


def invalid_answers(programme) -> dict[str, dict]:
    """Answers the engine refuses, each with every question present so that one can follow another on the page."""
    applying = a_day_in_the_window(programme)
    return {
        "a job that ends before it starts": {
            **eligible_answers(programme),
            "full_time_jobs": [{"start": (applying - timedelta(days=60)).isoformat(),
                                "end": (applying - timedelta(days=90)).isoformat()}],
        },
        "a job still going on the application date, answering not employed": {
            **eligible_answers(programme),
            "full_time_jobs": [{"start": (applying - timedelta(days=30)).isoformat()}],
        },
        "no application date, and two jobs without a start": {
            **eligible_answers(programme),
            "application_date": "",
            "full_time_jobs": [{"end": (applying - timedelta(days=90)).isoformat()},
                               {"end": (applying - timedelta(days=30)).isoformat()}],
        },
    }


def as_sent(answers: dict) -> dict:
    """The answers as the form sends them: every date as its parts as typed, empty ones included."""
    return {
        key: [{"start": as_typed(job.get("start", "")), "end": as_typed(job.get("end", ""))} for job in value]
        if isinstance(value, list) else as_typed(value) if key == "application_date" else value
        for key, value in answers.items()
    }


def test_invalid_answers_show_an_error_summary_linking_to_each_field(self_check, programme):
    """Each error is in the summary, linked to the first part of its date at fault, and above its date, whose parts at
    fault (and only those) are marked invalid; the date's fieldset is described by its error."""
    rules = selfcheck_rules(programme)
    for case, answers in invalid_answers(programme).items():
        expected = selfcheck.evaluate(as_sent(answers), rules)["errors"]
        assert all(error["parts"] for error in expected), f"{case}: every error here is about a date"
        self_check.check(answers)

        assert self_check.summary.is_visible(), case
        assert self_check.focused("element => element.matches('[data-error-summary]')"), f"{case}: summary focused"
        assert self_check.result.is_hidden(), case
        links = self_check.summary.locator("[data-error-list] a")
        assert links.all_inner_texts() == [error["message"] for error in expected], case
        marked = {f"{error['field']}.{part}" for error in expected for part in error["parts"]}
        assert sorted(self_check.invalid_parts()) == sorted(marked), f"{case}: only the parts at fault are marked"
        for link, error in zip(links.all(), expected, strict=True):
            date_field = self_check.date(error["field"])
            first_wrong = self_check.date_part(error["field"], error["parts"][0]).get_attribute("id")
            assert link.get_attribute("href") == f"#{first_wrong}", case
            field_id = date_field.get_attribute("id")
            inline = self_check.page.locator(f"#{field_id}-error")
            assert inline.is_visible() and error["message"] in inline.inner_text(), f"{case}: {field_id}"
            assert f"{field_id}-error" in date_field.get_attribute("aria-describedby").split(), f"{case}: {field_id}"

            link.click()
            assert self_check.focused("element => element.id") == first_wrong, f"{case}: the link moves focus"

    self_check.check(eligible_answers(programme))
    assert self_check.outcome == "eligible", "answers put right give a result"
    assert self_check.summary.is_hidden()
    assert self_check.form.locator("[aria-invalid]").count() == 0
    assert self_check.form.locator(".field-error:visible").count() == 0

    self_check.check(answers)
    assert self_check.summary.is_visible()
    assert self_check.result.is_hidden() and self_check.outcome is None, "errors replace the earlier result"


def test_a_date_typed_in_part_is_an_error_not_an_empty_answer(page, site_url, programme):
    """A half-typed end date is not a job still going on: the parts left out are asked for, and only they are marked."""
    self_check = SelfCheckPage(page).open(site_url)
    applying = a_day_in_the_window(programme)
    a_job_still_going = {"start": (applying - timedelta(days=90)).isoformat()}
    self_check.answer({**eligible_answers(programme), "employed_now": True, "full_time_jobs": [a_job_still_going]})
    month = self_check.date_part("full_time_jobs[0].end", "month")
    month.click()
    page.keyboard.type(str(applying.month))  # the month only

    self_check.submit()
    assert self_check.result.is_hidden()
    links = self_check.summary.locator("[data-error-list] a")
    day = self_check.date_part("full_time_jobs[0].end", "day")
    assert links.all_inner_texts() == ["End date of full-time job 1 must include a day and year."]
    assert links.get_attribute("href") == f"#{day.get_attribute('id')}", "the link goes to the first part at fault"
    assert self_check.invalid_parts() == ["full_time_jobs[0].end.day", "full_time_jobs[0].end.year"]
    assert page.locator("#q-full_time_jobs-0-end-error").inner_text() == links.inner_text()


def test_on_a_day_the_window_is_closed_the_result_leads_with_it_and_the_next_step(self_check, programme):
    """The form starts with today's date; the test data's only window closed long ago."""
    answers = {key: value for key, value in eligible_answers(programme).items() if key != "application_date"}
    self_check.check(answers)

    assert self_check.outcome == "eligible"
    assert self_check.applications == "closed"
    summary = self_check.result.locator("[data-result-applications] .outcome")
    outcome = self_check.result.locator("[data-outcome-text]:visible")
    first_criterion = self_check.result.locator("[data-result-criteria] > li").first
    assert summary.bounding_box()["y"] < outcome.bounding_box()["y"] < first_criterion.bounding_box()["y"]
    size = "element => parseFloat(getComputedStyle(element).fontSize)"
    assert summary.evaluate(size) > outcome.evaluate(size), "the headline: one cannot apply on that date"
    assert "applications are closed" in summary.inner_text()
    assert outcome.inner_text().strip().startswith("What the published criteria would say about you")
    next_step = self_check.result.locator("[data-next-step]:visible")
    assert next_step.count() == 1 and next_step.get_attribute("data-next-step") == "closed"
    assert summary.bounding_box()["y"] < next_step.bounding_box()["y"] < outcome.bounding_box()["y"]
    links = [link.get_attribute("href") for link in next_step.locator("a").all()]
    assert programme.website.url in links and any(link.endswith("timeline/") for link in links)
    layout = "item => [getComputedStyle(item).marginLeft, getComputedStyle(item.parentElement).listStyleType]"
    assert first_criterion.evaluate(layout) == ["0px", "none"], "a Material list rule won over the result's layout"
    assert [line.strip() for line in self_check.window_lines()] == [
        f"{cohort.name}: applications closed on {format_date(cohort.window.closes.date, programme.editions['en'].locale)}." for cohort in programme.cohorts
    ]


def test_each_status_is_told_by_words_and_an_icon_and_a_title_stands_apart_from_its_explanation(self_check, programme):
    answers = {**eligible_answers(programme), "hk_resident": False}
    del answers["full_time_jobs"]
    self_check.check(answers)
    assert set(self_check.criterion_statuses().values()) == {"met", "not_met", "unknown"}
    for item in self_check.result.locator("[data-result-criteria] > li").all():
        status = item.locator("[data-mark-slot]")
        assert status.inner_text().strip().rstrip(":") in {"Met", "Not met", "Not answered"}
        assert status.locator("svg[aria-hidden=true]").count() == 1
        title, explanation = item.locator(".result-criterion-title"), item.locator("[data-criterion-explanation]")
        looks = "element => [getComputedStyle(element).fontWeight, element.getBoundingClientRect().left]"
        assert title.evaluate(looks) != explanation.evaluate(looks)
    for line in self_check.result.locator("[data-result-applications] .outcome, [data-result-windows] > li").all():
        assert line.locator("svg[aria-hidden=true]").count() == 1 and line.inner_text().strip()


def test_answering_nothing_about_yourself_asks_for_answers_instead_of_giving_a_result(self_check, programme):
    self_check.submit()
    assert self_check.summary.is_visible() and self_check.result.is_hidden()
    links = self_check.summary.locator("[data-error-list] a")
    assert links.count() == 1
    first = next(question for question in programme.questions if question.key != "application_date")
    assert links.get_attribute("href") == f"#q-{first.key}" + ("-day" if first.kind == "date" else "")


def test_changing_answers_marks_the_result_out_of_date_until_the_next_check(self_check, programme):
    self_check.check(eligible_answers(programme))
    stale = self_check.result.locator("[data-result-stale]")
    assert stale.is_hidden()
    self_check.check({"hk_resident": False})
    assert stale.is_hidden() and self_check.outcome == "not_eligible"
    self_check.answer({"hk_resident": True})
    assert stale.is_visible(), "any change to an answer marks it out of date"


def test_the_result_lists_every_cohort_of_the_data(new_context, site_built_on, second_cohort_data):
    """A second cohort added to the data: the page's rules cover both, and the result tells each window."""
    from programme import load_programme
    from staticserver import serve

    programme = load_programme(second_cohort_data)
    first, second = programme.cohorts
    day = a_day_in_the_window(programme, cohort=1)
    build = site_built_on(day, second_cohort_data)
    with serve(build.site_dir) as base_url:
        self_check = SelfCheckPage(new_context().new_page()).open(base_url)
        self_check.check({**eligible_answers(programme), "application_date": day.isoformat()})
        assert self_check.applications == "open"
        assert [line.strip() for line in self_check.window_lines()] == [
            f"First cohort: applications closed on {format_date(first.window.closes.date, 'en-HK')}.",
            f"Second cohort: applications are open until {format_date(second.window.closes.date, 'en-HK')}.",
        ]


def test_the_result_is_marked_out_of_date_only_once_an_answer_changes(self_check, programme):
    answers = eligible_answers(programme)
    self_check.check(answers)
    stale = self_check.result.locator("[data-result-stale]")
    self_check.result.locator('[data-action="change"]').click()
    assert stale.is_hidden(), "nothing has changed yet"
    question = next(key for key, value in answers.items() if isinstance(value, bool))
    other = self_check.page.locator(f'input[name="{question}"][value="{json.dumps(not answers[question])}"]')
    other.check()
    assert stale.is_visible()
    self_check.page.locator(f'input[name="{question}"][value="{json.dumps(answers[question])}"]').check()
    assert stale.is_hidden(), "back to the answers the result is for"
