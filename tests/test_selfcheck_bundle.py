"""The self-check's runtime bundle: a pure-Python engine wheel, a lock that names only it, and a trimmed, compiled
standard library; reproducible, cached by its inputs, and refused clearly when a tool it needs is missing."""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import struct
import subprocess
import sys
import zipfile

import pytest

from sitebuild import build_site

from programme.runtime import bundle as bundle_module
from programme.runtime.bundle import (
    ENGINE_DIR,
    PYODIDE_DIR,
    BundleError,
    build_engine_wheel,
    engine_files,
    make_bundle,
    runtime_bundle,
)
from selfcheck.languages import DEFAULT_LANGUAGE, catalog_folder
from selfcheck.wording import LANGUAGES

# The .pyc header's flags (PEP 552): hash-based (bit 0), not checked against a source (bit 1 clear).
UNCHECKED_HASH_PYC = 0b01


def wheel_entries(bundle) -> dict[str, zipfile.ZipInfo]:
    return {entry.filename: entry for entry in zipfile.ZipFile(bundle.folder / bundle.wheel).infolist()}


def test_the_engine_is_a_pure_python_wheel_of_every_module_but_the_command_line_and_every_compiled_catalog(bundle):
    assert bundle.wheel.endswith("-py3-none-any.whl")
    files = sorted(name for name in wheel_entries(bundle) if not name.split("/")[0].endswith(".dist-info"))
    modules = [path.stem for path in ENGINE_DIR.glob("*.py") if path.name != "__main__.py"]
    expected = [f"selfcheck/{module}.py" for module in modules]
    expected += [f"selfcheck/locale/{catalog_folder(language)}/LC_MESSAGES/selfcheck.mo" for language in LANGUAGES
                 if language != DEFAULT_LANGUAGE]
    # Each module also compiled by Pyodide's own CPython, where its import looks for it first.
    tag = json.loads((bundle.folder / "manifest.json").read_text(encoding="utf-8"))["python"].split()[0]
    cache_tag = "cpython-" + "".join(tag.split(".")[:2])
    expected += [f"selfcheck/__pycache__/{module}.{cache_tag}.pyc" for module in modules]
    assert files == sorted(expected)
    assert "selfcheck/__init__.py" in files and "selfcheck/__main__.py" not in files
    assert not [name for name in files if name.endswith((".po", ".pot", ".cfg"))], "what translators edit stays home"


def test_the_wheel_holds_the_sources_unchanged_with_fixed_times_and_modes(bundle):
    wheel = zipfile.ZipFile(bundle.folder / bundle.wheel)
    for entry in wheel.infolist():
        assert entry.date_time == (1980, 1, 1, 0, 0, 0), entry.filename
        if entry.filename.startswith("selfcheck/"):
            assert entry.external_attr >> 16 == 0o100644, entry.filename
            if "/__pycache__/" in entry.filename:
                # A hash-based pyc that Python uses without checking its source (PEP 552: flags 0b01), beside it.
                pyc = wheel.read(entry)
                assert int.from_bytes(pyc[4:8], "little") == 0b01, entry.filename
                assert entry.filename.replace("__pycache__/", "").rsplit(".", 2)[0] + ".py" in wheel.namelist()
            else:
                assert wheel.read(entry) == (ENGINE_DIR.parent / entry.filename).read_bytes(), entry.filename


def test_the_engine_imports_nothing_outside_the_standard_library(bundle):
    wheel = zipfile.ZipFile(bundle.folder / bundle.wheel)
    for name in wheel.namelist():
        if not name.endswith(".py"):
            continue
        for node in ast.walk(ast.parse(wheel.read(name), name)):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                assert top == "selfcheck" or top in sys.stdlib_module_names, f"{name} imports {module}"


def test_the_installed_wheel_works_on_its_own_without_site_packages(bundle, tmp_path, rules):
    zipfile.ZipFile(bundle.folder / bundle.wheel).extractall(tmp_path)
    check = (
        f"import sys; sys.path.insert(0, {str(tmp_path)!r}); import selfcheck; print(selfcheck.__file__); "
        "print(selfcheck.evaluate_json('{\"application_date\": \"2021-01-04\", \"hk_resident\": true}', sys.stdin.read()))"
    )
    completed = subprocess.run(
        [sys.executable, "-I", "-S", "-c", check], input=json.dumps(rules), capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    location, result = completed.stdout.splitlines()
    assert location == str(tmp_path / "selfcheck" / "__init__.py")
    assert json.loads(result)["applications"]["status"] == "closed"


def test_the_lock_names_only_the_engine_with_the_wheels_sha256_for_this_pyodide(bundle):
    lock = json.loads((bundle.folder / bundle.lock).read_text(encoding="utf-8"))
    pyodide_lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"] == pyodide_lock["info"]
    assert list(lock["packages"]) == [bundle.package]
    engine = lock["packages"][bundle.package]
    assert engine["file_name"] == bundle.wheel
    assert engine["sha256"] == hashlib.sha256((bundle.folder / bundle.wheel).read_bytes()).hexdigest()
    assert engine["imports"] == ["selfcheck"] and engine["depends"] == []


def test_the_standard_library_holds_only_the_traced_modules_compiled_and_stored(bundle):
    stdlib = zipfile.ZipFile(bundle.folder / bundle.stdlib)
    entries = stdlib.infolist()
    assert [entry.filename for entry in entries] == sorted(f"{module}c" for module in bundle.modules)
    for entry in entries:
        assert entry.filename.endswith(".pyc") and entry.compress_type == zipfile.ZIP_STORED, entry.filename
        assert entry.date_time == (1980, 1, 1, 0, 0, 0), entry.filename
        (flags,) = struct.unpack("<I", stdlib.read(entry)[4:8])
        assert flags == UNCHECKED_HASH_PYC, entry.filename
    # What the engine and Pyodide's package loader import is there; what neither imports is not.
    for module in ("json/__init__.py", "dataclasses.py", "datetime.py", "re/__init__.py",
                   "pyodide/_package_loader.py", "zipfile/__init__.py"):
        assert module in bundle.modules, module
    for module in ("email/message.py", "http/client.py", "unittest/__init__.py", "sqlite3/__init__.py"):
        assert module not in bundle.modules, module


def test_the_published_digest_and_integrity_values_follow_the_content(bundle):
    for name, sha256 in bundle.sha256.items():
        assert hashlib.sha256((bundle.folder / name).read_bytes()).hexdigest() == sha256, name
    assert bundle.integrity(bundle.lock).startswith("sha256-")
    other = type(bundle)(**{**bundle.__dict__, "sha256": {**bundle.sha256, bundle.wheel: "0" * 64}})
    assert other.digest != bundle.digest


@pytest.mark.pyodide
def test_making_the_bundle_again_gives_the_same_bytes(bundle, tmp_path):
    again = tmp_path / "bundle"
    make_bundle(again, tmp_path)
    assert sorted(path.name for path in again.iterdir()) == sorted([*bundle.sha256, "manifest.json"])
    for path in again.iterdir():
        assert path.read_bytes() == (bundle.folder / path.name).read_bytes(), path.name


def test_a_second_call_takes_the_bundle_from_the_cache(bundle, monkeypatch):
    monkeypatch.setattr(bundle_module, "make_bundle", lambda *args: pytest.fail("made again"))
    assert runtime_bundle() == bundle


def test_the_compiled_catalogs_ship_in_the_wheel_and_change_the_key(tmp_path, monkeypatch):
    engine = tmp_path / "selfcheck"
    shutil.copytree(ENGINE_DIR, engine, ignore=shutil.ignore_patterns("__pycache__"))
    catalog = engine / "locale" / "zh_Hant" / "LC_MESSAGES" / "selfcheck.mo"
    catalog.parent.mkdir(parents=True, exist_ok=True)
    catalog.write_bytes(b"\xde\x12\x04\x95 a compiled catalog")
    monkeypatch.setattr(bundle_module, "ENGINE_DIR", engine)
    key_with = bundle_module.bundle_key()
    assert "locale/zh_Hant/LC_MESSAGES/selfcheck.mo" in engine_files()

    catalog.write_bytes(b"\xde\x12\x04\x95 another translation")
    assert bundle_module.bundle_key() != key_with
    wheel = zipfile.ZipFile(build_engine_wheel(tmp_path / "build", tmp_path))
    assert wheel.read("selfcheck/locale/zh_Hant/LC_MESSAGES/selfcheck.mo") == catalog.read_bytes()
    assert "selfcheck/__main__.py" not in wheel.namelist()


def test_without_node_the_bundle_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(BundleError, match=r"made with Node\.js, and `node` is not on the PATH: install Node\.js 20"):
        runtime_bundle(cache_dir=tmp_path)
    assert not (tmp_path / "selfcheck-bundle").exists() or not any((tmp_path / "selfcheck-bundle").iterdir())


def test_without_the_lock_tool_the_bundle_is_refused_saying_to_run_make_setup(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle_module, "LOCK_TOOL", tmp_path / "no-such-venv" / "bin" / "pyodide")
    with pytest.raises(BundleError, match=r"is missing: run `make setup`"):
        runtime_bundle(cache_dir=tmp_path)


def test_a_build_without_node_and_no_cached_bundle_stops_clearly_and_keeps_the_last_site(tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "previous.html").write_text("the last good site", encoding="utf-8")
    no_node = tmp_path / "bin"  # a PATH with nothing on it: no `node`
    no_node.mkdir()

    build = build_site(site_dir, extra_env={"PATH": str(no_node), "SITE_CACHE_DIR": str(tmp_path / "cache")})

    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert "made with Node.js, and `node` is not on the PATH: install Node.js 20, then build again" in build.output
    assert [path.name for path in site_dir.iterdir()] == ["previous.html"]


def test_the_bundle_does_not_depend_on_the_programme_data(monkeypatch, tmp_path):
    """A data edit never makes the bundle again: its key has no input from the data or the golden cases."""
    key = bundle_module.bundle_key()
    monkeypatch.setenv("PROGRAMME_DATA", str(tmp_path / "elsewhere.yaml"))
    assert bundle_module.bundle_key() == key


def test_the_trace_runs_a_criterion_of_every_kind_in_every_language():
    from programme.runtime.trace import RULES, trace_cases
    from selfcheck.kinds import KINDS

    assert {criterion["kind"] for criterion in RULES["criteria"]} == set(KINDS)
    assert {case["language"] for case in trace_cases()} == set(LANGUAGES)
