"""Every page that invites applying says whether one can apply today and what to do next, in every edition: built on
a day after the window closed, each such page shows "closed" with a next step (the programme website for later
cohorts, the timeline); built while it is open, how to apply."""

from __future__ import annotations

from bs4 import BeautifulSoup
from sitebuild import days_around_the_window

from programme import load_programme
from fixture_data import FIXTURE_DATA

PROGRAMME = load_programme(FIXTURE_DATA)
DAYS = days_around_the_window(PROGRAMME)


# Pages that name the self-check only to say it sends nothing anywhere, and the self-check itself, which leads with
# the same box (tests/browser/test_browser_selfcheck.py), and the 404 page.
NOT_INVITING = ("self-check/index.html", "404.html", "about/index.html", "contact/index.html")


def pages_inviting_to_apply(site_dir) -> dict[str, BeautifulSoup]:
    """Every built page whose article links to the self-check, by its path in the site."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article")
        name = path.relative_to(site_dir).as_posix()
        if article and not name.endswith(NOT_INVITING) and any(
                link["href"].rstrip("/").endswith("self-check") for link in article.select("a[href]")):
            pages[name] = page
    return pages


def shown_status(page: BeautifulSoup) -> tuple[str, list[str]]:
    """The applications' status a page shows for its build day, and the addresses of the next steps beside it."""
    box = page.select_one(".applications-now")
    shown = box.select_one("[data-dated] > [data-shown]")
    return shown.select_one("[data-applications]")["data-applications"], [link["href"] for link in shown.select("a[href]")]


def test_after_the_window_every_page_inviting_to_apply_says_closed_with_a_next_step(site_built_on):
    build = site_built_on(DAYS["after closing"])
    pages = pages_inviting_to_apply(build.site_dir)
    editions = {name.split("/")[0] for name in pages if name.startswith("zh-")}
    assert editions == {"zh-hant", "zh-hans"}
    assert any(name.startswith("tracks/") for name in pages) and any(name.startswith("roles/") for name in pages)
    for name, page in pages.items():
        assert page.select_one(".applications-now"), f"{name} invites applying without saying whether one can"
        status, links = shown_status(page)
        assert status == "closed", name
        assert PROGRAMME.website.url in links and any(link.rstrip("/").endswith("timeline") for link in links), name


def test_while_the_window_is_open_the_next_step_is_how_to_apply(site_built_on):
    build = site_built_on(DAYS["on the opening day"])
    for name, page in pages_inviting_to_apply(build.site_dir).items():
        status, links = shown_status(page)
        assert status == "open", name
        assert any(link.rstrip("/").endswith("how-to-apply") for link in links) or name.endswith("how-to-apply/index.html"), name


def test_a_status_no_reader_can_be_on_takes_no_space(site_built_on):
    """Built after the window closed, the page holds only the status from that day on: no blank space is kept for
    the phases before it."""
    page = BeautifulSoup((site_built_on(DAYS["after closing"]).site_dir / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert len(page.select(".applications-now [data-dated] > [data-phase]")) == 1
