"""Hostile text in any field of the data is shown as text in every file the build writes, by each format's own rules:
every text field of the schema, found from the schema, given markup, a `</script>`, a CDATA end, JSON, Markdown, a
hidden recipient and (where the field takes more than one line) a calendar event of its own.

The fields are read from data/programme.schema.json, so a field added there later is covered without anyone
remembering to add it here. The site is built with PYTHONOPTIMIZE=1, so that no safety rests on an `assert`; the
same data goes through every output in this process too, with asserts on (tests/outputs.py).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import markdown
import pytest
from bs4 import BeautifulSoup
from outputs import build_outputs
from sitebuild import PUBLISH, build_site, write_data_quoting

from programme import check
from programme.data.checks.dates import LAST_REVIEW
from programme.data.loader import SCHEMA_PATH
from programme.data.yamlsource import parse_yaml
from programme.review.compare import compare
from programme.review.report import report
from programme.review.versions import file_version
from programme.site.calendar import cohort_calendars
from fixture_data import FIXTURE_DATA

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
# One line of everything that could break out of a format: an HTML element and comment, the end of a <script> and of
# a CDATA section, an XML element, a JSON key, Markdown emphasis and a link, and a mailto query.
LINE = ('<b data-inject="{n}">R&D "q" \'q\'</b><!--</script>]]><x-inject/>","injected":"'
        '**md-bold** [md-link](https://evil.example/)?bcc=e@evil.example')
# Where a field takes more than one line: an event of its own in the calendar, were line breaks not escaped.
BREAKS = "\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected\nSUMMARY:injected\n"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
DATE = re.compile(r"\d{4}(-\d{2}){0,2}")
LANGUAGES = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value["site"]["languages"]


def resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].removeprefix("#/$defs/")]
    return schema


def is_free_text(schema: dict) -> bool:
    """Text a person writes: a string with no pattern or list of values to hold it back, or a localised text."""
    schema = resolve(schema)
    if "anyOf" in schema:
        return any(is_free_text(branch) for branch in schema["anyOf"])
    return schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema


def text_fields(schema: dict, path: str = "") -> set[str]:
    """Every free-text field of the schema, as a path like `tracks[].roles_note`."""
    schema = resolve(schema)
    if is_free_text(schema):
        return {path}
    if schema.get("type") == "array":
        return text_fields(schema["items"], f"{path}[]")
    found = set()
    for key, item in schema.get("properties", {}).items():
        found |= text_fields(item, f"{path}.{key}" if path else key)
    return found


class Hostile:
    """The fixture data with a hostile text in every free-text field (optional ones added), placeholders kept where
    they were; a field whose check refuses line breaks gets the one-line text."""

    def __init__(self, one_line: set[tuple]) -> None:
        self.one_line = one_line
        self.counter = 0
        self.covered: set[str] = set()
        self.multi_line: set[str] = set()

    def payload(self, where: tuple, path: str) -> str:
        self.counter += 1
        text = LINE.format(n=self.counter)
        if any(where[:len(refused)] == refused or refused[:len(where)] == where for refused in self.one_line):
            return text
        self.multi_line.add(path)
        return text + BREAKS

    def make(self, value: object, schema: dict, path: str = "", where: tuple = ()) -> object:
        schema = resolve(schema)
        if is_free_text(schema):
            self.covered.add(path)
            payload = self.payload(where, path)
            if isinstance(value, dict):
                return {language: payload + " ".join(PLACEHOLDER.findall(text)) for language, text in value.items()}
            if value is None and "anyOf" in schema:  # a text added where there was none: one in every language
                return {language: payload for language in LANGUAGES}
            return payload + (" ".join(PLACEHOLDER.findall(value)) if isinstance(value, str) else "")
        if isinstance(value, list) and schema.get("type") == "array":
            return [self.make(item, schema["items"], f"{path}[]", (*where, index)) for index, item in enumerate(value)]
        if isinstance(value, dict) and schema.get("type") == "object":
            result = dict(value)
            for key, item in schema.get("properties", {}).items():
                if key in value or is_free_text(item):
                    result[key] = self.make(value.get(key), item, f"{path}.{key}" if path else key, (*where, key))
            if isinstance(result.get("ref"), dict) and isinstance(result["ref"].get("quote"), str) and "note" not in value:
                # A fact's quote shows its dates and numbers, which the check looks for: here as digits.
                shown = [str(item) for item in value.values() if isinstance(item, int) and not isinstance(item, bool)
                         or isinstance(item, str) and DATE.fullmatch(item)]
                result["ref"] = {**result["ref"], "quote": " ".join([result["ref"]["quote"], *shown])}
            return result
        return value


def hostile_data(folder: Path) -> tuple[Path, Hostile]:
    """A data file that checks, with hostile text in every field: line breaks wherever the check takes them, and the
    review date at its latest."""
    raw = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value
    raw["site"]["reviewed"] = LAST_REVIEW
    refused: set[tuple] = set()
    for attempt in range(2):
        hostile = Hostile(refused)
        path = write_data_quoting(folder / f"attempt-{attempt}", hostile.make(raw, SCHEMA))
        problems = check(path).problems
        if not problems:
            return path, hostile
        refused |= {problem.path for problem in problems}
    raise AssertionError("the hostile data does not check even on one line:\n" + "\n".join(map(str, problems)))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Hostile]:
    return hostile_data(tmp_path_factory.mktemp("hostile-data"))


@pytest.fixture(scope="module")
def hostile_build(hostile, tmp_path_factory):
    data, _ = hostile
    # A publish build (canonical links, sitemap, JSON-LD), with asserts stripped: no safety may rest on them.
    build = build_site(tmp_path_factory.mktemp("hostile") / "site", data, extra_env={**PUBLISH, "PYTHONOPTIMIZE": "1"})
    assert build.returncode == 0, build.output[-3000:]
    return build


def test_every_text_field_of_the_schema_is_given_hostile_text(hostile):
    _, made = hostile
    assert len(text_fields(SCHEMA)) > 50
    assert text_fields(SCHEMA) - made.covered == set(), "text fields the data has no object to hold; add one to the data"
    # The calendar's free texts that take line breaks get them: the event's note becomes its DESCRIPTION.
    assert "cohorts[].timeline[].note" in made.multi_line


def test_the_data_goes_through_every_output_with_asserts_on(hostile):
    checked = check(hostile[0])
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


def test_no_hostile_text_breaks_out_of_any_file_the_build_writes(hostile_build, hostile):
    build = hostile_build
    programme = check(hostile[0]).programme
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


def test_no_hostile_text_becomes_markdown_in_the_review_report(hostile):
    """The pull request's summary (`make diff`) is Markdown that GitHub renders: a name must not become a link."""
    diff = compare(file_version(FIXTURE_DATA, with_cases=False), file_version(hostile[0], with_cases=False), None)
    rendered = markdown.markdown(report(diff), extensions=["tables"])
    assert "md-bold" in rendered and not html_leaks(rendered)


def test_the_programme_name_reaches_the_theme_as_text(hostile_build):
    """Material prints the site name in the title, header, navigation and aria-labels of every page."""
    build = hostile_build
    page = build.page("tracks/creativity-for-good/")
    logo = page.select_one("a.md-logo")
    assert 'data-inject="' in page.select_one("title").get_text()
    assert logo["aria-label"].startswith('<b data-inject="') and "R&D" in logo["aria-label"]
    assert logo["title"] == logo["aria-label"], "escaped twice in one of them"
    assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True).startswith('<b data-inject="')


def test_footer_links_name_their_page_escaped_once(hostile_build):
    """Screen readers read the aria-label: it must say "R&D", not "R&amp;D"."""
    build = hostile_build
    labels = [link["aria-label"] for link in build.page("eligibility/").select("a.md-footer__link")]
    assert labels and all("R&D" in label and "&amp;" not in label for label in labels), labels
