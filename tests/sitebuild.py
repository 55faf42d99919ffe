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


def build_site(site_dir: Path, data: Path | None = None, extra_env: dict[str, str] | None = None,
               config: Path | None = None) -> Build:
    """Run `mkdocs build --strict` as a person would, with another data file or configuration if given."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if data is not None:
        env["PROGRAMME_DATA"] = str(data)
    config_option = ["--config-file", str(config)] if config else []
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *config_option, "--site-dir", str(site_dir)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    return Build(completed.returncode, completed.stdout + completed.stderr, site_dir)
