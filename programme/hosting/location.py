"""Where the site lives: its public address and its repository, decided in this one place from the environment.

A local build (the default) knows neither, so its pages link to each other relatively and carry no edit link.
A publish build (`SITE_PUBLISH=true`) must know both: `SITE_URL` and `SITE_REPO_URL`, which on GitHub Actions
default to the repository's Pages address and its GitHub address.

Page addresses are a function of the language edition and the page's path, so that a second edition can be
added later: English, the default, lives at `SITE_URL`, and any other edition under `SITE_URL/<language>/`
(`zh-Hant` under `zh-hant/`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from programme.words.languages import Edition

PUBLISH = "SITE_PUBLISH"
SITE_URL = "SITE_URL"
REPO_URL = "SITE_REPO_URL"
# The branch that the publish workflow deploys from, and so the one whose files the edit links open.
EDIT_URI = "edit/main/docs/"
# Characters an address may contain here: no quotes, spaces or angle brackets, so it is safe in any attribute.
_URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


class LocationError(Exception):
    """A publish build cannot tell where the site lives, or was told an address it cannot use."""


@dataclass(frozen=True)
class SiteLocation:
    """The site's public root (English edition) and its repository; both None for a local build."""

    site_url: str | None = None
    repo_url: str | None = None

    @property
    def publish(self) -> bool:
        return self.site_url is not None

    @property
    def edit_uri(self) -> str | None:
        return EDIT_URI if self.repo_url else None

    def edition_url(self, edition: Edition) -> str | None:
        """The root of one language edition: the site's root for the first, its folder below it otherwise."""
        if self.site_url is None:
            return None
        return f"{self.site_url}{edition.folder}/" if edition.folder else self.site_url

    def page_url(self, edition: Edition, path: str) -> str | None:
        """The absolute address of a page, from its edition and its path within it (`roles/trainee-designer/`)."""
        root = self.edition_url(edition)
        return None if root is None else root + path.lstrip("/")


def edition_href(here: Edition, there: Edition, path: str) -> str:
    """The page at `path` (as MkDocs gives page.url) in edition `there`, relative to the same page in `here`: editions
    share their page addresses."""
    origin = posixpath.join(here.folder, path) or "."
    target = posixpath.join(there.folder, path) or "."
    relative = posixpath.relpath(target, origin)
    return relative if relative.endswith("/") or relative == "." else relative + "/"


def root_file_href(here: Edition, page_path: str, file: str) -> str:
    """A file that only the root edition holds (the self-check's runtime, open data), relative to a page of `here`."""
    return posixpath.relpath(file, posixpath.join(here.folder, page_path) or ".")



def site_location(environ: Mapping[str, str]) -> SiteLocation:
    """Read where the site lives from the environment; raise LocationError if a publish build cannot know."""
    if environ.get(PUBLISH, "").strip().lower() not in ("1", "true", "yes"):
        return SiteLocation()
    site_url = environ.get(SITE_URL, "").strip() or _github_pages_url(environ)
    repo_url = environ.get(REPO_URL, "").strip() or _github_repo_url(environ)
    missing = [name for name, value in ((SITE_URL, site_url), (REPO_URL, repo_url)) if not value]
    if missing:
        raise LocationError(
            f"a publish build ({PUBLISH}=true) needs to know where the site lives: set {' and '.join(missing)} "
            f"(for example {SITE_URL}=https://OWNER.github.io/REPO/ {REPO_URL}=https://github.com/OWNER/REPO/), "
            "or build on GitHub Actions, where both default to the repository's; nothing was built"
        )
    return SiteLocation(_checked_url(SITE_URL, site_url), _checked_url(REPO_URL, repo_url))


def _github_pages_url(environ: Mapping[str, str]) -> str | None:
    """GitHub Pages' address for the repository: `https://owner.github.io/repo/`, or the host alone for a
    repository named `owner.github.io`."""
    owner, repository = _github_repository(environ)
    if owner is None:
        return None
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if repository.lower() == host else f"https://{host}/{repository}/"


def _github_repo_url(environ: Mapping[str, str]) -> str | None:
    owner, repository = _github_repository(environ)
    if owner is None:
        return None
    server = environ.get("GITHUB_SERVER_URL", "").strip() or "https://github.com"
    return f"{server.rstrip('/')}/{owner}/{repository}/"


def _github_repository(environ: Mapping[str, str]) -> tuple[str | None, str]:
    if environ.get("GITHUB_ACTIONS") != "true":
        return None, ""
    owner, _, repository = environ.get("GITHUB_REPOSITORY", "").partition("/")
    return (owner, repository) if owner and repository else (None, "")


def _checked_url(name: str, value: str) -> str:
    """An absolute http(s) address ending in `/`; LocationError names the variable otherwise."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or not _URL_CHARACTERS.match(value):
        raise LocationError(
            f"{name}: expected an absolute http(s) address without query or fragment, such as "
            f"https://OWNER.github.io/REPO/, found {value!r}; nothing was built"
        )
    return value if value.endswith("/") else value + "/"
