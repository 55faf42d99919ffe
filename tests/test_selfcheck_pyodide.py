"""The engine under Pyodide in Node (tests/engines.py) is the one the browser runs: the wheel named by the lock file,
on the trimmed standard library, on Emscripten. The golden cases run under it in test_selfcheck_cases.py (the
`engine` fixture); this checks that a module missing from the trimmed standard library would fail there."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from engines import EngineFailed, PyodideEngine, bundle_runtime

pytestmark = [pytest.mark.pyodide, pytest.mark.xdist_group("pyodide")]


def test_the_engine_is_the_wheel_from_the_lock_file_on_the_trimmed_standard_library(pyodide_engine):
    report = pyodide_engine.report
    assert report["platform"] == "emscripten", report["version"]
    assert report["loaded"] == {pyodide_engine.runtime["package"]: "default channel"}, "the engine came from the lock"
    assert [entry for entry in report["path"] if entry.endswith(".zip")], "the standard library is a zip"


def test_a_module_missing_from_the_standard_library_fails_here(bundle, golden_cases, rules, tmp_path):
    """The golden cases can fail under Pyodide: with `datetime` taken out of the zip, the engine does not work."""
    runtime = bundle_runtime(bundle)
    trimmed = tmp_path / "python_stdlib.zip"
    with zipfile.ZipFile(runtime["stdlib"]) as source, zipfile.ZipFile(trimmed, "w") as target:
        for entry in source.infolist():
            if entry.filename != "datetime.pyc":
                target.writestr(entry, source.read(entry))
    with pytest.raises(EngineFailed, match="No module named 'datetime'"):
        PyodideEngine({**runtime, "stdlib": str(trimmed)}).evaluate(golden_cases[0]["answers"], rules, "en")


def test_without_node_the_engine_fails_saying_to_install_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="install Node 20"):
        PyodideEngine({})
