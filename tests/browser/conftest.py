"""Browser fixtures: Debian's Chromium driven by Playwright, the built site served with its strict CSP.

One browser per session (per pytest-xdist worker); each test gets a fresh context (no shared cache, storage or
cookies) whose requests, failed responses, console errors and Content-Security-Policy violations are recorded in a
`BrowserLog`. The `crawl` fixture visits every page of the built site once per width and keeps records that the
page-wide tests assert on (tests/browser/crawl.py); each width's tests share one xdist group, so one worker crawls it.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from chromium import CHROMIUM_ARGS, chromium_executable
from crawl import BrowserLog, Crawl, crawl_site
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from sitebuild import SITE_URL
from staticserver import serve

# Playwright runs init scripts outside the page's CSP, so this listener sees every violation in the document.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


# WebAssembly stays on V8's baseline compiler (Liftoff) in the tests: optimising Pyodide's functions in the background
# took about a third of each Pyodide start's CPU, and some thirty tests start it on a 2-core machine. What the
# engine computes is the same (the golden cases also run under Node's V8 with its optimising compiler, and in
# Chromium here); the benchmarks, which time the start, keep Chromium's defaults (CHROMIUM_ARGS).
TESTS_ONLY_ARGS = ["--js-flags=--liftoff-only"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *TESTS_ONLY_ARGS])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The real site, built once, served with production's headers at the sub-path it was built for."""
    with serve(built_site.site_dir, prefix=urlsplit(SITE_URL).path) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    """The address, relative to the site root, of every HTML page the build wrote."""
    site_dir = built_site.site_dir
    return sorted(
        path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for path in site_dir.rglob("*.html") if "assets" not in path.relative_to(site_dir).parts
    )


def watched_context(browser: Browser, log: BrowserLog, **options) -> BrowserContext:
    """A fresh context (keyword arguments go to Playwright) that reports what it does into `log`."""
    context = browser.new_context(**{"locale": "en-US", **options})
    context.on("request", lambda request: log.requests.append(request))
    context.on("response", log.on_response)
    context.on("page", log.watch)
    if options.get("java_script_enabled", True):
        context.expose_function("reportCspViolation", lambda text: log.csp_violations.append(text))
        context.add_init_script(REPORT_CSP_VIOLATIONS)
    return context


@pytest.fixture
def browser_log() -> BrowserLog:
    return BrowserLog()


@pytest.fixture
def new_context(browser, browser_log) -> Iterator:
    """Make a fresh context (keyword arguments go to Playwright), watched by browser_log and closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        contexts.append(watched_context(browser, browser_log, **options))
        return contexts[-1]

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context) -> BrowserContext:
    return new_context()


# The two widths every page is checked at: a phone held upright and a laptop.
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}
# The crawl at each width, as a parameter: a test that needs one width only parametrizes `crawl` with it (indirect).
WIDTHS = {width: pytest.param(width, id=width, marks=pytest.mark.xdist_group(f"crawl-{width}")) for width in DEVICES}


@pytest.fixture(params=list(DEVICES))
def device_page(request, new_context) -> Page:
    """A page in a fresh context at each of the two widths in turn."""
    return new_context(**DEVICES[request.param]).new_page()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def crawls(browser, site_url, site_pages, built_site):
    """crawls(width): every page of the built site visited once at that width (made when first asked for)."""
    made: dict[str, Crawl] = {}

    def at(width: str) -> Crawl:
        if width not in made:
            made[width] = crawl_site(lambda log, **options: watched_context(browser, log, **options), site_url,
                                     built_site.site_dir, site_pages, DEVICES[width], width)
        return made[width]

    return at


@pytest.fixture(scope="session", params=list(WIDTHS.values()))
def crawl(request, crawls) -> Crawl:
    """The records of every page at each width in turn (tests/browser/crawl.py)."""
    return crawls(request.param)
