"""Every golden case gives CPython's result in Chromium, in every edition's language, through the page's own worker
and the runtime files the site ships: a module missing from the trimmed standard library fails here, not in a
visitor's browser."""

from __future__ import annotations

import json

import pytest
from selfcheck_page import SelfCheckPage

import selfcheck
from programme import load_programme
from fixture_data import FIXTURE_DATA

EDITIONS = load_programme(FIXTURE_DATA).editions


pytestmark = pytest.mark.browser

# A second worker from the page's worker.js, started with the page's own data attributes (the message widget.js
# sends), then asked every case in turn.
EVALUATE_IN_THE_WORKER = """
async (cases) => {
  const root = document.querySelector("[data-selfcheck]");
  const url = (name) => new URL(root.dataset[name], document.baseURI).href;
  const worker = new Worker(url("workerUrl"), { type: "module" });
  const next = () => new Promise((resolve) => worker.addEventListener("message", (e) => resolve(e.data), { once: true }));
  const started = next();
  worker.postMessage({
    type: "start", pyodideUrl: url("pyodideUrl"), stdlibUrl: url("stdlibUrl"),
    stdlibIntegrity: root.dataset.stdlibIntegrity, lockUrl: url("lockUrl"), lockIntegrity: root.dataset.lockIntegrity,
    package: root.dataset.package, rulesJson: root.querySelector("[data-selfcheck-rules]").textContent,
    language: root.dataset.language,
  });
  const state = await started;
  if (state.type !== "ready") {
    return { failed: state };
  }
  const results = {};
  for (const [index, { name, answers }] of cases.entries()) {
    const reply = next();
    worker.postMessage({ type: "evaluate", id: index, answersJson: answers });
    results[name] = (await reply).resultJson;
  }
  worker.terminate();
  return { results };
}
"""


# The page's own script would boot a second Pyodide beside the test's worker: the page is loaded without it.
WITHOUT_THE_WIDGET = "**/assets/selfcheck/widget.js"


@pytest.mark.parametrize("language", list(EDITIONS))
def test_every_golden_case_gives_the_same_result_in_chromium(context, site_url, golden_cases, browser_log, language):
    context.route(WITHOUT_THE_WIDGET, lambda route: route.fulfill(body="", content_type="text/javascript"))
    page = context.new_page()
    folder = EDITIONS[language].folder
    SelfCheckPage(page).open(site_url, f"{folder}/" if folder else "")
    rules_json = page.locator("[data-selfcheck-rules]").text_content()
    cases = [{"name": case["name"], "answers": json.dumps(case["answers"])} for case in golden_cases]

    report = page.evaluate(EVALUATE_IN_THE_WORKER, cases)

    assert "results" in report, report
    assert sorted(report["results"]) == sorted(case["name"] for case in cases)
    mismatched = [
        case["name"] for case in cases
        if json.loads(report["results"][case["name"]]) != json.loads(selfcheck.evaluate_json(case["answers"], rules_json, language))
    ]
    assert not mismatched, "different in Chromium:\n" + "\n".join(mismatched)
    assert browser_log.console_errors == []
    assert any(url.endswith(".whl") for url in browser_log.urls), "the engine came from its wheel"
