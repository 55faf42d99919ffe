"""The Chinese edition on a phone, with the system's fonts only (Debian's fonts-noto-cjk, as scripts/ensure-browser
installs): no character drawn as a missing glyph (tofu), no line that runs out of its box or off the screen. Each
page's screenshot is kept in the test's temporary folder for a person to look at."""

from __future__ import annotations

import pytest
from conftest import DEVICES

from programme import load_programme
from fixture_data import FIXTURE_DATA

EDITIONS = load_programme(FIXTURE_DATA).editions


pytestmark = pytest.mark.browser

CHINESE = EDITIONS["zh-Hant"]

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


@pytest.fixture
def phone(new_context):
    return new_context(**DEVICES["phone"], locale="zh-HK").new_page()


def chinese_addresses(site_pages) -> list[str]:
    addresses = [address for address in site_pages if address.startswith(CHINESE.folder + "/")]
    assert len(addresses) >= 10
    return addresses


def test_no_chinese_page_has_a_missing_glyph_on_a_phone(phone, site_url, site_pages, tmp_path):
    found = {}
    for address in chinese_addresses(site_pages):
        phone.goto(site_url + address)
        phone.screenshot(path=tmp_path / (address.strip("/").replace("/", "_") + ".png"), full_page=True)
        glyphs = phone.evaluate(MISSING_GLYPHS)
        assert glyphs["checked"] > 20, address  # the page has Chinese text, drawn by the browser
        if glyphs["missing"]:
            found[address] = "".join(glyphs["missing"])
    assert found == {}, f"missing glyphs (screenshots in {tmp_path})"


def test_the_missing_glyph_check_finds_a_missing_glyph(phone, site_url):
    phone.goto(site_url + CHINESE.folder + "/")
    phone.evaluate("() => document.querySelector('h1').append('\\u{10FFFE}')")
    assert "\U0010fffe" in phone.evaluate(MISSING_GLYPHS)["missing"]


def test_no_chinese_page_overflows_a_phones_width(phone, site_url, site_pages):
    found = {}
    for address in chinese_addresses(site_pages):
        phone.goto(site_url + address)
        fits = phone.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")
        overflowing = phone.evaluate(OVERFLOWING)
        if not fits or overflowing:
            found[address] = ([] if fits else ["the page is wider than the screen"]) + overflowing
    assert found == {}
