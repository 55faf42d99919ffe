"""The pages in Chromium: the landing page's layout and first screen, no layout shift, contrast of hovered and focused
buttons, the phone's closed drawer, and a 404 page that works under a sub-path."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest
from conftest import DEVICES
from sitebuild import SITE_URL, days_around_the_window
from staticserver import serve

from programme import load_programme
from fixture_data import FIXTURE_DATA

pytestmark = pytest.mark.browser

TABLET = {"viewport": {"width": 768, "height": 1024}, "is_mobile": True, "has_touch": True}

COLUMNS = """list => {
  const style = getComputedStyle(list);
  const lefts = new Set([...list.children].map((item) => Math.round(item.getBoundingClientRect().left)));
  return {display: style.display, columns: lefts.size};
}"""


@pytest.mark.parametrize("device", ["tablet", "desktop"])
def test_the_landing_pages_numbers_and_tracks_are_grids_of_two_or_more_columns(new_context, site_url, device):
    page = new_context(**(TABLET if device == "tablet" else DEVICES[device])).new_page()
    page.goto(site_url)
    for selector in ("ul.key-numbers", "ul.track-cards"):
        layout = page.locator(selector).evaluate(COLUMNS)
        assert layout["display"] == "grid", f"{selector}: a Material rule won ({layout['display']})"
        assert layout["columns"] >= 2, selector
        indent = page.locator(f"{selector} > li").first.evaluate("item => getComputedStyle(item).marginLeft")
        assert indent == "0px", f"{selector}: Material's list indent won"


def test_on_a_phone_the_first_screen_says_whether_one_can_apply_until_when_and_what_to_do(new_context, site_url):
    page = new_context(**DEVICES["phone"]).new_page()
    page.goto(site_url)
    height = DEVICES["phone"]["viewport"]["height"]
    for what in (".applications-answer:visible", "[data-window]:visible", ".next-steps .md-button >> nth=0",
                 ".applications-now a[href^='http']"):
        box = page.locator(what).first.bounding_box()
        assert box and box["y"] + box["height"] <= height, f"{what} is below the first screen"


def test_the_landing_page_keeps_the_themes_navigation_search_skip_link_and_footer(page, site_url):
    page.goto(site_url)
    assert page.locator("a.md-skip").get_attribute("href").startswith("#")
    assert page.locator("nav.md-nav--primary a.md-nav__link").count() >= 8
    assert page.locator("[data-md-component=search] input").count() == 1
    assert page.locator("footer.md-footer a.md-footer__link--next").count() == 1


def test_no_page_shifts_its_layout_while_it_loads(crawl):
    """Every page at each width, in the crawl's records: the shifts while it loads (a self-check page until its engine
    is ready) and in the 300 ms after."""
    assert {record.name: record.layout_shift for record in crawl.pages if record.layout_shift > 0.02} == {}


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two opaque colours written rgb(r, g, b)."""

    def luminance(colour: str) -> float:
        channels = [int(value) / 255 for value in re.findall(r"\d+", colour)[:3]]
        linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


COLOURS = "element => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]"


def test_buttons_keep_a_contrast_of_at_least_4_5_when_hovered_or_focused(new_context, site_built_on):
    """On a day applications are open the home page's next steps are a primary and a secondary button."""
    opening = days_around_the_window(load_programme(FIXTURE_DATA))["on the opening day"]
    build = site_built_on(opening)
    context = new_context(reduced_motion="reduce")
    context.clock.set_fixed_time(datetime(opening.year, opening.month, opening.day, 12, tzinfo=timezone.utc))
    page = context.new_page()
    with serve(build.site_dir) as site_url:
        page.goto(site_url)
        check_button_contrast(page)


def check_button_contrast(page) -> None:
    for selector in (".next-steps .md-button--primary:visible", ".next-steps .md-button:not(.md-button--primary):visible"):
        button = page.locator(selector)
        button.hover()
        page.wait_for_timeout(200)  # Material's colour transition
        hovered = button.evaluate(COLOURS)
        page.mouse.move(0, 0)
        button.focus()
        page.wait_for_timeout(200)
        focused = button.evaluate(COLOURS)
        for state, (foreground, background) in (("hovered", hovered), ("focused", focused)):
            assert "0, 0, 0, 0" not in background, f"{selector} {state} has no background of its own"
            assert contrast(foreground, background) >= 4.5, f"{selector} {state}: {foreground} on {background}"


def test_keyboard_focus_never_walks_through_the_closed_phone_drawer(new_context, site_url):
    page = new_context(**DEVICES["phone"]).new_page()
    page.goto(site_url)
    drawer_links = page.locator(".md-sidebar--primary a")
    assert drawer_links.count() >= 8
    for _ in range(80):
        page.keyboard.press("Tab")
        assert not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), (
            page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
        )

    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
            break
    else:
        pytest.fail("with the drawer open, its links take focus")


def test_the_404_page_explains_and_leads_on_under_a_sub_path(page, site_url, programme):
    """site_url is the published build, served under the sub-path it was built for (/procruit-c/)."""
    assert urlsplit(site_url).path == urlsplit(SITE_URL).path != "/"
    response = page.goto(site_url + "no/such/page/")
    assert response.status == 404
    assert page.title() == f"Page not found - {programme.name}"
    assert page.locator("article h1").inner_text() == "Page not found"
    styled = page.locator(".md-header").evaluate("header => getComputedStyle(header).position")
    assert styled == "sticky", "the theme's style sheet loaded"

    links = page.locator("article [data-edition-folder]").first.locator("a")
    targets = links.evaluate_all("links => links.map((link) => link.href)")
    assert targets == [site_url, site_url + "self-check/", site_url + "?q="]
    for target in targets[:2]:
        assert page.request.get(target).status == 200, target

    links.nth(2).click()
    page.locator("[data-md-component=search-query]").wait_for(state="visible")
    assert page.evaluate("() => document.activeElement.matches('[data-md-component=search-query]')"), "search opens"


@pytest.mark.parametrize("script", [True, False], ids=["with JavaScript", "without"])
def test_one_404_page_for_every_edition_leads_with_the_edition_asked_for(new_context, site_url, programme, script):
    """A static host serves the site's root 404.html at any missing address (tests/staticserver.py does): under an
    edition's folder, that edition's words come first with its own links; without JavaScript every edition is
    there, the root's first."""
    page = new_context(java_script_enabled=script).new_page()
    editions = [edition for edition in programme.editions.values() if edition.folder]
    assert editions
    for edition in editions:
        response = page.goto(f"{site_url}{edition.folder}/no/such/page/")
        assert response.status == 404
        sections = page.locator("article [data-edition-folder]")
        assert sections.count() == len(programme.editions)
        first = sections.first
        expected_first = edition if script else next(iter(programme.editions.values()))
        assert first.get_attribute("lang") == expected_first.html_lang
        assert page.locator("article h1").count() == 1 and first.locator("h1").count() == 1
        mine = page.locator(f'article [data-edition-folder][lang="{edition.html_lang}"]')
        targets = mine.locator("a").evaluate_all("links => links.map((link) => link.href)")
        folder = f"{site_url}{edition.folder}/"
        assert targets == [folder, folder + "self-check/", folder + "?q="]
        assert page.request.get(targets[1]).status == 200
        assert "Page not found" not in mine.inner_text()