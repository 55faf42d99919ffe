"""The self-check's runtime is fetched ahead only on a sign that the reader is heading there (assets/selfcheck/
prefetch.js), never for a browser that asks to save data, and the self-check then uses the very files fetched ahead:
the server's log shows each sent once."""

from __future__ import annotations

from collections import Counter

import pytest
from selfcheck_page import URL as SELF_CHECK_URL
from selfcheck_page import SelfCheckPage
from staticserver import serve

from programme import load_programme
from fixture_data import FIXTURE_DATA

EDITIONS = load_programme(FIXTURE_DATA).editions

pytestmark = pytest.mark.browser

# The runtime's files, by how their names end: the self-check page's two scripts that start it, Pyodide's three, and
# the engine's lock, standard library and wheel.
RUNTIME = ("selfcheck/widget.js", "selfcheck/worker.js", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
           "pyodide-lock.json", "python_stdlib.zip", ".whl")
LINK_TO_SELF_CHECK = f"a[href$='{SELF_CHECK_URL}']:visible"
LONG_ENOUGH_MS = 3000  # past the page's idle moment and any resting time, on a loaded machine
EDITION_FOLDERS = sorted(edition.folder + "/" if edition.folder else "" for edition in EDITIONS.values())


@pytest.fixture
def server(built_site):
    """The built site, served with a log of every response it sends."""
    log = []
    with serve(built_site.site_dir, log=log) as base_url:
        yield base_url, log


def runtime_sent(log) -> list[str]:
    return sorted(sent.path.rsplit("/", 1)[-1] for sent in log if sent.path.endswith(RUNTIME))


def wait_for_the_whole_runtime(page, log) -> list[str]:
    for _ in range(100):
        if len(runtime_sent(log)) >= len(RUNTIME):
            break
        page.wait_for_timeout(100)
    return runtime_sent(log)


def test_a_home_visit_without_interaction_fetches_nothing_of_the_runtime(page, server):
    base_url, log = server
    page.goto(base_url)
    page.wait_for_timeout(LONG_ENOUGH_MS)
    assert page.locator("script[data-selfcheck-prefetch]").count() == 1
    assert page.locator("script[type=speculationrules]").count() == 1, "the script ran (and this browser speculates)"
    assert runtime_sent(log) == []


@pytest.mark.parametrize("address", [folder + page for folder in EDITION_FOLDERS
                                     for page in ("eligibility/", "how-to-apply/")])
def test_a_page_that_leads_to_the_self_check_fetches_its_runtime_once_idle(page, server, address):
    base_url, log = server
    page.goto(base_url + address)
    assert len(wait_for_the_whole_runtime(page, log)) == len(RUNTIME)


def test_a_pointer_resting_on_a_link_to_the_self_check_fetches_the_runtime(page, server):
    base_url, log = server
    page.goto(base_url)
    page.wait_for_timeout(500)
    assert runtime_sent(log) == []
    page.locator(LINK_TO_SELF_CHECK).first.hover()
    assert len(wait_for_the_whole_runtime(page, log)) == len(RUNTIME)


def test_keyboard_focus_resting_on_a_link_to_the_self_check_fetches_the_runtime(page, server):
    base_url, log = server
    page.goto(base_url)
    page.locator(LINK_TO_SELF_CHECK).first.focus()
    assert len(wait_for_the_whole_runtime(page, log)) == len(RUNTIME)


def test_a_touch_starting_on_a_link_to_the_self_check_fetches_the_runtime(new_context, server):
    base_url, log = server
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    page.goto(base_url + "contact/")
    page.locator(f"article {LINK_TO_SELF_CHECK}").first.dispatch_event("pointerdown", {"pointerType": "touch"})
    assert len(wait_for_the_whole_runtime(page, log)) == len(RUNTIME)


def test_with_save_data_nothing_is_fetched_ahead(context, server):
    base_url, log = server
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    page.goto(base_url + "eligibility/")
    assert page.evaluate("() => navigator.connection.saveData") is True
    link = page.locator(f"article {LINK_TO_SELF_CHECK}").first
    link.hover()
    link.focus()
    page.wait_for_timeout(LONG_ENOUGH_MS)
    assert runtime_sent(log) == []
    assert page.locator("script[type=speculationrules]").count() == 0


@pytest.mark.parametrize("edition", EDITION_FOLDERS)
def test_the_self_check_uses_the_files_fetched_ahead_without_downloading_them_again(page, server, edition):
    base_url, log = server
    page.goto(base_url + edition + "eligibility/")
    wait_for_the_whole_runtime(page, log)
    page.locator(f"article {LINK_TO_SELF_CHECK}").first.click()
    page.wait_for_url(f"**/{edition}{SELF_CHECK_URL}")
    SelfCheckPage(page).wait_until_ready()
    assert [name for name, times in Counter(runtime_sent(log)).items() if times > 1] == []
    assert len(runtime_sent(log)) == len(RUNTIME)


def test_a_direct_visit_asks_for_the_webassembly_from_the_head_and_downloads_each_file_once(page, server):
    base_url, log = server
    SelfCheckPage(page).open(base_url).wait_until_ready()
    assert page.locator("head link[rel=preload][as=fetch][href$='.wasm']").count() == 1
    assert [name for name, times in Counter(runtime_sent(log)).items() if times > 1] == []
    assert len(runtime_sent(log)) == len(RUNTIME)
