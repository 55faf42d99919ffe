"""The data of the one hostile publish build (the `hostile_site` fixture): the test programme with hostile text in every
free-text field of the schema, found from the schema (test_injection.py), and a few fields given texts that other
tests read back exactly where machines and the theme print them (test_site_metadata.py, test_site_build.py).

The hostile text holds everything that could break out of a format: an HTML element and comment, the end of a
<script> and of a CDATA section, an XML element, a JSON key, Markdown emphasis and a link, a mailto query, and, in
every field whose check takes line breaks, a calendar event of its own. A field whose check refuses line breaks (a
name) gets the one line. The fields are read from data/programme.schema.json, so a field added there later is covered
without anyone remembering to add it here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from sitebuild import quote_showing_values, write_data_quoting

from programme import check
from programme.data.checks.dates import LAST_REVIEW
from programme.data.loader import SCHEMA_PATH
from programme.data.yamlsource import parse_yaml
from fixture_data import FIXTURE_DATA

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
LINE = ('<b data-inject="{n}">R&D "q" \'q\'</b><!--</script>]]><x-inject/>","injected":"'
        '**md-bold** [md-link](https://evil.example/)?bcc=e@evil.example')
BREAKS = "\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected\nSUMMARY:injected\n"
LEAK = re.compile(r"<b\s+data-inject")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
LANGUAGES = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value["site"]["languages"]

# Texts read back exactly. The programme's name starts with the hostile line, as every other text does, so that the
# theme's copies of it (title, header, logo) show it too.
PROGRAMME_NAME = '<b data-inject="0">R&D "q" \'q\'</b><!-- </script><script>alert(1)</script> & <b>"Co"</b>'
FUNDER_NAME = f"{PROGRAMME_NAME} Trust"
TRACK_NAME = '<script>alert("x")</script> & <b>Co</b>'  # Creativity for Good's
ROLE_NAME = "<img src=x onerror=alert(1)>"  # Trainee Designer's
GOAL = "to enable <em>fresh</em> graduates seeking new jobs"
CLOSING_EVENT = {"en": "Applications close; then, </script> & more", "zh-Hant": "截止申請；然後 </script> & 更多"}
CLOSING_NOTE = {"en": "Line one, with a comma;\nline two </script>", "zh-Hant": "第一行，有逗號；\n第二行 </script>"}


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
    """The data with a hostile text in every free-text field (optional ones added), placeholders kept where they
    were; a field whose check refuses line breaks gets the one-line text. A fact's quote keeps its dates and numbers
    (as digits), which the check looks for there."""

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
                if key in value or is_free_text(item) and not only_for_another_kind(path, key, value):
                    result[key] = self.make(value.get(key), item, f"{path}.{key}" if path else key, (*where, key))
            return quote_showing_values(value, result)
        return value


def only_for_another_kind(path: str, key: str, value: dict) -> bool:
    """A question's text that only a date question has (its `name`), on a question of another kind: left out."""
    return path == "self_check.questions[]" and key == "name" and value.get("kind") != "date"


def by_id(items: list[dict], id_: str) -> dict:
    return next(item for item in items if item["id"] == id_)


def hostile_data(one_line: set[tuple] = frozenset()) -> tuple[dict, Hostile]:
    """The test programme with hostile text in every text field, the texts above where tests read them back, and the
    review date at its latest; and what was filled."""
    raw = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value
    hostile = Hostile(set(one_line))
    data = hostile.make(raw, SCHEMA)
    data["site"]["reviewed"] = LAST_REVIEW
    data["programme"]["name"] = PROGRAMME_NAME
    by_id(data["organisations"], data["programme"]["created_and_funded_by"]["organisation"])["name"] = FUNDER_NAME
    by_id(data["tracks"], "creativity-for-good")["name"] = TRACK_NAME
    by_id(data["roles"], "trainee-designer")["name"] = ROLE_NAME
    data["programme"]["goal"]["text"]["en"] = GOAL
    closing = by_id(data["cohorts"][0]["timeline"], data["cohorts"][0]["application_window"]["closes"])
    closing["event"], closing["note"] = CLOSING_EVENT, CLOSING_NOTE
    return data, hostile


def write_hostile_site_data(folder: Path) -> tuple[Path, Hostile]:
    """The hostile data as a file that checks, with its sources (made of its quotes): line breaks wherever the check
    takes them, one line where it refuses them."""
    refused: set[tuple] = set()
    for attempt in range(2):
        data, hostile = hostile_data(refused)
        path = write_data_quoting(folder / f"attempt-{attempt}", data)
        problems = check(path).problems
        if not problems:
            return path, hostile
        refused |= {problem.path for problem in problems}
    raise AssertionError("the hostile data does not check even on one line:\n" + "\n".join(map(str, problems)))


@cache
def hostile_site_data() -> dict:
    """The hostile build's data, as it checks."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path, _ = write_hostile_site_data(Path(folder))
        return parse_yaml(path.read_text(encoding="utf-8"), str(path)).value
