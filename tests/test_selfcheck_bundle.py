"""The engine archive for the browser: reproducible, complete, standard library only."""

from __future__ import annotations

import ast
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from programme.bundle import ENGINE_DIR, build_selfcheck_archive


def test_the_same_sources_make_the_same_bytes():
    assert build_selfcheck_archive() == build_selfcheck_archive()


def test_the_archive_holds_every_engine_module_but_the_command_line_sorted_with_fixed_metadata():
    entries = zipfile.ZipFile(io.BytesIO(build_selfcheck_archive())).infolist()
    expected = sorted(f"selfcheck/{path.name}" for path in ENGINE_DIR.glob("*.py") if path.name != "__main__.py")
    assert [entry.filename for entry in entries] == expected
    assert "selfcheck/__init__.py" in expected
    assert {(entry.date_time, entry.external_attr >> 16, entry.compress_type) for entry in entries} == {
        ((1980, 1, 1, 0, 0, 0), 0o100644, zipfile.ZIP_STORED)
    }


def test_the_archive_holds_the_sources_unchanged():
    archive = zipfile.ZipFile(io.BytesIO(build_selfcheck_archive()))
    for name in archive.namelist():
        assert archive.read(name) == (ENGINE_DIR / Path(name).name).read_bytes(), name


def test_the_engine_imports_nothing_outside_the_standard_library():
    archive = zipfile.ZipFile(io.BytesIO(build_selfcheck_archive()))
    for name in archive.namelist():
        for node in ast.walk(ast.parse(archive.read(name), name)):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                assert top == "selfcheck" or top in sys.stdlib_module_names, f"{name} imports {module}"


def test_the_unpacked_archive_works_on_its_own_without_site_packages(tmp_path, rules):
    zipfile.ZipFile(io.BytesIO(build_selfcheck_archive())).extractall(tmp_path)
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
