"""`mkdocs serve` rebuilds when staff edit the data, and survives a broken edit."""

from __future__ import annotations

import pytest
from preview import fetch, previewed, wait_for

from fixture_data import FIXTURE_DATA
from sitebuild import write_data


@pytest.fixture
def served(tmp_path):
    with previewed(write_data(tmp_path, FIXTURE_DATA.read_text(encoding="utf-8")), tmp_path / "serve.log") as preview:
        yield preview.data, preview.url, preview.log


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
