"""The self-check keeps answers on the device: it asks only its own site for files, sends nothing once ready,
and stores nothing."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest
from selfcheck_page import URL as SELF_CHECK_URL
from selfcheck_page import SelfCheckPage, a_full_flow, eligible_answers

pytestmark = pytest.mark.browser


def test_one_full_run_asks_only_the_site_sends_nothing_once_ready_stores_nothing_and_keeps_the_strict_policy(
        page, context, site_url, programme, browser_log):
    """One person's full run (a_full_flow), read three ways. It merges three tests that each made the same run:
    test_only_the_site_itself_is_asked_for_anything_and_nothing_once_ready,
    test_nothing_the_person_answers_is_stored, and the self-check part of test_browser_csp.py's
    test_every_page_and_a_full_self_check_run_under_the_strict_policy."""
    response = page.goto(site_url + SELF_CHECK_URL)
    assert "script-src 'self'" in response.headers.get("content-security-policy", "")
    self_check = SelfCheckPage(page).wait_until_ready()
    page.wait_for_load_state("networkidle")
    # The runtime and the engine's files are fetched by the worker: seeing them shows worker requests are recorded.
    for name in ("data-pyodide-url", "data-stdlib-url", "data-lock-url"):
        assert urljoin(page.url, page.locator("[data-selfcheck]").get_attribute(name)) in browser_log.urls
    assert any(url.endswith(".wasm") for url in browser_log.urls)
    assert any(url.endswith(".whl") for url in browser_log.urls)

    requests_before_answering = len(browser_log.requests)
    typed = a_full_flow(self_check, programme)
    page.wait_for_timeout(500)  # time for any late request to show

    assert browser_log.urls[requests_before_answering:] == [], "checking answers sends nothing"
    origin = urlsplit(site_url)[:2]
    assert [url for url in browser_log.urls if urlsplit(url)[:2] != origin] == []
    assert browser_log.csp_violations + browser_log.console_errors == []

    storage = self_check.storage()
    # Material keeps its own settings under keys scoped to the site's path; the self-check keeps nothing.
    material_prefix = page.evaluate("() => `${__md_scope.pathname}.__`")
    for area in ("localStorage", "sessionStorage"):
        assert [key for key, _ in storage[area] if not key.startswith(material_prefix)] == [], area
    assert storage["cookie"] == "" and context.cookies() == []
    assert storage["indexedDB"] == [] and storage["caches"] == []
    stored = json.dumps(storage)
    assert [text for text in typed | set(eligible_answers(programme)) if text in stored] == []
