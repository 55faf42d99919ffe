"""The one loader of the programme data: read, validate against the schema, check, build, and check the rules the
self-check will be given. The build, `python -m programme check` and the review diff all read data through check().
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path as FilePath

from programme.data.checks import missing_translations, semantic_problems
from programme.data.checks.addresses import address_problems
from programme.data.errors import DataError, Problem, ProgrammeDataError, format_path
from programme.data.building import build_programme
from programme.data.model import Programme
from programme.data.rules import RulesSource, rules_problem
from programme.data.schema import Validator
from programme.data.sources import DocumentReader, file_reader, source_problems
from programme.data.yamlsource import MAX_FILE_BYTES, Positions, decode_source, parse_yaml
from programme.paths import DATA_PATH, PROJECT_ROOT, SCHEMA_PATH, data_path_from_environment
from programme.words.derive import derivations, with_derived_texts


@dataclass(frozen=True)
class CheckedData:
    """A version of the data as checked: its plain values, the programme built from them if it has no problems, and
    every problem, in file order."""

    label: str  # the file, as messages name it
    data: object
    programme: Programme | None
    problems: tuple[DataError, ...]


def check(path: str | os.PathLike = DATA_PATH, *, text: bytes | None = None, label: str | None = None,
          documents: DocumentReader | None = None) -> CheckedData:
    """Check the data file at `path`, or `text` given for it (a version from git, say, named `label` in messages, with
    `documents` reading its sources' documents); never raises for anything the file holds."""
    shown = label or display_path(path)
    documents = documents or file_reader(FilePath(path))
    if text is None:
        try:
            with open(path, "rb") as file:
                text = file.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            return CheckedData(shown, None, None, (DataError(0, 0, (), f"cannot read the data file: {exc.strerror or exc}", shown),))
    data, problems, positions, text_paths = _read(text, shown, documents)
    if problems:
        return CheckedData(shown, data, None, tuple(problems))
    # Texts of languages derived from another (site.derive) are converted where staff have not written them.
    programme = build_programme(with_derived_texts(data, text_paths, derivations(data)))
    problem = rules_problem(programme)
    if problem:
        return CheckedData(shown, data, None, (_located(problem, positions, shown, data),))
    return CheckedData(shown, data, programme, ())


def load_checked(path: str | os.PathLike = DATA_PATH) -> tuple[dict, Programme]:
    """The checked data as plain values (for open data) and as the programme; ProgrammeDataError lists every problem."""
    checked = check(path)
    if checked.problems:
        raise ProgrammeDataError(list(checked.problems))
    return checked.data, checked.programme


def load_programme(path: str | os.PathLike = DATA_PATH) -> Programme:
    """Load and check the data file; raise ProgrammeDataError listing every problem."""
    return load_checked(path)[1]


def rules_source(path: str | None) -> RulesSource:
    """The rules of the data file at `path` (by default PROGRAMME_DATA's, or the project's); ValueError, saying every
    problem with its line and column, if the file has problems."""
    try:
        return RulesSource(load_programme(path or data_path_from_environment()))
    except ProgrammeDataError as error:
        raise ValueError(str(error)) from None


def _read(raw: bytes, shown: str, documents: DocumentReader) -> tuple[object, list[DataError], Positions, list]:
    text, errors = decode_source(raw, shown)
    if text is None:
        return None, errors, Positions(), []
    parsed = parse_yaml(text, shown)
    if parsed.value is None and parsed.errors:
        return None, parsed.errors, parsed.positions, []
    validator = _validator()
    errors = list(parsed.errors)
    schema_problems = validator.errors(parsed.value)  # first: it records where each kind of value is (paths_of)
    text_paths = validator.paths_of("text") + validator.paths_of("short_text")
    checks = [schema_problems]
    if isinstance(parsed.value, dict):  # quotes in their sources before the values in their quotes
        checks.append(source_problems(parsed.value, documents))
    checks += semantic_problems(parsed.value, validator.paths_of("date"))
    if isinstance(parsed.value, dict):
        checks.append(address_problems(parsed.value, validator.paths_of("url"),
                                       validator.paths_of("name") + validator.paths_of("short_text")))
    checks.append(missing_translations(parsed.value, text_paths))
    refused = set(parsed.refused_paths)
    reported: set = set()
    for check in checks:
        found = []
        for problem in check:
            if not problem.at_key and any(problem.path[:length] in refused for length in range(len(problem.path) + 1)):
                continue  # a value left out has had its say
            if problem.path in reported or any(path in reported for path in problem.follows):
                continue  # a field an earlier check found at fault: what a later one says follows from it
            found.append(problem.path)
            errors.append(_located(problem, parsed.positions, shown))
        reported.update(found)
    errors = [replace(error, location=format_path(error.path, parsed.value)) for error in errors]
    return parsed.value, sorted(errors, key=lambda error: (error.line, error.column, error.message)), parsed.positions, text_paths


def _located(problem: Problem, positions: Positions, shown: str, data: object = None) -> DataError:
    line, column = positions.of_key(problem.path) if problem.at_key else positions.of_value(problem.path)
    return DataError(line, column, problem.path, problem.message, shown, format_path(problem.path, data) if data else None)


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
