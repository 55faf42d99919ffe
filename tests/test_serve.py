"""`mkdocs serve` rebuilds when staff edit the data, and survives a broken edit."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from programme.paths import PROJECT_ROOT
from fixture_data import FIXTURE_DATA
from sitebuild import write_data


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.25)
    return False


@pytest.fixture
def served(tmp_path):
    data = write_data(tmp_path, FIXTURE_DATA.read_text(encoding="utf-8"))
    log = tmp_path / "serve.log"
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=PROJECT_ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PROGRAMME_DATA": str(data)},
            stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        yield data, f"http://127.0.0.1:{port}/", log
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.usefixtures("site_cache")  # the runtime bundle, made once for every worker
def test_editing_the_data_rebuilds_the_served_site(served):
    data, url, log = served
    assert wait_for(lambda: "Technology for Good" in fetch(url)), "the site was never served"

    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("      value: 75\n", "      value: lots\n"), encoding="utf-8")
    # The terminal and every page served before say what is wrong and where, until it is fixed
    problem = "tracks[technology-for-good].positions.value: expected an integer, found string &#39;lots&#39;"
    assert wait_for(lambda: problem in fetch(url) and problem in fetch(url + "roles/trainee-designer/"))
    assert "tracks[technology-for-good].positions.value: expected an integer, found string 'lots'" in log.read_text()

    data.write_text(text.replace("name: Technology for Good\n", "name: Technology for Everyone\n"), encoding="utf-8")
    assert wait_for(lambda: "Technology for Everyone" in fetch(url)), "the edit never reached the served site"
