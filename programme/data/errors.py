"""Data errors that name the file, line, column and key path, as a staff member needs them."""

from __future__ import annotations

import re
from dataclasses import dataclass

Path = tuple[str | int, ...]

SHOWN_CHARACTERS = 60  # the longest piece of the data a message repeats
MAX_LISTED_ERRORS = 50  # past this, a list of errors says how many more there are


def shown(value: object, *, quote: bool = True, limit: int = SHOWN_CHARACTERS) -> str:
    """A piece of the data as a message repeats it: cut to `limit` characters, control characters escaped.

    Messages reach terminals and CI logs, so a value must not be able to move the cursor, colour the
    text or start a line of its own (a CI annotation, say).
    """
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text) if quote else printable(text)


def printable(text: str) -> str:
    """`text` with every character that is not printable written as its escape: \\n, \\x1b, \\u202e."""
    return "".join(character if character.isprintable() else repr(character)[1:-1] for character in text)


def format_path(path: Path, data: object = None) -> str:
    """Write a key path the way the YAML reads: `tracks[1].roles[0]`, or, given the data, with each item of a list
    named by its `id` (or a question by its `key`) where it has one of its own: `cohorts[first-cohort].timeline[
    applications-close].date`, as `make diff` names them. The whole document is "the file"."""
    text, node = "", data
    for part in path:
        if isinstance(part, int):
            label = str(part)
            if isinstance(node, list) and 0 <= part < len(node):
                identity = _identity(node[part])
                if identity is not None and sum(_identity(item) == identity for item in node) == 1:
                    label = identity
                node = node[part]
            else:
                node = None
            text += f"[{label}]"
        else:
            text += f".{shown(part, quote=False)}" if text else shown(part, quote=False)
            node = node.get(part) if isinstance(node, dict) else None
    return text or "the file"


_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}\Z")


def _identity(item: object) -> str | None:
    """An item's own name, if it has a well-formed one: its `id`, or a question's `key`."""
    if isinstance(item, dict):
        for key in ("id", "key"):
            value = item.get(key)
            if isinstance(value, str) and _SLUG.match(value):
                return value
    return None


def describe_value(value: object) -> str:
    """Name a found value for a message: `string 'no'`, `integer 75`, `nothing`."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"number {value}"
    if isinstance(value, str):
        return f"string {shown(value)}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


@dataclass(frozen=True)
class Problem:
    """A problem at a key path, before it is given a line and column."""

    path: Path
    message: str
    at_key: bool = False  # point at the key rather than its value, as for a key that should not be there
    follows: tuple[Path, ...] = ()  # fields whose fault, if reported, explains this one: then it is not told


@dataclass(frozen=True)
class DataError:
    """One problem in the data file, at a line and column (both 1-based; 0 when the whole file is at fault)."""

    line: int
    column: int
    path: Path
    message: str
    file: str = ""
    location: str | None = None  # the path with items named by id (format_path with the data), once known

    @property
    def where(self) -> str:
        return self.location or format_path(self.path)

    def __str__(self) -> str:
        if not self.line:
            return f"{printable(self.file)}: {printable(self.message)}"
        return f"{printable(self.file)}:{self.line}:{self.column}: {self.where}: {printable(self.message)}"

    def annotation(self) -> str:
        """The error as a GitHub Actions workflow command, which marks the line in a pull request's diff."""
        properties = f"file={_command_property(self.file)}"
        if self.line:
            properties += f",line={self.line},col={self.column}"
        return f"::error {properties}::{_command_data(f'{self.where}: {printable(self.message)}')}"


def _command_data(text: str) -> str:
    """Escape text for a workflow command's message, as GitHub's toolkit does (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    """Escape text for a workflow command's property, as GitHub's toolkit does (`escapeProperty`)."""
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


class ProgrammeDataError(Exception):
    """The data file has problems; `str()` lists every one, a line each."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        count = len(self.errors)
        heading = f"{count:,} problem{'s' if count != 1 else ''} in the programme data:"
        listed = [str(error) for error in self.errors[:MAX_LISTED_ERRORS]]
        if count > MAX_LISTED_ERRORS:
            listed.append(f"… and {count - MAX_LISTED_ERRORS:,} more; fix these first, then check again")
        super().__init__("\n".join([heading, *listed]))

    @property
    def listed(self) -> list[DataError]:
        """The errors a message lists: the first MAX_LISTED_ERRORS, in file order."""
        return self.errors[:MAX_LISTED_ERRORS]
