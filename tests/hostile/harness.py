"""Running a command on hostile input the way CI would meet it: in a subprocess, with a time and a memory limit."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
CPU_SECONDS = 10
MEMORY_BYTES = 512 * 1024 * 1024
MAX_OUTPUT_BYTES = 64 * 1024
_REPEAT = re.compile(r"«(.*?)×(\d+)»", re.DOTALL)


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def text(self) -> str:
        return (self.stdout + self.stderr).decode("utf-8", errors="replace")


def limit_resources() -> None:
    """Runs in the child before it starts: past these, the kernel stops it, and the test sees a signal."""
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_limited(arguments: list[str], *, stdin: bytes = b"", cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `python ARGUMENTS` in a subprocess under the limits; fails the test on a signal or a hang."""
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})}
    completed = subprocess.run(
        [sys.executable, *arguments], input=stdin, capture_output=True, cwd=cwd, env=environment,
        timeout=CPU_SECONDS * 3, preexec_fn=limit_resources,
    )
    assert completed.returncode >= 0, f"stopped by signal {-completed.returncode} (over {CPU_SECONDS} s of CPU or {MEMORY_BYTES >> 20} MB?)"
    return Run(completed.returncode, completed.stdout, completed.stderr)


def expand(text: str) -> str:
    """«TEXT×N» becomes TEXT written N times."""
    return _REPEAT.sub(lambda match: match.group(1) * int(match.group(2)), text)
