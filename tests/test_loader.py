"""The loader refuses bad edits with exact, located messages (cases in loader_cases.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from programme import ProgrammeDataError, check, load_programme
from fixture_data import FIXTURE_DATA
from sitebuild import write_data

CASES = yaml.safe_load((Path(__file__).parent / "loader_cases.yaml").read_text(encoding="utf-8"))
PLACEHOLDER = re.compile(r"\{(at|line):(.*?)\}(?=: |\)| |$)", re.DOTALL)


def expected_message(template: str, text: str) -> str:
    def position(match: re.Match) -> str:
        kind, needle = match.groups()
        offset = needle.find("»")
        needle = needle.replace("»", "")
        start = text.index(needle) + max(offset, 0)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return f"programme.yaml:{line}:{column}" if kind == "at" else str(line)

    return PLACEHOLDER.sub(position, template)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_edit_is_refused_with_exact_messages(case, tmp_path, monkeypatch):
    old, new = case["replace"]
    original = FIXTURE_DATA.read_text(encoding="utf-8")
    assert original.count(old) == 1, f"the case's text to replace must occur exactly once: {old!r}"
    edited = original.replace(old, new)
    write_data(tmp_path, edited)
    monkeypatch.chdir(tmp_path)

    errors = check("programme.yaml").problems

    assert [str(error) for error in errors] == [expected_message(message, edited) for message in case["errors"]]


def test_the_real_data_has_no_problems():
    assert check(FIXTURE_DATA).problems == ()


def test_load_programme_raises_one_error_listing_every_problem(tmp_path, monkeypatch):
    text = FIXTURE_DATA.read_text(encoding="utf-8").replace("value: 75", "value: many").replace("value: 400", "value: lots")
    write_data(tmp_path, text)
    monkeypatch.chdir(tmp_path)

    with pytest.raises(ProgrammeDataError) as raised:
        load_programme("programme.yaml")

    lines = str(raised.value).splitlines()
    assert lines[0] == "2 problems in the programme data:"
    assert [line.split(": ", 2)[1] for line in lines[1:]] == ["programme.figures[trainee-positions].value", "tracks[technology-for-good].positions.value"]


def test_an_unreadable_file_is_named_without_a_traceback(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    errors = check("missing.yaml").problems
    assert [str(error) for error in errors] == ["missing.yaml: cannot read the data file: No such file or directory"]


def test_an_empty_file_asks_for_the_whole_document(tmp_path, monkeypatch):
    write_data(tmp_path, "# nothing yet\n")
    monkeypatch.chdir(tmp_path)
    errors = check("programme.yaml").problems
    assert [str(error) for error in errors] == ["programme.yaml:1:1: the file: expected a mapping, found nothing"]


def test_unquoted_dates_and_yes_stay_text():
    from programme.data.yamlsource import parse_yaml

    parsed = parse_yaml("a: 2021-02-03\nb: yes\nc: true\nd: 12\ne: '12'\nf: null\n", "x.yaml")

    assert parsed.value == {"a": "2021-02-03", "b": "yes", "c": True, "d": 12, "e": "12", "f": None}


def test_a_file_saved_with_windows_line_endings_checks_and_errors_keep_their_lines(tmp_path):
    """An editor on Windows writes CR LF: one line break, as the editor numbers it."""
    text = FIXTURE_DATA.read_text(encoding="utf-8")
    assert check(write_data(tmp_path / "crlf", text.replace("\n", "\r\n"))).problems == ()
    broken = text.replace("      value: 75\n", "      value: lots\n")
    lf = check(write_data(tmp_path / "lf", broken)).problems
    crlf = check(write_data(tmp_path / "crlf-broken", broken.replace("\n", "\r\n"))).problems
    assert len(lf) == 1 and [(p.line, p.column, p.message) for p in crlf] == [(p.line, p.column, p.message) for p in lf]
