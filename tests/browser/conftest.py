"""Browser fixtures: Debian's Chromium driven by Playwright, the built site served with its strict CSP.

One browser per session; each test gets a fresh context (no shared cache, storage or cookies) whose requests,
console errors and Content-Security-Policy violations are recorded in a `BrowserLog`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from chromium import CHROMIUM_ARGS, chromium_executable
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, sync_playwright
from sitebuild import SITE_URL
from staticserver import serve

# Playwright runs init scripts outside the page's CSP, so this listener sees every violation in the document.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


@dataclass
class BrowserLog:
    """What a context did: every request (the self-check's worker included), console errors, CSP violations."""

    requests: list[Request] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [request.url for request in self.requests]

    def watch(self, page: Page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location
            self.console_errors.append(f"{message.text} ({location.get('url')}:{location.get('lineNumber')})")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
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


@pytest.fixture
def browser_log() -> BrowserLog:
    return BrowserLog()


@pytest.fixture
def new_context(browser, browser_log) -> Iterator:
    """Make a fresh context (keyword arguments go to Playwright), watched by browser_log and closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        context = browser.new_context(**{"locale": "en-US", **options})
        context.on("request", lambda request: browser_log.requests.append(request))
        context.on("page", browser_log.watch)
        if options.get("java_script_enabled", True):
            context.expose_function("reportCspViolation", lambda text: browser_log.csp_violations.append(text))
            context.add_init_script(REPORT_CSP_VIOLATIONS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context) -> BrowserContext:
    return new_context()


# Layout shifts as the browser reports them, summed as CLS counts them (none caused by input).
RECORD_LAYOUT_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


# The two widths every page is checked at: a phone held upright and a laptop.
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}


@pytest.fixture(params=list(DEVICES))
def device_page(request, new_context) -> Page:
    """A page in a fresh context at each of the two widths in turn."""
    return new_context(**DEVICES[request.param]).new_page()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()
