"""The one loader of the programme data: read, validate against the schema, check, build."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path as FilePath

from programme.data.checks import missing_translations, semantic_problems
from programme.data.errors import DataError, ProgrammeDataError
from programme.data.model import Programme, build_programme
from programme.paths import DATA_PATH, PROJECT_ROOT, SCHEMA_PATH
from programme.data.schema import Validator
from programme.data.rules import rules_problem
from programme.data.yamlsource import MAX_FILE_BYTES, Positions, decode_source, parse_yaml



def load_programme(path: str | os.PathLike = DATA_PATH) -> Programme:
    """Load and check the data file; raise ProgrammeDataError listing every problem."""
    return load_checked(path)[1]


def load_checked(path: str | os.PathLike = DATA_PATH) -> tuple[dict, Programme]:
    """The checked data as plain values (for open data) and as the programme; ProgrammeDataError lists every problem."""
    data, errors, positions = _read(path)
    if errors:
        raise ProgrammeDataError(errors)
    programme = build_programme(data)
    problem = rules_problem(programme, data)
    if problem:
        raise ProgrammeDataError([DataError(*positions.of_value(problem.path), problem.path, problem.message, display_path(path))])
    return data, programme


def read_checked_data(path: str | os.PathLike = DATA_PATH) -> tuple[object, list[DataError]]:
    """The raw data and every problem in it; the data is safe to build only when there are none."""
    data, errors, _ = _read(path)
    return data, errors


def _read(path: str | os.PathLike) -> tuple[object, list[DataError], Positions]:
    shown = display_path(path)
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [DataError(0, 0, (), f"cannot read the data file: {exc.strerror or exc}", shown)], Positions()
    text, errors = decode_source(raw, shown)
    if text is None:
        return None, errors, Positions()
    parsed = parse_yaml(text, shown)
    if parsed.value is None and parsed.errors:
        return None, parsed.errors, parsed.positions
    validator = _validator()
    errors = list(parsed.errors)
    problems = validator.errors(parsed.value)
    problems += semantic_problems(parsed.value, validator.paths_of("date"))
    problems += missing_translations(parsed.value, validator.paths_of("text") + validator.paths_of("short_text"))
    refused = set(parsed.refused_paths)
    for problem in problems:
        if not problem.at_key and any(problem.path[:length] in refused for length in range(len(problem.path) + 1)):
            continue  # a value left out has had its say
        line, column = parsed.positions.of_key(problem.path) if problem.at_key else parsed.positions.of_value(problem.path)
        errors.append(DataError(line, column, problem.path, problem.message, shown))
    return parsed.value, sorted(errors, key=lambda error: (error.line, error.column, error.message)), parsed.positions


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
