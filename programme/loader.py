"""The one loader of the programme data: read, validate against the schema, check, build."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path as FilePath

from .checks import semantic_problems
from .errors import DataError, ProgrammeDataError
from .model import Programme, build_programme
from .schema import Validator
from .yamlsource import parse_yaml

PROJECT_ROOT = FilePath(__file__).resolve().parent.parent
DATA_PATH = PROJECT_ROOT / "data" / "programme.yaml"
SCHEMA_PATH = PROJECT_ROOT / "data" / "programme.schema.json"


def load_programme(path: str | os.PathLike = DATA_PATH) -> Programme:
    """Load and check the data file; raise ProgrammeDataError listing every problem."""
    data, errors = read_checked_data(path)
    if errors:
        raise ProgrammeDataError(errors)
    return build_programme(data)


def read_checked_data(path: str | os.PathLike = DATA_PATH) -> tuple[object, list[DataError]]:
    """The raw data and every problem in it; the data is safe to build only when there are none."""
    shown = display_path(path)
    try:
        text = FilePath(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return None, [DataError(0, 0, (), f"cannot read the data file: {reason}", shown)]
    parsed = parse_yaml(text, shown)
    if parsed.value is None and parsed.errors:
        return None, parsed.errors
    validator = _validator()
    errors = list(parsed.errors)
    problems = validator.errors(parsed.value)
    problems += semantic_problems(parsed.value, validator.paths_of("date"))
    for problem in problems:
        if any(problem.path[: len(refused)] == refused for refused in parsed.refused_paths):
            continue
        line, column = parsed.positions.of_key(problem.path) if problem.at_key else parsed.positions.of_value(problem.path)
        errors.append(DataError(line, column, problem.path, problem.message, shown))
    return parsed.value, sorted(errors, key=lambda error: (error.line, error.column, error.message))


def display_path(path: str | os.PathLike) -> str:
    """The path as a person in the project folder would type it."""
    absolute = FilePath(path).resolve()
    for base in (FilePath.cwd(), PROJECT_ROOT):
        if absolute.is_relative_to(base):
            return str(absolute.relative_to(base))
    return str(path)


@cache
def _validator() -> Validator:
    return Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
