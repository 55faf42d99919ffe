"""Hostile edits to the data file (cases in data_cases.yaml) end in located errors, never a traceback or a hang."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from harness import MAX_OUTPUT_BYTES, expand, run_limited
from fixture_data import FIXTURE_DATA
from sitebuild import write_data


# PyYAML's own loader, not ours: the cases hold on purpose what ours refuses.
CASES = yaml.safe_load((Path(__file__).parent / "data_cases.yaml").read_text(encoding="utf-8"))
LOCATED = re.compile(r"programme\.yaml:\d+:\d+: \S.*: \S")
WHOLE_FILE = re.compile(r"programme\.yaml: \S")


def edited_file(case: dict, folder: Path) -> Path:
    old, new = case["replace"]
    original = FIXTURE_DATA.read_text(encoding="utf-8")
    assert original.count(old) == 1, f"the case's text to replace must occur exactly once: {old!r}"
    content = original.replace(old, expand(new)).encode("utf-8") + bytes.fromhex(case.get("append_hex", ""))
    path = write_data(folder, "")  # with the sources beside it
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_hostile_edit_is_refused_with_located_errors(case, tmp_path):
    edited_file(case, tmp_path)

    run = run_limited(["-m", "programme", "check", "programme.yaml"], cwd=tmp_path)

    assert run.returncode == 1, run.text
    assert "Traceback" not in run.text
    assert len(run.stdout) + len(run.stderr) < MAX_OUTPUT_BYTES
    heading, *lines = run.stderr.decode("utf-8").splitlines()
    assert re.fullmatch(r"[\d,]+ problems? in the programme data:", heading)
    if lines and re.fullmatch(r"… and [\d,]+ more; fix these first, then check again", lines[-1]):
        lines.pop()
    assert lines and all(LOCATED.match(line) or WHOLE_FILE.match(line) for line in lines), lines[:5]
    matching = [line for line in lines if case["expect"] in line]
    assert matching, f"no message says {case['expect']!r}:\n" + "\n".join(lines[:10])
    if "at" in case:
        assert any(f": {case['at']}: " in line for line in matching), matching[:3]


def test_every_message_is_one_printable_line(tmp_path):
    """Control characters in the data are written as escapes, so no message can start a line of its own."""
    case = next(case for case in CASES if "forged" in case["name"])
    edited_file(case, tmp_path)

    run = run_limited(["-m", "programme", "check", "programme.yaml"], cwd=tmp_path)

    text = run.stderr.decode("utf-8")
    assert "\x1b" not in text
    assert not any(line.startswith("::") for line in text.splitlines())


def test_on_github_actions_errors_are_also_annotations_with_escaped_data(tmp_path):
    case = next(case for case in CASES if "forged" in case["name"])
    edited_file(case, tmp_path)

    run = run_limited(["-m", "programme", "check", "programme.yaml"], cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})

    lines = run.stdout.decode("utf-8").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations, lines
    for annotation in annotations:
        assert re.fullmatch(r"::error file=programme\.yaml,line=\d+,col=\d+::[^\r\n]+", annotation), annotation
    assert not any("::error file=README.md" in line and not line.startswith("::error file=programme.yaml") for line in lines)


def problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if LOCATED.match(line) or WHOLE_FILE.match(line)]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_review_refuses_each_hostile_edit_with_the_checks_own_messages(case, tmp_path):
    """`make diff` (python -m programme diff) reads the data through the same loader as the build and the check: an
    edit the check refuses is refused by the review too, with the same located messages, and compares nothing."""
    edited_file(case, tmp_path)
    checked = run_limited(["-m", "programme", "check", "programme.yaml"], cwd=tmp_path)
    reviewed = run_limited(["-m", "programme", "diff", "--base-file", str(FIXTURE_DATA), "--head-file",
                            "programme.yaml"], cwd=tmp_path)

    assert (checked.returncode, reviewed.returncode) == (1, 1), reviewed.text
    assert "Traceback" not in reviewed.text
    report = reviewed.stdout.decode("utf-8")
    assert "so nothing was compared" in report
    assert problem_lines(report) == problem_lines(checked.stderr.decode("utf-8"))
