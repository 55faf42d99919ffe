"""Random edits to the real data file, and what must hold after any of them (used by the tests and bench/fuzz_data.py).

An edit inserts, deletes or replaces a token or a line, often with a string chosen to hurt: YAML's own syntax,
markup, control characters, huge numbers, placeholders with format specs, impossible dates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from programme import ProgrammeDataError, check
from fixture_data import FIXTURE_DATA
from outputs import build_outputs
from sitebuild import write_data

ORIGINAL = FIXTURE_DATA.read_text(encoding="utf-8")
LINES = ORIGINAL.splitlines(keepends=True)
TOKEN = re.compile(r"[A-Za-z0-9_]+|[^\sA-Za-z0-9_]")
TOKENS = [(match.start(), match.end()) for match in TOKEN.finditer(ORIGINAL)]
LOCATED = re.compile(r"\S+:\d+:\d+: \S.*: \S|\S+: \S")

HOSTILE = [
    "", " ", "\t", "\n", "&a", "*a", "&a [*a]", "!!python/object/apply:os.system [id]", "!tag", "{", "}", "[", "]",
    "- ", ":", ": x", "? x", "|", ">-", "#", "'", '"', "---", "...", "%YAML 1.1", "~", "null", "yes", "no", "true",
    "1e999", "-0", "0x1F", "9" * 400, "9" * 5000, "<script>alert(1)</script>", "<!--", "</title>", "R&D",
    '"\\e[31m"', '"\\0"', '"\\u202e"', '"\\ud800"', '"x\\n"', "\x00", "\x1b", "\u202e", "\ufeff", "\u2028",
    "{fewer_than_months}", "{fewer_than_months:05}", "{fewer_than_months!r}", "{0}", "{", "}}",
    "0000-01-01", "0999-12-31", "2021-02-30", "2021-13", "2021-01-03\n", "3000-01-01", "1900", "2999-12-31",
    "1969-12-31", "1970-01-01", "2105-12-31", "2106-02-08", "1900-01-01", "no_later_than", "month", "year",
    "first-cohort", "applications-close", "technology-for-good", "hkstp", "zh-Hans", "zh-Hant", "en",
    "javascript:alert(1)", "https://example.com/\"onmouseover=x", "a" * 300, "長" * 50, "x" * 3000,
]


@st.composite
def edits(draw) -> tuple[str, str]:
    """(what was done, the edited text)."""
    kind = draw(st.sampled_from(["replace token", "insert at token", "delete token", "replace line", "delete line",
                                 "insert line", "duplicate line"]))
    hostile = draw(st.sampled_from(HOSTILE) | st.text(max_size=20))
    if kind.endswith("token"):
        start, end = draw(st.sampled_from(TOKENS))
        if kind == "replace token":
            return f"{kind} {ORIGINAL[start:end]!r} with {hostile!r}", ORIGINAL[:start] + hostile + ORIGINAL[end:]
        if kind == "insert at token":
            return f"{kind} {ORIGINAL[start:end]!r}: {hostile!r}", ORIGINAL[:start] + hostile + ORIGINAL[start:]
        return f"{kind} {ORIGINAL[start:end]!r}", ORIGINAL[:start] + ORIGINAL[end:]
    index = draw(st.integers(0, len(LINES) - 1))
    lines = list(LINES)
    if kind == "replace line":
        indent = re.match(r" *", lines[index]).group()
        lines[index] = indent + hostile + "\n"
    elif kind == "delete line":
        del lines[index]
    elif kind == "insert line":
        lines.insert(index, hostile + "\n")
    else:
        lines.insert(index, lines[index])
    return f"{kind} {index + 1}: {hostile!r}", "".join(lines)


@dataclass
class Tally:
    """How the edits tried so far came out."""

    outcomes: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        return ", ".join(f"{count} {outcome}" for outcome, count in self.outcomes.most_common())


def check_edit(text: str, folder: Path, tally: Tally | None = None) -> str:
    """The edit is refused with located errors only, or it loads and every page and the rules render.

    Returns "refused" or "accepted"; anything else (a traceback) fails the caller's test.
    """
    path = write_data(folder, "")  # with the sources beside it
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    checked = check(path)
    errors, programme = checked.problems, checked.programme
    if errors:
        lines = str(ProgrammeDataError(list(errors))).splitlines()[1:]
        assert all(LOCATED.match(line) or line.startswith("… and ") for line in lines), lines
        outcome = "refused"
    else:
        build_outputs(programme, checked.data)
        outcome = "accepted"
    if tally is not None:
        tally.outcomes[outcome] += 1
    return outcome

