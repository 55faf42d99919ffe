"""The data of the one hostile publish build (the `hostile_site` fixture): the real data with markup in every free-text
field of the schema, found from the schema (test_injection.py), and a few fields given texts that other tests read
back exactly where machines and the theme print them (test_site_metadata.py, test_site_build.py).

The fields are read from data/programme.schema.json, so a field added there later is covered without anyone
remembering to add it here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from programme import DATA_PATH
from programme.data.loader import SCHEMA_PATH
from programme.data.yamlsource import parse_yaml

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
PAYLOAD = '<b data-inject="{n}">R&D "quoted" \'single\'</b><!--'
LEAK = re.compile(r"<b\s+data-inject")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
LANGUAGES = parse_yaml(DATA_PATH.read_text(encoding="utf-8"), "programme.yaml").value["site"]["languages"]

# Texts read back exactly. The programme's name starts with the payload, as every other text does, so that the
# theme's copies of it (title, header, logo) show the payload too.
PROGRAMME_NAME = PAYLOAD.format(n=0) + ' </script><script>alert(1)</script> & <b>"Co"</b>'
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
    raw = parse_yaml(DATA_PATH.read_text(encoding="utf-8"), "programme.yaml").value
    covered: set[str] = set()
    return make_hostile(raw, SCHEMA, "", [0], covered), covered


def by_id(items: list[dict], id_: str) -> dict:
    return next(item for item in items if item["id"] == id_)


def hostile_site_data() -> dict:
    """The hostile build's data: markup everywhere, and the texts above where the tests read them back."""
    data, _ = hostile_data()
    data["programme"]["name"] = PROGRAMME_NAME
    by_id(data["organisations"], data["programme"]["created_and_funded_by"]["organisation"])["name"] = FUNDER_NAME
    by_id(data["tracks"], "creativity-for-good")["name"] = TRACK_NAME
    by_id(data["roles"], "trainee-designer")["name"] = ROLE_NAME
    data["programme"]["goal"]["text"]["en"] = GOAL
    closing = by_id(data["cohorts"][0]["timeline"], data["cohorts"][0]["application_window"]["closes"])
    closing["event"], closing["note"] = CLOSING_EVENT, CLOSING_NOTE
    return data


def write_hostile_site_data(folder: Path) -> Path:
    path = folder / "programme.yaml"
    path.write_text(yaml.safe_dump(hostile_site_data(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
