"""Benchmark: what Python's start-up in the self-check's runtime costs, step by step, under Node.

Each start is timed by the main thread's CPU time (bench/startup/boot.mjs), which other processes on a busy machine do
not inflate as they do wall time; the work is the same as in the browser's worker. Variants, interleaved each round:
- as shipped: the trimmed standard library, the engine's wheel loaded by Pyodide's package loader (`packages`);
- without the package loader: the wheel unzipped into site-packages with zipfile, which Pyodide's start imports
  anyway; the loader's own imports (tarfile, importlib.metadata, email) are left out;
- with column ranges: the shipped modules compiled again as before issue #19 (bench/startup/compile.mjs).
What no public option leaves out is Pyodide's own start (finalizeBootstrap in pyodide.asm.mjs imports its `pyodide`
package, whose event loop imports asyncio, `pyodide.code`, and the package loader with shutil, tempfile and zipfile):
the engine's 207 modules are mostly those.

    python bench/selfcheck_startup.py            # 10 rounds; about 2 minutes
    python bench/selfcheck_startup.py --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import brotli

from programme.data.loader import PROJECT_ROOT
from programme.runtime.bundle import PYODIDE_DIR, runtime_bundle
from programme.runtime.trace import trace_cases

sys.path[:0] = [str(PROJECT_ROOT / "bench"), str(PROJECT_ROOT / "tests"), str(PROJECT_ROOT / "tests" / "browser")]
from selfcheck_boot import bootstrap_interval, median  # noqa: E402

BOOT = PROJECT_ROOT / "bench" / "startup" / "boot.mjs"
COMPILE = PROJECT_ROOT / "bench" / "startup" / "compile.mjs"
PHASES = ("runtime", "python", "import", "evaluate")


def node(*arguments: str) -> str:
    completed = subprocess.run(["node", *arguments], capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT)
    if completed.returncode != 0:
        raise SystemExit(f"node {' '.join(arguments)} failed:\n{completed.stderr[-2000:]}")
    return completed.stdout


def run(rounds: int) -> int:
    if shutil.which("node") is None:
        raise SystemExit("this benchmark runs Pyodide under Node.js: install Node 20")
    started = time.perf_counter()
    load_before = os.getloadavg()
    bundle = runtime_bundle()
    shipped = bundle.folder / bundle.stdlib
    with tempfile.TemporaryDirectory(prefix="selfcheck-startup-") as folder:
        with_ranges = Path(folder) / "python_stdlib_with_ranges.zip"
        node(str(COMPILE), str(PYODIDE_DIR), str(shipped), str(with_ranges))
        base = {"pyodide": str(PYODIDE_DIR), "lock": str(bundle.folder / bundle.lock),
                "wheel": str(bundle.folder / bundle.wheel), "package": bundle.package, "rules": trace_cases()[0]["rules"]}
        variants = {
            "as shipped": {**base, "stdlib": str(shipped), "install": "loader"},
            "without the package loader": {**base, "stdlib": str(shipped), "install": "unzip"},
            "with column ranges (before #19)": {**base, "stdlib": str(with_ranges), "install": "loader"},
        }
        results: dict[str, list[dict]] = {name: [] for name in variants}
        for round_number in range(rounds):
            names = list(variants)
            for name in names[round_number % len(names):] + names[:round_number % len(names)]:
                request = Path(folder) / "request.json"
                request.write_text(json.dumps(variants[name]), encoding="utf-8")
                results[name].append(json.loads(node(str(BOOT), str(request))))
        sizes = {path.name: (path.stat().st_size, len(brotli.compress(path.read_bytes(), quality=11)))
                 for path in (shipped, with_ranges)}

    print(f"Python start-up benchmark: Pyodide under Node {node('--version').strip()}, {os.cpu_count()} CPUs, "
          f"{rounds} rounds; load average (1 min) {load_before[0]:.2f} before")
    print("Main-thread CPU ms, median of the rounds: runtime (JavaScript glue and WebAssembly instantiated), Python "
          "(interpreter and Pyodide's start, the engine installed), import selfcheck, one evaluation")
    print(f"  {'':<34}" + "".join(f"{phase:>10}" for phase in PHASES) + f"{'total':>10}{'wall':>9}{'modules':>9}"
          "   total against shipped [90% interval]")
    reference = [sum(result[phase] for phase in PHASES) for result in results["as shipped"]]
    for name, runs in results.items():
        totals = [sum(result[phase] for phase in PHASES) for result in runs]
        low, high = bootstrap_interval(totals, reference)
        print(f"  {name:<34}" + "".join(f"{median([r[phase] for r in runs]):>10.0f}" for phase in PHASES)
              + f"{median(totals):>10.0f}{median([r['wall'] for r in runs]):>9.0f}{runs[0]['modules']:>9}"
              + f"   {median(totals) / median(reference):.3f} [{low:.3f}-{high:.3f}]")
    for name, (raw, compressed) in sizes.items():
        label = "shipped" if name == shipped.name else "with column ranges"
        print(f"  standard library zip, {label}: {raw:,} bytes, {compressed:,} with Brotli")
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    return run(parser.parse_args().rounds)


if __name__ == "__main__":
    sys.exit(main())
