"""Markup in any text of the data is shown as text, never run: every text field of the schema, found from the schema.

The fields are read from data/programme.schema.json (tests/hostile_site.py), so a field added there later is covered
without anyone remembering to add it here. The site is the one hostile publish build (the `hostile_site` fixture).
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from hostile_site import LEAK, SCHEMA, hostile_data, text_fields


def test_every_text_field_of_the_schema_is_given_markup():
    _, covered = hostile_data()
    assert len(text_fields(SCHEMA)) > 50
    assert text_fields(SCHEMA) - covered == set(), "text fields the data has no object to hold; add one to the data"


def test_no_markup_from_the_data_reaches_any_page_or_the_search_index(hostile_site):
    build = hostile_site
    leaks = []
    for path in sorted(build.site_dir.rglob("*")):
        if path.suffix not in (".html", ".xml", ".txt") and path.name != "search_index.json":  # markup, or shown as it
            continue
        text = path.read_text(encoding="utf-8")
        leaks += [f"{path.relative_to(build.site_dir)}: …{text[max(0, m.start() - 80): m.end()]}" for m in LEAK.finditer(text)]
        if path.suffix == ".html":
            assert not BeautifulSoup(text, "html.parser").select("[data-inject]"), path
    assert not leaks, "\n".join(leaks[:10])


def test_the_programme_name_reaches_the_theme_as_text(hostile_site):
    """Material prints the site name in the title, header, navigation and aria-labels of every page."""
    build = hostile_site
    page = build.page("tracks/creativity-for-good/")
    logo = page.select_one("a.md-logo")
    assert 'data-inject="' in page.select_one("title").get_text()
    assert logo["aria-label"].startswith('<b data-inject="') and "R&D" in logo["aria-label"]
    assert logo["title"] == logo["aria-label"], "escaped twice in one of them"
    assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True).startswith('<b data-inject="')


def test_footer_links_name_their_page_escaped_once(hostile_site):
    """Screen readers read the aria-label: it must say "R&D", not "R&amp;D"."""
    build = hostile_site
    labels = [link["aria-label"] for link in build.page("eligibility/").select("a.md-footer__link")]
    assert labels and all("R&D" in label and "&amp;" not in label for label in labels), labels
