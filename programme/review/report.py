"""The review report: what an edit of the programme data changes, in Markdown, for the pull request's summary."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from programme.data.errors import ProgrammeDataError
from programme.hosting.location import LocationError, SiteLocation, site_location
from programme.review.compare import DataDiff, NodeChange, PageChange, compare, field_order
from programme.review.versions import file_version, repository_of, revision_version
from programme.site.escaping import markdown_code, markdown_text

FENCE = "`" * 3  # a code fence: data text in the report never closes one
SECTIONS = (
    ("Eligibility criteria", lambda change: change.path.startswith("eligibility")),
    ("Application window and timeline", lambda change: change.path.startswith("cohorts")),
    ("Facts", lambda change: change.is_fact),
    ("Other settings", lambda change: True),
)


def report(diff: DataDiff) -> str:
    """The Markdown report: the same diff always gives the same text."""
    lines = ["# What this edit changes to the programme", "",
             f"Before: `{markdown_code(diff.before.label)}`; after: `{markdown_code(diff.after.label)}`.", ""]
    for version, name in ((diff.before, "before"), (diff.after, "after")):
        if version.problems:
            count = len(version.problems)
            # The check's own list: the first problems, then how many more (the same cap, so that a pull request's
            # summary stays readable after an edit that breaks thousands of items).
            listed = str(ProgrammeDataError(list(version.problems))).splitlines()[1:]
            lines += [f"**The data {name} the edit has {count:,} problem{'s' if count != 1 else ''}**, so nothing "
                      "was compared:", "", "```text", *(line.replace(FENCE, "'" * 3) for line in listed), "```", ""]
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
    lines += [f"> {markdown_text(problem)}" for problem in diff.problems]
    return lines


def _node(change: NodeChange) -> list[str]:
    lines = [f"### {change.kind.capitalize()}: `{markdown_code(change.path)}`", ""]
    if change.kind == "changed":
        lines += ["| Field | Before | After |", "| --- | --- | --- |"]
        lines += [f"| `{markdown_code(name)}` | {_value(old)} | {_value(new)} |" for name, old, new in change.changed_fields]
        lines.append("")
    else:
        values = change.after if change.kind == "added" else change.before
        lines += [f"- `{markdown_code(name)}`: {_value(value)}" for name, value in sorted(values.items(), key=lambda i: field_order(i[0]))
                  if not name.startswith("ref.")]
        lines.append("")
    source = change.after if change.kind != "removed" else change.before
    if "ref.source" in source:
        quote = f", “{markdown_text(str(source['ref.quote']))}”" if source.get("ref.quote") else ""
        lines += [f"Source: {markdown_text(str(source['ref.source']))}{quote}", ""]
    return lines


def _pages(pages: tuple[PageChange, ...]) -> list[str]:
    if not pages:
        return []
    lines = ["## Pages", "", "| Change | Page | Address |", "| --- | --- | --- |"]
    for page in pages:
        title = f"{markdown_text(page.old_title)} → {markdown_text(page.title)}" if page.kind == "renamed" else markdown_text(page.title)
        lines.append(f"| {page.kind} | {title} | {markdown_text(page.address)} |")
    return [*lines, ""]


def _cases(diff: DataDiff) -> list[str]:
    if not diff.cases:
        return ["## Golden self-check cases", "", f"No change to the result of any of the {diff.cases_compared} cases.", ""]
    lines = ["## Golden self-check cases", "",
             "Their answers, run under the rules before and after the edit. Update each case's expected result in "
             "`selfcheck-cases/` beside the data file (`make cases` writes them) in the same pull request.", "",
             "| Case | Before | After |", "| --- | --- | --- |"]
    for change in diff.cases:
        lines.append(f"| {markdown_text(change.name)} ({markdown_text(change.file)}) | {_result(change.before, change.after)} | "
                     f"{_result(change.after, change.before)} |")
    return [*lines, ""]


def _result(result: dict, other: dict) -> str:
    """A case's result, naming only the criteria and whether applications are open, where they differ from the other side."""
    if "errors" in result:
        return "invalid answers: " + ", ".join(markdown_text(name) for name in result["errors"])
    parts = [f"**{markdown_text(result['outcome'].replace('_', ' '))}**"]
    criteria = other.get("criteria", {})
    parts += [f"{markdown_text(key)}: {markdown_text(status.replace('_', ' '))}" for key, status in result["criteria"].items()
              if criteria.get(key) != status]
    if other.get("applications") != result["applications"]:
        parts.append(f"applications: {markdown_text(result['applications'].replace('_', ' '))}")
    return "; ".join(parts)


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return ", ".join(markdown_text(str(item)) for item in value) or "(none)"
    if isinstance(value, bool):
        return str(value).lower()
    return markdown_text(str(value))


def diff_command(*, base: str | None, base_file: str | None, head: str | None, head_file: str | None,
                 data_path: Path, environ: Mapping[str, str]) -> tuple[str, int]:
    """The report and the exit status of `python -m programme diff`: 0 compared, 1 the edited data has problems,
    2 the base could not be read at all. Revisions are of the git repository that holds the data file."""
    root = repository_of(data_path)
    if base_file is not None:
        before = file_version(Path(base_file), with_cases=False)
    else:
        before = revision_version(base or "main", data_path, with_cases=False, root=root)
    if head_file is not None:
        after = file_version(Path(head_file), with_cases=True)
    elif head is not None:
        after = revision_version(head, data_path, with_cases=True, root=root)
    else:
        after = file_version(data_path, with_cases=True)
    try:
        location = site_location(environ)
    except LocationError:
        location = SiteLocation()
    text = report(compare(before, after, location))
    if before.data is None and before.problems:
        return text, 2
    return text, 1 if after.problems else 0
