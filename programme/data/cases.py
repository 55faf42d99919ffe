"""The golden self-check cases (data/selfcheck-cases/*.yaml): sentence-named answers with their expected results.

Read by the tests, by the rules diff for reviewers (programme/review/diff.py, from any version of the repository), and by
the runtime bundle, which runs them all under Pyodide to find the standard-library modules the engine needs.
"""

from __future__ import annotations

from pathlib import Path

from programme.data.errors import DataError
from programme.paths import PROJECT_ROOT
from programme.data.yamlsource import parse_yaml

GOLDEN_CASES_DIR = PROJECT_ROOT / "data" / "selfcheck-cases"


def parse_golden_cases(texts: dict[str, str]) -> tuple[tuple[dict, ...], list[DataError]]:
    """Golden cases from their files' texts, by file name: each case gains its `file`; problems are returned."""
    cases, problems = [], []
    for name, text in texts.items():
        parsed = parse_yaml(text, name)
        problems += parsed.errors
        if isinstance(parsed.value, list):
            cases += [{**case, "file": name} for case in parsed.value if isinstance(case, dict)]
    return tuple(cases), problems


def cases_dir_of(data_path: Path) -> Path:
    """Where the golden cases of a data file are: `selfcheck-cases/` beside it."""
    return Path(data_path).parent / "selfcheck-cases"


def case_texts(cases_dir: Path = GOLDEN_CASES_DIR) -> dict[str, str]:
    """The text of each file of golden cases in `cases_dir`, by file name, in name order."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(cases_dir.glob("*.yaml"))}


def read_golden_cases(cases_dir: Path = GOLDEN_CASES_DIR) -> list[dict]:
    """Every golden case in `cases_dir`, file by file in name order; fails loudly on YAML problems."""
    cases, problems = parse_golden_cases(case_texts(cases_dir))
    if problems:
        raise ValueError("\n".join(map(str, problems)))
    return list(cases)
