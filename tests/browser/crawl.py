"""One visit of every page of the built site at one width, recording what the page-wide browser tests assert on.

The pages are whatever the build wrote (every HTML file outside assets/), each opened in a context of its edition's
language, as a reader of that edition would. Per page, in this order: the page loads (a self-check page until its
engine is ready); axe-core audits it; the layout shifts it made while loading are read; the glyphs it draws, whether
it fits the width and its links are read; the first button of its content is hovered, then focused, and axe checks
colour contrast each time (once per kind of button: a button in the same place of the same markup as one audited
before at this width has the same colours, so its audit is not repeated); once the network has been quiet, the requests it made, the responses that failed, the
console errors and the Content-Security-Policy violations are taken.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Page, Request, Response
from selfcheck_page import SelfCheckPage

from programme.data.loader import PROJECT_ROOT

AXE_SOURCE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CONTRAST = ["color-contrast"]
# How long after it loads a page is watched for a layout shift, at least (the time axe takes counts).
LATE_SHIFT_MS = 300

# Layout shifts as the browser reports them, summed as CLS counts them (none caused by input).
RECORD_LAYOUT_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""

# Every distinct character of the page's text drawn on a canvas in the font of the element it is in, against the
# drawing of a character no font has (U+10FFFD, a private-use code point): the same pixels mean a missing glyph.
MISSING_GLYPHS = """() => {
  const canvas = new OffscreenCanvas(48, 48);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const drawn = (text, family) => {
    context.clearRect(0, 0, 48, 48);
    context.font = `32px ${family}`;
    context.fillText(text, 4, 36);
    return context.getImageData(0, 0, 48, 48).data.join(",");
  };
  const seen = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || element.closest("script, style, template") || !element.getClientRects().length) continue;
    const family = getComputedStyle(element).fontFamily;
    for (const character of node.data) {
      if (character.codePointAt(0) > 0x7e && !/\\s/u.test(character)) seen.set(character, family);
    }
  }
  const missing = [];
  const notdef = new Map();
  for (const [character, family] of seen) {
    if (!notdef.has(family)) notdef.set(family, drawn("\\u{10FFFD}", family));
    if (drawn(character, family) === notdef.get(family)) missing.push(character);
  }
  return { checked: seen.size, missing };
}"""

FITS_THE_WIDTH = "() => document.scrollingElement.scrollWidth <= window.innerWidth"

# Elements whose text runs out of their box: wider content than the box, in an element that does not scroll; in the
# page's content and its footer (the header shortens its title with an ellipsis by design; the navigation drawer
# and search sit off screen until opened).
OVERFLOWING = """() => {
  const found = [];
  for (const element of document.querySelectorAll("article *, .md-footer *")) {
    const style = getComputedStyle(element);
    if (!element.getClientRects().length || style.display === "inline" || /auto|scroll|hidden/.test(style.overflowX)) continue;
    if (element.closest("pre, code, .md-typeset__scrollwrap, .md-typeset__table, [hidden]")) continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      found.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.trim().slice(0, 40)}`);
    }
  }
  return found;
}"""

# All of the above in one call, once the page has settled.
READ_THE_PAGE = f"""() => ({{
  layoutShift: window.layoutShift,
  glyphs: ({MISSING_GLYPHS})(),
  fits: ({FITS_THE_WIDTH})(),
  overflowing: ({OVERFLOWING})(),
  links: [...document.querySelectorAll("a[href]")].map((link) => link.href),
}})"""


@dataclass
class BrowserLog:
    """What a context did: every request (the self-check's worker included), the responses that failed (400 or more),
    console errors, CSP violations."""

    requests: list[Request] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [request.url for request in self.requests]

    def watch(self, page: Page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")

    def clear(self) -> None:
        for kept in (self.requests, self.failed_responses, self.console_errors, self.csp_violations):
            kept.clear()

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location
            self.console_errors.append(f"{message.text} ({location.get('url')}:{location.get('lineNumber')})")


# Resolves once two frames in a row have no transition or animation running: a click that moves a button from under
# the pointer ends its hover a frame later, and the transition back must be over before colours are measured.
SETTLED = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (let quiet = 0; quiet < 2;) {
    await frame();
    quiet = document.getAnimations().some((animation) => animation.playState === "running") ? 0 : quiet + 1;
  }
}"""


def accessibility_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page as it is once its transitions (Material's header fading, a button's hover)
    have ended: every rule of AXE_TAGS, or only `rules`."""
    page.evaluate(SETTLED)
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))  # evaluated by the driver, so the page's CSP allows it
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    results = page.evaluate("runOnly => axe.run(document, {runOnly, resultTypes: ['violations']})", run_only)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in results["violations"]
    ]


@dataclass
class PageRecord:
    """What one page did and showed at one width."""

    address: str  # below the site's root: "", "timeline/", "zh-hant/timeline/", "404.html"
    edition: str  # the data's language tag of the page's edition
    status: int = 0
    self_check: bool = False  # the page holds the self-check, visited until its engine was ready
    policy: str = ""  # the Content-Security-Policy header it was served with
    accessibility: list[str] = field(default_factory=list)  # axe, every rule
    contrast_hovered: list[str] = field(default_factory=list)  # axe's colour contrast, first content button hovered
    contrast_focused: list[str] = field(default_factory=list)  # and focused
    contrast_as: str = ""  # the page whose button, of the same kind, was audited hovered and focused instead
    layout_shift: float = 0.0
    glyphs_checked: int = 0  # distinct characters beyond ASCII drawn
    missing_glyphs: str = ""
    fits_the_width: bool = True
    overflowing: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # every a[href], absolute
    requests: list[str] = field(default_factory=list)  # every URL asked for, its workers' included
    failed: list[str] = field(default_factory=list)  # "STATUS URL" of each response of 400 or more
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.address or "/"


@dataclass
class Crawl:
    width: str
    pages: list[PageRecord]

    def of_edition(self, language: str) -> list[PageRecord]:
        return [record for record in self.pages if record.edition == language]

    def page(self, address: str) -> PageRecord:
        return next(record for record in self.pages if record.address == address)


HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")


def edition_of(page_file: Path) -> tuple[str, str]:
    """The edition a built page belongs to: the data's language tag (zh-Hant), and its <html lang> (zh-Hant-HK), the
    browser's locale for the visit. The tag is the <html lang> without its region (programme/words/languages.py)."""
    html_lang = HTML_LANG.search(page_file.read_text(encoding="utf-8"))[1]
    parts = html_lang.split("-")
    region = len(parts) > 1 and (len(parts[-1]) == 2 and parts[-1].isupper() or len(parts[-1]) == 3 and parts[-1].isdigit())
    return "-".join(parts[:-1] if region else parts), html_lang


def crawl_site(new_context, site_url: str, site_dir: Path, addresses: list[str], device: dict, width: str) -> Crawl:
    """Visit every address, each edition's pages in a context of its own language. `new_context(log, **options)`
    makes a context that reports its requests, failed responses, console errors and CSP violations into `log`."""
    by_edition: dict[str, list[str]] = {}
    for address in addresses:
        page_file = site_dir / address if address.endswith(".html") else site_dir / address / "index.html"
        by_edition.setdefault(edition_of(page_file), []).append(address)
    records: list[PageRecord] = []
    buttons_audited: dict[str, str] = {}  # a kind of button: the page it was audited on
    for (language, html_lang), edition_addresses in by_edition.items():
        log = BrowserLog()
        context = new_context(log, **device, locale=html_lang)
        context.add_init_script(RECORD_LAYOUT_SHIFTS)
        context.add_init_script(path=AXE_SOURCE)
        page = context.new_page()
        try:
            records += [visit(page, site_url, address, language, log, buttons_audited) for address in edition_addresses]
        finally:
            context.close()
    return Crawl(width, records)


# A button's kind: its own classes and those of each element it is in, up to the <body>, which is what the site's and
# Material's style sheets choose its colours by.
BUTTON_KIND = """(button) => {
  const chain = [];
  for (let element = button; element && element !== document.body; element = element.parentElement) {
    chain.push(`${element.localName}.${[...element.classList].sort().join(".")}`);
  }
  return chain.join(" < ");
}"""


def visit(page: Page, site_url: str, address: str, language: str, log: BrowserLog,
          buttons_audited: dict[str, str]) -> PageRecord:
    record = PageRecord(address, language)
    response = page.goto(site_url + address)
    record.status, record.policy = response.status, response.headers.get("content-security-policy", "")
    record.self_check = page.locator("[data-selfcheck]").count() > 0
    if record.self_check:
        SelfCheckPage(page).wait_until_ready()  # the form is wired and the status has changed
    loaded = time.monotonic()
    record.accessibility = accessibility_violations(page)
    page.wait_for_timeout(max(0, LATE_SHIFT_MS - (time.monotonic() - loaded) * 1000))
    read = page.evaluate(READ_THE_PAGE)
    record.layout_shift, record.fits_the_width = read["layoutShift"], read["fits"]
    record.glyphs_checked, record.missing_glyphs = read["glyphs"]["checked"], "".join(read["glyphs"]["missing"])
    record.overflowing, record.links = read["overflowing"], read["links"]
    buttons = page.locator("article .md-button:visible")
    kind = buttons.first.evaluate(BUTTON_KIND) if buttons.count() else None
    if kind is not None and kind in buttons_audited:
        record.contrast_as = buttons_audited[kind]
    elif kind is not None:
        buttons_audited[kind] = record.name
        buttons.first.hover()
        record.contrast_hovered = accessibility_violations(page, CONTRAST)
        buttons.first.focus()
        record.contrast_focused = accessibility_violations(page, CONTRAST)
    page.wait_for_load_state("networkidle")
    # What the log holds now, late reports of the page before included (they are counted against this one).
    record.requests, record.failed = log.urls, list(log.failed_responses)
    record.console_errors, record.csp_violations = list(log.console_errors), list(log.csp_violations)
    log.clear()
    return record
