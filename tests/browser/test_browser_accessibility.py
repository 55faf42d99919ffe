"""axe-core finds nothing on any page or in any state of the self-check, at a phone's width and a laptop's, hovered and
focused buttons included (their colour contrast); the self-check fits a phone's width."""

from __future__ import annotations

from datetime import timedelta

import pytest
from crawl import CONTRAST, FITS_THE_WIDTH, accessibility_violations
from selfcheck_page import (
    ENGINE_WHEEL,
    FAILED,
    SelfCheckPage,
    a_day_in_the_window,
    criterion_with,
    eligible_answers,
    job_lasting_months,
)

from test_site_chinese import allowed_latin, latin_left

from programme import load_programme
from programme.data.loader import PROJECT_ROOT
from fixture_data import FIXTURE_DATA

EDITIONS = load_programme(FIXTURE_DATA).editions

pytestmark = pytest.mark.browser


def test_no_page_of_the_site_has_an_accessibility_violation(crawl):
    """Every page at each width, in the crawl's records: axe's every rule, then colour contrast with the content's first
    button hovered and focused (once per kind of button: the crawl says which page stood for which)."""
    audited = [record.name for record in crawl.pages if record.contrast_as == "" ]
    standing_for = {record.contrast_as for record in crawl.pages} - {""}
    assert standing_for <= set(audited), "a page stood for a button audited nowhere"
    found = []
    for record in crawl.pages:
        found += [f"{record.name}: {violation}" for violation in record.accessibility]
        found += [f"{record.name} (button hovered): {violation}" for violation in record.contrast_hovered]
        found += [f"{record.name} (button focused): {violation}" for violation in record.contrast_focused]
    assert found == [], "\n".join(found)


EDITION_FOLDERS = {edition.language: f"{edition.folder}/" if edition.folder else "" for edition in EDITIONS.values()}


@pytest.mark.parametrize("language", list(EDITION_FOLDERS))
def test_no_state_of_the_self_check_has_an_accessibility_violation(device_page, site_url, programme, language):
    """Every state in every edition; in a translated one, each state also shows no English word but names."""
    self_check = SelfCheckPage(device_page).open(site_url, EDITION_FOLDERS[language])
    found = []
    kept = allowed_latin()[0]

    def audit(state: str, rules: list[str] | None = None) -> None:
        found.extend(f"{state}: {violation}" for violation in accessibility_violations(device_page, rules))
        if language != "en":
            shown = device_page.locator("[data-selfcheck]").inner_text()
            found.extend(f"{state}: English word {word!r}" for word in sorted(set(latin_left(shown, kept))))

    audit("initial")
    self_check.wait_until_ready()
    audit("ready")
    submit = self_check.form.locator('button[type="submit"]')
    submit.hover()
    audit("submit button hovered", CONTRAST)
    submit.focus()
    audit("submit button focused", CONTRAST)

    self_check.submit()
    assert self_check.summary.is_visible()
    audit("nothing answered")

    answers = eligible_answers(programme)
    applying = a_day_in_the_window(programme)
    self_check.check({**answers, "application_date": "", "full_time_jobs": [
        {"start": (applying - timedelta(days=10)).isoformat(), "end": (applying - timedelta(days=40)).isoformat()},
        {"end": (applying - timedelta(days=5)).isoformat()},
    ]})
    assert self_check.summary.is_visible()
    audit("error summary")

    self_check.check(answers)
    assert (self_check.outcome, self_check.applications) == ("eligible", "open")
    audit("eligible, window open")
    change = self_check.result.locator('[data-action="change"]')
    change.hover()
    audit("result button hovered", CONTRAST)
    change.click()
    audit("out of date")
    experience = criterion_with(programme, "fewer_than_months")
    self_check.check({"full_time_jobs": [job_lasting_months(experience.parameters["fewer_than_months"], ending_before=applying)]})
    assert self_check.outcome == "not_eligible"
    audit("not eligible")
    self_check.result.locator('[data-action="restart"]').click()
    self_check.check({key: value for key, value in answers.items() if key not in ("full_time_jobs", "application_date")})
    assert (self_check.outcome, self_check.applications) == ("unsure", "closed")
    audit("unsure, window closed today")

    assert found == [], "\n".join(found)


def test_a_self_check_that_could_not_start_has_no_accessibility_violation(context, site_url):
    context.route(ENGINE_WHEEL, lambda route: route.fulfill(status=404))
    page = context.new_page()
    SelfCheckPage(page).open(site_url)
    page.locator(FAILED).wait_for(state="visible", timeout=30_000)
    found = accessibility_violations(page)
    assert found == [], "\n".join(found)


def test_on_a_phone_the_self_check_fits_the_screen_in_every_state(new_context, site_url, programme):
    phone = new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    self_check = SelfCheckPage(phone.new_page()).open(site_url)
    assert self_check.form.is_visible()
    assert self_check.page.evaluate(FITS_THE_WIDTH), "initial"

    applying = a_day_in_the_window(programme)
    answers = eligible_answers(programme)
    self_check.check({**answers, "full_time_jobs": [
        {"start": (applying - timedelta(days=10)).isoformat(), "end": (applying - timedelta(days=40)).isoformat()},
        {"start": (applying - timedelta(days=400)).isoformat(), "end": (applying - timedelta(days=380)).isoformat()},
    ]})
    assert self_check.summary.is_visible()
    assert self_check.page.evaluate(FITS_THE_WIDTH), "jobs and errors"

    self_check.check(answers)
    assert self_check.outcome == "eligible"
    assert self_check.page.evaluate(FITS_THE_WIDTH), "result"
