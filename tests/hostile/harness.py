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
CLI_MEMORY_BYTES = 256 * 1024 * 1024  # the command line's promise: under this for any answers it accepts
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


def limits(memory_bytes: int = MEMORY_BYTES):
    """What runs in the child before it starts: past these, the kernel stops it, and the test sees a signal (or the
    program a MemoryError, which the tests count as a failure: it would print a traceback)."""

    def limit_resources() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    return limit_resources


def run_limited(arguments: list[str], *, stdin: bytes = b"", cwd: Path, env: dict[str, str] | None = None,
                memory_bytes: int = MEMORY_BYTES) -> Run:
    """Run `python ARGUMENTS` in a subprocess under the limits; fails the test on a signal or a hang."""
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})}
    completed = subprocess.run(
        [sys.executable, *arguments], input=stdin, capture_output=True, cwd=cwd, env=environment,
        timeout=CPU_SECONDS * 3, preexec_fn=limits(memory_bytes),
    )
    assert completed.returncode >= 0, f"stopped by signal {-completed.returncode} (over {CPU_SECONDS} s of CPU or {memory_bytes >> 20} MB?)"
    return Run(completed.returncode, completed.stdout, completed.stderr)


def expand(text: str) -> str:
    """«TEXT×N» becomes TEXT written N times."""
    return _REPEAT.sub(lambda match: match.group(1) * int(match.group(2)), text)
