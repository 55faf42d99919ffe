"""`mkdocs serve` on a copy of a data file, for the tests and the benchmark of the staff's live preview."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from programme.paths import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate: Callable[[], bool], seconds: float = 60, every: float = 0.25) -> bool:
    """Whether `predicate` comes true within `seconds` (a refused connection counts as not yet)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(every)
    return False


@dataclass(frozen=True)
class Preview:
    data: Path  # the data file the preview reads: edit it as staff would
    url: str  # the preview's home page, http://127.0.0.1:PORT/
    log: Path  # what `mkdocs serve` printed

    def served(self, text: str, page: str = "", seconds: float = 120) -> bool:
        """Whether the preview serves `page` with `text` in it within `seconds` (the first build included)."""
        return wait_for(lambda: text in fetch(self.url + page), seconds)

    def edit(self, old: str, new: str) -> None:
        text = self.data.read_text(encoding="utf-8")
        assert old in text, old
        self.data.write_text(text.replace(old, new, 1), encoding="utf-8")


@contextmanager
def previewed(data: Path, log: Path) -> Iterator[Preview]:
    """`mkdocs serve` (what `make serve` runs) reading `data`, on a free port, stopped on leaving."""
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=PROJECT_ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PROGRAMME_DATA": str(data)},
            stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    try:
        yield Preview(data, f"http://127.0.0.1:{port}/", log)
    finally:
        server.terminate()
        server.wait(timeout=10)
