"""What changes from one version of the data to another: its facts and settings, its pages, and the result of each
golden self-check case run under both versions' rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import selfcheck
from programme.data.model import Programme
from programme.data.rules import selfcheck_rules
from programme.hosting.location import SiteLocation
from programme.review.versions import Version
from programme.site.pages import page_path, plan_pages
from programme.site.status import build_date
from programme.site.words import page_words

# Lists whose items are told apart by one of these keys; any other list of mappings by position.
ITEM_KEYS = ("id", "key", "value")


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
        names = sorted(set(self.before) | set(self.after), key=field_order)
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
    kind: str  # "added", "removed", "renamed" or "changed" (its words)
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


def compare(before: Version, after: Version, location: SiteLocation | None = None) -> DataDiff:
    """What changes from `before` to `after`; only the problems when either is broken."""
    if before.problems or after.problems:
        return DataDiff(before, after)
    location = location or SiteLocation()
    nodes = tuple(_node_changes(_nodes(before.data), _nodes(after.data)))
    pages = tuple(_page_changes(before.programme, after.programme, location, build_date()))
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


def field_order(name: str) -> tuple:
    return (name.startswith("ref."), name)  # the source last, after the values it supports


def _page_changes(before: Programme, after: Programme, location: SiteLocation, today: date) -> Iterator[PageChange]:
    """Pages added, removed, renamed, or whose words change (what a status says today included), in the first
    edition, which every other edition follows."""
    root = next(iter(after.editions.values()))  # the first edition's addresses
    old = {spec.src_uri: str(spec.title) for spec in plan_pages(before)}
    new = {spec.src_uri: str(spec.title) for spec in plan_pages(after)}
    old_words, new_words = page_words(before, today), page_words(after, today)
    for src_uri in [*new, *(uri for uri in old if uri not in new)]:
        address = location.page_url(root, page_path(src_uri)) or "/" + page_path(src_uri)
        if src_uri not in old:
            yield PageChange("added", new[src_uri], address)
        elif src_uri not in new:
            yield PageChange("removed", old[src_uri], address)
        elif old[src_uri] != new[src_uri]:
            yield PageChange("renamed", new[src_uri], address, old[src_uri])
        elif old_words[src_uri] != new_words[src_uri]:
            yield PageChange("changed", new[src_uri], address)


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
