"""The golden cases give exactly the same results under Pyodide (CPython 3.14 in WebAssembly) in Node as here,
with the engine's wheel and the trimmed standard library the built site ships: a module the trim left out fails here."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import selfcheck

ROOT = Path(__file__).resolve().parent.parent
RUN_CASES = ROOT / "tests" / "pyodide" / "run_cases.mjs"

pytestmark = pytest.mark.pyodide


def shipped_runtime(built_site) -> dict[str, str]:
    """The files the built self-check page points its worker at."""
    page_dir = built_site.site_dir / "self-check"
    root = built_site.page("self-check/").select_one("[data-selfcheck]")
    return {
        "pyodide": str((page_dir / root["data-pyodide-url"]).resolve().parent),
        "stdlib": str((page_dir / root["data-stdlib-url"]).resolve()),
        "lock": str((page_dir / root["data-lock-url"]).resolve()),
        "package": root["data-package"],
    }


def run_cases(runtime: dict[str, str], cases: list[dict], rules_json: str, workdir: Path) -> subprocess.CompletedProcess:
    """Boot Pyodide once in Node with this runtime and evaluate every case."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the engine under Pyodide: install Node 20, then run `npm ci` "
                    f"(or `make setup`) in {ROOT}")
    request = workdir / "request.json"
    request.write_text(json.dumps({**runtime, "rules": rules_json, "cases": cases}), encoding="utf-8")
    return subprocess.run([node, str(RUN_CASES), str(request)], capture_output=True, text=True, timeout=180)


def as_sent(case: dict) -> dict:
    return {"name": case["name"], "answers": json.dumps(case["answers"])}


def test_every_golden_case_gives_the_same_result_with_the_shipped_runtime(built_site, golden_cases, rules, tmp_path):
    rules_json = json.dumps(rules)
    cases = [as_sent(case) for case in golden_cases]
    runtime = shipped_runtime(built_site)
    completed = run_cases(runtime, cases, rules_json, tmp_path)
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = json.loads(completed.stdout)

    assert report["platform"] == "emscripten", report["version"]
    assert report["loaded"] == {runtime["package"]: "default channel"}, "the engine came from the lock file"
    assert [entry for entry in report["path"] if entry.endswith(".zip")], "the standard library is a zip"
    assert sorted(report["results"]) == sorted(case["name"] for case in cases)
    mismatched = [
        case["name"]
        for case in cases
        if report["results"][case["name"]] != json.loads(selfcheck.evaluate_json(case["answers"], rules_json))
    ]
    assert not mismatched, f"different under Pyodide {report['version']}:\n" + "\n".join(mismatched)


def test_a_module_missing_from_the_standard_library_fails_here(built_site, golden_cases, rules, tmp_path):
    """The check above can fail: the same run with `datetime` taken out of the zip does not come through."""
    runtime = shipped_runtime(built_site)
    trimmed = tmp_path / "python_stdlib.zip"
    with zipfile.ZipFile(runtime["stdlib"]) as source, zipfile.ZipFile(trimmed, "w") as target:
        for entry in source.infolist():
            if entry.filename != "datetime.pyc":
                target.writestr(entry, source.read(entry))
    completed = run_cases({**runtime, "stdlib": str(trimmed)}, [as_sent(golden_cases[0])], json.dumps(rules), tmp_path)
    assert completed.returncode != 0
    assert "No module named 'datetime'" in completed.stderr, completed.stderr[-2000:]


def test_without_node_the_parity_check_fails_saying_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="install Node 20"):
        run_cases({}, [], "{}", tmp_path)
