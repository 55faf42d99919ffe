"""Building the site in tests: a strict MkDocs build into a temporary folder, and reading its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from programme.loader import PROJECT_ROOT


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site_dir: Path

    def page(self, url: str) -> BeautifulSoup:
        """The built page at a site URL such as `tracks/technology-for-good/`."""
        return BeautifulSoup((self.site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser")

    def article_text(self, url: str) -> str:
        return " ".join(self.page(url).select_one("article.md-content__inner").get_text(" ").split())


# A publish build at a sub-path, as on GitHub Pages (https://OWNER.github.io/REPO/); the hosts are reserved for examples.
SITE_URL = "https://owner.example.org/procruit-c/"
REPO_URL = "https://git.example.org/owner/procruit-c/"
PUBLISH = {"SITE_PUBLISH": "true", "SITE_URL": SITE_URL, "SITE_REPO_URL": REPO_URL}
# Settings of the environment that would change where the site lives: each test says which it wants.
LOCATION_VARIABLES = ("SITE_PUBLISH", "SITE_URL", "SITE_REPO_URL", "GITHUB_ACTIONS", "GITHUB_REPOSITORY", "GITHUB_SERVER_URL")


def build_site(site_dir: Path, data: Path | None = None, extra_env: dict[str, str] | None = None,
               config: Path | None = None) -> Build:
    """Run `mkdocs build --strict` as a person would, with another data file or configuration if given; a local
    build unless `extra_env` says where the site lives (PUBLISH, for example)."""
    inherited = {name: value for name, value in os.environ.items() if name not in LOCATION_VARIABLES}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if data is not None:
        env["PROGRAMME_DATA"] = str(data)
    config_option = ["--config-file", str(config)] if config else []
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *config_option, "--site-dir", str(site_dir)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(completed.returncode, completed.stdout + completed.stderr, site_dir)
