"""Benchmark: Lighthouse (npm lighthouse, pinned) on six pages, with its mobile and desktop presets.

The site is built once into a temporary folder and served on 127.0.0.1 with production's headers. Lighthouse drives
Debian's Chromium (CHROME_PATH), headless, with the same flags as the tests. For home, a track page, eligibility and
the self-check, under each preset, it prints the four category scores, Cumulative Layout Shift and Largest
Contentful Paint, and whether each target is met:

- accessibility, best practices and SEO: 100;
- CLS: at most 0.02;
- performance: at least 95 on desktop, and on mobile for home and the self-check (issue #10). (The self-check's
  runtime, measured by bench/selfcheck_boot.py, is not part of the score: it loads in a worker after the page.)

The Chinese edition's home and self-check are audited too, against the same targets.

    python bench/lighthouse.py            # every page, both presets, 1 run each; about 3 minutes on 2 cores
    python bench/lighthouse.py --runs 3   # the median of 3 runs of each
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from programme.data.loader import PROJECT_ROOT

sys.path[:0] = [str(PROJECT_ROOT / "tests"), str(PROJECT_ROOT / "tests" / "browser")]
from chromium import CHROMIUM_ARGS, chromium_executable  # noqa: E402
from sitebuild import build_site  # noqa: E402
from staticserver import serve  # noqa: E402

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "track": "tracks/technology-for-good/", "eligibility": "eligibility/", "self-check": "self-check/",
         "home zh": "zh-hant/", "self-check zh": "zh-hant/self-check/"}
MOBILE_PERFORMANCE_PAGES = ("home", "self-check", "home zh", "self-check zh")
PRESETS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FULL_MARKS = ("accessibility", "best-practices", "seo")
CLS_TARGET = 0.02
PERFORMANCE_TARGET = 95


@dataclass(frozen=True)
class Audit:
    scores: dict[str, int]   # category: 0-100
    cls: float
    lcp_ms: float


def lighthouse(url: str, preset: str, output: Path) -> Audit:
    """One Lighthouse run of `url` under `preset`; its report is kept in `output`."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": chromium_executable()}
    completed = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} ({preset}):\n{completed.stderr[-2000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse could not audit {url} ({preset}): {report['runtimeError']}")
    audits = report["audits"]
    return Audit(
        scores={name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        cls=audits["cumulative-layout-shift"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
    )


def median_audit(audits: list[Audit]) -> Audit:
    return Audit(
        scores={name: round(statistics.median(audit.scores[name] for audit in audits)) for name in CATEGORIES},
        cls=statistics.median(audit.cls for audit in audits),
        lcp_ms=statistics.median(audit.lcp_ms for audit in audits),
    )


def misses(audit: Audit, preset: str, page: str) -> list[str]:
    """The targets this audit misses, in words."""
    missed = [f"{name} {audit.scores[name]} < 100" for name in FULL_MARKS if audit.scores[name] < 100]
    if audit.cls > CLS_TARGET:
        missed.append(f"CLS {audit.cls:.3f} > {CLS_TARGET}")
    held = preset == "desktop" or page in MOBILE_PERFORMANCE_PAGES
    if held and audit.scores["performance"] < PERFORMANCE_TARGET:
        missed.append(f"performance {audit.scores['performance']} < {PERFORMANCE_TARGET}")
    return missed


def run(runs: int) -> int:
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE.relative_to(PROJECT_ROOT)} is missing: run `npm ci` (or `make setup`)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        build = build_site(Path(folder) / "site")
        if build.returncode != 0:
            print(build.output, file=sys.stderr)
            return 1
        print(f"Lighthouse {lighthouse_version()}, Chromium at {chromium_executable()}, {runs} run(s) each, median shown")
        header = f"{'page':<14} {'preset':<8} " + " ".join(f"{name[:13]:>13}" for name in CATEGORIES)
        print(header + f" {'CLS':>7} {'LCP ms':>7}  targets")
        all_met = True
        with serve(build.site_dir) as base_url:
            for preset in PRESETS:
                for page, address in PAGES.items():
                    audits = [lighthouse(base_url + address, preset, Path(folder) / f"{page}-{preset}-{index}.json")
                              for index in range(runs)]
                    audit = median_audit(audits)
                    missed = misses(audit, preset, page)
                    all_met &= not missed
                    print(f"{page:<14} {preset:<8} " + " ".join(f"{audit.scores[name]:>13}" for name in CATEGORIES)
                          + f" {audit.cls:>7.3f} {audit.lcp_ms:>7.0f}  " + ("met" if not missed else "; ".join(missed)))
        print("All targets met." if all_met else "Some targets missed (see above).")
    return 0


def lighthouse_version() -> str:
    return json.loads((PROJECT_ROOT / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))["version"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each page and preset (the median is shown)")
    return run(parser.parse_args().runs)


if __name__ == "__main__":
    sys.exit(main())
