"""Benchmark: the self-check ready on arrival, against the floor of any Pyodide page, on a phone-like visit.

The phone-like profile has two parts, applied to every page alike:
- the link: 10 Mbps shared by every response and 40 ms before each response starts, emulated by the server
  (tests/staticserver.py's Link), so that it holds for prefetches, workers and every page of a visit alike;
- the CPU: every renderer process of the browser paused and resumed on a duty cycle, 5 ms of every 20
  (bench/renderer_throttle.py), which reaches the worker where Pyodide runs. CDP's CPU throttling does not: the CPU
  check below times the same work on a page's main thread and in its worker under both, and prints the slowdowns.

Each round, in a rotating order, each in a fresh Chromium profile (empty caches):
- floor: a page whose worker only downloads and compiles Pyodide's WebAssembly (bench/floor/);
- stock Pyodide: a page that boots stock Pyodide, its own standard library and lock file (bench/bare/);
- direct visit: /self-check/ opened directly, first visit;
- from eligibility: /eligibility/ opened first, the reader reads for 5 s, rests the pointer on the page's link to the
  self-check for 300 ms, then clicks it; ready counted from the self-check page's navigation start;
- home without intent: the home page left open for 5 s without interaction: every byte the server sent, and whether
  any of the runtime's files was among them.
Each figure is printed with its ratio to the floor measured in the same run (the ratio of medians, with a 90% bootstrap
interval over rounds).

    python bench/selfcheck_arrival.py            # 5 rounds; about 5 minutes on 2 cores
    python bench/selfcheck_arrival.py --quick    # 2 rounds
    python bench/selfcheck_arrival.py --steps    # also: the direct visit without its early request for the
                                                 # WebAssembly, with that request made from the head (before the
                                                 # first paint), and with the worker's other requests held until the
                                                 # WebAssembly is in; from eligibility, with an idle worker boot
                                                 # there, and without the self-check page's early request
    python bench/selfcheck_arrival.py --steps --only eligibility   # those visits alone, with the floor

Each step is taken out in a copy of the built site (hard links but for the one script it edits) served by a server
of its own, not through Playwright's routing, which turns the browser's HTTP cache off.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import string
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Playwright, sync_playwright

from programme.data.loader import PROJECT_ROOT
from programme.hosting.compression import write_compressed_siblings

sys.path[:0] = [str(PROJECT_ROOT / "bench"), str(PROJECT_ROOT / "tests"), str(PROJECT_ROOT / "tests" / "browser")]
from renderer_throttle import PERIOD_MS, RUN_MS, RendererThrottle, browser_pid  # noqa: E402
from selfcheck_boot import (  # noqa: E402
    BARE_URL,
    INSTRUMENT,
    bootstrap_interval,
    chromium_version,
    median,
    prepare_site,
    spread,
)
from chromium import CHROMIUM_ARGS, chromium_executable  # noqa: E402
from selfcheck_page import URL as SELF_CHECK_URL  # noqa: E402
from staticserver import Link, Sent, serve  # noqa: E402

FLOOR_SOURCE = PROJECT_ROOT / "bench" / "floor"
FLOOR_URL = "bench-floor/"
CPU_SOURCE = PROJECT_ROOT / "bench" / "cpu"
CPU_URL = "bench-cpu/"
ELIGIBILITY_URL = "eligibility/"
HOME_URL = ""
MBPS, LATENCY_MS = 10, 40
READING_S = 5
HOVER_MS = 300
HOME_WINDOW_S = 5
# Targets of issue #19, as ratios to the floor measured in the same run.
FROM_SITE_TARGET = 1.5
DIRECT_TARGET = 2.0
HOME_BYTES_TARGET = 150_000
# The runtime's own files, by name: none of them may move on a home visit without intent.
RUNTIME_NAMES = ("selfcheck/widget.js", "selfcheck/worker.js", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                 "pyodide-lock.json", "python_stdlib.zip", ".whl")
TIMEOUT_MS = 120_000

# An idle worker boot on the page that leads to the self-check, on top of the prefetch: the self-check's own worker,
# started once the page is idle with the runtime's addresses the prefetch script has (and no rules: it fails once
# Python has started and the engine is imported, which is all a warm-up needs). (Bench only.)
IDLE_BOOT = """
window.addEventListener("load", () => requestIdleCallback(() => {
  const prefetch = document.querySelector("script[data-selfcheck-prefetch][data-on-idle]");
  if (!prefetch) return;
  const url = (path) => new URL(path, document.baseURI).href;
  const [pyodide, lock] = prefetch.dataset.boot.split(" ");
  const worker = new Worker(url("../assets/selfcheck/worker.js"), { type: "module" });
  worker.postMessage({ type: "start", pyodideUrl: url(pyodide), stdlibUrl: url(prefetch.dataset.stdlib),
    lockUrl: url(lock), package: "selfcheck", rulesJson: "{}", language: "en" });
  window.__idleBoot = new Promise((resolve) => worker.addEventListener("message", () => resolve(performance.now())));
}));
"""


# Steps taken out or changed (--steps), each in a copy of the built site whose files are hard links but for the one
# file it edits, served by a server of its own. (Not through Playwright's routing: routing turns the HTTP cache off, so
# that a preloaded file would be downloaded twice.) Bench only.
PRELOAD_AFTER_PAINT = "afterTheFirstPaint(() => preload(script.dataset.wasm));"

# Every request of the worker but the WebAssembly held until the WebAssembly has arrived (the worker's own resource
# timing) or is compiled, then sent at low priority: the standard library and the wheel no longer share the link with
# it. Put before the worker's own code, so that its wrappers call this one.
HOLD_FOR_THE_WEBASSEMBLY = """
{
  const fetchNow = self.fetch;
  let release;
  const arrived = new Promise((resolve) => { release = resolve; });
  const isWasm = (url) => url.endsWith("/pyodide.asm.wasm");
  new PerformanceObserver((entries, observer) => {
    if (entries.getEntries().some((entry) => isWasm(entry.name))) { observer.disconnect(); release(); }
  }).observe({ type: "resource", buffered: true });
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...args) => {
    const instance = instantiateStreaming.apply(WebAssembly, args);
    instance.then(release, release);
    return instance;
  };
  self.fetch = (resource, options) => isWasm(String(resource))
    ? fetchNow(resource, options)
    : arrived.then(() => fetchNow(resource, { ...options, priority: "low" }));
}
"""


def edit_script(site_dir: Path, name: str, edit: Callable[[str], str]) -> None:
    """Replace every copy of assets/selfcheck/NAME with its edited text (a new file: the copy is a hard link), and
    drop its compressed siblings, which the server would send instead."""
    for script in site_dir.rglob(f"assets/selfcheck/{name}"):
        text = edit(script.read_text(encoding="utf-8"))
        script.unlink()
        script.write_text(text, encoding="utf-8")
        for sibling in (script.with_name(script.name + ".br"), script.with_name(script.name + ".gz")):
            sibling.unlink(missing_ok=True)


def replacing_the_preload(replacement: str) -> Callable[[Path], None]:
    def edit(site_dir: Path) -> None:
        def replace(text: str) -> str:
            if PRELOAD_AFTER_PAINT not in text:
                raise SystemExit(f"--steps: assets/selfcheck/prefetch.js no longer has {PRELOAD_AFTER_PAINT!r}")
            return text.replace(PRELOAD_AFTER_PAINT, replacement)
        edit_script(site_dir, "prefetch.js", replace)
    return edit


def holding_for_the_webassembly(site_dir: Path) -> None:
    edit_script(site_dir, "worker.js", lambda text: HOLD_FOR_THE_WEBASSEMBLY + text)


def variant_of(site_dir: Path, folder: Path, edit: Callable[[Path], None]) -> Path:
    copy = folder / f"variant-{len(list(folder.glob('variant-*')))}"
    shutil.copytree(site_dir, copy, copy_function=os.link)
    edit(copy)
    return copy


@dataclass(frozen=True)
class Visit:
    """One measured visit: ready, in ms from the measured page's navigation start, and what the server sent."""

    ready: float
    sent: tuple[Sent, ...]


@dataclass
class Scenario:
    name: str
    measure: Callable[[BrowserContext, str, list[Sent]], Visit]
    init_scripts: tuple[str, ...] = ()
    variant: Callable[[Path], None] | None = None  # edits a copy of the site, to take a step out (bench only)
    visits: list[Visit] = field(default_factory=list)

    @property
    def ready(self) -> list[float]:
        return [visit.ready for visit in self.visits]


def prepare_arrival_site(folder: Path) -> Path:
    """The built site with the stock bare page (prepare_site), the floor page and the CPU check beside it."""
    site_dir = prepare_site(folder)
    bare_index = (site_dir / BARE_URL / "index.html").read_text(encoding="utf-8")
    wasm_url = bare_index.split('data-pyodide-url="', 1)[1].split('"', 1)[0].replace("pyodide.mjs", "pyodide.asm.wasm")
    for source, url in ((FLOOR_SOURCE, FLOOR_URL), (CPU_SOURCE, CPU_URL)):
        target = site_dir / url
        shutil.copytree(source, target)
        index = target / "index.html"
        index.write_text(string.Template(index.read_text(encoding="utf-8")).safe_substitute(wasm_url=wasm_url),
                         encoding="utf-8")
        write_compressed_siblings(target)
    return site_dir


class PhoneProfile:
    """A fresh profile whose renderers run on the duty cycle (the link is the server's), set up for a scenario."""

    def __init__(self, playwright: Playwright, scenario: Scenario) -> None:
        self.playwright, self.scenario = playwright, scenario

    def __enter__(self) -> BrowserContext:
        self.folder = tempfile.TemporaryDirectory(prefix="selfcheck-arrival-profile-")
        self.context = self.playwright.chromium.launch_persistent_context(
            self.folder.name, executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        for script in (INSTRUMENT, *self.scenario.init_scripts):
            self.context.add_init_script(script)
        self.throttle = RendererThrottle(browser_pid(self.folder.name)).__enter__()
        return self.context

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.throttle.__exit__(*exc_info)
            self.context.close()
        finally:
            self.folder.cleanup()


def ready_ms(page) -> float:
    """The page's time to ready from its navigation start; a page activated from a prerender counts from then."""
    settled = page.evaluate("() => window.__benchSettled")
    if settled != "ready":
        raise SystemExit(f"{page.url}: the runtime did not start (status {settled!r})")
    return page.evaluate("""() => {
      const activation = performance.getEntriesByType("navigation")[0]?.activationStart || 0;
      return Math.max(0, window.__bench.status.ready - activation);
    }""")


def direct_visit(url: str) -> Callable[[BrowserContext, str, list[Sent]], Visit]:
    def measure(context: BrowserContext, base_url: str, log: list[Sent]) -> Visit:
        log.clear()
        page = context.new_page()
        page.goto(base_url + url, wait_until="commit")
        return Visit(ready_ms(page), tuple(log))
    return measure


def from_eligibility(context: BrowserContext, base_url: str, log: list[Sent]) -> Visit:
    """Read the eligibility page for 5 s, rest the pointer on its link to the self-check, click it."""
    log.clear()
    page = context.new_page()
    page.goto(base_url + ELIGIBILITY_URL, wait_until="load", timeout=TIMEOUT_MS)
    page.wait_for_timeout(READING_S * 1000)
    if page.evaluate("() => window.__idleBoot !== undefined"):
        page.evaluate("() => window.__idleBoot")  # the reader would have read for as long as the warm-up took
    link = page.locator(f"article a[href$='{SELF_CHECK_URL}']").first
    link.hover(timeout=TIMEOUT_MS)
    page.wait_for_timeout(HOVER_MS)
    link.click(timeout=TIMEOUT_MS, no_wait_after=True)
    page.wait_for_url(f"**/{SELF_CHECK_URL}", wait_until="commit", timeout=TIMEOUT_MS)
    return Visit(ready_ms(page), tuple(log))


def home_without_intent(context: BrowserContext, base_url: str, log: list[Sent]) -> Visit:
    log.clear()
    page = context.new_page()
    page.goto(base_url + HOME_URL, wait_until="load", timeout=TIMEOUT_MS)
    page.wait_for_timeout(HOME_WINDOW_S * 1000)
    return Visit(float("nan"), tuple(log))


def runtime_files(sent: tuple[Sent, ...]) -> list[str]:
    return [item.path for item in sent if item.path.endswith(RUNTIME_NAMES)]


def cpu_check(playwright: Playwright, base_url: str) -> dict[str, dict[str, float]]:
    """The same work on a page's main thread and in its worker: unthrottled, on the duty cycle, and under CDP's 4x."""
    timings: dict[str, dict[str, list[float]]] = {name: {"main": [], "worker": []} for name in ("none", "duty", "cdp")}
    for _ in range(2):
        for name in timings:
            with tempfile.TemporaryDirectory(prefix="selfcheck-arrival-cpu-") as profile:
                context = playwright.chromium.launch_persistent_context(
                    profile, executable_path=chromium_executable(), args=CHROMIUM_ARGS)
                try:
                    page = context.new_page()
                    page.goto("about:blank")
                    if name == "cdp":
                        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                    throttle = RendererThrottle(browser_pid(profile)) if name == "duty" else None
                    if throttle:
                        throttle.__enter__()
                    try:
                        page.goto(base_url + CPU_URL)
                        result = page.evaluate("() => window.__cpu")
                    finally:
                        if throttle:
                            throttle.__exit__(None, None, None)
                finally:
                    context.close()
            for thread in ("main", "worker"):
                timings[name][thread].append(result[thread])
    return {name: {thread: median(values) for thread, values in threads.items()} for name, threads in timings.items()}


def ratio_line(label: str, values: list[float], floor: list[float]) -> str:
    ratio = median(values) / median(floor)
    low, high = bootstrap_interval(values, floor)
    return (f"  {label:<44} {spread(values):>20}   {ratio:5.2f}x the floor [90% interval {low:.2f}-{high:.2f}]")


def run(rounds: int, steps: bool, only: list[str]) -> int:
    started = time.perf_counter()
    load_before = os.getloadavg()
    scenarios = [
        Scenario("floor: download and compile the wasm", direct_visit(FLOOR_URL)),
        Scenario("stock Pyodide (bare page)", direct_visit(BARE_URL)),
        Scenario("self-check, direct first visit", direct_visit(SELF_CHECK_URL)),
        Scenario(f"self-check from eligibility ({READING_S} s, hover)", from_eligibility),
        Scenario("home without intent", home_without_intent),
    ]
    if steps:
        scenarios += [
            Scenario("direct, without the early wasm request", direct_visit(SELF_CHECK_URL),
                     variant=replacing_the_preload("")),
            Scenario("from eligibility, plus an idle boot there", from_eligibility, (IDLE_BOOT,)),
            Scenario("from eligibility, without the early wasm request", from_eligibility,
                     variant=replacing_the_preload("")),
            Scenario("direct, the wasm asked for from the head", direct_visit(SELF_CHECK_URL),
                     variant=replacing_the_preload("preload(script.dataset.wasm);")),
            Scenario("direct, the rest held until the wasm is in", direct_visit(SELF_CHECK_URL),
                     variant=holding_for_the_webassembly),
        ]
    if only:  # the floor always, as every figure is its ratio to the floor
        scenarios = [scenarios[0]] + [scenario for scenario in scenarios[1:]
                                      if any(part in scenario.name for part in only)]
    log: list[Sent] = []
    with tempfile.TemporaryDirectory(prefix="selfcheck-arrival-") as folder:
        site_dir = prepare_arrival_site(Path(folder))
        with sync_playwright() as playwright:
            with serve(site_dir) as base_url:
                cpu = cpu_check(playwright, base_url)
            with contextlib.ExitStack() as servers:
                link = Link(MBPS, LATENCY_MS)
                base_urls = {
                    scenario.name: servers.enter_context(serve(
                        variant_of(site_dir, Path(folder), scenario.variant) if scenario.variant else site_dir,
                        log=log, link=link))
                    for scenario in scenarios
                }
                for round_number in range(rounds):
                    shift = round_number % len(scenarios)
                    for scenario in scenarios[shift:] + scenarios[:shift]:
                        with PhoneProfile(playwright, scenario) as context:
                            scenario.visits.append(scenario.measure(context, base_urls[scenario.name], log))
                    print(f"round {round_number + 1}/{rounds} done ({time.perf_counter() - started:.0f} s)",
                          file=sys.stderr)
            version = chromium_version(playwright)
    load_after = os.getloadavg()

    print(f"Self-check arrival benchmark: headless Chromium {version}, {os.cpu_count()} CPUs, {rounds} rounds; load "
          f"average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after (this benchmark included)")
    print(f"Phone-like profile: {MBPS} Mbps shared, {LATENCY_MS} ms per response (emulated by the server); renderers "
          f"run {RUN_MS} ms of every {PERIOD_MS} ms")
    print()
    print("CPU check: the same work, ms (median of 2), on the page's main thread and in its worker")
    for name, label in (("none", "unthrottled"), ("duty", "duty cycle"), ("cdp", "CDP setCPUThrottlingRate 4")):
        slowdown = {thread: cpu[name][thread] / cpu["none"][thread] for thread in ("main", "worker")}
        print(f"  {label:<28} main {cpu[name]['main']:7.0f} ({slowdown['main']:.1f}x)   "
              f"worker {cpu[name]['worker']:7.0f} ({slowdown['worker']:.1f}x)")
    print("  (the duty cycle slows both alike; CDP's throttling leaves the worker at full speed. On a busy machine the "
          "duty cycle slows less than 4x: a paused process runs first when resumed)")
    print()
    floor = scenarios[0]
    wasm_rates = [item.body_bytes * 8 / (item.finished - item.started) / 1e6
                  for visit in floor.visits for item in visit.sent if item.path.endswith(".wasm")]
    print(f"Link check: the floor's WebAssembly left the server at {median(wasm_rates):.1f} Mbps (median)")
    print()
    print(f"Time to ready on the phone-like profile, ms from the page's navigation start, median [min-max] of "
          f"{rounds} rounds; ratio of medians to the floor")
    for scenario in scenarios:
        if scenario.name != "home without intent":
            print(ratio_line(scenario.name, scenario.ready, floor.ready))
    by_name = {scenario.name: scenario for scenario in scenarios}
    home = by_name.get("home without intent")
    if home:
        home_bytes = [sum(item.body_bytes for item in visit.sent) for visit in home.visits]
        home_runtime = sorted({path for visit in home.visits for path in runtime_files(visit.sent)})
        print(f"  home without intent, {HOME_WINDOW_S} s: {median(home_bytes):,.0f} bytes sent (max "
              f"{max(home_bytes):,}), runtime files: {home_runtime or 'none'}")
    print()
    checks = [
        (f"ready on arrival from the site's own pages at most {FROM_SITE_TARGET}x the floor",
         f"self-check from eligibility ({READING_S} s, hover)", FROM_SITE_TARGET),
        (f"a direct first visit at most {DIRECT_TARGET}x the floor", "self-check, direct first visit", DIRECT_TARGET),
    ]
    for label, name, target in checks:
        if name not in by_name:
            continue
        values = by_name[name].ready
        ratio = median(values) / median(floor.ready)
        low, high = bootstrap_interval(values, floor.ready)
        print(f"Target: {label}: {'MET' if ratio <= target else 'NOT MET'} ({ratio:.2f} [{low:.2f}-{high:.2f}], "
              f"{median(values) / 1000:.1f} s against {median(floor.ready) / 1000:.1f} s)"
              + ("; the interval holds the target: within this run's noise" if low <= target <= high else ""))
    if home:
        home_met = max(home_bytes) <= HOME_BYTES_TARGET and not home_runtime
        print(f"Target: a home visit without intent moves no runtime bytes (at most {HOME_BYTES_TARGET // 1000} KB "
              f"in all): {'MET' if home_met else 'NOT MET'} ({max(home_bytes):,} bytes at most, "
              f"{len(home_runtime)} runtime files)")
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds instead of 5")
    parser.add_argument("--rounds", type=int, help="rounds to run (default 5)")
    parser.add_argument("--steps", action="store_true",
                        help="also the direct visit without its early wasm request, with it from the head, and with "
                             "the worker's other requests held until the wasm is in; from eligibility, with an idle "
                             "boot there and without the early wasm request")
    parser.add_argument("--only", nargs="+", metavar="PART", default=[],
                        help="only the visits whose name holds one of these, with the floor (say: --steps --only "
                             "eligibility)")
    arguments = parser.parse_args()
    return run(arguments.rounds or (2 if arguments.quick else 5), arguments.steps, arguments.only)


if __name__ == "__main__":
    sys.exit(main())
