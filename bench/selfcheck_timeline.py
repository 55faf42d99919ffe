"""Benchmark aid: where the time goes in one visit to the self-check on the phone-like profile, step by step.

The same profile as bench/selfcheck_arrival.py (the server's 10 Mbps / 40 ms link, renderers on the 5-of-20 ms duty
cycle, a fresh browser profile per visit). For each visit it prints, in ms from the self-check page's navigation
start:
- what the server sent: each file, its bytes, when its first and last bytes left, and whether it was a prefetch;
- the worker's own steps, from a copy of assets/selfcheck/worker.js with marks added (the site's file is not
  changed): its first line, each fetch it makes and its answer, each WebAssembly call, Python started with the
  engine installed, the engine imported, the first evaluation, ready;
- the page's first contentful paint, DOM interactive and DOMContentLoaded.

    python bench/selfcheck_timeline.py                   # a direct visit and one from the eligibility page
    python bench/selfcheck_timeline.py direct --rounds 3
    python bench/selfcheck_timeline.py eligibility

Figures vary from visit to visit by some tenths of a second on a shared machine: read several, and take the
benchmark's medians (bench/selfcheck_arrival.py) for any claim.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import selfcheck_arrival as arrival  # noqa: E402
from selfcheck_arrival import LATENCY_MS, MBPS, PhoneProfile, Scenario, edit_script, prepare_arrival_site  # noqa: E402
from staticserver import Link, serve  # noqa: E402

# Marks the copy of the worker logs to the console: "timeline <step> <epoch ms>".
MARKS = r"""
const timelineMark = (step) => console.log(`timeline ${step} ${(performance.timeOrigin + performance.now()).toFixed(1)}`);
timelineMark("worker: first line");
for (const name of ["instantiate", "instantiateStreaming"]) {
  const call = WebAssembly[name];
  WebAssembly[name] = (...args) => {
    timelineMark(`worker: WebAssembly.${name} called`);
    const result = call.apply(WebAssembly, args);
    result.then(() => timelineMark(`worker: WebAssembly.${name} done`), () => {});
    return result;
  };
}
{
  const fetchNow = self.fetch;
  self.fetch = (resource, options) => {
    const name = String(resource).split("/").pop();
    timelineMark(`worker: fetch ${name}`);
    const response = fetchNow(resource, options);
    response.then(() => timelineMark(`worker: answer ${name}`), () => {});
    return response;
  };
}
"""
# Each (text in worker.js, step marked just before it); a step whose text is missing is reported, not skipped.
STEPS = (
    ("  if (!pyodide.loadedPackages[name]) {", "worker: Python started, engine installed"),
    ("  evaluateJson(\"{}\", rulesJson, language);", "worker: engine imported"),
    ("  return (answersJson) => evaluateJson(answersJson, rulesJson, language);", "worker: first evaluation done"),
)
VISITS = {"direct": arrival.direct_visit(arrival.SELF_CHECK_URL), "eligibility": arrival.from_eligibility}


def mark_worker(site_dir: Path) -> list[str]:
    """Add the marks to every copy of the worker in the built site; return the steps that could not be marked."""
    missing: list[str] = []

    def marked(text: str) -> str:
        text = MARKS + text
        for anchor, step in STEPS:
            if anchor in text:
                text = text.replace(anchor, f'  timelineMark("{step}");\n{anchor}', 1)
            elif step not in missing:
                missing.append(step)
        return text

    edit_script(site_dir, "worker.js", marked)
    return missing


def run(visits: list[str], rounds: int) -> int:
    with tempfile.TemporaryDirectory(prefix="selfcheck-timeline-") as folder:
        site_dir = prepare_arrival_site(Path(folder))
        for step in mark_worker(site_dir):
            print(f"(not marked: {step}; assets/selfcheck/worker.js changed)")
        log: list = []
        with sync_playwright() as playwright, serve(site_dir, log=log, link=Link(MBPS, LATENCY_MS)) as base_url:
            for round_number in range(rounds):
                for name in visits:
                    with PhoneProfile(playwright, Scenario(name, VISITS[name])) as context:
                        marks: list[str] = []
                        context.on("console", lambda message: marks.append(message.text)
                                   if message.text.startswith("timeline ") else None)
                        monotonic_start, epoch_start = time.monotonic(), time.time()
                        visit = VISITS[name](context, base_url, log)
                        page = context.pages[-1]
                        origin, paint = page.evaluate("""() => {
                          const navigation = performance.getEntriesByType("navigation")[0];
                          const paint = performance.getEntriesByName("first-contentful-paint")[0];
                          return [performance.timeOrigin,
                                  [paint?.startTime, navigation.domInteractive, navigation.domContentLoadedEventStart]];
                        }""")
                    to_page = (epoch_start - monotonic_start) * 1000 - origin  # server's monotonic s -> page's ms
                    print(f"\n{name}, round {round_number + 1}: ready {visit.ready:.0f} ms; first contentful paint "
                          f"{paint[0] or float('nan'):.0f}, DOM interactive {paint[1]:.0f}, DOMContentLoaded "
                          f"{paint[2]:.0f}")
                    print(f"  {'sent by the server':<64} {'bytes':>9} {'first':>7} {'last':>7}")
                    for sent in sorted(visit.sent, key=lambda item: item.started):
                        print(f"  {sent.path[-64:]:<64} {sent.body_bytes:>9,} {sent.started * 1000 + to_page:>7.0f} "
                              f"{sent.finished * 1000 + to_page:>7.0f}  {sent.purpose or ''}")
                    for line in marks:
                        _, rest = line.split(" ", 1)
                        step, epoch_ms = rest.rsplit(" ", 1)
                        print(f"  {step:<64} {'':>9} {float(epoch_ms) - origin:>7.0f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("visits", nargs="*", metavar="VISIT", help=f"any of {', '.join(VISITS)} (default: both)")
    parser.add_argument("--rounds", type=int, default=1)
    arguments = parser.parse_args()
    unknown = sorted(set(arguments.visits) - set(VISITS))
    if unknown:
        parser.error(f"unknown visit {', '.join(unknown)}: choose from {', '.join(VISITS)}")
    return run(arguments.visits or list(VISITS), arguments.rounds)


if __name__ == "__main__":
    sys.exit(main())
