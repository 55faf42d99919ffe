"""The golden self-check cases: sentence-named answers with the results staff expect, in `selfcheck-cases/*.yaml`
beside the data file. They are part of what staff review: `make check-data` runs them and reports, each at its
place, a case whose result differs from what it expects or whose answers name a question the data no longer asks;
`make cases` (`python -m programme cases update`) rewrites what each case expects to what the rules now give, and
says case by case what changed, so that a reviewer accepts a change of the rules in one command and reads it in the
pull request.

A case expects an `outcome`, each criterion's status (`criteria`) and whether applications are open
(`applications`); where the criteria differ between cohorts or tracks, also the outcome of each (`results`, by
`cohort` or `cohort track`). A case whose answers cannot be checked expects the `errors`' fields, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import selfcheck
from programme.data.errors import DataError
from programme.data.yamlsource import parse_yaml
from programme.paths import PROJECT_ROOT

GOLDEN_CASES_DIR = PROJECT_ROOT / "data" / "selfcheck-cases"
EXPECTED_KEYS = ("outcome", "criteria", "applications", "results", "errors")
_EXPECTED_LINE = re.compile(r"^  (outcome|criteria|applications|results|errors):")


def cases_dir_of(data_path: Path) -> Path:
    """Where the golden cases of a data file are: `selfcheck-cases/` beside it."""
    return Path(data_path).parent / "selfcheck-cases"


def parse_golden_cases(texts: dict[str, str]) -> tuple[tuple[dict, ...], list[DataError]]:
    """Golden cases from their files' texts, by file name: each case gains its `file` and `line`; problems are returned."""
    cases, problems = [], []
    for name, text in texts.items():
        parsed = parse_yaml(text, name)
        problems += parsed.errors
        if isinstance(parsed.value, list):
            cases += [{**case, "file": name, "line": parsed.positions.of_value((index,))[0]}
                      for index, case in enumerate(parsed.value) if isinstance(case, dict)]
    return tuple(cases), problems


def case_texts(cases_dir: Path = GOLDEN_CASES_DIR) -> dict[str, str]:
    """The text of each file of golden cases in `cases_dir`, by file name, in name order."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(cases_dir.glob("*.yaml"))}


def read_golden_cases(cases_dir: Path = GOLDEN_CASES_DIR) -> list[dict]:
    """Every golden case in `cases_dir`, file by file in name order; fails loudly on YAML problems."""
    cases, problems = parse_golden_cases(case_texts(cases_dir))
    if problems:
        raise ValueError("\n".join(map(str, problems)))
    return list(cases)


def expected_of(result: dict) -> dict:
    """What a case expects, as the engine's result gives it."""
    if "errors" in result:
        return {"errors": [error["field"] for error in result["errors"]]}
    expected = {"outcome": result["outcome"], "criteria": {item["id"]: item["status"] for item in result["criteria"]},
                "applications": result["applications"]["status"]}
    if len({tuple(item["id"] for item in part["criteria"]) for part in result["results"]}) > 1:
        expected["results"] = {" ".join(filter(None, (part["cohort"], part["track"]))): part["outcome"]
                               for part in result["results"]}
    return expected


def expected_in(case: dict) -> dict:
    """What a case says it expects."""
    return {key: case[key] for key in EXPECTED_KEYS if key in case}


@dataclass(frozen=True)
class CaseRun:
    """A golden case run under the rules: what it expects, what it now gives, and answers to unasked questions."""

    case: dict
    expected: dict
    actual: dict
    unasked: tuple[str, ...]

    @property
    def agrees(self) -> bool:
        return self.expected == self.actual and not self.unasked

    @property
    def where(self) -> str:
        return f"{self.case['file']}:{self.case['line']}"


def run_cases(cases: tuple[dict, ...] | list[dict], rules: dict) -> list[CaseRun]:
    """Every case run under the rules, in order."""
    asked = {question["key"] for question in rules["questions"]}
    runs = []
    for case in cases:
        answers = case.get("answers")
        # A case that expects errors may name an unknown question on purpose.
        unasked = tuple(key for key in answers if key not in asked) if isinstance(answers, dict) and "errors" not in case else ()
        runs.append(CaseRun(case, expected_in(case), expected_of(selfcheck.evaluate(answers, rules)), unasked))
    return runs


def case_problems(runs: list[CaseRun], folder: str) -> list[str]:
    """A located line for each case that does not agree with the rules, as `make check-data` prints them."""
    lines = []
    for run in runs:
        where = f"{folder}/{run.where}"
        name = run.case.get("name", "")
        if run.unasked:
            lines.append(f"{where}: case {name!r}: its answers name {', '.join(map(repr, run.unasked))}, which the "
                         "self-check no longer asks; change its answers")
        elif not run.agrees:
            lines.append(f"{where}: case {name!r}: {difference(run.expected, run.actual)}; if the rules changed on "
                         "purpose, run `make cases` and review what it says")
    return lines


def difference(expected: dict, actual: dict) -> str:
    """What a case expects that the rules no longer give: `outcome not_eligible, now eligible; short_experience …`."""
    if ("errors" in expected) != ("errors" in actual):
        return f"expects {_summary(expected)}, the rules give {_summary(actual)}"
    parts = []
    for key in EXPECTED_KEYS:
        before, after = expected.get(key), actual.get(key)
        if isinstance(before, dict) or isinstance(after, dict):
            before, after = before or {}, after or {}
            parts += [f"{name} {before.get(name, '(none)')}, now {after.get(name, '(none)')}"
                      for name in dict.fromkeys([*before, *after]) if before.get(name) != after.get(name)]
        elif before != after:
            parts.append(f"{key} {_flow(before) if before is not None else '(none)'}, now {_flow(after) if after is not None else '(none)'}")
    return "; ".join(parts)


def _summary(expected: dict) -> str:
    if "errors" in expected:
        return f"errors in {', '.join(expected['errors']) or '(none)'}"
    return f"the outcome {expected.get('outcome')}"


def update_case_file(path: Path, runs: list[CaseRun]) -> list[str]:
    """Rewrite what each case of one file expects to what the rules give, keeping everything else as written; the
    changes, one line each."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    by_line = {run.case["line"]: run for run in runs if run.case["file"] == path.name and not run.agrees}
    changes, output, skipping = [], [], False
    for number, line in enumerate(lines, start=1):
        if number in by_line:
            run = by_line[number]
            output.append(line)
            skipping = True
            changes.append(f"{path.name}:{number}: {run.case.get('name', '')}\n    {difference(run.expected, run.actual)}")
            pending = run
            continue
        if skipping and _EXPECTED_LINE.match(line):
            continue
        if skipping and (not line.startswith("  ") or not line.strip()):
            output += _expected_lines(pending.actual)
            skipping = False
        output.append(line)
    if skipping:
        output += _expected_lines(pending.actual)
    path.write_text("".join(output), encoding="utf-8")
    return changes


def _expected_lines(expected: dict) -> list[str]:
    return [f"  {key}: {_flow(expected[key])}\n" for key in EXPECTED_KEYS if key in expected]


def _flow(value: object) -> str:
    """A value as one line of flow-style YAML, as the case files write expectations."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(key)}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    text = str(value)
    return text if re.fullmatch(r"[a-z_][a-z0-9_\-]*(\[[0-9]+\](\.[a-z_]+)?)?", text) and " " not in text else f'"{text}"'
