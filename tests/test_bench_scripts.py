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
