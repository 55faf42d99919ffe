"""Hostile text in any field of the data is shown as text in every file the build writes, by each format's own rules:
every text field of the schema, found from the schema, given markup, a `</script>`, a CDATA end, JSON, Markdown, a
hidden recipient and (where the field takes more than one line) a calendar event of its own (tests/hostile_site.py).

The fields are read from data/programme.schema.json, so a field added there later is covered without anyone
remembering to add it here. The site is the one hostile publish build (the `hostile_site` fixture), built with
PYTHONOPTIMIZE=1, so that no safety rests on an `assert`; the same data goes through every output in this process
too, with asserts on (tests/outputs.py).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import icalendar
import markdown
import pytest
from bs4 import BeautifulSoup
from outputs import build_outputs
from hostile_site import SCHEMA, text_fields

from programme import check
from programme.review.compare import compare
from programme.review.report import report
from programme.review.versions import file_version
from programme.site.calendar import cohort_calendars
from fixture_data import FIXTURE_DATA


def test_every_text_field_of_the_schema_is_given_hostile_text(hostile_data):
    _, made = hostile_data
    assert len(text_fields(SCHEMA)) > 50
    assert text_fields(SCHEMA) - made.covered == set(), "text fields the data has no object to hold; add one to the data"
    # The calendar's free texts that take line breaks get them: the event's note becomes its DESCRIPTION.
    assert "cohorts[].timeline[].note" in made.multi_line


def test_the_data_goes_through_every_output_with_asserts_on(hostile_data):
    checked = check(hostile_data[0])
    build_outputs(checked.programme, checked.data)


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | set().union(*map(_keys, value.values()))
    if isinstance(value, list):
        return set().union(*map(_keys, value))
    return set()


def html_leaks(text: str) -> list[str]:
    """What hostile text made of a page: elements, links, emphasis, JSON keys, mail recipients."""
    page = BeautifulSoup(text, "html.parser")
    leaks = [str(element)[:120] for element in page.select("[data-inject], x-inject, a[href*='evil.example']")]
    leaks += [str(element) for element in page.find_all(["strong", "em"]) if "md-bold" == element.get_text()]
    for script in page.select("script[type='application/ld+json'], script[type='application/json']"):
        if "injected" in _keys(json.loads(script.string)):
            leaks.append(f"a key of its own in {script.get('type')}")
    for link in page.select("a[href^='mailto:']"):
        if urlsplit(link["href"]).query or "," in link["href"]:
            leaks.append(f"a mailto link with more than an address: {link['href']}")
    return leaks


def test_the_checks_see_each_kind_of_leak():
    assert len(html_leaks('<p><b data-inject="1">x</b> <x-inject></x-inject> <strong>md-bold</strong>'
                          '<a href="mailto:a@b.example?bcc=e@hidden.example">a</a>'
                          '<script type="application/ld+json">{"a": {"injected": 1}}</script></p>')) == 5
    assert not html_leaks('<p>&lt;b data-inject="1"&gt; **md-bold** <a href="mailto:a@b.example">a</a></p>')


def test_no_hostile_text_breaks_out_of_any_file_the_build_writes(hostile_site, hostile_data):
    build = hostile_site
    programme = check(hostile_data[0]).programme
    events = {f"calendars/{cohort_id}.ics": len(calendar.events) for cohort_id, calendar in cohort_calendars(programme).items()}
    leaks, formats = [], set()
    for path in sorted(build.site_dir.rglob("*")):
        name = path.relative_to(build.site_dir).as_posix()
        if not path.is_file() or path.suffix in (".gz", ".br"):  # compressed copies: tests/test_compression.py
            continue
        content = path.read_bytes()
        if path.suffix == ".html":
            leaks += [f"{name}: {leak}" for leak in html_leaks(content.decode("utf-8"))]
        elif path.suffix == ".ics":
            calendar = icalendar.Calendar.from_ical(content)
            found = calendar.walk("VEVENT")
            expected = events[name.split("/", 1)[1] if name.startswith("zh-") else name]
            if len(found) != expected or any(str(event.get("uid")) == "injected" for event in found):
                leaks.append(f"{name}: {len(found)} events, {expected} expected")
            if content.count(b"\nBEGIN:VEVENT") != expected:
                leaks.append(f"{name}: a line of its own starts an event")
        elif path.suffix == ".xml":
            tags = {element.tag for element in ElementTree.fromstring(content).iter()}
            leaks += [f"{name}: <{tag}>" for tag in tags if "inject" in tag]
        elif path.suffix == ".json":
            if "injected" in _keys(json.loads(content)):
                leaks.append(f"{name}: a key of its own")
        elif path.suffix in (".txt", "") or path.suffix in (".js", ".mjs", ".css"):
            if b"data-inject" in content or b"<x-inject" in content:
                leaks.append(f"{name}: data text in a file that has none")
        else:
            continue
        formats.add(path.suffix)
    assert {".html", ".ics", ".xml", ".json", ".txt", ""} <= formats, formats
    assert not leaks, "\n".join(leaks[:20])


def test_no_hostile_text_becomes_markdown_in_the_review_report(hostile_data):
    """The pull request's summary (`make diff`) is Markdown that GitHub renders: a name must not become a link."""
    diff = compare(file_version(FIXTURE_DATA, with_cases=False), file_version(hostile_data[0], with_cases=False), None)
    rendered = markdown.markdown(report(diff), extensions=["tables"])
    assert "md-bold" in rendered and not html_leaks(rendered)


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
    labels = [link["aria-label"] for url in ("eligibility/", "tracks/")
              for link in build.page(url).select("a.md-footer__link")]
    # A neighbour may be titled by the site's own words ("All roles"); the data's titles are said once escaped.
    assert any("R&D" in label for label in labels) and not any("&amp;" in label for label in labels), labels
