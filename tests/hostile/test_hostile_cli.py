"""Hostile answers for `python -m selfcheck` (cases in cli_cases.yaml): an exit code, an answer, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from harness import CLI_MEMORY_BYTES, MAX_OUTPUT_BYTES, expand, run_limited

CASES = yaml.safe_load((Path(__file__).parent / "cli_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_hostile_answers_end_in_an_exit_code_and_a_message(case, tmp_path):
    stdin = bytes.fromhex(case["stdin_hex"]) if "stdin_hex" in case else expand(case.get("stdin", "")).encode("utf-8", "surrogatepass")

    run = run_limited(["-m", "selfcheck", *case.get("arguments", [])], stdin=stdin, cwd=tmp_path, env=case.get("environment"),
                      memory_bytes=CLI_MEMORY_BYTES)

    assert "Traceback" not in run.text, run.text[-2000:]
    assert run.returncode == case["exit"], run.text[-2000:]
    assert len(run.stdout) + len(run.stderr) < MAX_OUTPUT_BYTES
    assert case["expect"] in run.text, run.text[-2000:]


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """`python -m selfcheck | head -1`: the pipe closes before the result is printed."""
    import subprocess
    import sys

    from harness import PROJECT_ROOT

    command = f"{sys.executable} -m selfcheck --text | head -c 1"
    completed = subprocess.run(["sh", "-c", command], input=b'{"application_date": "2020-12-20"}', capture_output=True,
                               cwd=tmp_path, env={"PYTHONPATH": str(PROJECT_ROOT)}, timeout=60)
    assert b"Traceback" not in completed.stderr and b"BrokenPipe" not in completed.stderr, completed.stderr
