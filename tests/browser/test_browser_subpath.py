"""The published site under a sub-path, as GitHub Pages serves a project site (https://OWNER.github.io/REPO/):
every page, its files, and the self-check work from there, and nothing is asked of the server's root.

`site_url` serves the published build under the sub-path it was built for; the crawl's records (tests/browser/crawl.py)
are of every page visited there at each width."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sitebuild import SITE_URL

pytestmark = pytest.mark.browser

PREFIX = urlsplit(SITE_URL).path  # the sub-path the site was built for: /procruit-c/


def test_the_server_serves_the_site_only_under_its_prefix(site_url, page):
    assert urlsplit(site_url).path == PREFIX != "/"
    assert page.goto(site_url).status == 200
    root = site_url.removesuffix(PREFIX) + "/"
    assert page.goto(root).status == 404
    assert page.goto(root + "assets/site.css").status == 404


def test_every_page_and_everything_it_loads_is_found_under_the_prefix(crawl, site_url):
    assert "404.html" in [record.address for record in crawl.pages]  # it links from the site's root, so it shows
    for record in crawl.pages:                                        # most whether the prefix is right
        assert record.status == 200, record.name
    assert [failed for record in crawl.pages for failed in record.failed] == []
    assert [url for record in crawl.pages for url in record.requests if not url.startswith(site_url)] == []
    assert [problem for record in crawl.pages for problem in record.console_errors + record.csp_violations] == []


def test_the_self_check_runs_under_the_prefix(crawl, site_url):
    """Each self-check page was visited until its engine was ready (the form works from there: test_browser_selfcheck.py
    runs at site_url, under the prefix); the WebAssembly runtime came from under the prefix."""
    self_checks = [record for record in crawl.pages if record.self_check]
    assert self_checks
    for record in self_checks:
        assert any(url.startswith(site_url + "assets/pyodide-") and url.endswith(".wasm") for url in record.requests), (
            record.name)


def test_links_between_pages_stay_under_the_prefix(crawl, site_url):
    origin = site_url.removesuffix(PREFIX)
    for record in crawl.pages:
        local = [href for href in record.links if href.startswith(origin)]
        assert [href for href in local if not href.startswith(site_url)] == [], record.name
