"""What an edit of the programme data changes, as a Markdown report for the people who review it.

`python -m programme diff BASE [HEAD]` compares two versions of `data/programme.yaml`, each given as a git ref or a
file (HEAD defaults to the file in the working tree): facts added, removed or changed with their sources, pages
added or removed, the timeline, the eligibility criteria, and the golden self-check cases (`tests/cases/*.yaml`)
whose result changes. Either version may be broken: the report then lists its problems instead of comparing.
"""

from __future__ import annotations

import dataclasses
import html
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import selfcheck

from programme.data.errors import DataError
from programme.data.cases import GOLDEN_CASES_DIR, case_texts, parse_golden_cases
from programme.data.loader import DATA_PATH, PROJECT_ROOT, display_path, read_checked_data
from programme.data.model import DEFAULT_LANGUAGE, Programme, build_programme
from programme.site.pages import plan_pages
from programme.hosting.location import LocationError, SiteLocation, site_location
from programme.data.rules import selfcheck_rules
from programme.data.yamlsource import parse_yaml

DATA_IN_REPOSITORY = DATA_PATH.relative_to(PROJECT_ROOT).as_posix()
CASES_IN_REPOSITORY = GOLDEN_CASES_DIR.relative_to(PROJECT_ROOT).as_posix()
# Lists whose items are told apart by one of these keys; any other list of mappings by position.
ITEM_KEYS = ("id", "key", "value")


@dataclass(frozen=True)
class Version:
    """One side of the comparison: where it came from, its data and programme if sound, and its problems."""

    label: str
    data: object = None
    programme: Programme | None = None
    problems: tuple[DataError, ...] = ()
    cases: tuple[dict, ...] = ()


@dataclass(frozen=True)
class NodeChange:
    """A fact (a mapping with a `ref`) or other part of the data that was added, removed or changed."""

    path: str
    kind: str  # "added", "removed" or "changed"
    before: dict[str, object]
    after: dict[str, object]
    is_fact: bool

    @property
    def changed_fields(self) -> list[tuple[str, object, object]]:
        names = sorted(set(self.before) | set(self.after), key=_field_order)
        return [(name, self.before.get(name), self.after.get(name)) for name in names
                if self.before.get(name) != self.after.get(name)]


@dataclass(frozen=True)
class CaseChange:
    name: str
    file: str
    before: dict
    after: dict

    @property
    def outcome_changed(self) -> bool:
        return self.before.get("outcome") != self.after.get("outcome")


@dataclass(frozen=True)
class PageChange:
    kind: str  # "added", "removed" or "renamed"
    title: str
    address: str
    old_title: str = ""


@dataclass(frozen=True)
class DataDiff:
    before: Version
    after: Version
    nodes: tuple[NodeChange, ...] = ()
    pages: tuple[PageChange, ...] = ()
    cases: tuple[CaseChange, ...] = ()
    cases_compared: int = 0
    problems: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not (self.nodes or self.pages or self.cases or self.problems
                    or self.before.problems or self.after.problems)


# Reading a version ------------------------------------------------------------------------------------------------


def read_version(spec: str | None, *, with_cases: bool, root: Path = PROJECT_ROOT) -> Version:
    """A version of the data from a file, a git ref, or (None) the working tree; never raises for bad input."""
    if spec is None or Path(spec).is_file():
        path = Path(spec) if spec is not None else DATA_PATH
        label = display_path(path)
        data, problems = read_checked_data(path)
        cases = _working_tree_cases(root) if with_cases else ()
    else:
        label = f"{spec}:{DATA_IN_REPOSITORY}"
        text, error = _git_show(root, spec, DATA_IN_REPOSITORY)
        if text is None:
            return Version(label, problems=(DataError(0, 0, (), f"cannot read {DATA_IN_REPOSITORY} at {spec!r}: {error}", label),))
        data, problems = _check_text(text, label)
        cases = _git_cases(root, spec) if with_cases else ()
    if problems:
        return Version(label, problems=tuple(problems), cases=cases)
    return Version(label, data, build_programme(data), cases=cases)


def _check_text(text: str, label: str) -> tuple[object, list[DataError]]:
    """Check data given as text through the one loader, naming `label` as the file in every problem."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "programme.yaml"
        path.write_text(text, encoding="utf-8")
        data, problems = read_checked_data(path)
    return data, [dataclasses.replace(problem, file=label) for problem in problems]


def _git_show(root: Path, ref: str, path: str) -> tuple[str | None, str]:
    """A file's text at a git ref, or None and git's reason."""
    if ref.startswith("-"):
        return None, "a ref cannot start with '-'"
    try:
        completed = subprocess.run(["git", "-C", str(root), "show", f"{ref}:{path}"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, str(exc)
    if completed.returncode != 0:
        reason = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, reason[0] if reason else f"git exited with {completed.returncode}"
    try:
        return completed.stdout.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text: {exc}"


def _working_tree_cases(root: Path) -> tuple[dict, ...]:
    return parse_golden_cases(case_texts(root / CASES_IN_REPOSITORY))[0]


def _git_cases(root: Path, ref: str) -> tuple[dict, ...]:
    listed = subprocess.run(["git", "-C", str(root), "ls-tree", "--name-only", f"{ref}:{CASES_IN_REPOSITORY}"],
                            capture_output=True, text=True, timeout=60)
    if listed.returncode != 0:
        return ()
    texts = {}
    for name in sorted(listed.stdout.split()):
        if name.endswith(".yaml"):
            text, _ = _git_show(root, ref, f"{CASES_IN_REPOSITORY}/{name}")
            if text is not None:
                texts[name] = text
    return parse_golden_cases(texts)[0]


# Comparing -------------------------------------------------------------------------------------------------------


def compare(before: Version, after: Version, location: SiteLocation | None = None) -> DataDiff:
    """What changes from `before` to `after`; only the problems when either is broken."""
    if before.problems or after.problems:
        return DataDiff(before, after)
    location = location or SiteLocation()
    nodes = tuple(_node_changes(_nodes(before.data), _nodes(after.data)))
    pages = tuple(_page_changes(before.programme, after.programme, location))
    cases, compared, problems = _case_changes(before.programme, after.programme, after.cases)
    return DataDiff(before, after, nodes, pages, cases, compared, problems)


class _Item(str):
    """A list item's key in a path, written `[key]`."""


def _nodes(data: object) -> dict[tuple, dict[str, object]]:
    """Every node of the data (each top-level section, each mapping with a `ref`, each mapping in a list) and its
    own values, by dotted name relative to the node; lists of plain values are one value."""
    nodes: dict[tuple, dict[str, object]] = {(): {}}

    def walk(value: object, path: tuple, owner: tuple) -> None:
        if len(path) == 1 or (path and isinstance(value, dict) and ("ref" in value or isinstance(path[-1], _Item))):
            owner = path
            nodes.setdefault(owner, {})
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key), owner)
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            for index, item in enumerate(value):
                key = next((item[name] for name in ITEM_KEYS if isinstance(item, dict) and isinstance(item.get(name), str)), None)
                walk(item, (*path, _Item(key if key is not None else index + 1)), owner)
        else:
            shown = tuple(value) if isinstance(value, list) else value
            nodes[owner][_relative_name(path[len(owner):])] = shown

    walk(data, (), ())
    return nodes


def _relative_name(parts: tuple) -> str:
    return format_node(parts) if parts else "(value)"


def format_node(parts: tuple) -> str:
    """A node's path as it reads in the data: `tracks[technology-for-good].positions`."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, _Item) else (f".{part}" if text else str(part))
    return text or "(top)"


def _node_changes(before: dict, after: dict) -> Iterator[NodeChange]:
    order = list(after) + [path for path in before if path not in after]
    for path in order:
        old, new = before.get(path), after.get(path)
        if old == new:
            continue
        kind = "added" if old is None else "removed" if new is None else "changed"
        is_fact = "ref.source" in (new or old)
        yield NodeChange(format_node(path), kind, old or {}, new or {}, is_fact)


def _field_order(name: str) -> tuple:
    return (name.startswith("ref."), name)  # the source last, after the values it supports


def _page_changes(before: Programme, after: Programme, location: SiteLocation) -> Iterator[PageChange]:
    old = {spec.src_uri: str(spec.title) for spec in plan_pages(before)}
    new = {spec.src_uri: str(spec.title) for spec in plan_pages(after)}
    for src_uri in [*new, *(uri for uri in old if uri not in new)]:
        address = location.page_url(DEFAULT_LANGUAGE, page_path(src_uri)) or "/" + page_path(src_uri)
        if src_uri not in old:
            yield PageChange("added", new[src_uri], address)
        elif src_uri not in new:
            yield PageChange("removed", old[src_uri], address)
        elif old[src_uri] != new[src_uri]:
            yield PageChange("renamed", new[src_uri], address, old[src_uri])


def page_path(src_uri: str) -> str:
    """A generated page's path on the site, as MkDocs gives it with directory URLs: `roles/trainee-designer/`."""
    stem = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def _case_changes(before: Programme, after: Programme, cases: tuple[dict, ...]) -> tuple[tuple[CaseChange, ...], int, tuple[str, ...]]:
    """Run every golden case's answers under both versions' rules; keep those whose result differs."""
    try:
        rules = selfcheck_rules(before), selfcheck_rules(after)
        changes = []
        for case in cases:
            results = [_case_result(case.get("answers"), side) for side in rules]
            if results[0] != results[1]:
                changes.append(CaseChange(str(case.get("name", "")), str(case.get("file", "")), *results))
    except selfcheck.RulesError as exc:
        return (), 0, (f"the self-check could not read the rules: {exc}",)
    return tuple(changes), len(cases), ()


def _case_result(answers: object, rules: dict) -> dict:
    result = selfcheck.evaluate(answers, rules)
    if "errors" in result:
        return {"errors": [error["field"] for error in result["errors"]]}
    return {"outcome": result["outcome"], "criteria": {c["id"]: c["status"] for c in result["criteria"]},
            "applications": result["applications"]["status"]}


# The report ------------------------------------------------------------------------------------------------------

SECTIONS = (
    ("Eligibility criteria", lambda change: change.path.startswith("eligibility")),
    ("Application window and timeline", lambda change: change.path.startswith("cohorts")),
    ("Facts", lambda change: change.is_fact),
    ("Other settings", lambda change: True),
)


def report(diff: DataDiff) -> str:
    """The Markdown report: the same diff always gives the same text."""
    lines = ["# What this edit changes to the programme", "",
             f"Before: `{_code(diff.before.label)}`; after: `{_code(diff.after.label)}`.", ""]
    for version, name in ((diff.before, "before"), (diff.after, "after")):
        if version.problems:
            count = len(version.problems)
            lines += [f"**The data {name} the edit has {count} problem{'s' if count != 1 else ''}**, so nothing "
                      "was compared:", "", "```text", *(str(problem).replace("```", "'''") for problem in version.problems),
                      "```", ""]
    if diff.before.problems or diff.after.problems:
        return "\n".join(lines).rstrip() + "\n"
    if diff.is_empty:
        lines.append("No changes to the programme data.")
        return "\n".join(lines) + "\n"
    lines += _summary(diff)
    remaining = list(diff.nodes)
    for title, belongs in SECTIONS:
        mine = [change for change in remaining if belongs(change)]
        remaining = [change for change in remaining if change not in mine]
        if title == "Facts":
            lines += _pages(diff.pages)
        if mine:
            lines += [f"## {title}", ""] + [line for change in mine for line in _node(change)]
    lines += _cases(diff)
    return "\n".join(lines).rstrip() + "\n"


def _summary(diff: DataDiff) -> list[str]:
    outcome = sum(change.outcome_changed for change in diff.cases)
    detail = len(diff.cases) - outcome
    sentence = (f"**This edit changes the outcome of {outcome} of the {diff.cases_compared} golden self-check "
                f"case{'s' if diff.cases_compared != 1 else ''}**")
    sentence += f", and the criteria or applications status of {detail} more." if detail else "."
    facts = sum(change.is_fact for change in diff.nodes)
    lines = [sentence, "", f"{facts} fact{'s' if facts != 1 else ''} and {len(diff.pages)} "
                           f"page{'s' if len(diff.pages) != 1 else ''} added, removed or changed.", ""]
    lines += [f"> {_md(problem)}" for problem in diff.problems]
    return lines


def _node(change: NodeChange) -> list[str]:
    lines = [f"### {change.kind.capitalize()}: `{_code(change.path)}`", ""]
    if change.kind == "changed":
        lines += ["| Field | Before | After |", "| --- | --- | --- |"]
        lines += [f"| `{_code(name)}` | {_value(old)} | {_value(new)} |" for name, old, new in change.changed_fields]
        lines.append("")
    else:
        values = change.after if change.kind == "added" else change.before
        lines += [f"- `{_code(name)}`: {_value(value)}" for name, value in sorted(values.items(), key=lambda i: _field_order(i[0]))
                  if not name.startswith("ref.")]
        lines.append("")
    source = change.after if change.kind != "removed" else change.before
    if "ref.source" in source:
        quote = f", “{_md(str(source['ref.quote']))}”" if source.get("ref.quote") else ""
        lines += [f"Source: {_md(str(source['ref.source']))}{quote}", ""]
    return lines


def _pages(pages: tuple[PageChange, ...]) -> list[str]:
    if not pages:
        return []
    lines = ["## Pages", "", "| Change | Page | Address |", "| --- | --- | --- |"]
    for page in pages:
        title = f"{_md(page.old_title)} → {_md(page.title)}" if page.kind == "renamed" else _md(page.title)
        lines.append(f"| {page.kind} | {title} | {_md(page.address)} |")
    return [*lines, ""]


def _cases(diff: DataDiff) -> list[str]:
    if not diff.cases:
        return ["## Golden self-check cases", "", f"No change to the result of any of the {diff.cases_compared} cases.", ""]
    lines = ["## Golden self-check cases", "",
             "Their answers, run under the rules before and after the edit. Update each case's expected result in "
             "`tests/cases/` in the same pull request.", "",
             "| Case | Before | After |", "| --- | --- | --- |"]
    for change in diff.cases:
        lines.append(f"| {_md(change.name)} ({_md(change.file)}) | {_result(change.before, change.after)} | "
                     f"{_result(change.after, change.before)} |")
    return [*lines, ""]


def _result(result: dict, other: dict) -> str:
    """A case's result, naming only the criteria and whether applications are open, where they differ from the other side."""
    if "errors" in result:
        return "invalid answers: " + ", ".join(_md(name) for name in result["errors"])
    parts = [f"**{_md(result['outcome'].replace('_', ' '))}**"]
    criteria = other.get("criteria", {})
    parts += [f"{_md(key)}: {_md(status.replace('_', ' '))}" for key, status in result["criteria"].items()
              if criteria.get(key) != status]
    if other.get("applications") != result["applications"]:
        parts.append(f"applications: {_md(result['applications'].replace('_', ' '))}")
    return "; ".join(parts)


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return ", ".join(_md(str(item)) for item in value) or "(none)"
    if isinstance(value, bool):
        return str(value).lower()
    return _md(str(value))


# Characters that could start emphasis, a link, a code span, strikethrough or a table cell, escaped with "\\".
MARKDOWN_SPECIAL = "\\`*_[]|~"


def _md(text: str) -> str:
    """Data text as literal Markdown on one line: no emphasis, link, HTML, mention or table break gets through."""
    escaped = "".join(f"\\{character}" if character in MARKDOWN_SPECIAL else character
                      for character in " ".join(text.split()))
    return html.escape(escaped, quote=False).replace("@", "&#64;")


def _code(text: str) -> str:
    """Text for inside a `code span`, on one line: a backtick would end the span, a bar the table cell."""
    return " ".join(text.split()).replace("`", "'").replace("|", "\\|")


def diff_command(base: str, head: str | None, environ: Mapping[str, str]) -> tuple[str, int]:
    """The report and the exit status of `python -m programme diff`: 1 when the edited data has problems."""
    before = read_version(base, with_cases=False)
    after = read_version(head, with_cases=True)
    try:
        location = site_location(environ)
    except LocationError:
        location = SiteLocation()
    return report(compare(before, after, location)), 1 if after.problems else 0
