"""The published site under a sub-path, as GitHub Pages serves a project site (https://OWNER.github.io/REPO/):
every page, its files, and the self-check work from there, and nothing is asked of the server's root."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from selfcheck_page import SelfCheckPage, eligible_answers
from sitebuild import SITE_URL
from staticserver import serve

pytestmark = pytest.mark.browser

PREFIX = urlsplit(SITE_URL).path  # the sub-path the site was built for: /procruit-c/


@pytest.fixture(scope="module")
def prefixed_url(built_site):
    with serve(built_site.site_dir, prefix=PREFIX) as base_url:
        yield base_url


def test_the_server_serves_the_site_only_under_its_prefix(prefixed_url, page):
    assert urlsplit(prefixed_url).path == PREFIX != "/"
    assert page.goto(prefixed_url).status == 200
    root = prefixed_url.removesuffix(PREFIX) + "/"
    assert page.goto(root).status == 404
    assert page.goto(root + "assets/site.css").status == 404


def test_every_page_and_everything_it_loads_is_found_under_the_prefix(prefixed_url, site_pages, new_context, browser_log):
    context = new_context()
    failed = []
    context.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page = context.new_page()
    assert "404.html" in site_pages  # it links from the site's root, so it shows most whether the prefix is right
    for path in site_pages:
        response = page.goto(prefixed_url + path)
        assert response.status == 200, path
        page.wait_for_load_state("load")
    assert failed == []
    assert [url for url in browser_log.urls if not url.startswith(prefixed_url)] == []
    assert browser_log.console_errors == [] and browser_log.csp_violations == []


def test_links_between_pages_stay_under_the_prefix(prefixed_url, site_pages, page):
    for path in site_pages:
        page.goto(prefixed_url + path)
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map((link) => link.href)")
        local = [href for href in hrefs if href.startswith(prefixed_url.removesuffix(PREFIX))]
        assert [href for href in local if not href.startswith(prefixed_url)] == [], path


def test_the_self_check_runs_under_the_prefix(prefixed_url, page, programme, browser_log):
    self_check = SelfCheckPage(page).open(prefixed_url).wait_until_ready()
    self_check.answer(eligible_answers(programme)).submit()
    assert self_check.outcome == "eligible"
    assert any(url.startswith(prefixed_url + "assets/pyodide-") and url.endswith(".wasm") for url in browser_log.urls)
    assert browser_log.csp_violations == []
