"""The self-check's runtime files: found where npm put them, or a clear message saying how to get them."""

from __future__ import annotations

import json

import pytest

from programme import load_programme
from programme.data.loader import PROJECT_ROOT
from programme.data.rules import selfcheck_rules
from programme.runtime.assets import PYODIDE_FILES, MissingRuntime, pyodide_runtime
from programme.site.escaping import script_json
from fixture_data import FIXTURE_DATA


def test_the_pinned_pyodide_is_installed_and_published_under_its_version():
    version, files = pyodide_runtime()
    pinned = json.loads((PROJECT_ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    assert version == pinned
    assert [file.published_as for file in files] == [f"assets/pyodide-{version}/{name}" for name in PYODIDE_FILES]


def test_a_missing_runtime_names_the_files_and_the_fix(tmp_path):
    (tmp_path / "package.json").write_text('{"version": "314.0.7"}')
    (tmp_path / "pyodide.mjs").write_text("")
    with pytest.raises(MissingRuntime) as raised:
        pyodide_runtime(tmp_path)
    message = str(raised.value)
    assert "pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip, pyodide-lock.json missing" in message
    assert "run `npm ci` (or `make setup`)" in message


def test_rules_json_cannot_close_the_script_element_it_sits_in():
    programme = load_programme(FIXTURE_DATA)
    text = script_json(selfcheck_rules(programme, "en"))
    assert "<" not in text and ">" not in text
    assert [window["closes"] for window in json.loads(text)["windows"]] == [
        cohort.window.closes.date.iso for cohort in programme.cohorts
    ]
