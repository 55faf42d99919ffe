"""The self-check page as a test drives it, through its contract: each control's name is an answer key.

Answers are written as the engine reads them (see selfcheck/answers.py): a date is "YYYY-MM-DD" (typed into its Day,
Month and Year as a person types it: 7, 3, 2021) or its parts as typed ({"day": "7", "month": "", "year": "2021"}),
yes/no is a bool, full_time_jobs is a list of {start, end}; a key left out stays unanswered.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from playwright.sync_api import Locator, Page

from programme import Programme

URL = "self-check/"
READY = '[data-message="ready"]'
FAILED = '[data-message="failed"]'
# The engine's files, as Playwright route patterns: its wheel, the lock file naming it, the standard library.
ENGINE_WHEEL = "**/assets/selfcheck-engine-*/*.whl"
ENGINE_LOCK = "**/assets/selfcheck-engine-*/pyodide-lock.json"
ENGINE_STDLIB = "**/assets/selfcheck-engine-*/python_stdlib.zip"


class SelfCheckPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.form = page.locator("[data-selfcheck-form]")
        self.status = page.locator("[data-selfcheck-status]")
        self.summary = page.locator("[data-error-summary]")
        self.result = page.locator("[data-selfcheck-result]")
        self.criteria_in_words = page.locator("ul.criteria > li")

    def open(self, site_url: str, edition: str = "") -> SelfCheckPage:
        """The self-check page of an edition: "" for the first (English), or its folder ("zh-hant/")."""
        self.page.goto(site_url + edition + URL)
        self.initial_application_date = self.typed_date("application_date")
        return self

    def wait_until_ready(self) -> SelfCheckPage:
        self.page.locator(READY).wait_for(state="visible", timeout=30_000)
        return self

    def control(self, name: str) -> Locator:
        return self.form.locator(f'input[name="{name}"]')

    def date(self, field: str) -> Locator:
        """The fieldset of a date: a question's (application_date) or a job's (full_time_jobs[0].start)."""
        return self.form.locator(f'[data-date="{field}"]')

    def date_part(self, field: str, part: str) -> Locator:
        return self.date(field).locator(f'input[data-part="{part}"]')

    def typed_date(self, field: str) -> dict[str, str]:
        return {part: self.date_part(field, part).input_value() for part in DATE_PARTS}

    def fill_date(self, field: str, value: str | dict) -> None:
        """Type a date into its parts: "YYYY-MM-DD" as a person types it (no leading zeros), or the parts as given."""
        for part, text in as_typed(value).items():
            self.date_part(field, part).fill(text)

    def invalid_parts(self) -> list[str]:
        """The names of the inputs marked invalid, in the page's order."""
        return self.form.locator("[aria-invalid=true]").evaluate_all("inputs => inputs.map((input) => input.name)")

    def answer(self, answers: dict) -> SelfCheckPage:
        for key, value in answers.items():
            if isinstance(value, list) and value:
                self._answer_jobs(key, value)
            elif self.date(key).count():
                self.fill_date(key, value)
            else:
                self.form.locator(f'input[name="{key}"][value="{radio_value(value)}"]').check()
        return self

    def job_rows(self, key: str = "full_time_jobs") -> Locator:
        return self.form.locator(f'[data-periods="{key}"] [data-period-list] > li')

    def _answer_jobs(self, key: str, jobs: list[dict]) -> None:
        """Answer "Yes", then add or remove rows until there is one per job, and fill them in."""
        self.form.locator(f'input[name="{key}"][data-kind="periods"]').check()
        rows = self.job_rows(key)
        while rows.count() < len(jobs):
            self.form.locator(f'[data-periods="{key}"] [data-add-period]').click()
        while rows.count() > len(jobs):
            rows.last.locator("[data-remove-period]").click()
        for index, job in enumerate(jobs):
            for part in ("start", "end"):
                self.fill_date(f"{key}[{index}].{part}", job.get(part, ""))

    def submit(self) -> SelfCheckPage:
        """Press "Check my answers" and wait until focus moves to the result or the error summary."""
        self.form.locator('button[type="submit"]').click()
        self.wait_for_answer()
        return self

    def wait_for_answer(self) -> None:
        self.page.wait_for_function(
            "() => document.activeElement && document.activeElement.matches('#result-title, [data-error-summary]')",
            timeout=30_000,
        )

    def check(self, answers: dict) -> SelfCheckPage:
        return self.answer(answers).submit()

    @property
    def outcome(self) -> str | None:
        return self.result.get_attribute("data-outcome")

    @property
    def applications(self) -> str | None:
        """The applications status over every cohort on the chosen date, as the result on screen says it."""
        return self.result.get_attribute("data-applications")

    def window_lines(self) -> list[str]:
        return self.result.locator("[data-result-windows] > li").all_inner_texts()

    def criterion_statuses(self) -> dict[str, str]:
        return self.page.eval_on_selector_all(
            "[data-result-criteria] > li",
            "items => Object.fromEntries(items.map((item) => [item.dataset.criterion, item.dataset.status]))",
        )

    def criterion(self, criterion_id: str) -> Locator:
        return self.result.locator(f'[data-result-criteria] > li[data-criterion="{criterion_id}"]')

    def focused(self, expression: str):
        """`expression` (a function of one element) applied to the element that has focus."""
        return self.page.evaluate_handle("() => document.activeElement").evaluate(expression)

    def job_names(self, key: str = "full_time_jobs") -> list[list[str]]:
        """The names of each job's inputs: its start's day, month and year, then its end's."""
        return [row.locator("input").evaluate_all("inputs => inputs.map((input) => input.name)")
                for row in self.job_rows(key).all()]

    def storage(self) -> dict:
        """Everything the page's origin keeps: web storage, cookies, IndexedDB and Cache Storage."""
        return self.page.evaluate("""async () => ({
            localStorage: Object.entries(localStorage),
            sessionStorage: Object.entries(sessionStorage),
            cookie: document.cookie,
            indexedDB: (await indexedDB.databases()).map((database) => database.name),
            caches: "caches" in self ? await caches.keys() : [],
        })""")


DATE_PARTS = ("day", "month", "year")


def as_typed(value: str | dict) -> dict[str, str]:
    """A date as the form sends it: its parts as typed; "YYYY-MM-DD" as a person types it, "" as nothing typed."""
    if isinstance(value, dict):
        return {part: value.get(part, "") for part in DATE_PARTS}
    if not value:
        return dict.fromkeys(DATE_PARTS, "")
    day = date.fromisoformat(value)
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}


def radio_value(answer: object) -> str:
    """The value of the radio that gives this answer: a choice's own value, or the answer as JSON."""
    return answer if isinstance(answer, str) else json.dumps(answer)


# Answers, made from the data: dates relative to a cohort's application window, never written in.

def application_window(programme: Programme, cohort: int = 0) -> tuple[date, date]:
    window = programme.cohorts[cohort].window
    return window.opens.date.first_day, window.closes.date.first_day


def a_day_in_the_window(programme: Programme, cohort: int = 0) -> date:
    opens, closes = application_window(programme, cohort)
    return opens + (closes - opens) // 2


def criterion_statements(programme: Programme) -> list[str]:
    """The criteria in words, as the data states them."""
    return [str(criterion.statement) for criterion in programme.eligibility.criteria]


def criterion_with(programme: Programme, name: str):
    """The first criterion with a parameter of this name (e.g. fewer_than_months) in the data."""
    return next(criterion for criterion in programme.eligibility.criteria if name in criterion.parameters)


def parameter(programme: Programme, name: str) -> object:
    """The value of the first criterion's parameter of this name (e.g. fewer_than_months) in the data."""
    return next(criterion.parameters[name] for criterion in programme.eligibility.criteria if name in criterion.parameters)


def meeting_answer(criterion, applying: date) -> object:
    """An answer that meets a criterion of any kind, made from its parameters."""
    parameters = criterion.parameters
    if criterion.kind == "choice_in":
        return parameters["accepted"][0]
    if criterion.kind == "yes_no_is":
        return parameters["must_be"]
    if criterion.kind == "longest_stretch_under":
        return []
    if criterion.kind in ("date_on_or_after", "date_on_or_before"):
        return parameters["date"]
    if criterion.kind == "age_between":
        years = parameters.get("min_years", 0) + 1 if "max_years" not in parameters else \
            (parameters.get("min_years", 0) + parameters["max_years"]) // 2
        return applying.replace(year=applying.year - years, day=min(applying.day, 28)).isoformat()
    raise ValueError(f"no meeting answer for a {criterion.kind} criterion")


def eligible_answers(programme: Programme, cohort: int = 0) -> dict:
    """An answer that meets every criterion to each question, applying in a cohort's window."""
    applying = a_day_in_the_window(programme, cohort)
    answers = {"application_date": applying.isoformat()}
    for criterion in programme.eligibility.criteria:
        answers.setdefault(criterion.question, meeting_answer(criterion, applying))
    for question in programme.questions:  # a job question's yes/no about having a job now: not on that day
        if question.kind == "periods" and question.employed_question:
            answers[question.employed_question] = False
    return answers


def first_of_month(day: date, months_later: int) -> date:
    index = day.year * 12 + day.month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def job_lasting_months(months: int, ending_before: date) -> dict:
    """A full-time job of exactly `months` whole months (from a 1st to a month's last day), over before a date."""
    start = first_of_month(ending_before, -(months + 2))
    return {"start": start.isoformat(), "end": (first_of_month(start, months) - timedelta(days=1)).isoformat()}


def a_full_flow(self_check: SelfCheckPage, programme: Programme) -> set[str]:
    """Invalid answers, then a result, then another after "Change your answers"; returns what was typed in."""
    answers = eligible_answers(programme)
    applying = date.fromisoformat(answers["application_date"])
    ends_before_it_starts = {"start": (applying - timedelta(days=10)).isoformat(),
                             "end": (applying - timedelta(days=40)).isoformat()}
    a_long_job = job_lasting_months(12, ending_before=applying)
    self_check.check({**answers, "full_time_jobs": [ends_before_it_starts]})
    self_check.check(answers)
    self_check.result.locator('[data-action="change"]').click()
    self_check.check({"full_time_jobs": [a_long_job]})
    return {answers["application_date"], *ends_before_it_starts.values(), *a_long_job.values()}
