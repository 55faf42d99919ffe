"""Benchmark: how long `make test` takes, on a warm checkout and from a fresh clone, against issue #14's targets (at most
3 minutes warm and 6 minutes from a fresh clone, on a 2-core machine), and where the time goes, by group of tests.

- Warm: `make test` here, with .venv/, node_modules/ and .cache/ (the runtime bundle, the compressed files) as they
  are. If .cache/ has no runtime bundle, a first `make test` fills it, untimed.
- Fresh clone: `git clone` of this repository's HEAD (committed work only) into a temporary folder, then `make test`
  there: a new .venv/, node_modules/ and .cache/, with pip's and npm's download caches allowed (as CI keeps them).

Each run writes pytest's JUnit report; the split adds up each test's time (set-up, call and tear-down) by group. The
workers run side by side, so a group's figure is worker-seconds: the groups add up to about twice the wall time.
Judge the times only from a run on an otherwise idle machine: each timed run waits up to 5 minutes for the load to
settle, the load average is printed before and after, and a run that started on a busy machine says so.

    python bench/test_suite.py            # warm, then a fresh clone: about 10 minutes
    python bench/test_suite.py --warm     # warm only
    python bench/test_suite.py --fresh    # a fresh clone only
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
WARM_TARGET_S = 180
FRESH_TARGET_S = 360
# Groups of tests, by the start of their module's dotted name; the first that matches.
GROUPS = (
    ("browser (Chromium)", ("tests.browser.",)),
    ("runtime bundle", ("tests.test_selfcheck_bundle",)),
    ("engine (CPython, Pyodide in Node)", ("tests.test_selfcheck_",)),
    ("site build and built pages", ("tests.test_site_", "tests.test_injection", "tests.test_html_valid",
                                    "tests.test_compression", "tests.test_opendata", "tests.test_whitespace",
                                    "tests.test_serve", "tests.test_render_", "tests.test_calendar",
                                    "tests.test_publish", "tests.test_staticserver", "tests.test_catalogs")),
    ("data, its checks and diff", ("tests.test_loader", "tests.test_schema", "tests.test_check_command",
                                   "tests.test_sources", "tests.test_status", "tests.test_diff")),
    ("hostile edits and answers", ("tests.hostile.",)),
    ("workflows", ("tests.test_workflows",)),
)
# Where the figures are kept out of the timed runs' way.
ENVIRONMENT_LEFT_OUT = ("SITE_CACHE_DIR", "PYTEST_ADDOPTS")


def group_of(classname: str) -> str:
    return next((name for name, starts in GROUPS if classname.startswith(starts)), "other")


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def timed_make_test(folder: Path, report: Path) -> tuple[float, int]:
    """`make test` in `folder`, with pytest's JUnit report written to `report`: (seconds, exit code)."""
    environment = {name: value for name, value in os.environ.items() if name not in ENVIRONMENT_LEFT_OUT}
    environment["PYTEST_ADDOPTS"] = f"--junitxml={report}"
    started = time.monotonic()
    completed = subprocess.run(["make", "test"], cwd=folder, env=environment, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.monotonic() - started
    if completed.returncode != 0:
        print(completed.stdout[-4000:])
    return seconds, completed.returncode


def split(report: Path) -> None:
    """The JUnit report's tests by group, the slowest tests, and whether the xdist groups were kept."""
    suite = ElementTree.parse(report).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    seconds: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    tests = []
    for case in suite.iter("testcase"):
        group = group_of(case.get("classname", ""))
        seconds[group] += float(case.get("time", 0))
        counts[group] += 1
        tests.append((float(case.get("time", 0)), f"{case.get('classname')}::{case.get('name')}"))
    total = sum(seconds.values())
    print(f"  pytest: {float(suite.get('time')):.0f} s for {suite.get('tests')} tests "
          f"({suite.get('failures')} failed, {suite.get('errors')} errors); {total:.0f} worker-seconds:")
    for group, spent in seconds.most_common():
        print(f"    {group:38} {spent:6.1f} s  {spent / total:4.0%}  {counts[group]:4d} tests")
    print("  slowest (set-up included, such as a browser crawl or a site build):")
    for spent, name in sorted(tests, reverse=True)[:8]:
        print(f"    {spent:6.1f} s  {name[:140]}")
    if not any("@crawl-" in name for _, name in tests):
        print("  WARNING: no test ran in an xdist group (`@group` in its id): each worker may have made its own crawl")


def settle(most_seconds: int = 300) -> float:
    """Wait, up to `most_seconds`, for the one-minute load to fall to half the CPUs (a run before this one, ours
    included, keeps it up for a while); returns the load then."""
    waited = 0
    while os.getloadavg()[0] > (os.cpu_count() or 1) / 2 and waited < most_seconds:
        time.sleep(10)
        waited += 10
    if waited:
        print(f"(waited {waited} s for the machine to settle)")
    return os.getloadavg()[0]


def busy(one_minute: float) -> str:
    """A warning when the machine was busy as a run started (the run's own load shows at its end)."""
    cpus = os.cpu_count() or 1
    return f"  (busy before it started, load {one_minute:.1f} on {cpus} CPUs: time again when idle)" \
        if one_minute > cpus / 2 else ""


def verdict(seconds: float, target: int, returncode: int) -> str:
    if returncode != 0:
        return f"make test FAILED (exit {returncode})"
    return f"target {target // 60} min: {'met' if seconds <= target else 'MISSED'}"


def warm(work: Path) -> bool:
    if not list((PROJECT_ROOT / ".cache" / "selfcheck-bundle").glob("*/manifest.json")):
        print("No runtime bundle in .cache/: a first `make test`, untimed, to warm it.")
        timed_make_test(PROJECT_ROOT, work / "warm-up.xml")
    before = settle()
    print(f"Warm checkout ({PROJECT_ROOT}): make test   [load {load()}]")
    report = work / "warm.xml"
    seconds, returncode = timed_make_test(PROJECT_ROOT, report)
    print(f"  {seconds:.0f} s ({seconds / 60:.1f} min); {verdict(seconds, WARM_TARGET_S, returncode)}   [load {load()}]"
          + busy(before))
    if report.is_file():
        split(report)
    return returncode == 0 and seconds <= WARM_TARGET_S


def fresh(work: Path) -> bool:
    clone = work / "clone"
    subprocess.run(["git", "clone", "-q", str(PROJECT_ROOT), str(clone)], check=True)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True, text=True).stdout
    before = settle()
    print(f"Fresh clone of HEAD {head.strip()} (pip's and npm's download caches allowed): make test   [load {load()}]")
    report = work / "fresh.xml"
    seconds, returncode = timed_make_test(clone, report)
    print(f"  {seconds:.0f} s ({seconds / 60:.1f} min); {verdict(seconds, FRESH_TARGET_S, returncode)}   [load {load()}]"
          + busy(before))
    if report.is_file():
        split(report)
    return returncode == 0 and seconds <= FRESH_TARGET_S


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warm", action="store_true", help="only the warm checkout")
    parser.add_argument("--fresh", action="store_true", help="only the fresh clone")
    arguments = parser.parse_args()
    both = not (arguments.warm or arguments.fresh)
    print(f"make test, timed: {os.cpu_count()} CPUs, load average {load()} (1, 5, 15 min)")
    met = []
    with tempfile.TemporaryDirectory(prefix="test-suite-bench-") as folder:
        if both or arguments.warm:
            met.append(warm(Path(folder)))
        if both or arguments.fresh:
            met.append(fresh(Path(folder)))
    print("All targets met." if all(met) else "Some targets missed (see above).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
