"""At a phone's width, a box that says a status is as tall as what it shows: the versions of a dated status for other
days (tests/browser/test_browser_dated.py) leave no blank space behind. Measured on a site built before the window
opens, when every phase is still in the page, on each kind of page with a status box or a dated status in the first two
editions: without JavaScript (the build day's status), and with it on the opening day and after closing (the
visitor's own day: other phases hidden before it and after it). A screenshot
of each status box is kept in the test's folder for the eye."""

from __future__ import annotations

import pytest
from sitebuild import days_around_the_window
from staticserver import serve
from test_browser_dated import noon

from programme import load_programme
from fixture_data import FIXTURE_DATA

pytestmark = pytest.mark.browser

PROGRAMME = load_programme(FIXTURE_DATA)
DAYS = days_around_the_window(PROGRAMME)
# The full status box (home), the timeline's dated events, and the compact box (a track page).
KINDS_OF_PAGE = ["", "timeline/", f"tracks/{PROGRAMME.tracks[0].id}/"]
ADDRESSES = [folder + address for folder in [""] + [f"{edition.folder}/" for edition in PROGRAMME.editions.values()
                                                      if edition.folder][:1] for address in KINDS_OF_PAGE]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# For each status box and each dated status, its height as shown, then again once the versions it does not show
# (the phases of other days) are taken out of the page: the difference is the space they kept.
MEASURE = """() => {
  const boxes = [...document.querySelectorAll("article .applications-now, article [data-dated]")];
  const before = boxes.map((box) => box.getBoundingClientRect().height);
  for (const phase of document.querySelectorAll("article [data-dated] > [data-phase]")) {
    if (!phase.checkVisibility({ visibilityProperty: true })) phase.remove();
  }
  return boxes.map((box, index) => ({
    box: box.matches(".applications-now") ? "the status box" : "a dated status",
    height: before[index], kept: before[index] - box.getBoundingClientRect().height,
  }));
}"""
# Hidden phases that would keep their space: laid out, but not seen.
HIDDEN_BUT_LAID_OUT = ".md-typeset .dated > :not([data-shown]) { display: block !important; visibility: hidden !important; }"


def blank_space(page, site_url: str, addresses: list[str], screenshots=None) -> tuple[int, list[str]]:
    """How many boxes were measured on the pages, and each that kept space for what it does not show."""
    found, measured = [], 0
    for address in addresses:
        page.goto(site_url + address)
        if screenshots is not None:
            for index, box in enumerate(page.locator("article .applications-now").all()):
                box.screenshot(path=screenshots / f"{address.strip('/').replace('/', '_') or 'home'}-{index}.png")
        for box in page.evaluate(MEASURE):
            measured += 1
            if box["kept"] > 0.5:
                found.append(f"{address or '/'}, {box['box']}: {box['kept']:.0f} px kept for hidden phases")
    return measured, found


@pytest.fixture(scope="module")
def before_the_window(site_built_on):
    with serve(site_built_on(DAYS["before opening"]).site_dir) as url:
        yield url


@pytest.mark.parametrize("when", [None, "on the opening day", "after closing"],
                         ids=lambda when: when or "no JavaScript, the build day")
def test_no_status_box_keeps_blank_space_for_hidden_phases(new_context, before_the_window, tmp_path, when):
    context = new_context(**PHONE, java_script_enabled=when is not None)
    if when is not None:
        context.clock.set_fixed_time(noon(DAYS[when]))
    measured, found = blank_space(context.new_page(), before_the_window, ADDRESSES, screenshots=tmp_path)
    assert measured >= len(ADDRESSES)
    assert found == [], f"screenshots in {tmp_path}\n" + "\n".join(found)


def test_the_measure_finds_the_space_hidden_phases_would_keep(new_context, before_the_window):
    page = new_context(**PHONE, bypass_csp=True).new_page()
    page.goto(before_the_window)
    page.add_style_tag(content=HIDDEN_BUT_LAID_OUT)
    kept = [box["kept"] for box in page.evaluate(MEASURE)]
    assert max(kept) > 20, kept
