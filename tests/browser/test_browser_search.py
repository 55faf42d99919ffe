"""Search works in each edition: Chinese words find the Chinese pages (jieba segments them when the index is built)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from programme import load_programme
from fixture_data import FIXTURE_DATA

pytestmark = pytest.mark.browser

PROGRAMME = load_programme(FIXTURE_DATA)
TITLES = PROGRAMME.titles


def search(page: Page, address: str, query: str) -> list[tuple[str, str]]:
    """(title, address) of each result Material's search shows for `query` on the page at `address`."""
    page.goto(address)
    field = page.locator("[data-md-component=search-query]")
    field.click()
    field.fill(query)
    field.press("End")  # Material searches on key events; text typed through an input method arrives without one
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15_000)
    # The index marks where Chinese words end with zero-width spaces, which the titles shown keep.
    return results.evaluate_all(
        "links => links.map((link) => [(link.querySelector('h1, h2')?.textContent ?? '').replaceAll('\\u200b', '').trim(), link.href])")


@pytest.mark.parametrize(("query", "page_title"), [
    ("資格", TITLES.eligibility.in_language("zh-Hant")),
    ("申請", TITLES.how_to_apply.in_language("zh-Hant")),
    ("評估", TITLES.self_check.in_language("zh-Hant")),
])
def test_a_chinese_word_finds_the_chinese_page_about_it(page, site_url, query, page_title):
    found = search(page, site_url + "zh-hant/", query)
    assert any(title == page_title for title, _ in found), found
    assert all("/zh-hant/" in address for _, address in found), "the Chinese edition searches its own pages"


def test_a_chinese_word_inside_longer_text_is_found(page, site_url):
    track = PROGRAMME.tracks[0]
    found = search(page, site_url + "zh-hant/", "科技")
    assert any(address.endswith(f"/zh-hant/tracks/{track.id}/") for _, address in found), found


def test_english_search_finds_the_english_page(page, site_url):
    found = search(page, site_url, "eligibility")
    assert any(title == TITLES.eligibility.in_language("en") for title, _ in found), found
    assert not any("/zh-hant/" in address for _, address in found)
