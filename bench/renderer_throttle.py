"""A slower CPU for Chromium's renderers, their workers included: pause and resume them on a duty cycle.

CDP's Emulation.setCPUThrottlingRate slows a page's main thread but not its dedicated workers, where Pyodide runs, so
it flatters the self-check. This stops every renderer process of one browser (SIGSTOP) and lets it run (SIGCONT) for
`run_ms` of every `period_ms`: 5 of 20 makes everything a renderer does, on any of its threads, about 4 times slower.
The browser, network and GPU processes keep their speed, as a phone's radio does while its CPU is busy.

It runs in a process of its own, so that the benchmark's Python (Playwright's event loop) cannot delay its switches:

    python bench/renderer_throttle.py BROWSER_PID [--run-ms 5] [--period-ms 20]

and resumes every renderer before it exits, on SIGTERM too. `RendererThrottle` starts and stops it.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

RUN_MS = 5
PERIOD_MS = 20


class Renderers:
    """The renderer processes of one browser, kept up to date cheaply: each look lists /proc and reads only the
    processes it has not seen, so that a page's new renderer is paused within one period.

    A process belongs to the browser if its parent does, whatever the order of their numbers: process ids wrap
    around (at 32768 on some machines), so a renderer may have a lower id than the zygote that forked it. A process
    that has gone is forgotten, so that a new one given its id is read afresh."""

    def __init__(self, browser_pid: int, proc: Path = Path("/proc")) -> None:
        self.browser_pid, self.proc = browser_pid, proc
        self.family = {browser_pid}  # the browser and every process below it (zygotes, renderers, utilities)
        self.parent: dict[int, int] = {}  # every process seen and still there, outside the family: its parent
        self.renderer: set[int] = set()  # of those, the renderers
        self.seen: set[int] = {browser_pid}
        self.pids: set[int] = set()

    def look(self) -> set[int]:
        present = {int(name) for name in os.listdir(self.proc) if name.isdigit()}
        for pid in self.seen - present:
            self.seen.discard(pid)
            self.family.discard(pid)
            self.pids.discard(pid)
            self.parent.pop(pid, None)
            self.renderer.discard(pid)
        for pid in present - self.seen:
            self.seen.add(pid)
            try:
                stat = (self.proc / str(pid) / "stat").read_text()
                cmdline = (self.proc / str(pid) / "cmdline").read_bytes()
            except OSError:
                continue
            self.parent[pid] = int(stat[stat.rindex(")") + 2:].split()[1])
            if b"--type=renderer" in cmdline:
                self.renderer.add(pid)
        joined = True
        while joined:  # until no process outside the family has a parent in it
            joined = [pid for pid, parent in self.parent.items() if parent in self.family]
            for pid in joined:
                del self.parent[pid]
                self.family.add(pid)
                if pid in self.renderer:
                    self.pids.add(pid)
        return self.pids

    def signal(self, signal_number: int) -> None:
        for pid in list(self.pids):
            try:
                os.kill(pid, signal_number)
            except ProcessLookupError:
                self.pids.discard(pid)


def duty_cycle(browser_pid: int, run_ms: float, period_ms: float) -> None:
    """Pause and resume the browser's renderers until SIGTERM, or until the browser has gone; a renderer that starts
    later (a new page's) is found within one period."""
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    renderers = Renderers(browser_pid)
    cycle_start = time.monotonic()
    try:
        while not stopping and os.path.exists(f"/proc/{browser_pid}"):
            renderers.signal(signal.SIGCONT)
            renderers.look()  # while they run; a new one runs until the pause below
            _sleep_until(cycle_start + run_ms / 1000)
            renderers.signal(signal.SIGSTOP)
            cycle_start += period_ms / 1000
            if cycle_start < time.monotonic():  # this process was itself held up: start the next period now
                cycle_start = time.monotonic()
            _sleep_until(cycle_start)
    finally:
        renderers.signal(signal.SIGCONT)


def _sleep_until(moment: float) -> None:
    delay = moment - time.monotonic()
    if delay > 0:
        time.sleep(delay)


def browser_pid(profile_dir: str) -> int:
    """The Chromium browser process started with this profile folder (Playwright does not say its pid)."""
    marker = f"--user-data-dir={profile_dir}".encode()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            arguments = Path(entry.path, "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if marker in arguments and not any(argument.startswith(b"--type=") for argument in arguments):
            return int(entry.name)
    raise LookupError(f"no Chromium browser process uses the profile {profile_dir}")


class RendererThrottle:
    """The duty cycle for one browser, as a context manager: `with RendererThrottle(pid): ...`."""

    def __init__(self, pid: int, run_ms: float = RUN_MS, period_ms: float = PERIOD_MS) -> None:
        self.arguments = [sys.executable, __file__, str(pid), "--run-ms", str(run_ms), "--period-ms", str(period_ms)]
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> RendererThrottle:
        self.process = subprocess.Popen(self.arguments)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.process.terminate()  # it resumes every renderer before it exits
        self.process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("browser_pid", type=int)
    parser.add_argument("--run-ms", type=float, default=RUN_MS)
    parser.add_argument("--period-ms", type=float, default=PERIOD_MS)
    arguments = parser.parse_args()
    duty_cycle(arguments.browser_pid, arguments.run_ms, arguments.period_ms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
