"""Markup in any text of the data is shown as text, never run: every text field of the schema, found from the schema.

The fields are read from data/programme.schema.json, so a field added there later is covered without anyone
remembering to add it here.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import PUBLISH, build_site, write_data_quoting

from programme.data.loader import SCHEMA_PATH
from programme.data.yamlsource import parse_yaml
from fixture_data import FIXTURE_DATA

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
PAYLOAD = '<b data-inject="{n}">R&D "quoted" \'single\'</b><!--'
LEAK = re.compile(r"<b\s+data-inject")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
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


def make_hostile(value: object, schema: dict, path: str, counter: list[int], covered: set[str]) -> object:
    """The data with markup in every free-text field, optional ones added; placeholders kept where they were."""
    schema = resolve(schema)
    if is_free_text(schema):
        covered.add(path)
        counter[0] += 1
        payload = PAYLOAD.format(n=counter[0])
        if isinstance(value, dict):
            return {language: payload + " " + " ".join(PLACEHOLDER.findall(text)) for language, text in value.items()}
        if value is None and "anyOf" in schema:  # a text added where there was none: one in every language
            return {language: payload for language in LANGUAGES}
        return payload + (" " + " ".join(PLACEHOLDER.findall(value)) if isinstance(value, str) else "")
    if isinstance(value, list) and schema.get("type") == "array":
        return [make_hostile(item, schema["items"], f"{path}[]", counter, covered) for item in value]
    if isinstance(value, dict) and schema.get("type") == "object":
        result = dict(value)
        for key, item in schema.get("properties", {}).items():
            child = f"{path}.{key}" if path else key
            if key in value or is_free_text(item):
                result[key] = make_hostile(value.get(key), item, child, counter, covered)
        return result
    return value


def hostile_data() -> tuple[dict, set[str]]:
    """The real data with markup in every text field, and the schema paths of the fields it filled."""
    raw = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value
    covered: set[str] = set()
    return make_hostile(raw, SCHEMA, "", [0], covered), covered


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    data = write_data_quoting(folder, hostile_data()[0])
    build = build_site(folder / "site", data, extra_env=PUBLISH)  # a publish build: canonical links, sitemap, JSON-LD
    assert build.returncode == 0, build.output[-3000:]
    return build


def test_every_text_field_of_the_schema_is_given_markup():
    _, covered = hostile_data()
    assert len(text_fields(SCHEMA)) > 50
    assert text_fields(SCHEMA) - covered == set(), "text fields the data has no object to hold; add one to the data"


def test_no_markup_from_the_data_reaches_any_page_or_the_search_index(hostile_build):
    build = hostile_build
    leaks = []
    for path in sorted(build.site_dir.rglob("*")):
        if path.suffix not in (".html", ".xml", ".txt") and path.name != "search_index.json":  # markup, or shown as it
            continue
        text = path.read_text(encoding="utf-8")
        leaks += [f"{path.relative_to(build.site_dir)}: …{text[max(0, m.start() - 80): m.end()]}" for m in LEAK.finditer(text)]
        if path.suffix == ".html":
            assert not BeautifulSoup(text, "html.parser").select("[data-inject]"), path
    assert not leaks, "\n".join(leaks[:10])


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
