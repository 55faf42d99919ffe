"""Read YAML text into plain values, remembering where each value stands.

Strict on purpose: no anchors, aliases, tags or duplicate keys, and YAML 1.2 scalars, so `no`
and `yes` stay strings and `2021-02` stays text. Only a plain `true`/`false` is a boolean,
only plain digits are an integer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import DataError, Path

_DEFAULT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_SYNTAX_HINTS = {
    "<block end>": " (check the indentation of this line against the lines above it)",
    "block mapping start": " (check the indentation of this line against the lines above it)",
    "mapping values are not allowed": " (text with a colon in it needs quotes around it)",
    "'\\t'": " (indent with spaces, not tabs)",
    "found undefined alias": " (aliases are not allowed; write the value out in full)",
}
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


@dataclass
class Positions:
    """Line and column (1-based) of every value, and of every mapping key, by key path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path) -> tuple[int, int]:
        """Where the value at `path` stands, or its nearest ancestor."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: Path) -> tuple[int, int]:
        """Where the key naming `path` stands, falling back to its value."""
        return self.keys.get(path) or self.of_value(path)


@dataclass
class ParsedYaml:
    value: object
    positions: Positions
    errors: list[DataError]
    refused_paths: list[Path] = field(default_factory=list)  # values dropped for a tag; nothing more to say of them


def parse_yaml(text: str, file: str) -> ParsedYaml:
    """Parse `text`; problems come back as errors, never as exceptions.

    A syntax error leaves no value. Anchors, aliases, tags and duplicate keys are reported and
    the rest is still read, so that one run lists every problem.
    """
    positions = Positions()
    loader = _RefusingLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "not valid YAML"
        hint = next((hint for clue, hint in _SYNTAX_HINTS.items() if clue in problem), "")
        return ParsedYaml(None, positions, [DataError(line, column, (), f"not valid YAML: {problem}{hint}", file)])
    except yaml.YAMLError as exc:
        return ParsedYaml(None, positions, [DataError(1, 1, (), f"not valid YAML: {exc}", file)])
    finally:
        loader.dispose()
    errors: list[DataError] = []
    value = _convert(node, (), positions, errors, file) if node is not None else None
    refused_paths = [error.path for error in errors if error.message.startswith("tags are not allowed")]
    for (line, column), message in loader.refused:
        errors.append(DataError(line, column, _path_at(positions, line, column), message, file))
    return ParsedYaml(value, positions, errors, refused_paths)


def _path_at(positions: Positions, line: int, column: int) -> Path:
    """The key path of whatever starts at, or is keyed on the same line before, a line and column."""
    for path, position in positions.values.items():
        if position == (line, column):
            return path
    keyed_before = [(key_column, path) for path, (key_line, key_column) in positions.keys.items()
                    if key_line == line and key_column < column]
    return max(keyed_before)[1] if keyed_before else ()


class _RefusingLoader(yaml.BaseLoader):
    """Composes nodes with no implicit typing, noting each anchor and alias on the way (one pass over the text)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.refused: list[tuple[tuple[int, int], str]] = []

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._refuse(event, f"aliases are not allowed (found *{event.anchor}); write the value out in full")
        elif getattr(event, "anchor", None):
            self._refuse(event, f"anchors are not allowed (found &{event.anchor}); write each value out in full")
        return super().compose_node(parent, index)

    def _refuse(self, event: yaml.Event, message: str) -> None:
        self.refused.append(((event.start_mark.line + 1, event.start_mark.column + 1), message))


def _convert(node: yaml.Node, path: Path, positions: Positions, errors: list[DataError], file: str) -> object:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    positions.values[path] = (line, column)
    if node.tag not in _DEFAULT_TAGS:
        errors.append(DataError(line, column, path, f"tags are not allowed (found {node.tag})", file))
        return None
    if isinstance(node, yaml.ScalarNode):
        return _resolve_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, index), positions, errors, file) for index, item in enumerate(node.value)]
    return _convert_mapping(node, path, positions, errors, file)


def _convert_mapping(node: yaml.MappingNode, path: Path, positions: Positions, errors: list[DataError], file: str) -> dict:
    mapping: dict[str, object] = {}
    for key_node, value_node in node.value:
        key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        if not isinstance(key_node, yaml.ScalarNode):
            errors.append(DataError(key_line, key_column, path, "keys must be plain words, not lists or mappings", file))
            continue
        key = key_node.value
        if key in mapping:
            first_line = positions.keys[(*path, key)][0]
            errors.append(DataError(key_line, key_column, (*path, key), f"duplicate key {key!r} (first given on line {first_line})", file))
            continue
        positions.keys[(*path, key)] = (key_line, key_column)
        mapping[key] = _convert(value_node, (*path, key), positions, errors, file)
    return mapping


def _resolve_scalar(node: yaml.ScalarNode) -> object:
    text = node.value
    if node.style is not None:  # quoted or block scalars are always text
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text
