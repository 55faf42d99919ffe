"""The self-check's files for the site: the pinned Pyodide runtime, the engine's bundle, its rules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from programme.runtime.bundle import PYODIDE_DIR, PYODIDE_INPUTS, RuntimeBundle
from programme.data.model import Programme
from programme.data.rules import selfcheck_rules
from programme.site.structured_data import script_json

# What the browser loads from Pyodide's package; the bundle replaces its standard library and lock file.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


class MissingRuntime(Exception):
    """A file the self-check needs in the browser is not installed."""


@dataclass(frozen=True)
class RuntimeFile:
    source: Path
    published_as: str


def pyodide_runtime(pyodide_dir: Path = PYODIDE_DIR) -> tuple[str, list[RuntimeFile]]:
    """The installed Pyodide version and its files, published under a folder named for the version."""
    missing = [name for name in PYODIDE_INPUTS if not (pyodide_dir / name).is_file()]
    if missing:
        raise MissingRuntime(
            f"the self-check's runtime is not installed: {', '.join(missing)} missing from {pyodide_dir}; "
            "run `npm ci` (or `make setup`) to install the pinned Pyodide"
        )
    version = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]
    folder = f"assets/pyodide-{version}"
    return version, [RuntimeFile(pyodide_dir / name, f"{folder}/{name}") for name in PYODIDE_FILES]


def bundle_files(bundle: RuntimeBundle) -> list[RuntimeFile]:
    """The bundle's files, published in a folder named for their content, so that browsers may cache them for good."""
    folder = f"assets/selfcheck-engine-{bundle.digest[:16]}"
    return [RuntimeFile(path, f"{folder}/{path.name}") for path in bundle.files]


def rules_json(programme: Programme, language: str) -> str:
    """The rules in one edition's language, as JSON text safe inside an HTML `<script type="application/json">`."""
    return script_json(selfcheck_rules(programme, language))


def selfcheck_context(programme: Programme, language: str, runtime: list[RuntimeFile], bundle: RuntimeBundle) -> dict:
    """What the self-check page needs to start the runtime in the browser: the files' addresses and integrity, and
    the rules in the page's language; and, for any page, the runtime's files in the order a start needs them.

    `boot_paths` are what a start asks for at once, the WebAssembly the largest; the standard library comes apart,
    after them, since Python needs it only once the WebAssembly is compiled (assets/selfcheck/prefetch.js fetches it
    once they have arrived; the worker asks for it at a low priority)."""
    published = {file.source.name: file.published_as for file in runtime}
    return {
        "rules_json": rules_json(programme, language),
        "pyodide_path": published["pyodide.mjs"],
        "wasm_path": published["pyodide.asm.wasm"],
        "stdlib_path": published[bundle.stdlib],
        "stdlib_integrity": bundle.integrity(bundle.stdlib),
        "lock_path": published[bundle.lock],
        "lock_integrity": bundle.integrity(bundle.lock),
        "package": bundle.package,
        "boot_paths": [published[name] for name in ("pyodide.mjs", bundle.lock, "pyodide.asm.mjs", "pyodide.asm.wasm",
                                                     bundle.wheel)],
    }
