"""bench/renderer_throttle.py finds every renderer of one browser, whatever the order of process ids: a benchmark
round whose renderer it missed would run at full speed and flatter the figures."""

from __future__ import annotations

import sys
from pathlib import Path

from programme.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
from renderer_throttle import Renderers  # noqa: E402

BROWSER = 30000


def process(proc: Path, pid: int, parent: int, *arguments: str) -> None:
    folder = proc / str(pid)
    folder.mkdir()
    (folder / "stat").write_text(f"{pid} (chromium) S {parent} {pid} {pid} 0 -1 4194560 0 0 0 0\n")
    (folder / "cmdline").write_bytes(b"\0".join(argument.encode() for argument in ("chromium", *arguments)) + b"\0")


def test_a_renderer_whose_id_wrapped_around_below_its_zygotes_is_found(tmp_path):
    process(tmp_path, 1, 0, "init")
    process(tmp_path, BROWSER, 1, "--user-data-dir=/tmp/profile")
    process(tmp_path, 32000, BROWSER, "--type=zygote")
    process(tmp_path, 120, 32000, "--type=renderer")  # forked after the ids wrapped around
    process(tmp_path, 121, 1, "--type=renderer")  # another browser's

    assert Renderers(BROWSER, tmp_path).look() == {120}


def test_a_renderer_that_starts_later_is_found_and_one_that_has_gone_is_forgotten(tmp_path):
    process(tmp_path, BROWSER, 1, "--user-data-dir=/tmp/profile")
    process(tmp_path, 30001, BROWSER, "--type=zygote")
    renderers = Renderers(BROWSER, tmp_path)
    assert renderers.look() == set()

    process(tmp_path, 30002, 30001, "--type=renderer")
    assert renderers.look() == {30002}

    for name in ("stat", "cmdline"):
        (tmp_path / "30002" / name).unlink()
    (tmp_path / "30002").rmdir()
    process(tmp_path, 30003, 30001, "--type=utility")
    assert renderers.look() == set()

    process(tmp_path, 30002, 1, "--type=renderer")  # the id given to another browser's renderer
    assert renderers.look() == set()
