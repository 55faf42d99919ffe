"""Without Chromium the browser tests fail and say how to install it; they never skip."""

from __future__ import annotations

import pytest
from chromium import chromium_executable


def test_without_chromium_the_browser_tests_fail_saying_to_run_ensure_browser(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="run scripts/ensure-browser"):
        chromium_executable(tmp_path / "chromium")
