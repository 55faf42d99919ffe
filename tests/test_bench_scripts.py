"""The benchmarks still start: each script in bench/ imports what it needs from the project and answers --help, so a
change that renames something they use fails here, not months later in `make bench`. (Their figures are never
checked in tests: bench/ prints them.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from programme.paths import PROJECT_ROOT

SCRIPTS = sorted(path for path in (PROJECT_ROOT / "bench").glob("*.py") if "__main__" in path.read_text(encoding="utf-8"))


def test_there_are_benchmarks():
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_the_benchmark_starts(script):
    completed = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120,
                               cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "usage:" in completed.stdout


def test_the_timeline_marks_every_step_of_the_worker(tmp_path):
    """bench/selfcheck_timeline.py marks the worker's steps by its text: a change to the worker that moves one is
    reported here, not by a timeline that silently lacks it."""
    sys.path.insert(0, str(PROJECT_ROOT / "bench"))
    from selfcheck_timeline import STEPS, mark_worker

    worker = tmp_path / "assets" / "selfcheck" / "worker.js"
    worker.parent.mkdir(parents=True)
    worker.write_text((PROJECT_ROOT / "docs" / "assets" / "selfcheck" / "worker.js").read_text(encoding="utf-8"))

    assert mark_worker(tmp_path) == []
    marked = worker.read_text(encoding="utf-8")
    assert all(f'timelineMark("{step}")' in marked for _, step in STEPS)
