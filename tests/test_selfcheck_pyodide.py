"""The golden cases give exactly the same results under Pyodide (CPython 3.14 in WebAssembly) as here, in every
language the engine speaks: the gettext catalogs are read the same way there."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import selfcheck
from programme.bundle import ENGINE_DIR, build_selfcheck_archive

ROOT = Path(__file__).resolve().parent.parent
RUN_CASES = ROOT / "tests" / "pyodide" / "run_cases.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"

pytestmark = pytest.mark.pyodide


def engine_archive() -> bytes:
    """The engine's archive with its compiled catalogs (selfcheck/locale/*/LC_MESSAGES/*.mo) added to it."""
    buffer = io.BytesIO(build_selfcheck_archive())
    with zipfile.ZipFile(buffer, "a") as archive:
        for catalog in sorted(ENGINE_DIR.glob("locale/*/LC_MESSAGES/*.mo")):
            archive.write(catalog, f"selfcheck/{catalog.relative_to(ENGINE_DIR).as_posix()}")
    return buffer.getvalue()


def run_under_pyodide(cases: list[dict], rules_json: str, workdir: Path, language: str = "en") -> dict:
    """Boot Pyodide once in Node and evaluate every case in `language`; returns run_cases.mjs's report."""
    node = shutil.which("node")
    if node is None or not PYODIDE.is_file():
        pytest.fail(f"Node.js and {PYODIDE.relative_to(ROOT)} are needed: install Node 20, then run `npm ci` in {ROOT}")
    archive = workdir / "selfcheck.zip"
    archive.write_bytes(engine_archive())
    cases_file = workdir / "cases.json"
    cases_file.write_text(json.dumps({"rules": rules_json, "language": language, "cases": cases}), encoding="utf-8")
    completed = subprocess.run(
        [node, str(RUN_CASES), str(archive), str(cases_file)], capture_output=True, text=True, timeout=180
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout)


@pytest.mark.parametrize("language", selfcheck.LANGUAGES)
def test_every_golden_case_gives_the_same_result_under_pyodide(golden_cases, rules_in, language, tmp_path):
    rules_json = json.dumps(rules_in[language])
    cases = [{"name": case["name"], "answers": json.dumps(case["answers"])} for case in golden_cases]
    report = run_under_pyodide(cases, rules_json, tmp_path, language)

    assert report["platform"] == "emscripten", report["version"]
    assert sorted(report["results"]) == sorted(case["name"] for case in cases)
    mismatched = [
        case["name"]
        for case in cases
        if report["results"][case["name"]] != json.loads(selfcheck.evaluate_json(case["answers"], rules_json, language))
    ]
    assert not mismatched, f"different under Pyodide {report['version']} in {language}:\n" + "\n".join(mismatched)


def test_under_pyodide_chinese_results_are_worded_from_the_catalog(rules_in, tmp_path):
    """The parity above could hold with both sides in English; this one says a date as the Chinese catalog does."""
    case = {"name": "a date", "answers": json.dumps({"application_date": "2021-01-04", "hk_resident": True})}
    report = run_under_pyodide([case], json.dumps(rules_in["zh-Hant"]), tmp_path, "zh-Hant")
    assert report["results"]["a date"]["applications"]["summary"].startswith("在2021年1月4日，")


def test_without_node_the_parity_check_fails_saying_to_run_npm_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="run `npm ci`"):
        run_under_pyodide([], "{}", tmp_path)
