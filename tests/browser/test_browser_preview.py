"""The staff's live preview (`make serve`, which runs `mkdocs serve`) in Chromium: a saved edit of the data reloads the
open page by itself; a broken edit shows its located problems on the open page and on every other page of the
preview, with no accessibility violation, until the file is fixed; the preview's relaxed policy lets its reload
script run, and nothing else is blocked or let through."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from crawl import accessibility_violations
from preview import previewed

from fixture_data import FIXTURE_DATA
from sitebuild import write_data

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_cache")]

# A page that reloaded has lost what was set on the one before; while the new one loads, it may have no body yet.
RELOADED_WITH = "(text) => !('beforeReload' in window) && document.body !== null && document.body.innerText.includes(text)"
TRACK = "Technology for Good"
BROKEN, PROBLEM = ("      value: 75\n", "      value: lots\n"), "tracks[technology-for-good].positions.value"


def wait_for_reload(page, text: str, log, timeout_s: float = 120) -> float:
    """Seconds until the open page reloaded by itself and shows `text` (nothing here navigates it)."""
    started = time.monotonic()
    try:
        page.wait_for_function(RELOADED_WITH, arg=text, timeout=timeout_s * 1000)
    except PlaywrightTimeout:
        pytest.fail(f"the open page never showed {text!r}; the preview printed:\n{log.read_text()[-3000:]}")
    return time.monotonic() - started


def test_the_open_page_follows_each_saved_edit_and_shows_a_broken_files_problems_everywhere(
        tmp_path, new_context, browser_log):
    data = write_data(tmp_path, FIXTURE_DATA.read_text(encoding="utf-8"))
    with previewed(data, tmp_path / "serve.log") as preview:
        assert preview.served(TRACK), "the site was never served"
        page = new_context().new_page()
        page.goto(preview.url)
        page.get_by_role("heading", level=1).wait_for()
        assert TRACK in page.locator("article").inner_text()

        # A one-word edit: the open page reloads and shows it.
        page.evaluate("window.beforeReload = true")
        preview.edit(f"name: {TRACK}\n", "name: Technology for Everyone\n")
        seconds = wait_for_reload(page, "Technology for Everyone", preview.log)
        print(f"a one-word edit was on the open page {seconds:.1f} s after it was saved")

        # A broken edit: the open page says what is wrong and where; so does any other page of the preview.
        page.evaluate("window.beforeReload = true")
        preview.edit(*BROKEN)
        wait_for_reload(page, PROBLEM, preview.log)
        assert "found string 'lots'" in page.locator("main").inner_text()
        assert accessibility_violations(page) == []
        other = new_context().new_page()
        other.goto(preview.url + "roles/trainee-designer/")
        assert PROBLEM in other.locator("main").inner_text()

        # Fixed: the pages are the site again.
        page.evaluate("window.beforeReload = true")
        preview.edit(*reversed(BROKEN))
        wait_for_reload(page, "Technology for Everyone", preview.log)
        assert PROBLEM not in page.locator("body").inner_text()

    assert browser_log.csp_violations == []
    assert browser_log.console_errors == []
