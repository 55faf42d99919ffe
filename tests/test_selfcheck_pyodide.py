"""The golden cases give exactly the same results under Pyodide (CPython 3.14 in WebAssembly) as here."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import selfcheck
from programme.bundle import build_selfcheck_archive

ROOT = Path(__file__).resolve().parent.parent
RUN_CASES = ROOT / "tests" / "pyodide" / "run_cases.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"

pytestmark = pytest.mark.pyodide


def run_under_pyodide(cases: list[dict], rules_json: str, workdir: Path) -> dict:
    """Boot Pyodide once in Node and evaluate every case; returns run_cases.mjs's report."""
    node = shutil.which("node")
    if node is None or not PYODIDE.is_file():
        pytest.fail(f"Node.js and {PYODIDE.relative_to(ROOT)} are needed: install Node 20, then run `npm ci` in {ROOT}")
    archive = workdir / "selfcheck.zip"
    archive.write_bytes(build_selfcheck_archive())
    cases_file = workdir / "cases.json"
    cases_file.write_text(json.dumps({"rules": rules_json, "cases": cases}), encoding="utf-8")
    completed = subprocess.run(
        [node, str(RUN_CASES), str(archive), str(cases_file)], capture_output=True, text=True, timeout=180
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout)


def test_every_golden_case_gives_the_same_result_under_pyodide(golden_cases, rules, tmp_path):
    rules_json = json.dumps(rules)
    cases = [{"name": case["name"], "answers": json.dumps(case["answers"])} for case in golden_cases]
    report = run_under_pyodide(cases, rules_json, tmp_path)

    assert report["platform"] == "emscripten", report["version"]
    assert sorted(report["results"]) == sorted(case["name"] for case in cases)
    mismatched = [
        case["name"]
        for case in cases
        if report["results"][case["name"]] != json.loads(selfcheck.evaluate_json(case["answers"], rules_json))
    ]
    assert not mismatched, f"different under Pyodide {report['version']}:\n" + "\n".join(mismatched)


def test_without_node_the_parity_check_fails_saying_to_run_npm_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="run `npm ci`"):
        run_under_pyodide([], "{}", tmp_path)
