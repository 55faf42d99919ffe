"""Data errors that name the file, line, column and key path, as a staff member needs them."""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """Write a key path the way the YAML reads: `tracks[1].roles[0]`; the whole document is `(top)`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top)"


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
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"string {shown!r}"
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


@dataclass(frozen=True)
class DataError:
    """One problem in the data file, at a line and column (both 1-based; 0 when the whole file is at fault)."""

    line: int
    column: int
    path: Path
    message: str
    file: str = ""

    def __str__(self) -> str:
        if not self.line:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {format_path(self.path)}: {self.message}"


class ProgrammeDataError(Exception):
    """The data file has problems; `str()` lists every one, a line each."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        count = len(self.errors)
        heading = f"{count} problem{'s' if count != 1 else ''} in the programme data:"
        super().__init__("\n".join([heading, *map(str, self.errors)]))
