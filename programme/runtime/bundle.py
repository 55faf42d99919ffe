"""The self-check's runtime bundle: the engine as a wheel, a lock file naming it, and the standard library it needs.

Made reproducibly (the same inputs give the same bytes) and kept in a cache folder named for every input, so that a
site build only copies files. It is made again, in seconds and with Node.js, only when an input changes: the engine,
the pinned Pyodide, the trace (programme/runtime/trace.py) or the tools that make it; never the programme data.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from programme.data.loader import display_path
from programme.paths import PROJECT_ROOT
from programme.runtime import trace
from programme.words.catalogs import prepare_catalogs

ENGINE_DIR = PROJECT_ROOT / "selfcheck"
# The engine's files in its wheel, as globs inside the package. Package data (gettext catalogs, say) is one more glob.
ENGINE_FILES = ("*.py", "locale/*/LC_MESSAGES/*.mo")
ENGINE_LEFT_OUT = ("__main__.py",)  # the command line
ENGINE_PACKAGE = "selfcheck"
ENGINE_PROJECT = Path(__file__).with_name("engine.pyproject.toml")
STDLIB_SCRIPT = Path(__file__).with_name("stdlib_bundle.mjs")
PYODIDE_DIR = PROJECT_ROOT / "node_modules" / "pyodide"
# What the bundle is made from in the pinned Pyodide: its runtime runs the trace and compiles the .pyc files.
PYODIDE_INPUTS = ("package.json", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                  "pyodide-lock.json")
# `pyodide lockfile add-wheels` needs Python 3.12 or newer: it has its own small venv, made by `make setup`.
LOCK_TOOL = PROJECT_ROOT / ".venv-pyodide" / "bin" / "pyodide"
LOCK_TOOL_REQUIREMENTS = PROJECT_ROOT / "requirements" / "pyodide-tools.lock"
CACHE_DIR = Path(os.environ.get("SITE_CACHE_DIR") or PROJECT_ROOT / ".cache")
# Docstrings and asserts left out of the standard library's .pyc files; the golden cases pass under it.
STDLIB_OPTIMIZE = 2
_FIXED_TIME = "315532800"  # 1980-01-01 00:00 UTC, the earliest time a zip can hold
_MANIFEST = "manifest.json"


class BundleError(Exception):
    """The runtime bundle cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class RuntimeBundle:
    """The bundle's files in their cache folder, and what the page needs to load and check them."""

    folder: Path
    stdlib: str
    lock: str
    wheel: str
    package: str
    sha256: dict[str, str]
    modules: tuple[str, ...]

    @property
    def files(self) -> list[Path]:
        return [self.folder / name for name in (self.stdlib, self.lock, self.wheel)]

    @property
    def digest(self) -> str:
        """One sha256 for the bundle's content, which names the folder it is published in."""
        listing = "".join(f"{name} {self.sha256[name]}\n" for name in sorted(self.sha256))
        return hashlib.sha256(listing.encode()).hexdigest()

    def integrity(self, name: str) -> str:
        """A file's Subresource Integrity value, as fetch() checks it: `sha256-<base64>`."""
        return "sha256-" + base64.b64encode(bytes.fromhex(self.sha256[name])).decode()


def engine_files() -> dict[str, bytes]:
    """The engine's files for its wheel, by their path inside the package, sorted: its catalogs compiled first."""
    prepare_catalogs()
    files = {}
    for pattern in ENGINE_FILES:
        for path in ENGINE_DIR.glob(pattern):
            if path.is_file() and path.name not in ENGINE_LEFT_OUT and "__pycache__" not in path.parts:
                files[path.relative_to(ENGINE_DIR).as_posix()] = path.read_bytes()
    return dict(sorted(files.items()))


def bundle_key(pyodide_dir: Path = PYODIDE_DIR) -> str:
    """A sha256 of everything the bundle is made from; the same key always means the same bytes."""
    inputs: list[tuple[str, bytes]] = [
        ("tool " + path.name, path.read_bytes())
        for path in (Path(__file__), Path(trace.__file__), STDLIB_SCRIPT, ENGINE_PROJECT, LOCK_TOOL_REQUIREMENTS)
    ]
    inputs += [(f"build backend {name}", version(name).encode()) for name in ("setuptools", "build")]
    inputs += [(f"engine {name}", content) for name, content in engine_files().items()]
    inputs += [(f"pyodide {name}", (pyodide_dir / name).read_bytes()) for name in PYODIDE_INPUTS]
    digest = hashlib.sha256()
    for label, content in inputs:
        digest.update(f"{label}\0{hashlib.sha256(content).hexdigest()}\n".encode())
    return digest.hexdigest()


def runtime_bundle(pyodide_dir: Path = PYODIDE_DIR, cache_dir: Path = CACHE_DIR) -> RuntimeBundle:
    """The bundle from the cache, made first if no cached one has the same inputs (the engine, the pinned Pyodide and
    the tools: never the programme data)."""
    folder = cache_dir / "selfcheck-bundle" / bundle_key(pyodide_dir)
    if not (folder / _MANIFEST).is_file():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="making-", dir=folder.parent) as work:
            made = Path(work) / "bundle"
            make_bundle(made, Path(work), pyodide_dir)
            try:
                made.rename(folder)
            except OSError:
                if not (folder / _MANIFEST).is_file():  # else another build made the same bundle meanwhile
                    raise
    manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    return RuntimeBundle(folder, manifest["stdlib"], manifest["lock"], manifest["wheel"], manifest["package"],
                         manifest["sha256"], tuple(manifest["modules"]))


def make_bundle(folder: Path, work: Path, pyodide_dir: Path = PYODIDE_DIR) -> None:
    """Write the wheel, the lock file, the trimmed standard library and a manifest into `folder`, working in `work`."""
    node = shutil.which("node")
    if node is None:
        raise BundleError("the self-check's runtime bundle is made with Node.js, and `node` is not on the PATH: "
                          "install Node.js 20, then build again")
    if not LOCK_TOOL.is_file():
        raise BundleError(f"{display_path(LOCK_TOOL)} is missing: run `make setup`, which makes the "
                          "small Python 3.12 environment that holds `pyodide lockfile`")
    folder.mkdir(parents=True)
    wheel = build_engine_wheel(work / "engine", folder)
    lock = folder / "pyodide-lock.json"
    base_lock = work / "base-lock.json"
    pyodide_info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    base_lock.write_text(json.dumps({"info": pyodide_info, "packages": {}}), encoding="utf-8")
    _run([str(LOCK_TOOL), "lockfile", "add-wheels", "--input", str(base_lock), "--output", str(lock), str(wheel)],
         "pyodide lockfile add-wheels")
    stdlib = folder / "python_stdlib.zip"
    request = work / "stdlib-request.json"
    request.write_text(json.dumps({
        "pyodide": str(pyodide_dir), "lock": str(lock), "packages": str(folder), "package": ENGINE_PACKAGE,
        "cases": trace.trace_cases(),
        "optimize": STDLIB_OPTIMIZE, "output": str(stdlib),
        "engine": {"folder": str(work / "engine" / ENGINE_PACKAGE),
                   "names": [name for name in engine_files() if name.endswith(".py")]},
    }), encoding="utf-8")
    report = json.loads(_run([node, str(STDLIB_SCRIPT), str(request)], "the standard library's trace under Node"))
    # The wheel again, now with the engine's modules compiled by Pyodide's own CPython (the trace's run wrote them into
    # __pycache__/ of its copy): a visitor's browser imports them without compiling their source first (bench:
    # bench/selfcheck_versions.py). Its lock names the new wheel.
    wheel.unlink()
    shutil.rmtree(work / "engine" / "build", ignore_errors=True)
    wheel = build_engine_wheel(work / "engine", folder)
    lock.unlink()
    _run([str(LOCK_TOOL), "lockfile", "add-wheels", "--input", str(base_lock), "--output", str(lock), str(wheel)],
         "pyodide lockfile add-wheels")
    files = (stdlib, lock, wheel)
    manifest = {
        "stdlib": stdlib.name, "lock": lock.name, "wheel": wheel.name, "package": ENGINE_PACKAGE,
        "python": report["python"], "modules": report["modules"],
        "sha256": {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files},
    }
    (folder / _MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def build_engine_wheel(source: Path, output: Path) -> Path:
    """The engine as a pure-Python wheel, built by setuptools through `python -m build` from a copy of its files."""
    package = source / ENGINE_PACKAGE
    for name, content in engine_files().items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        path.chmod(0o644)  # the wheel records each file's mode
    shutil.copyfile(ENGINE_PROJECT, source / "pyproject.toml")
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(output), str(source)],
         "the engine's wheel build", env={"SOURCE_DATE_EPOCH": _FIXED_TIME})
    wheels = list(output.glob("*.whl"))
    if len(wheels) != 1 or not wheels[0].name.endswith("-py3-none-any.whl"):
        raise BundleError(f"the engine's wheel build made {[wheel.name for wheel in wheels]}, "
                          "not one pure-Python wheel")
    return wheels[0]


def _run(command: list[str], what: str, env: dict[str, str] | None = None) -> str:
    completed = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})},
                               cwd=PROJECT_ROOT, timeout=600)
    if completed.returncode != 0:
        output = (completed.stderr or completed.stdout).strip().splitlines()
        raise BundleError(f"{what} failed (exit {completed.returncode}):\n" + "\n".join(output[-20:]))
    return completed.stdout
