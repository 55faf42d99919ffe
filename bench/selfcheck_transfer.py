"""Benchmark: what a first visit of /self-check/ downloads, and how soon it is ready through a throttled link.

The site is built and served as bench/selfcheck_boot.py does (production's headers, the build's .br/.gz files), with
the stock bare page beside it (Pyodide's own standard library and lock file, the same runtime).

1. Transfer: each page is opened in a fresh Chromium profile and every request it and its worker make is recorded.
   Per file: raw bytes; gzip and brotli bytes (the build's .gz / .br sibling, or the raw file where the build wrote
   none, as the server then sends it); and the body bytes Chromium received (it accepts brotli).
2. Throttled link: first visits through Chromium's network emulation (CDP Network.emulateNetworkConditions, which
   also throttles the page's workers): 10 Mbps down, 10 Mbps up, 40 ms latency. The self-check and the stock page
   alternate, each in a fresh profile; time from navigation to ready.

    python bench/selfcheck_transfer.py           # 5 throttled first visits of each page; about 4 minutes
    python bench/selfcheck_transfer.py --quick   # 2 of each
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Playwright, sync_playwright

from programme.data.loader import PROJECT_ROOT

sys.path[:0] = [str(PROJECT_ROOT / "bench"), str(PROJECT_ROOT / "tests"), str(PROJECT_ROOT / "tests" / "browser")]
from selfcheck_boot import (  # noqa: E402
    BARE_URL,
    bootstrap_interval,
    chromium_version,
    fresh_profile,
    median,
    open_page,
    prepare_site,
    spread,
)
from selfcheck_page import URL as SELF_CHECK_URL  # noqa: E402
from staticserver import serve  # noqa: E402

GZIP_TARGET_MB = 5
BROTLI_TARGET_MB = 4
MB = 1_000_000
# The link of the measurement: "a link capped at 10 Mbps with 40 ms latency".
LINK = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 10e6 / 8}
BEFORE_MS = 16_800  # the figure for the self-check through this link, before the runtime bundle
PAGES = {"self-check": SELF_CHECK_URL, "stock Pyodide (bare page)": BARE_URL}


@dataclass(frozen=True)
class Transfer:
    path: str
    raw: int
    gzip: int
    brotli: int
    received: int


def sent_size(file: Path, suffix: str) -> int:
    sibling = file.with_name(file.name + suffix)
    return sibling.stat().st_size if sibling.is_file() else file.stat().st_size


def measure_transfer(playwright: Playwright, base_url: str, site_dir: Path, address: str) -> list[Transfer]:
    """Every file a first visit of `address` fetches, until the runtime is ready."""
    with fresh_profile(playwright) as context:
        finished = []
        context.on("requestfinished", lambda request: finished.append(request))
        page, _ = open_page(context, base_url + address)
        page.wait_for_load_state("networkidle")
        transfers = []
        for request in finished:
            path = unquote(urlsplit(request.url).path)
            file = site_dir / path.lstrip("/")
            file = file / "index.html" if file.is_dir() else file
            transfers.append(Transfer(path, file.stat().st_size, sent_size(file, ".gz"), sent_size(file, ".br"),
                                      request.sizes()["responseBodySize"]))
        return sorted(transfers, key=lambda transfer: -transfer.raw)


def print_transfer(name: str, transfers: list[Transfer]) -> tuple[int, int, int]:
    print(f"{name}: {len(transfers)} requests")
    print(f"  {'file':<64} {'raw':>11} {'gzip':>11} {'brotli':>11} {'received':>11}")
    for transfer in transfers:
        print(f"  {transfer.path[-64:]:<64} {transfer.raw:>11,} {transfer.gzip:>11,} {transfer.brotli:>11,} "
              f"{transfer.received:>11,}")
    totals = tuple(sum(getattr(transfer, key) for transfer in transfers) for key in ("raw", "gzip", "brotli"))
    received = sum(transfer.received for transfer in transfers)
    print(f"  {'total':<64} {totals[0]:>11,} {totals[1]:>11,} {totals[2]:>11,} {received:>11,}")
    print(f"  {'total, MB':<64} {totals[0] / MB:>11.2f} {totals[1] / MB:>11.2f} {totals[2] / MB:>11.2f} "
          f"{received / MB:>11.2f}")
    return totals


def throttled_first_visit(playwright: Playwright, url: str) -> tuple[float, float]:
    """Navigation to ready through the emulated link, and the WebAssembly's download rate (shows workers are throttled)."""
    with fresh_profile(playwright) as context:
        finished = []
        context.on("requestfinished", lambda request: finished.append(request))
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", LINK)
        page.goto(url, wait_until="commit")
        if page.evaluate("() => window.__benchSettled") != "ready":
            raise SystemExit(f"{url}: the runtime did not start through the throttled link")
        ready = page.evaluate("() => window.__bench.status.ready")
        for _ in range(100):  # Playwright reports a finished request a little after the page sees its response
            wasm = next((request for request in finished if request.url.endswith(".wasm")), None)
            if wasm:
                break
            page.wait_for_timeout(50)
        else:
            raise SystemExit(f"{url}: no WebAssembly request was seen")
        timing = wasm.timing
        seconds = (timing["responseEnd"] - timing["requestStart"]) / 1000
        return ready, wasm.sizes()["responseBodySize"] * 8 / seconds / 1e6


def run(quick: bool) -> int:
    repeats = 2 if quick else 5
    started = time.perf_counter()
    load_before = os.getloadavg()
    throttled: dict[str, list[float]] = {name: [] for name in PAGES}
    wasm_rates: list[float] = []
    with tempfile.TemporaryDirectory(prefix="selfcheck-transfer-") as folder:
        site_dir = prepare_site(Path(folder))
        with serve(site_dir) as base_url, sync_playwright() as playwright:
            transfers = {name: measure_transfer(playwright, base_url, site_dir, address)
                         for name, address in PAGES.items()}
            for round_number in range(repeats):
                order = list(PAGES) if round_number % 2 == 0 else list(reversed(PAGES))
                for name in order:
                    ready, rate = throttled_first_visit(playwright, base_url + PAGES[name])
                    throttled[name].append(ready)
                    wasm_rates.append(rate)
                print(f"throttled round {round_number + 1}/{repeats} done ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr)
            version = chromium_version(playwright)

    print(f"Self-check transfer benchmark: headless Chromium {version}, {os.cpu_count()} CPUs, load average "
          f"{load_before[0]:.2f} before; {'quick run' if quick else 'full run'}")
    print()
    print("1. A first visit, until the runtime is ready: bytes per file (gzip/brotli: what the server sends a browser "
          "that accepts only that encoding; received: what Chromium got)")
    totals = {name: print_transfer(name, transfers[name]) for name in PAGES}
    print()
    print(f"2. First visit through an emulated link of {LINK['downloadThroughput'] * 8 / 1e6:.0f} Mbps and "
          f"{LINK['latency']} ms latency: navigation to ready, ms, median [min-max] of {repeats} runs each")
    for name in PAGES:
        print(f"  {name:<40} {spread(throttled[name]):>24}")
    ratio = median(throttled["self-check"]) / median(throttled["stock Pyodide (bare page)"])
    low, high = bootstrap_interval(throttled["self-check"], throttled["stock Pyodide (bare page)"])
    print(f"  ratio self-check / stock, of medians: {ratio:.3f} [90% interval {low:.3f}-{high:.3f}]; "
          f"before the runtime bundle the self-check took {BEFORE_MS / 1000:.1f} s here (issue #10)")
    print(f"  the WebAssembly arrived at {median(wasm_rates):.1f} Mbps (median): the emulated link throttles the "
          "worker's requests too")
    raw, gzip, brotli = totals["self-check"]
    print()
    print(f"Target: cold transfer of /self-check/ at most {GZIP_TARGET_MB} MB with gzip: "
          f"{'MET' if gzip <= GZIP_TARGET_MB * MB else 'NOT MET'} ({gzip / MB:.2f} MB; raw {raw / MB:.2f} MB)")
    print(f"Target: cold transfer of /self-check/ at most {BROTLI_TARGET_MB} MB with brotli: "
          f"{'MET' if brotli <= BROTLI_TARGET_MB * MB else 'NOT MET'} ({brotli / MB:.2f} MB)")
    print(f"Figure: ready through 10 Mbps / 40 ms in {median(throttled['self-check']) / 1000:.1f} s "
          f"(stock Pyodide {median(throttled['stock Pyodide (bare page)']) / 1000:.1f} s; before: "
          f"{BEFORE_MS / 1000:.1f} s)")
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 throttled first visits of each page instead of 5")
    return run(parser.parse_args().quick)


if __name__ == "__main__":
    sys.exit(main())
