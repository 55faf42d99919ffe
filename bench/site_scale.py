"""Benchmark: every role in one track, from 125 to 2,000 roles (the schema's limit), the case where each role's page
once listed all its siblings and the build grew with the square of the roles.

Each size is one English-only programme whose roles all cite the same source; it is built by `mkdocs build` in a
process of its own, and the benchmark prints the build's CPU time (the process and its children) and the HTML it
wrote, then the ratios: 2,000 roles against 200, and the exponent k of a least-squares fit of each to roles^k.

    python bench/site_scale.py            # 125, 200, 250, 500, 1,000 and 2,000 roles: about four minutes here
    python bench/site_scale.py --quick    # 125, 200 and 400 roles

Targets (issue 15): 2,000 roles build in at most 10x the CPU time of 200, and the HTML grows linearly (k <= 1.1).
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import synthetic  # noqa: E402

from programme.paths import PROJECT_ROOT  # noqa: E402

FULL = (125, 200, 250, 500, 1000, 2000)
QUICK = (125, 200, 400)
TIME_RATIO_TARGET = 10.0
HTML_EXPONENT_LIMIT = 1.1


def one_track(roles: int, run: str) -> dict:
    """`roles` roles in one track, named for this run: each run's search index is new to the compression cache, so
    every size pays for compressing it, whatever earlier runs left in .cache/."""
    data = synthetic.synthetic_programme(synthetic.english_only(synthetic.real_data()), 1, roles)
    data["tracks"][0]["name"] = f"Track of run {run}"
    first_source = data["sources"][0]["id"]
    data["sources"] = [source for source in data["sources"] if not source["id"].startswith("source-track-")]
    for role in data["roles"]:
        role["ref"] = {**role["ref"], "source": first_source}
    return data


def build(data_path: Path, site_dir: Path) -> tuple[float, float, int, int]:
    """(CPU seconds, wall seconds, HTML bytes, HTML pages) of one `mkdocs build` of the data."""
    env = {**os.environ, "PROGRAMME_DATA": str(data_path), "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                   cwd=PROJECT_ROOT, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    pages = list(site_dir.rglob("*.html"))
    return cpu, wall, sum(page.stat().st_size for page in pages), len(pages)


def exponent(points: list[tuple[int, float]]) -> float:
    """k in y = c x^k, by least squares on the logarithms."""
    xs, ys = [math.log(x) for x, _ in points], [math.log(y) for _, y in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="125, 200 and 400 roles only")
    sizes = QUICK if parser.parse_args().quick else FULL
    results: dict[int, tuple[float, float, int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="site-scale-") as folder:
        work = Path(folder)
        # One build first, not counted: it fills the runtime bundle's and the compressed files' caches (.cache/).
        run = secrets.token_hex(4)
        warm = synthetic.write_data(work, one_track(sizes[0], "warm-up"), "warm.yaml")
        build(warm, work / "warm-site")
        print(f"{'roles in one track':>18} {'build CPU s':>12} {'wall s':>8} {'HTML MB':>9} {'pages':>6} {'HTML KB/page':>13}")
        for roles in sizes:
            data = synthetic.write_data(work, one_track(roles, run), f"programme-{roles}.yaml")
            cpu, wall, html, pages = results[roles] = build(data, work / f"site-{roles}")
            print(f"{roles:>18,} {cpu:>12.1f} {wall:>8.1f} {html / 1e6:>9.1f} {pages:>6} {html / pages / 1e3:>13.1f}", flush=True)
    largest, base = max(sizes), 200
    ratio = results[largest][0] / results[base][0]
    time_k = exponent([(roles, result[0]) for roles, result in results.items()])
    html_k = exponent([(roles, result[2]) for roles, result in results.items()])
    print(f"\nbuild CPU, {largest:,} roles against {base}: {ratio:.2f}x (fit: CPU ~ roles^{time_k:.2f})")
    print(f"HTML written ~ roles^{html_k:.2f}")
    if largest == 2000:
        print(f"Target: 2,000 roles in at most {TIME_RATIO_TARGET:g}x the CPU of 200: "
              f"{'MET' if ratio <= TIME_RATIO_TARGET else 'NOT MET'} ({ratio:.2f}x)")
    print(f"Target: HTML linear in roles (k <= {HTML_EXPONENT_LIMIT}): {'MET' if html_k <= HTML_EXPONENT_LIMIT else 'NOT MET'} (k = {html_k:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
