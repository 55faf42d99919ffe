"""Validate plain values against the JSON Schema file, collecting every error with its key path.

The schema file (`data/programme.schema.json`) is the same one editors read. This module
interprets the part of JSON Schema 2020-12 that file uses, and refuses a schema that uses
more, so the two can never drift apart silently. Messages say what was expected and what
was found, in words a staff member can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from programme.data.errors import Path, Problem, describe_value

SUPPORTED_KEYWORDS = frozenset({
    # annotations, ignored when validating
    "$schema", "$id", "title", "description", "x-expected",
    # applied
    "$defs", "$ref", "type", "properties", "required", "additionalProperties", "items",
    "minItems", "maxItems", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "anyOf",
})

_TYPE_NAMES = {
    "string": "a string", "integer": "an integer", "boolean": "a boolean (true or false)",
    "object": "a mapping", "array": "a list",
}


class UnsupportedSchema(Exception):
    """The schema file uses a keyword this validator does not apply."""


def check_supported(schema: dict, where: str = "#") -> None:
    """Refuse any keyword outside SUPPORTED_KEYWORDS, anywhere in the schema."""
    for keyword, value in schema.items():
        if keyword not in SUPPORTED_KEYWORDS:
            raise UnsupportedSchema(f"{where}: keyword {keyword!r} is not supported by programme/data/schema.py")
        if keyword in ("properties", "$defs"):
            for name, sub in value.items():
                check_supported(sub, f"{where}/{keyword}/{name}")
        elif keyword in ("items", "additionalProperties") and isinstance(value, dict):
            check_supported(value, f"{where}/{keyword}")
        elif keyword == "anyOf":
            for index, sub in enumerate(value):
                check_supported(sub, f"{where}/anyOf/{index}")


class Validator:
    """Applies one schema document to values."""

    def __init__(self, schema: dict) -> None:
        check_supported(schema)
        self._root = schema
        self._paths_by_definition: dict[str, list[Path]] = {}

    def errors(self, value: object) -> list[Problem]:
        self._paths_by_definition = {}
        return list(self._validate(value, self._root, ()))

    def paths_of(self, definition: str) -> list[Path]:
        """Key paths that the last `errors()` call checked against `$defs/<definition>`."""
        return self._paths_by_definition.get(definition, [])

    def _resolve(self, schema: dict, path: Path) -> dict:
        while "$ref" in schema:
            name = schema["$ref"].removeprefix("#/$defs/")
            self._paths_by_definition.setdefault(name, []).append(path)
            schema = self._root["$defs"][name]
        return schema

    def _validate(self, value: object, schema: dict, path: Path) -> Iterator[Problem]:
        schema = self._resolve(schema, path)
        if "anyOf" in schema:
            yield from self._validate_any_of(value, schema, path)
            return
        expected_type = schema.get("type")
        if expected_type and not _has_type(value, expected_type):
            yield Problem(path, f"expected {_expected(schema)}, found {describe_value(value)}")
            return
        if "enum" in schema and value not in schema["enum"]:
            allowed = ", ".join(map(str, schema["enum"]))
            yield Problem(path, f"expected one of {allowed}; found {describe_value(value)}")
            return
        if isinstance(value, str):
            yield from _validate_string(value, schema, path)
        elif isinstance(value, int) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                yield Problem(path, f"expected a number of at least {schema['minimum']}, found {value}")
            elif "maximum" in schema and value > schema["maximum"]:
                yield Problem(path, f"expected a number of at most {schema['maximum']:,}, found {value:,}")
        elif isinstance(value, list):
            yield from self._validate_list(value, schema, path)
        elif isinstance(value, dict):
            yield from self._validate_mapping(value, schema, path)

    def _validate_any_of(self, value: object, schema: dict, path: Path) -> Iterator[Problem]:
        branches = [self._resolve(branch, path) for branch in schema["anyOf"]]
        matching = [branch for branch in branches if _has_type(value, branch.get("type"))]
        if not matching:
            yield Problem(path, f"expected {_expected(schema)}, found {describe_value(value)}")
            return
        attempts = [list(self._validate(value, branch, path)) for branch in matching]
        if not all(attempts):
            return
        yield from min(attempts, key=len)

    def _validate_list(self, value: list, schema: dict, path: Path) -> Iterator[Problem]:
        minimum = schema.get("minItems", 0)
        if len(value) < minimum:
            yield Problem(path, f"expected a list of at least {minimum} item{'s' if minimum != 1 else ''}, found {len(value)}")
        maximum = schema.get("maxItems")
        if maximum is not None and len(value) > maximum:
            yield Problem(path, f"expected a list of at most {maximum} items, found {len(value)}; "
                                "a site this size would be too slow to build and to read")
            value = value[:maximum]  # the rest is not read: one message, not thousands
        if "items" in schema:
            for index, item in enumerate(value):
                yield from self._validate(item, schema["items"], (*path, index))

    def _validate_mapping(self, value: dict, schema: dict, path: Path) -> Iterator[Problem]:
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                yield Problem(path, f"missing required key {key!r}")
        additional = schema.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                yield from self._validate(item, properties[key], (*path, key))
            elif additional is False:
                allowed = ", ".join(sorted(properties))
                yield Problem((*path, key), f"unknown key {key!r}; allowed keys: {allowed}", at_key=True)
            elif isinstance(additional, dict):
                yield from self._validate(item, additional, (*path, key))


def _validate_string(value: str, schema: dict, path: Path) -> Iterator[Problem]:
    if len(value) < schema.get("minLength", 0):
        yield Problem(path, "expected some text, found an empty string")
    elif len(value) > schema.get("maxLength", len(value)):
        yield Problem(path, f"expected at most {schema['maxLength']:,} characters, found {len(value):,}")
    elif "pattern" in schema and not _pattern(schema["pattern"]).fullmatch(value):
        # fullmatch, not search: with search, `$` matches before a final newline and "id\n" would pass
        yield Problem(path, f"expected {_expected(schema)}, found {describe_value(value)}")


@cache
def _pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _has_type(value: object, expected: str | None) -> bool:
    if expected is None:
        return True
    if expected == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    python_type = {"string": str, "boolean": bool, "object": dict, "array": list}[expected]
    return isinstance(value, python_type)


def _expected(schema: dict) -> str:
    if "x-expected" in schema:
        return schema["x-expected"]
    if "pattern" in schema:
        return f"a string matching {schema['pattern']}"
    return _TYPE_NAMES.get(schema.get("type", ""), "a value")
