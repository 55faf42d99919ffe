"""Benchmark: the self-check of this checkout against the one of an earlier revision, in the same run: what a first
visit of /self-check/ downloads, and how soon it is ready. Issue #16 asks that making criteria typed data costs the
visitor nothing: both within 5% of the revision before it.

The earlier revision (by default the parent of the first commit of criteria as data, 89204fe^) is exported with
`git archive` into a temporary folder and built there by its own code (its hooks, templates and runtime bundle),
with this checkout's Python packages, node_modules and .venv-pyodide; this checkout is built as it is. Both sites are served with
production's headers and their compressed files, and visited alternately, each visit in a fresh Chromium profile
(cold caches), from navigation to the status saying ready. Transfer is the body bytes Chromium received for every
request of one first visit until ready (it accepts brotli).

    python bench/selfcheck_versions.py                  # 8 first visits of each; about 4 minutes
    python bench/selfcheck_versions.py --base REV --visits 12
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from programme.data.loader import PROJECT_ROOT

sys.path[:0] = [str(PROJECT_ROOT / "bench"), str(PROJECT_ROOT / "tests"), str(PROJECT_ROOT / "tests" / "browser")]
from selfcheck_boot import bootstrap_interval, chromium_version, fresh_profile, median, open_page, spread  # noqa: E402
from selfcheck_page import URL as SELF_CHECK_URL  # noqa: E402
from sitebuild import build_site  # noqa: E402
from staticserver import serve  # noqa: E402

BASE = "89204fe^"
TOLERANCE = 0.05


def export(revision: str, folder: Path) -> Path:
    """The tree of `revision`, as committed, in `folder`, with this checkout's node_modules beside it."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=PROJECT_ROOT, capture_output=True,
                             check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    for tools in ("node_modules", ".venv-pyodide"):  # the pinned npm packages and the `pyodide lockfile` tool
        (folder / tools).symlink_to(PROJECT_ROOT / tools)
    return folder


def build_revision(tree: Path, site_dir: Path) -> Path:
    """`mkdocs build` of an exported tree by its own code: its folder first on the import path."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
    environment.pop("PROGRAMME_DATA", None)
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)], cwd=tree,
                               env=environment, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"the earlier revision did not build:\n{completed.stdout[-2000:]}{completed.stderr[-3000:]}")
    return site_dir


def first_visit(playwright, url: str) -> tuple[float, int]:
    """Navigation to ready in a fresh profile, and the body bytes received until then."""
    with fresh_profile(playwright) as context:
        finished = []
        context.on("requestfinished", lambda request: finished.append(request))
        page, boot = open_page(context, url)
        page.wait_for_load_state("networkidle")
        return boot.ready, sum(request.sizes()["responseBodySize"] for request in finished)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=BASE, help=f"the earlier revision (default {BASE})")
    parser.add_argument("--visits", type=int, default=8, help="first visits of each site (default 8)")
    arguments = parser.parse_args()
    names = (f"before ({arguments.base})", "this checkout")
    ready: dict[str, list[float]] = {name: [] for name in names}
    received: dict[str, list[int]] = {name: [] for name in names}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="selfcheck-versions-") as folder:
        folder = Path(folder)
        before = build_revision(export(arguments.base, folder / "before"), folder / "before-site")
        built = build_site(folder / "site")
        if built.returncode != 0:
            raise SystemExit(f"this checkout did not build:\n{built.output[-3000:]}")
        with serve(before) as before_url, serve(built.site_dir) as url, sync_playwright() as playwright:
            urls = dict(zip(names, (before_url + SELF_CHECK_URL, url + SELF_CHECK_URL)))
            for visit in range(arguments.visits):
                for name in names if visit % 2 == 0 else reversed(names):
                    seconds, size = first_visit(playwright, urls[name])
                    ready[name].append(seconds)
                    received[name].append(size)
                print(f"visit {visit + 1}/{arguments.visits} of each done", file=sys.stderr)
            version = chromium_version(playwright)
    print(f"Self-check, {names[1]} against {names[0]}: headless Chromium {version}, {os.cpu_count()} CPUs, load "
          f"average {load_before[0]:.2f} before and {os.getloadavg()[0]:.2f} after; {arguments.visits} cold first "
          "visits of each, alternating")
    for name in names:
        print(f"  {name:<32} ready {spread(ready[name]):>26} ms   received {median(received[name]):>12,.0f} bytes")
    ratio = median(ready[names[1]]) / median(ready[names[0]])
    low, high = bootstrap_interval(ready[names[1]], ready[names[0]])
    transfer = median(received[names[1]]) / median(received[names[0]])
    print(f"ready, ratio of medians: {ratio:.3f} [90% interval {low:.3f}-{high:.3f}] "
          f"(target at most {1 + TOLERANCE:.2f}: {'met' if ratio <= 1 + TOLERANCE else 'NOT met'})")
    print(f"transfer, ratio of medians: {transfer:.3f} "
          f"(target at most {1 + TOLERANCE:.2f}: {'met' if transfer <= 1 + TOLERANCE else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
