"""The self-check's files for the site: the pinned Pyodide runtime and the engine's bundle, where each is published."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from programme.runtime.bundle import PYODIDE_DIR, PYODIDE_INPUTS, RuntimeBundle

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
