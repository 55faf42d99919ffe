"""The status on the day the site is read: at build time (SOURCE_DATE_EPOCH, seen without JavaScript) and for the
visitor's own date (assets/dated.js, with the browser's clock set to the day), before opening, while open, on the
closing day and after it, with nothing moving when the script swaps a status."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from crawl import RECORD_LAYOUT_SHIFTS
from sitebuild import APPLICATIONS_AROUND_THE_WINDOW, OPENING_AND_CLOSING_AROUND_THE_WINDOW, days_around_the_window
from staticserver import serve

from programme import load_programme
from programme.site.filters import format_date
from fixture_data import FIXTURE_DATA

pytestmark = pytest.mark.browser

PROGRAMME = load_programme(FIXTURE_DATA)
DAYS = days_around_the_window(PROGRAMME)
ANSWER = ".applications-answer"

def visible_status(page, selector: str) -> list[str]:
    """The data-* status of each element matching `selector` that a person can see."""
    return page.locator(f"{selector}:visible").evaluate_all(
        "items => items.map((item) => item.dataset.applications || item.dataset.window || item.dataset.eventStatus)"
    )


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize("when", DAYS)
def test_without_javascript_each_page_shows_the_status_on_the_day_it_was_built(new_context, site_built_on, when):
    build = site_built_on(DAYS[when])
    page = new_context(java_script_enabled=False).new_page()
    with serve(build.site_dir) as base_url:
        page.goto(base_url)
        assert visible_status(page, f"{ANSWER}[data-applications]") == [APPLICATIONS_AROUND_THE_WINDOW[when]]
        assert page.locator(".as-of:visible").inner_text() == (
            f"Status on {format_date(DAYS[when], 'en-HK')}, the day this site was last published."
        )
        page.goto(base_url + "eligibility/")
        assert len(visible_status(page, "[data-window]")) == len(PROGRAMME.cohorts)


@pytest.fixture(scope="module")
def built_before_the_window(site_built_on):
    return site_built_on(DAYS["before opening"])


@pytest.mark.parametrize("when", DAYS)
def test_with_javascript_each_page_shows_the_status_on_the_visitors_own_date(new_context, built_before_the_window, when):
    """The site is built before the window opens; the visitor reads it on that day or later."""
    context = new_context()
    context.clock.set_fixed_time(noon(DAYS[when]))
    page = context.new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    with serve(built_before_the_window.site_dir) as site_url:
        check_the_visitors_day(page, site_url, when)


def check_the_visitors_day(page, site_url: str, when: str) -> None:
    page.goto(site_url)
    assert visible_status(page, f"{ANSWER}[data-applications]") == [APPLICATIONS_AROUND_THE_WINDOW[when]]
    assert page.locator(".as-of:visible").inner_text() == (
        f"Status on {format_date(DAYS[when], 'en-HK')}, today’s date on your device."
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.layoutShift") <= 0.02, "swapping the status moves nothing"

    page.goto(site_url + "timeline/")
    window = PROGRAMME.cohorts[0].window
    statuses = dict(zip([event.id for event in PROGRAMME.cohorts[0].timeline],
                        visible_status(page, "[data-event-status]"), strict=True))
    assert [statuses[window.opens.id], statuses[window.closes.id]] == OPENING_AND_CLOSING_AROUND_THE_WINDOW[when]


def test_a_status_over_before_the_build_day_takes_no_space_and_a_clock_before_it_keeps_the_build_days(new_context, site_url):
    """Built today, long after the window closed: only today's status is in the page (no blank space is kept for
    statuses no reader can be on), and a device whose clock says 2020 cannot be right: the build day's stays, and
    the page says whose day it is."""
    context = new_context()
    context.clock.set_fixed_time(noon(DAYS["on the opening day"]))
    page = context.new_page()
    page.goto(site_url)
    assert page.locator(f"{ANSWER}[data-applications]").count() == 1
    assert visible_status(page, f"{ANSWER}[data-applications]") == ["closed"]
    assert page.locator(".as-of:visible").inner_text().endswith("the day this site was last published.")


def test_the_visitors_date_wins_over_the_build_date(new_context, site_built_on):
    """Built while the window was open, read after it closed: the page says closed."""
    build = site_built_on(DAYS["on the opening day"])
    context = new_context()
    context.clock.set_fixed_time(noon(DAYS["after closing"]))
    page = context.new_page()
    with serve(build.site_dir) as base_url:
        page.goto(base_url)
        assert visible_status(page, f"{ANSWER}[data-applications]") == ["closed"]
