"""Without JavaScript, or when the runtime cannot start, the self-check page still gives the criteria in words."""

from __future__ import annotations

import pytest
from selfcheck_page import FAILED, SelfCheckPage, criterion_statements

pytestmark = pytest.mark.browser


def test_without_javascript_the_criteria_are_in_words_with_a_notice_and_no_form(new_context, site_url, programme,
                                                                                browser_log):
    self_check = SelfCheckPage(new_context(java_script_enabled=False).new_page()).open(site_url)

    assert self_check.criteria_in_words.all_inner_texts() == criterion_statements(programme)
    assert self_check.page.locator("[data-selfcheck] noscript .selfcheck-notice").is_visible()
    assert self_check.form.is_hidden()
    assert self_check.status.locator("[data-message]:visible").count() == 0
    box = self_check.status.bounding_box()
    assert box is None or box["height"] == 0, "no empty status box"
    assert self_check.summary.is_hidden() and self_check.result.is_hidden()
    assert not [url for url in browser_log.urls if "pyodide" in url or "selfcheck" in url]


def missing(route) -> None:
    route.fulfill(status=404, body="Not found")


def corrupt(route) -> None:
    """Serve the file with one byte changed: for the engine archive, its sha256 no longer matches the page's."""
    response = route.fetch()
    body = bytearray(response.body())
    body[len(body) // 2] ^= 0xFF
    route.fulfill(response=response, body=bytes(body))


def without_webassembly(route) -> None:
    """Serve the worker under a policy without 'wasm-unsafe-eval', as a host that copied the headers wrongly might."""
    response = route.fetch()
    policy = response.headers["content-security-policy"].replace(" 'wasm-unsafe-eval'", "")
    route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})


@pytest.mark.parametrize(("address", "serve", "reason"), [
    pytest.param("**/assets/selfcheck/selfcheck-*.zip", missing, "404", id="engine archive missing"),
    pytest.param("**/assets/selfcheck/selfcheck-*.zip", corrupt, "checksum", id="engine archive corrupted"),
    pytest.param("**/assets/selfcheck/worker.js", missing, "worker.js", id="worker missing"),
    pytest.param("**/pyodide.asm.wasm", missing, "WebAssembly", id="WebAssembly runtime missing"),
    pytest.param("**/assets/selfcheck/worker.js", without_webassembly, "WebAssembly", id="WebAssembly not allowed"),
])
def test_when_the_runtime_cannot_start_the_page_says_so_and_keeps_the_criteria(context, site_url, programme,
                                                                             browser_log, address, serve, reason):
    context.route(address, serve)
    self_check = SelfCheckPage(context.new_page()).open(site_url)

    failed = self_check.page.locator(FAILED)
    failed.wait_for(state="visible", timeout=30_000)
    assert failed.evaluate("message => message.closest('[role=status][aria-live]') !== null"), "it is announced"
    assert self_check.status.locator("[data-message]:visible").count() == 1
    assert self_check.criteria_in_words.all_inner_texts() == criterion_statements(programme)
    assert all(item.is_visible() for item in self_check.criteria_in_words.all())
    assert self_check.form.is_hidden(), "no form that cannot give a result"
    assert [error for error in browser_log.console_errors if reason in error], f"the console says why: {reason}"
