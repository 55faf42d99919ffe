"""The self-check's files for the site: the pinned Pyodide runtime, the rules engine archive, its rules."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .bundle import build_selfcheck_archive
from .loader import PROJECT_ROOT
from .model import Programme
from .rules import selfcheck_rules
from .structured_data import script_json

PYODIDE_DIR = PROJECT_ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


class MissingRuntime(Exception):
    """A file the self-check needs in the browser is not installed."""


@dataclass(frozen=True)
class RuntimeFile:
    source: Path
    published_as: str


def pyodide_runtime(pyodide_dir: Path = PYODIDE_DIR) -> tuple[str, list[RuntimeFile]]:
    """The installed Pyodide version and its files, published under a folder named for the version."""
    manifest = pyodide_dir / "package.json"
    missing = [name for name in ("package.json", *PYODIDE_FILES) if not (pyodide_dir / name).is_file()]
    if missing:
        raise MissingRuntime(
            f"the self-check's runtime is not installed: {', '.join(missing)} missing from {pyodide_dir}; "
            "run `npm ci` (or `make setup`) to install the pinned Pyodide"
        )
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    folder = f"assets/pyodide-{version}"
    return version, [RuntimeFile(pyodide_dir / name, f"{folder}/{name}") for name in PYODIDE_FILES]


@dataclass(frozen=True)
class EngineArchive:
    """The rules engine as the browser receives it, named and checked by its sha256."""

    content: bytes
    sha256: str

    @property
    def published_as(self) -> str:
        return f"assets/selfcheck/selfcheck-{self.sha256[:16]}.zip"


def engine_archive() -> EngineArchive:
    content = build_selfcheck_archive()
    return EngineArchive(content, hashlib.sha256(content).hexdigest())


def rules_json(programme: Programme, language: str) -> str:
    """The rules in one edition's language, as JSON text safe inside an HTML `<script type="application/json">`."""
    return script_json(selfcheck_rules(programme, language))
