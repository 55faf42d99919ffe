"""The self-check engine as the tests run it, under each implementation the site relies on: CPython here (the
command line, the rules diff, the build), and Pyodide in Node with the runtime bundle the site ships (the visitor's
browser). The `engine` fixture (tests/conftest.py) runs a test against each, as markupsafe runs one suite against its
C and Python implementations."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import selfcheck
from programme.runtime.bundle import PYODIDE_DIR, RuntimeBundle

ENGINE_SCRIPT = Path(__file__).parent / "pyodide" / "engine.mjs"


class CPythonEngine:
    name = "cpython"

    def evaluate(self, answers: dict, rules: dict, language: str) -> dict:
        return selfcheck.evaluate(answers, rules, language)


class PyodideEngine:
    """One Pyodide booted in Node (tests/pyodide/engine.mjs), asked through its standard input, one line a request."""

    name = "pyodide"

    def __init__(self, runtime: dict[str, str]) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("Node.js is needed to run the engine under Pyodide: install Node 20, then run `npm ci` "
                        "(or `make setup`) in the project")
        self.runtime = runtime
        self._process = subprocess.Popen([node, str(ENGINE_SCRIPT), json.dumps(runtime)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.report = json.loads(self._reply("booting"))  # platform, version, path and loaded packages

    def evaluate(self, answers: dict, rules: dict, language: str) -> dict:
        """The engine's evaluate_json, as the browser's worker calls it, read back."""
        request = {"answers": json.dumps(answers), "rules": json.dumps(rules), "language": language}
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        result = json.loads(self._reply("evaluating"))
        if "exception" in result:
            raise EngineFailed(f"Python raised under Pyodide: {result['exception']}")
        return result

    def _reply(self, doing: str) -> str:
        line = self._process.stdout.readline()
        if not line:
            self._process.wait(timeout=30)
            raise EngineFailed(f"Pyodide stopped while {doing} (exit code {self._process.returncode}):\n"
                                + self._process.stderr.read()[-3000:])
        return line

    def close(self) -> None:
        self._process.stdin.close()
        self._process.wait(timeout=30)
        self._process.stdout.close()
        self._process.stderr.close()


class EngineFailed(Exception):
    """The engine under Pyodide failed: its Node process ended (the message ends with what it printed), or Python
    raised."""


def bundle_runtime(bundle: RuntimeBundle) -> dict[str, str]:
    """The runtime the site ships, from the bundle's cache and the pinned Pyodide (what the build publishes: see
    test_site_build's test_the_self_check_runtime_and_engine_are_published)."""
    return {"pyodide": str(PYODIDE_DIR), "stdlib": str(bundle.folder / bundle.stdlib),
            "lock": str(bundle.folder / bundle.lock), "package": bundle.package}
