"""The Chinese edition with the system's fonts only (Debian's fonts-noto-cjk, as scripts/ensure-browser installs): no
character drawn as a missing glyph (tofu) at either width, no line that runs out of its box or off a phone's screen.
Both read the crawl's records (tests/browser/crawl.py); a page with a missing glyph is photographed into the test's
temporary folder for a person to look at."""

from __future__ import annotations

import pytest
from conftest import DEVICES, WIDTHS
from crawl import MISSING_GLYPHS

from programme import load_programme
from fixture_data import FIXTURE_DATA

EDITIONS = load_programme(FIXTURE_DATA).editions


pytestmark = pytest.mark.browser

CHINESE = EDITIONS["zh-Hant"]


@pytest.fixture
def phone(new_context):
    return new_context(**DEVICES["phone"], locale=CHINESE.html_lang).new_page()


def chinese_pages(crawl) -> list:
    records = crawl.of_edition(CHINESE.language)
    assert len(records) >= 10
    return records


def test_no_chinese_page_has_a_missing_glyph(crawl, new_context, site_url, tmp_path):
    found = {}
    for record in chinese_pages(crawl):
        assert record.glyphs_checked > 20, record.name  # the page has Chinese text, drawn by the browser
        if record.missing_glyphs:
            found[record.address] = record.missing_glyphs
    if found:
        page = new_context(**DEVICES[crawl.width], locale=CHINESE.html_lang).new_page()
        for address in found:
            page.goto(site_url + address)
            page.screenshot(path=tmp_path / (address.strip("/").replace("/", "_") + ".png"), full_page=True)
    assert found == {}, f"missing glyphs (screenshots in {tmp_path})"


def test_the_missing_glyph_check_finds_a_missing_glyph(phone, site_url):
    phone.goto(site_url + CHINESE.folder + "/")
    phone.evaluate("() => document.querySelector('h1').append('\\u{10FFFE}')")
    assert "\U0010fffe" in phone.evaluate(MISSING_GLYPHS)["missing"]


@pytest.mark.parametrize("crawl", [WIDTHS["phone"]], indirect=True)
def test_no_chinese_page_overflows_a_phones_width(crawl):
    found = {}
    for record in chinese_pages(crawl):
        if not record.fits_the_width or record.overflowing:
            found[record.name] = ([] if record.fits_the_width else ["the page is wider than the screen"]) + record.overflowing
    assert found == {}
