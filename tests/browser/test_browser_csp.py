"""Every page works under the strict Content-Security-Policy the host sends: no violation, no console error."""

from __future__ import annotations

import pytest
from selfcheck_page import URL as SELF_CHECK_URL
from selfcheck_page import SelfCheckPage
from staticserver import serve

from programme import load_programme
from fixture_data import FIXTURE_DATA

EDITIONS = load_programme(FIXTURE_DATA).editions

pytestmark = pytest.mark.browser


def test_every_page_runs_under_the_strict_policy(crawl):
    """Every page at each width, in the crawl's records (a self-check page until its engine is ready). A full run of
    the self-check under the policy is in test_browser_privacy.py, with what it asks of the network and stores."""
    for record in crawl.pages:
        assert "script-src 'self'" in record.policy, record.name
    problems = [f"{record.name}: {problem}" for record in crawl.pages
                for problem in record.csp_violations + record.console_errors]
    assert problems == []


def inject_inline_script_and_style(page, browser_log) -> None:
    page.evaluate("""() => {
        document.body.append(Object.assign(document.createElement('script'), {textContent: 'window.ran = 1'}));
        document.body.append(Object.assign(document.createElement('style'), {textContent: 'body {color: red}'}));
    }""")
    for _ in range(100):  # the reports come back to Python asynchronously
        if len(browser_log.csp_violations) >= 2:
            break
        page.wait_for_timeout(20)


def test_a_violation_would_be_seen(page, site_url, browser_log):
    page.goto(site_url)
    inject_inline_script_and_style(page, browser_log)
    assert browser_log.csp_violations and browser_log.console_errors
    assert page.evaluate("() => window.ran") is None


def test_the_pages_own_policy_holds_on_a_host_that_sends_no_headers(page, built_site, browser_log):
    with serve(built_site.site_dir, security_headers=False) as base_url:
        response = page.goto(base_url + SELF_CHECK_URL)
        assert "content-security-policy" not in response.headers
        SelfCheckPage(page).wait_until_ready()  # the self-check's WebAssembly runs under the page's policy
        inject_inline_script_and_style(page, browser_log)
    assert page.evaluate("() => window.ran") is None
    assert sorted(violation.split(" ")[0] for violation in browser_log.csp_violations) == ["script-src-elem", "style-src-elem"]


def test_the_pages_own_policy_lets_the_prefetch_script_add_its_speculation_rules_in_every_edition(page, built_site,
                                                                                                   browser_log):
    """On a host that sends no headers, each edition's pages add their rules (assets/selfcheck/prefetch.js) under their
    own <meta> policy alone, and nothing is blocked."""
    with serve(built_site.site_dir, security_headers=False) as base_url:
        for edition in EDITIONS.values():
            page.goto(base_url + (edition.folder + "/" if edition.folder else "") + "eligibility/")
            page.wait_for_load_state("networkidle")
            assert page.locator("script[type=speculationrules]").count() == 1, edition.language
    assert browser_log.csp_violations == [] and browser_log.console_errors == []
