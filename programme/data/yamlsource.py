"""Read YAML text into plain values, remembering where each value stands.

Strict on purpose: no anchors, aliases, tags or duplicate keys, and YAML 1.2 scalars, so `no`
and `yes` stay strings and `2021-02` stays text. Only a plain `true`/`false` is a boolean,
only plain digits are an integer.

Hostile on purpose too: the file is refused as a whole when it is too big, and anchors, aliases
and nesting past a limit are refused while the parser's events stream past, before any node is
built, so a "billion laughs" edit or a deeply nested one costs no more than reading it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from programme.data.errors import DataError, Path, shown

MAX_FILE_BYTES = 1_000_000      # the real file is about 20 kB; a megabyte is a mistake, not an edit
MAX_DEPTH = 24                  # the real file nests 7 levels deep
MAX_SCALAR_CHARACTERS = 20_000  # the schema sets tighter limits per field; this one protects the schema itself
MAX_KEY_CHARACTERS = 100
MAX_INTEGER_DIGITS = 18

_DEFAULT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_REFUSED = "tag:procruit-c:refused"  # a node left out: an alias, or nesting too deep; its error is already said
_NULL = re.compile(r"(~|null|Null|NULL|)")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SYNTAX_HINTS = {
    "<block end>": " (check the indentation of this line against the lines above it)",
    "block mapping start": " (check the indentation of this line against the lines above it)",
    "mapping values are not allowed": " (text with a colon in it needs quotes around it)",
    "'\\t'": " (indent with spaces, not tabs)",
}
# Characters no text here may hold: C0 and C1 controls but tab and newline, DEL, the line and paragraph separators
# (YAML counts them as line breaks and editors do not, so every later line number would be off), bidirectional marks,
# overrides and isolates (they reorder what a reader sees), invisible default-ignorable code points (soft hyphen,
# zero-width space, word joiner, byte-order mark, variation selectors, fillers: text that reads the same with or
# without them) but the zero-width joiner and non-joiner that some scripts need, lone surrogates, noncharacters,
# private-use characters and tag characters. (Ids, names and addresses may not hold the joiners either:
# programme/data/checks/addresses.py.)
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f"
    "\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\ufffe\uffff\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff\U000f0000-\U0010ffff"
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 16)) + "]")
_FORBIDDEN_IN_KEYS = re.compile(_FORBIDDEN.pattern[:-1] + "\t\n]")


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
    refused_paths: list[Path] = field(default_factory=list)  # values left out; nothing more to say of them


def decode_source(raw: bytes, file: str) -> tuple[str | None, list[DataError]]:
    """The file's text, or a located error: UTF-8 only (a byte-order mark is allowed), within the size limit."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [DataError(0, 0, (), f"the file is larger than the limit of {MAX_FILE_BYTES:,} bytes", file)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8-sig", errors="replace")
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        bad = raw[exc.start: exc.end].hex(" ")
        return None, [DataError(line, column, (), f"not UTF-8 text (byte {bad}); save the file as UTF-8", file)]


def parse_yaml(text: str, file: str) -> ParsedYaml:
    """Parse `text`; problems come back as errors, never as exceptions.

    A syntax error or a forbidden character leaves no value. Anchors, aliases, nesting too deep,
    tags and duplicate keys are reported and the rest is still read, so that one run lists every problem.
    """
    positions = Positions()
    # Windows editors end lines with CR LF: one line break, as every editor counts it. A CR alone is refused below.
    text = text.replace("\r\n", "\n")
    errors = _forbidden_characters(text, file)
    if errors:
        return ParsedYaml(None, positions, errors)
    try:
        node = _compose(_FastLoader, text)
    except yaml.YAMLError as fast_error:
        return ParsedYaml(None, positions, [_syntax_error(_explained(fast_error, text), file, text)])
    converter = _Converter(positions, file)
    value = converter.convert(node, ()) if node is not None else None
    return ParsedYaml(value, positions, converter.errors, converter.refused_paths)


def _explained(fast_error: yaml.YAMLError, text: str) -> yaml.YAMLError:
    """libyaml's error, or PyYAML's own for the same line: PyYAML's words name the character at fault.

    The two parsers differ at the edges (PyYAML refuses "{en: Why?, ...}", which libyaml reads as YAML does), so
    PyYAML's words are used only where it stops on the same line.
    """
    try:
        _compose(_ExplainingLoader, text)
    except yaml.YAMLError as slow_error:
        if _line_of(slow_error) == _line_of(fast_error):
            return slow_error
    return fast_error


# What a parser's context says was left open, and how to close it.
_UNCLOSED = {"parsing a flow mapping": "the {", "parsing a flow sequence": "the [",
             "scanning a quoted scalar": "the quote"}
_CLOSE_HINTS = {"the {": "end it with } on the same line, and put a text that holds { or } in quotes",
                "the [": "end it with ] on the same line",
                "the quote": "end the text with the same quote mark; inside \"…\" write \\\" for a quote mark"}


_OPENING_QUOTE = re.compile(r'(?:^|:\s|-\s|[\[{,]\s*)(["\'])')


def _open_quote_before(text: str, line: int) -> int | None:
    """The line (1-based) of a quoted text that a line before `line` opens and never closes, if one does: the parser
    then reads on to the next quote mark and stops lines later, at what looks to it like a fault of that line."""
    lines = text.split("\n")[max(0, line - 40): line - 1]
    first = max(0, line - 40) + 1
    for offset in range(len(lines) - 1, -1, -1):
        content = lines[offset].split(" #", 1)[0]
        match = _OPENING_QUOTE.search(content)
        if match is None:
            continue
        quote, rest = match.group(1), content[match.end():]
        closes = rest.replace('\\"', "").count(quote) if quote == '"' else rest.replace("''", "").count(quote)
        if closes == 0:
            return first + offset
    return None


def _line_of(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line if mark else None


def _syntax_error(error: yaml.YAMLError, file: str, text: str) -> DataError:
    if not isinstance(error, yaml.MarkedYAMLError):
        return DataError(1, 1, (), f"not valid YAML: {error}", file)
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or error.context or "not valid YAML"
    opened = error.context_mark
    unclosed = _UNCLOSED.get((error.context or "").removeprefix("while "))
    if unclosed and opened and error.problem_mark and error.problem_mark.line > opened.line:
        # The parser notices only where the text stops making sense, often lines later: point at what was left open.
        last_line = text.rstrip("\n").count("\n") + 1
        found = f"line {line}" if line <= last_line and problem != "found unexpected end of stream" else "the end of the file"
        return DataError(opened.line + 1, opened.column + 1, (),
                         f"not valid YAML: {unclosed} that starts here is not closed (the parser gave up at {found}); "
                         f"{_CLOSE_HINTS[unclosed]}", file)
    hint = next((hint for clue, hint in _SYNTAX_HINTS.items() if clue in problem), "")
    quoted = _open_quote_before(text, line)
    if quoted is not None:
        hint += f" (or the quote opened on line {quoted} is not closed)"
    return DataError(line, column, (), f"not valid YAML: {problem}{hint}", file)


def _forbidden_characters(text: str, file: str) -> list[DataError]:
    """Each character typed into the file that no text may hold (the parser would refuse it without a place)."""
    errors = []
    for match in _FORBIDDEN.finditer(text):
        start = match.start()
        line, column = text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
        hint = ": a carriage return alone ends no line; save the file with LF or CR LF line endings" if match.group() == "\r" else ""
        errors.append(DataError(line, column, (), f"{_name_character(match.group())} is not allowed in the file{hint}", file))
        if len(errors) == 20:
            break
    return errors


def _name_character(character: str) -> str:
    kind = "the control character" if unicodedata.category(character) == "Cc" else "the invisible or reserved character"
    return f"{kind} U+{ord(character):04X} {shown(character)}"


def _compose(loader_class: type, text: str) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _StrictComposing:
    """Composes nodes with no implicit typing. Anchors are dropped and aliases replaced as their events arrive,
    so no value is ever shared or expanded; nesting past MAX_DEPTH is skipped without recursing."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.get_event()
            return _refused_node(event, f"aliases are not allowed (found *{shown(event.anchor, quote=False)}); write the value out in full")
        refusals = []
        if getattr(event, "anchor", None):
            refusals.append(f"anchors are not allowed (found &{shown(event.anchor, quote=False)}); write each value out in full")
            event.anchor = None
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)) and self._depth >= MAX_DEPTH:
            self._skip_collection()
            return _refused_node(event, f"nested more than {MAX_DEPTH} levels deep; the data needs far fewer", refusals)
        self._depth += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        node.refusals = refusals
        return node

    def _skip_collection(self) -> None:
        """Consume one whole sequence or mapping, however deep, without building it."""
        depth = 0
        while True:
            event = self.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                if depth == 0:
                    return


class _ExplainingLoader(_StrictComposing, yaml.BaseLoader):
    """PyYAML in pure Python: slower, but its syntax errors name the character at fault."""


if yaml.__with_libyaml__:
    from yaml.composer import Composer
    from yaml.cyaml import CParser
    from yaml.resolver import BaseResolver

    class _FastLoader(_StrictComposing, Composer, CParser, BaseResolver):
        """libyaml's parser (in C, about fifteen times faster) under the same composing rules."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            Composer.__init__(self)
            BaseResolver.__init__(self)
else:
    _FastLoader = _ExplainingLoader


def _refused_node(event: yaml.Event, message: str, refusals: list[str] | None = None) -> yaml.Node:
    node = yaml.ScalarNode(_REFUSED, "", event.start_mark, event.end_mark)
    node.refusals = [*(refusals or []), message]
    return node


class _Converter:
    """Turns composed nodes into plain values, recording positions and every problem on the way."""

    def __init__(self, positions: Positions, file: str) -> None:
        self.positions = positions
        self.file = file
        self.errors: list[DataError] = []
        self.refused_paths: list[Path] = []

    def convert(self, node: yaml.Node, path: Path) -> object:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.positions.values[path] = (line, column)
        for message in getattr(node, "refusals", ()):
            self._error(line, column, path, message)
        if node.tag == _REFUSED:
            self.refused_paths.append(path)
            return None
        if node.tag not in _DEFAULT_TAGS:
            self._error(line, column, path, f"tags are not allowed (found {shown(node.tag, quote=False)})")
            self.refused_paths.append(path)
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path, line, column)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._mapping(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            for message in getattr(key_node, "refusals", ()):
                self._error(key_line, key_column, path, message)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _REFUSED:
                if key_node.tag != _REFUSED:
                    self._error(key_line, key_column, path, "keys must be plain words, not lists or mappings")
                continue
            key = key_node.value
            problem = _key_problem(key)
            if problem:
                self._error(key_line, key_column, path, problem)
                continue
            if key in mapping:
                first_line = self.positions.keys[(*path, key)][0]
                self._error(key_line, key_column, (*path, key), f"duplicate key {shown(key)} (first given on line {first_line})")
                continue
            self.positions.keys[(*path, key)] = (key_line, key_column)
            mapping[key] = self.convert(value_node, (*path, key))
        return mapping

    def _scalar(self, node: yaml.ScalarNode, path: Path, line: int, column: int) -> object:
        text = node.value
        if len(text) > MAX_SCALAR_CHARACTERS:
            self._error(line, column, path, f"a value of {len(text):,} characters; the limit is {MAX_SCALAR_CHARACTERS:,}")
            self.refused_paths.append(path)
            return None
        forbidden = _FORBIDDEN.search(text)
        if forbidden:
            self._error(line, column, path, f"{_name_character(forbidden.group())} is not allowed in text")
            self.refused_paths.append(path)
            return None
        if node.style:  # quoted or block scalars are always text (plain is None in PyYAML, "" in libyaml)
            return text
        if _NULL.fullmatch(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.fullmatch(text):
            if len(text.lstrip("+-")) > MAX_INTEGER_DIGITS:
                self._error(line, column, path, f"a number of {len(text.lstrip('+-')):,} digits; no number here needs more than {MAX_INTEGER_DIGITS}")
                self.refused_paths.append(path)
                return None
            return int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        return text

    def _error(self, line: int, column: int, path: Path, message: str) -> None:
        self.errors.append(DataError(line, column, path, message, self.file))


def _key_problem(key: str) -> str | None:
    if len(key) > MAX_KEY_CHARACTERS:
        return f"a key of {len(key):,} characters ({shown(key)}); keys are short words"
    forbidden = _FORBIDDEN_IN_KEYS.search(key)
    if forbidden:
        return f"{_name_character(forbidden.group())} is not allowed in a key ({shown(key)})"
    return None
