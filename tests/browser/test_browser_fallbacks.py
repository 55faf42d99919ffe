"""Without JavaScript, or when the runtime cannot start, the self-check page still gives the criteria in words."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urljoin

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


def with_a_broken_zip_directory(body: bytes) -> bytes:
    """The zip with one byte of its end-of-directory record changed, so that no module in it can be found.

    (A byte changed at random may fall in a module that Python starts without, or in a constant it never checks.)
    """
    broken = bytearray(body)
    broken[broken.rindex(b"PK\x05\x06")] ^= 0xFF
    return bytes(broken)


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
    pytest.param(ENGINE_STDLIB, corrupt, "does not match its integrity value", id="standard library tampered with"),
    pytest.param(ENGINE_STDLIB, missing, "could not be fetched", id="standard library missing"),
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


def test_a_standard_library_the_page_vouches_for_that_python_cannot_start_with_is_reported(context, site_url, browser_log):
    """A build that published a broken zip with its own integrity value: the browser accepts it, Python cannot start."""
    broken: dict[str, bytes] = {}

    def serve_broken_zip(route) -> None:
        route.fulfill(body=broken.setdefault("zip", with_a_broken_zip_directory(route.fetch().body())))

    def vouch_for_it(route) -> None:
        response = route.fetch()
        page = response.text()
        stdlib_url = urljoin(route.request.url, page.split('data-stdlib-url="', 1)[1].split('"', 1)[0])
        served = broken.setdefault("zip", with_a_broken_zip_directory(route.fetch(url=stdlib_url).body()))
        integrity = "sha256-" + base64.b64encode(hashlib.sha256(served).digest()).decode()
        route.fulfill(response=response, body=re.sub(r'data-stdlib-integrity="[^"]*"',
                                                     f'data-stdlib-integrity="{integrity}"', page))

    context.route(ENGINE_STDLIB, serve_broken_zip)
    context.route("**/self-check/", vouch_for_it)
    self_check = SelfCheckPage(context.new_page()).open(site_url)

    self_check.page.locator(FAILED).wait_for(state="visible", timeout=30_000)
    assert self_check.form.is_hidden()
    assert [error for error in browser_log.console_errors if "Python could not start" in error], browser_log.console_errors
