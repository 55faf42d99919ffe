"""Benchmark: the self-check's boot in headless Chromium, against a bare page that only boots stock Pyodide.

The site is built once into a temporary folder and served on 127.0.0.1 with production's headers and the build's
compressed files; the bare page (bench/bare/) is copied beside the self-check page with Pyodide's own standard
library and lock file, and loads the same assets/pyodide-*/ runtime: a stock boot. Every page gets
the same init script, which times from navigation start (performance.timeOrigin), with observers and no polling:
when widget.js shows the form, when the status shows "loading" (the worker is created) and "ready" (the worker
said so), each submit and each result, and every main-thread long task and long animation frame.

Each round, in alternating order, the bare page and the self-check page are loaded in a fresh Chromium profile
(cold: empty HTTP and code caches), left open for a while as a visitor would, then loaded again in the same
profile (warm). The self-check page is also loaded with its worker never started, to tell the page's own long
tasks from the runtime's, and once more cold by a visitor who answers as soon as the form shows and submits at once
(time from navigation to the first result). A last pass times submit to result on first visits.

    python bench/selfcheck_boot.py           # 8 rounds, 5 first visits; about 7 minutes on 2 cores
    python bench/selfcheck_boot.py --quick   # 2 rounds, 2 first visits
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import string
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

from programme.runtime.bundle import PYODIDE_DIR
from programme.hosting.compression import write_compressed_siblings
from programme.data.loader import PROJECT_ROOT

sys.path[:0] = [str(PROJECT_ROOT / "tests"), str(PROJECT_ROOT / "tests" / "browser")]
from chromium import CHROMIUM_ARGS, chromium_executable  # noqa: E402
from programme.data.cases import read_golden_cases  # noqa: E402
from selfcheck_page import URL as SELF_CHECK_URL  # noqa: E402
from selfcheck_page import SelfCheckPage  # noqa: E402
from sitebuild import build_site  # noqa: E402
from staticserver import serve  # noqa: E402

BARE_SOURCE = PROJECT_ROOT / "bench" / "bare"
BARE_URL = "bench-bare/"
READY_RATIO_TARGET = 0.5
FIRST_RESULT_RATIO_TARGET = 0.6
SUBMIT_TARGET_MS = 50
LONG_TASK_MS = 50
# Material's JavaScript: it runs on every page of the site, with or without the self-check's runtime.
THEME_BUNDLE = re.compile(r"bundle\.[0-9a-f]+\.min\.js")
# How long a cold page stays open before the warm load: long enough for V8 to write its WebAssembly code cache,
# which it does once enough of the module has been optimised, as on a visitor's first look at the page.
DWELL_S = 5
SUBMIT_PAUSE_MS = 100
CACHES = ("cold", "warm")
# Longer than any boot or answer seen on a loaded 2-CPU machine: past this the page is stuck, not slow.
TIMEOUT_MS = 60_000
# Any golden case will do; this one lists a full-time job, so the period rows are filled and read too.
SUBMIT_CASE = "A job that ended the day before the application date fits with not being employed."

INSTRUMENT = r"""
(() => {
  const TIMEOUT_MS = %d;
  const bench = { status: {}, formShown: null, submits: [], results: [], longTasks: [], longFrames: [] };
  const resultWaiters = [];
  let settle;
  const orTimeout = (promise) =>
    Promise.race([promise, new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS, "timeout"))]);
  window.__benchSettled = orTimeout(new Promise((resolve) => { settle = resolve; }));
  window.__benchNextResult = () => orTimeout(new Promise((resolve) => resultWaiters.push(resolve)));
  window.__bench = bench;

  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      bench.longTasks.push({ start: task.startTime, duration: task.duration });
    }
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries()) {
      bench.longFrames.push({
        start: frame.startTime, duration: frame.duration,
        scripts: frame.scripts.map((script) => ({
          start: script.startTime, duration: script.duration, type: script.invokerType,
          invoker: script.invoker.replace(/^.*\//, ""), source: script.sourceURL.replace(/^.*\//, ""),
        })),
      });
    }
  }).observe({ type: "long-animation-frame", buffered: true });

  document.addEventListener("submit", () => bench.submits.push(performance.now()), true);
  new MutationObserver((records) => {
    const now = performance.now();
    for (const { target, attributeName } of records) {
      if (attributeName === "data-outcome") {
        if (target.dataset.outcome) {
          bench.results.push(now);
          resultWaiters.splice(0).forEach((resolve) => resolve(target.dataset.outcome));
        }
        continue;
      }
      if (target.matches("[data-selfcheck-form]") && !target.inert && bench.formShown === null) {
        bench.formShown = now; // widget.js's first act: the form, on the page from the start, stops being inert
      }
      const key = target.dataset && target.dataset.message;
      if (key && !target.hidden && !(key in bench.status) && target.closest("[data-selfcheck-status]")) {
        bench.status[key] = now;
        if (key === "ready" || key === "failed") {
          settle(key);
        }
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["hidden", "inert", "data-outcome"] });
})();
""" % TIMEOUT_MS

# The self-check page as it is until its runtime answers: widget.js runs and shows "loading", no worker starts.
WITHOUT_RUNTIME = """
(() => {
  const RealWorker = window.Worker;
  window.Worker = function Worker(url, options) {
    if (String(url).endsWith("/assets/selfcheck/worker.js")) {
      return Object.assign(new EventTarget(), { postMessage() {}, terminate() {} });
    }
    return new RealWorker(url, options);
  };
})();
"""

SUBMIT_REPEATEDLY = """
async ([repeats, pauseMs]) => {
  const form = document.querySelector("[data-selfcheck-form]");
  const result = document.querySelector("[data-selfcheck-result]");
  const outcomes = [];
  for (let i = 0; i < repeats; i++) {
    delete result.dataset.outcome;
    const shown = window.__benchNextResult();
    form.requestSubmit();
    outcomes.push(await shown);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return outcomes;
}
"""


@dataclass(frozen=True)
class Script:
    """A script that ran in a long task, as the Long Animation Frames API names it."""

    source: str
    kind: str
    invoker: str

    def __str__(self) -> str:
        return f"{self.source} ({self.kind})" if self.invoker == self.source else f"{self.source} ({self.invoker})"


@dataclass(frozen=True)
class LongTask:
    start: float
    duration: float
    scripts: tuple[Script, ...]

    @property
    def cause(self) -> str:
        if not self.scripts:
            return "no script (parsing, style, layout, garbage collection or the browser's own work)"
        return ", then ".join(map(str, self.scripts))

    def is_the_themes(self) -> bool:
        """Only the theme's bundle ran: it runs as much on the page without the runtime."""
        return bool(self.scripts) and all(THEME_BUNDLE.fullmatch(script.source) for script in self.scripts)


@dataclass(frozen=True)
class Boot:
    """One page load, in milliseconds since navigation start."""

    script_ran: float  # the page's script ran: widget.js showed the form; for the bare page, its worker started
    start: float       # the runtime started: the worker was created
    ready: float       # the status said ready; for the page without runtime, the end of the observed window
    long_tasks: tuple[LongTask, ...]

    def tasks_after_start(self) -> tuple[LongTask, ...]:
        return tuple(task for task in self.long_tasks if task.start >= self.start)


@dataclass
class Runs:
    cold: list[Boot] = field(default_factory=list)
    warm: list[Boot] = field(default_factory=list)
    first_results: list[float] = field(default_factory=list)  # answered at once: navigation to the first result


@dataclass
class Submits:
    """Submit-to-result times, each page's first submit kept apart from the rest."""

    first: list[float] = field(default_factory=list)
    later: list[float] = field(default_factory=list)
    long_frames: list[LongTask] = field(default_factory=list)

    @property
    def all(self) -> list[float]:
        return self.first + self.later


def prepare_site(folder: Path) -> Path:
    """Build the site and put the stock bare page beside the self-check page, sharing its Pyodide runtime."""
    build = build_site(folder / "site")
    if build.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{build.output}")
    pyodide_url = build.page(SELF_CHECK_URL).select_one("[data-selfcheck]")["data-pyodide-url"]
    bare = build.site_dir / BARE_URL
    bare.mkdir()
    for source in [*BARE_SOURCE.iterdir(), PYODIDE_DIR / "python_stdlib.zip", PYODIDE_DIR / "pyodide-lock.json"]:
        shutil.copyfile(source, bare / source.name)
    index = bare / "index.html"
    index.write_text(string.Template(index.read_text(encoding="utf-8")).substitute(pyodide_url=pyodide_url),
                     encoding="utf-8")
    write_compressed_siblings(bare)
    return build.site_dir


@contextmanager
def fresh_profile(playwright: Playwright, *init_scripts: str) -> Iterator[BrowserContext]:
    """A browser with a new, empty profile on disk: its own HTTP cache and V8 code cache, like a first visit."""
    with tempfile.TemporaryDirectory(prefix="selfcheck-boot-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        for script in (INSTRUMENT, *init_scripts):
            context.add_init_script(script)
        try:
            yield context
        finally:
            context.close()


def open_page(context: BrowserContext, url: str, window_ms: float | None = None) -> tuple[Page, Boot]:
    """Load `url` and wait until the runtime is ready, or, without a runtime, until `window_ms` after navigation."""
    page = context.new_page()
    page.goto(url, wait_until="commit")
    if window_ms is None:
        settled = page.evaluate("() => window.__benchSettled")
        if settled != "ready":
            raise SystemExit(f"{url}: the runtime did not start (status {settled!r})")
    else:
        page.evaluate("(end) => new Promise((resolve) => setTimeout(resolve, end - performance.now()))", window_ms)
    record = page.evaluate("() => window.__bench")
    ready = record["status"].get("ready", window_ms)
    tasks = tuple(
        LongTask(task["start"], task["duration"], _scripts(task["start"], task["duration"], record["longFrames"]))
        for task in record["longTasks"] if task["start"] < ready
    )
    start = record["status"]["loading"]
    return page, Boot(record["formShown"] or start, start, ready, tasks)


def _scripts(start: float, duration: float, frames: list[dict]) -> tuple[Script, ...]:
    """The scripts that ran from `start` for `duration` ms, from the long animation frames that hold them."""
    return tuple(
        Script(script["source"] or "?", script["type"], script["invoker"])
        for frame in frames for script in frame["scripts"]
        if start - 1 <= script["start"] <= start + duration
    )


def measure_round(playwright: Playwright, base_url: str, round_number: int,
                  runs: dict[str, Runs], submits: Submits, submit_repeats: int, case: dict) -> None:
    """Cold then warm load of each page in its own fresh profile; the bare and self-check pages alternate first."""
    order = ["bare", "self-check"] if round_number % 2 == 0 else ["self-check", "bare"]
    for name in [*order, "self-check without runtime"]:
        url = base_url + (BARE_URL if name == "bare" else SELF_CHECK_URL)
        scripts = (WITHOUT_RUNTIME,) if name == "self-check without runtime" else ()
        with fresh_profile(playwright, *scripts) as context:
            for cache, boots in (("cold", runs[name].cold), ("warm", runs[name].warm)):
                window = getattr(runs["self-check"], cache)[-1].ready if scripts else None
                page, boot = open_page(context, url, window)
                boots.append(boot)
                if cache == "cold":
                    page.wait_for_timeout(DWELL_S * 1000)
                elif name == "self-check":
                    measure_submits(page, submit_repeats, case, submits)
                page.close()
    measure_answer_at_once(playwright, base_url, case, runs["self-check"])


def measure_answer_at_once(playwright: Playwright, base_url: str, case: dict, runs: Runs) -> None:
    """A first visit by someone who answers as soon as the form shows and submits: navigation to the first result."""
    with fresh_profile(playwright) as context:
        page = context.new_page()
        page.goto(base_url + SELF_CHECK_URL, wait_until="commit")
        page.locator("[data-selfcheck-form]").wait_for(state="visible")
        SelfCheckPage(page).answer(case["answers"])
        outcome = page.evaluate("""async () => {
          const shown = window.__benchNextResult();
          document.querySelector("[data-selfcheck-form]").requestSubmit();
          return shown;
        }""")
        if outcome != case["outcome"]:
            raise SystemExit(f"the self-check answered {outcome!r}, expected {case['outcome']!r}: {case['name']}")
        runs.first_results.append(page.evaluate("() => window.__bench.results[0]"))


def measure_submits(page: Page, repeats: int, case: dict, submits: Submits) -> None:
    """Fill in the golden case's answers once, then submit `repeats` times, each once the last result showed."""
    SelfCheckPage(page).answer(case["answers"])
    outcomes = page.evaluate(SUBMIT_REPEATEDLY, [repeats, SUBMIT_PAUSE_MS])
    if set(outcomes) != {case["outcome"]}:
        raise SystemExit(f"the self-check answered {outcomes}, expected {case['outcome']!r}: {case['name']}")
    record = page.evaluate("() => window.__bench")
    times = [result - submit for submit, result in zip(record["submits"], record["results"], strict=True)]
    submits.first.append(times[0])
    submits.later.extend(times[1:])
    first_submit = record["submits"][0]
    submits.long_frames.extend(
        LongTask(frame["start"], frame["duration"], _scripts(frame["start"], frame["duration"], [frame]))
        for frame in record["longFrames"] if frame["start"] >= first_submit
    )


def measure_first_visits(playwright: Playwright, base_url: str, visits: int, repeats: int, case: dict,
                         submits: Submits) -> None:
    """Submit on a first visit too: before V8 has optimised much of Pyodide, Python runs slowest."""
    for _ in range(visits):
        with fresh_profile(playwright) as context:
            page, _ = open_page(context, base_url + SELF_CHECK_URL)
            measure_submits(page, repeats, case, submits)


def chromium_version(playwright: Playwright) -> str:
    browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
    try:
        return browser.version
    finally:
        browser.close()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def spread(values: list[float]) -> str:
    return f"{median(values):6.0f} [{min(values):.0f}-{max(values):.0f}]" if values else "-"


def print_ready_table(runs: dict[str, Runs]) -> dict[str, tuple[float, float, float]]:
    """Time to ready per page and cache state; returns the ratio of medians, self-check over bare, per state,
    with its 90% bootstrap interval."""
    bare, selfcheck = runs["bare"], runs["self-check"]
    rows = [
        ("stock Pyodide (bare page): ready", bare, lambda boot: boot.ready),
        ("self-check: ready", selfcheck, lambda boot: boot.ready),
        ("stock Pyodide: worker started (bare.js ran)", bare, lambda boot: boot.start),
        ("self-check: widget.js ran (form shown)", selfcheck, lambda boot: boot.script_ran),
        ("self-check: worker started (widget.js)", selfcheck, lambda boot: boot.start),
        ("stock Pyodide: ready - started", bare, lambda boot: boot.ready - boot.start),
        ("self-check: ready - started", selfcheck, lambda boot: boot.ready - boot.start),
    ]
    print(f"{'ms since navigation start, median [min-max]':<48} {'cold':>22} {'warm':>22}")
    for label, page_runs, figure in rows:
        print(f"{label:<48} {spread([figure(b) for b in page_runs.cold]):>22} "
              f"{spread([figure(b) for b in page_runs.warm]):>22}")

    def ready(page_runs: Runs, cache: str) -> list[float]:
        return [boot.ready for boot in getattr(page_runs, cache)]

    ratios = {cache: median(ready(selfcheck, cache)) / median(ready(bare, cache)) for cache in CACHES}
    lowest = {cache: min(ready(selfcheck, cache)) / min(ready(bare, cache)) for cache in CACHES}
    paired = {cache: [s / b for s, b in zip(ready(selfcheck, cache), ready(bare, cache))] for cache in CACHES}
    print(f"{'ratio self-check / stock, of medians':<48} {ratios['cold']:>22.3f} {ratios['warm']:>22.3f}")
    print(f"{'ratio self-check / stock, of minimums':<48} {lowest['cold']:>22.3f} {lowest['warm']:>22.3f}")
    intervals = {cache: bootstrap_interval(ready(selfcheck, cache), ready(bare, cache)) for cache in CACHES}
    print(f"{'  90% interval (bootstrap over rounds)':<48} "
          + " ".join(f"{f'{low:.3f}-{high:.3f}':>22}" for low, high in intervals.values()))
    print(f"{'ratios within a round, min-max':<48} "
          + " ".join(f"{f'{min(p):.2f}-{max(p):.2f}':>22}" for p in paired.values()))
    for cache in CACHES:
        boots = getattr(selfcheck, cache), getattr(bare, cache)
        print(f"  {cache}: self-check ready {median_gap(*boots, lambda b: b.ready):+.0f} ms after bare (medians): "
              f"its script runs {median_gap(*boots, lambda b: b.script_ran):+.0f} ms later, "
              f"starts its worker {median([b.start - b.script_ran for b in boots[0]]):.0f} ms after, and "
              f"from start to ready it takes {median_gap(*boots, lambda b: b.ready - b.start):+.0f} ms more "
              "(trimmed .pyc standard library instead of sources, lock file, wheel, integrity check, "
              "import selfcheck; contention with the page; noise)")
    return {cache: (ratios[cache], *intervals[cache]) for cache in CACHES}


def bootstrap_interval(boots: list[float], reference: list[float], resamples: int = 2000) -> tuple[float, float]:
    """The 5th and 95th percentiles of the ratio of medians, over rounds drawn again with replacement."""
    rounds = list(zip(boots, reference))
    draws = random.Random(0)
    ratios = sorted(
        median([b for b, _ in sample]) / median([r for _, r in sample])
        for sample in (draws.choices(rounds, k=len(rounds)) for _ in range(resamples))
    )
    return ratios[resamples // 20], ratios[resamples - resamples // 20 - 1]


def median_gap(boots: list[Boot], reference: list[Boot], figure: Callable[[Boot], float]) -> float:
    return median([figure(boot) for boot in boots]) - median([figure(boot) for boot in reference])


def print_long_tasks(runs: dict[str, Runs]) -> list[LongTask]:
    """Long tasks from navigation start to ready; returns those that started after the self-check's worker did."""
    print(f"{'page':<28} {'cache':<5} {'runs':>4} {'tasks':>6} {'per run':>8} {'max ms':>7} "
          f"{'after start':>11} {'max ms':>7}")
    for name, page_runs in runs.items():
        for cache in CACHES:
            boots = getattr(page_runs, cache)
            tasks = [task for boot in boots for task in boot.long_tasks]
            later = [task for boot in boots for task in boot.tasks_after_start()]
            print(f"{name:<28} {cache:<5} {len(boots):>4} {len(tasks):>6} {len(tasks) / len(boots):>8.1f} "
                  f"{max((t.duration for t in tasks), default=0):>7.0f} {len(later):>11} "
                  f"{max((t.duration for t in later), default=0):>7.0f}")
    print("What ran in those long tasks (Long Animation Frames API):")
    causes: dict[tuple[str, str], list[float]] = {}
    for name, page_runs in runs.items():
        for boot in page_runs.cold + page_runs.warm:
            for task in boot.long_tasks:
                causes.setdefault((name, task.cause), []).append(task.duration)
    for (name, cause), durations in sorted(causes.items()):
        print(f"  {name:<28} {len(durations):>3} x, max {max(durations):>4.0f} ms: {cause}")
    selfcheck = runs["self-check"]
    return [task for boot in selfcheck.cold + selfcheck.warm for task in boot.tasks_after_start()]


def run(quick: bool) -> int:
    rounds, first_visits, submit_repeats = (2, 2, 5) if quick else (8, 5, 20)
    case = next(case for case in read_golden_cases() if case["name"] == SUBMIT_CASE)
    load_before = os.getloadavg()
    started = time.perf_counter()
    runs = {name: Runs() for name in ("bare", "self-check", "self-check without runtime")}
    warm_submits, first_visit_submits = Submits(), Submits()
    with tempfile.TemporaryDirectory(prefix="selfcheck-boot-") as folder:
        site_dir = prepare_site(Path(folder))
        with serve(site_dir) as base_url, sync_playwright() as playwright:
            for round_number in range(rounds):
                measure_round(playwright, base_url, round_number, runs, warm_submits, submit_repeats, case)
                print(f"round {round_number + 1}/{rounds} done ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
            measure_first_visits(playwright, base_url, first_visits, submit_repeats, case, first_visit_submits)
            version = chromium_version(playwright)
    load_after = os.getloadavg()

    print(f"Self-check boot benchmark: headless Chromium {version}, {os.cpu_count()} CPUs, "
          f"{'quick run' if quick else 'full run'}: {rounds} rounds, {first_visits} first visits, "
          f"{submit_repeats} submits per page")
    # The benchmark itself keeps about one CPU busy, so only the load before it says whether others competed.
    busy = load_before[0] > 0.5 * (os.cpu_count() or 1)
    print(f"Load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after (this benchmark included)"
          + ("; other processes were using the CPUs: the times carry their noise, so judge the ready ratio "
             "only from a run on an idle machine" if busy else ""))
    print(f"Cold: a new profile. Warm: the same profile after the cold page stayed open {DWELL_S} s. "
          "Stock: the bare page, Pyodide's own standard library and lock file.")
    print()
    print("Time to ready")
    ratios = print_ready_table(runs)
    first_results, stock_cold = runs["self-check"].first_results, [boot.ready for boot in runs["bare"].cold]
    first_ratio = median(first_results) / median(stock_cold)
    first_low, first_high = bootstrap_interval(first_results, stock_cold)
    print(f"{'self-check answered at once: first result':<48} {spread(first_results):>22} {'':>22}")
    print(f"{'  ratio to the stock cold ready, of medians':<48} {first_ratio:>22.3f}   "
          f"90% interval {first_low:.3f}-{first_high:.3f}, {len(first_results)} runs")
    print()
    print(f"Submit to result (ms from the submit event to data-outcome set), answers of: {SUBMIT_CASE}")
    for label, submits in (("first visit (cold profile)", first_visit_submits), ("warm profile", warm_submits)):
        print(f"  {label:<28} first submit after ready: {spread(submits.first)};  "
              f"later submits: median {median(submits.later):.1f}, max {max(submits.later):.1f} "
              f"({len(submits.later)}); long frames during submits: {len(submits.long_frames)}")
        for frame in submits.long_frames:
            print(f"    long frame {frame.duration:.0f} ms: {frame.cause}")
    print()
    print(f"Main-thread long tasks (over {LONG_TASK_MS} ms) from navigation start to ready; "
          "'after start' = started once the self-check's worker was created")
    after_start = print_long_tasks(runs)
    runtime_caused = [task for task in after_start if not task.is_the_themes()]

    all_submits = first_visit_submits.all + warm_submits.all
    ready_met = all(ratio <= READY_RATIO_TARGET for ratio, _, _ in ratios.values())
    within_noise = any(low <= READY_RATIO_TARGET <= high for _, low, high in ratios.values())
    submit_met = max(all_submits) < SUBMIT_TARGET_MS
    tasks_met = not runtime_caused
    print()
    first_met = first_ratio <= FIRST_RESULT_RATIO_TARGET
    print(f"Target: ready at most {READY_RATIO_TARGET}x the stock Pyodide boot: {'MET' if ready_met else 'NOT MET'} "
          + "(" + ", ".join(f"{cache} {ratio:.3f} [{low:.3f}-{high:.3f}]" for cache, (ratio, low, high) in ratios.items())
          + (f"; an interval holds {READY_RATIO_TARGET}: within this run's noise" if within_noise else "") + ")")
    print(f"Target: a visitor who answers at once has the first result within {FIRST_RESULT_RATIO_TARGET}x the stock "
          f"cold boot, from navigation: {'MET' if first_met else 'NOT MET'} ({first_ratio:.3f} "
          f"[{first_low:.3f}-{first_high:.3f}], {median(first_results):.0f} ms against {median(stock_cold):.0f} ms)")
    print(f"Target: submit to result under {SUBMIT_TARGET_MS} ms once ready: {'MET' if submit_met else 'NOT MET'} "
          f"(worst of {len(all_submits)}: {max(all_submits):.1f} ms; median {median(all_submits):.1f} ms)")
    print(f"Target: no main-thread task over {LONG_TASK_MS} ms caused by the runtime: "
          f"{'MET' if tasks_met else 'NOT MET'} ({len(after_start)} long tasks started while the runtime booted, "
          f"{len(runtime_caused)} of them not the theme's own script)")
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds and 2 first visits instead of 8 and 5")
    return run(parser.parse_args().quick)


if __name__ == "__main__":
    sys.exit(main())
