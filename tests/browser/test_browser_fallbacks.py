"""Without JavaScript, or when the runtime cannot start, the self-check page still gives the criteria in words."""

from __future__ import annotations

import pytest
from selfcheck_page import ENGINE_LOCK, ENGINE_STDLIB, ENGINE_WHEEL, FAILED, SelfCheckPage, criterion_statements

from programme.runtime.bundle import PYODIDE_DIR

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
    """Serve the file with one byte changed, so that it no longer matches the hash it is pinned by."""
    body = bytearray(route.fetch().body())
    body[len(body) // 2] ^= 0xFF
    route.fulfill(body=bytes(body))


def corrupt_zip_directory(route) -> None:
    """Serve the zip with one byte of its end-of-directory record changed, so that no module in it can be found.

    (A byte changed at random may fall in a module that Python starts without, or in a constant it never checks.)
    """
    body = bytearray(route.fetch().body())
    end_of_directory = body.rindex(b"PK\x05\x06")
    body[end_of_directory] ^= 0xFF
    route.fulfill(body=bytes(body))


def another_standard_library(route) -> None:
    """Serve a standard library that works but is not the page's: Pyodide's own, whole and uncompiled."""
    route.fulfill(path=PYODIDE_DIR / "python_stdlib.zip")  # read by Playwright's driver: 2 MB not sent through Python


def without_webassembly(route) -> None:
    """Serve the worker under a policy without 'wasm-unsafe-eval', as a host that copied the headers wrongly might."""
    response = route.fetch()
    policy = response.headers["content-security-policy"].replace(" 'wasm-unsafe-eval'", "")
    route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})


def in_an_unknown_language(route) -> None:
    """The page as if its edition were in a language the engine has no words for."""
    response = route.fetch()
    route.fulfill(response=response, body=response.text().replace('data-language="en"', 'data-language="xx"'))


@pytest.mark.parametrize(("address", "serve", "reason"), [
    pytest.param(ENGINE_WHEEL, missing, "wheel", id="engine wheel missing"),
    pytest.param(ENGINE_WHEEL, corrupt, "does not match its sha256", id="engine wheel tampered with"),
    pytest.param(ENGINE_LOCK, corrupt, "does not match its integrity value", id="lock file tampered with"),
    pytest.param(ENGINE_STDLIB, corrupt_zip_directory, "Python could not start", id="standard library tampered with"),
    pytest.param(ENGINE_STDLIB, another_standard_library, "does not match its integrity value",
                 id="another standard library"),
    pytest.param("**/assets/selfcheck/worker.js", missing, "worker.js", id="worker missing"),
    pytest.param("**/pyodide.asm.wasm", missing, "WebAssembly", id="WebAssembly runtime missing"),
    pytest.param("**/self-check/", in_an_unknown_language, "UnknownLanguage", id="a language the engine lacks"),
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
