"""`python -m programme check`: the staff's check of the data, without building the site."""

from __future__ import annotations

import subprocess
import sys

from programme.paths import PROJECT_ROOT
from fixture_data import FIXTURE_DATA
from sitebuild import write_data


def run_check(*arguments: str, cwd=PROJECT_ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "programme", "check", *arguments], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_the_real_data_passes():
    completed = run_check()
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("data/programme.yaml: OK: 4 tracks, 3 roles, 4 criteria")


def test_a_broken_edit_fails_with_located_messages_and_no_traceback(tmp_path):
    text = FIXTURE_DATA.read_text(encoding="utf-8").replace("      value: 75\n", "      value: lots\n")
    write_data(tmp_path, text)

    completed = run_check("programme.yaml", cwd=tmp_path)

    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    line = text.splitlines().index("      value: lots") + 1
    assert completed.stderr.splitlines() == [
        "1 problem in the programme data:",
        f"programme.yaml:{line}:14: tracks[technology-for-good].positions.value: expected an integer, found string 'lots'",
    ]
