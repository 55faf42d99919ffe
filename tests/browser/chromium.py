"""The browser the tests drive: Debian's Chromium from scripts/ensure-browser, never one Playwright downloads."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]


def chromium_executable(path: Path = CHROMIUM) -> str:
    """The Chromium to drive; fails, never skips, when it is not installed."""
    if not path.is_file():
        pytest.fail(f"{path} is missing: run scripts/ensure-browser (Playwright cannot download a browser here)")
    return str(path)
