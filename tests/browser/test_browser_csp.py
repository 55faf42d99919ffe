"""Every page works under the strict Content-Security-Policy the host sends: no violation, no console error."""

from __future__ import annotations

import pytest
from selfcheck_page import URL as SELF_CHECK_URL
from selfcheck_page import SelfCheckPage, a_full_flow

pytestmark = pytest.mark.browser


def test_every_page_and_a_full_self_check_run_under_the_strict_policy(page, site_url, site_pages, programme,
                                                                       browser_log):
    problems = []
    for address in site_pages:
        response = page.goto(site_url + address)
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), address
        page.wait_for_load_state("networkidle")
        if address == SELF_CHECK_URL:
            a_full_flow(SelfCheckPage(page).wait_until_ready(), programme)
            page.wait_for_timeout(500)  # time for any late error to show
        problems += [f"{address}: {problem}" for problem in browser_log.csp_violations + browser_log.console_errors]
        browser_log.csp_violations.clear()
        browser_log.console_errors.clear()
    assert problems == []


def test_a_violation_would_be_seen(page, site_url, browser_log):
    page.goto(site_url)
    page.evaluate("() => document.body.append(Object.assign(document.createElement('script'), {textContent: '1'}))")
    for _ in range(100):  # the report comes back to Python asynchronously
        if browser_log.csp_violations and browser_log.console_errors:
            break
        page.wait_for_timeout(20)
    assert browser_log.csp_violations and browser_log.console_errors
