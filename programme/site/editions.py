"""The whole site, every language edition of it, built by one `mkdocs build` (or one rebuild of `mkdocs serve`).

MkDocs builds one configuration at a time. `mkdocs build` builds the first edition at the site's root; when it is
done, and before its new site is swapped in, Site builds each other edition into its folder (zh-hant/) with the same
configuration and `extra.edition` set to its language. Those builds run the same hooks, so every event names its
edition through the configuration it carries, and Site hands it to that edition's EditionBuild. The inputs the
editions share are loaded once, by the root edition.

Under `mkdocs serve`, a data file with problems does not stop the preview: every page it served shows the problems,
each with its line and column, until the file is fixed, and the page reloads itself when it is.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from programme.data.errors import DataError, ProgrammeDataError
from programme.data.loader import load_checked
from programme.hosting.compression import write_compressed_siblings
from programme.hosting.headers import content_security_policy
from programme.hosting.location import LocationError, site_location
from programme.runtime.assets import MissingRuntime, bundle_files, pyodide_runtime
from programme.runtime.bundle import BundleError, runtime_bundle
from programme.site.build import EditionBuild, SiteInputs
from programme.site.calendar import cohort_calendars
from programme.site.opendata import open_data_files
from programme.paths import SCHEMA_PATH
from programme.site.render import TEMPLATES_DIR, install_translations, problems_page, words_in
from programme.site.status import InvalidBuildDate, build_date
from programme.words.catalogs import LOCALE_DIR, CatalogError, prepare_catalogs
from programme.words.languages import DEFAULT_LANGUAGE


class Site:
    """Builds every edition; the hooks forward MkDocs' events to it."""

    def __init__(self) -> None:
        self.preview = False
        self._inputs: SiteInputs | None = None
        self._builds: dict[str, EditionBuild | ProblemsPreview] = {}
        self._previewed_pages: list[str] = []  # the pages the preview last served, to show problems on each
        self._theme_listings: dict[tuple[str, ...], list[str]] = {}  # this build's theme files, listed once

    def start(self, command: str) -> None:
        self.preview = command == "serve"

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check everything before MkDocs touches the site folder (the root edition), or take it from the
        root edition (any other); stop on any problem."""
        language = config.extra.get("edition")
        if language is None:
            self._builds.clear()
            self._theme_listings = {}
            try:
                self._inputs = self._load(config)
            except ProgrammeDataError as problems:
                if not self.preview:
                    raise PluginError(str(problems)) from None
                logging.getLogger("mkdocs").error(f"{problems}\nThe preview shows these on every page until they are fixed.")
                preview = ProblemsPreview(problems.errors, self._previewed_pages)
                self._builds[""] = preview
                return preview.configure(config)
            language = self._inputs.programme.languages[0]
        edition = self._inputs.programme.editions[language]
        _list_theme_once(config, self._theme_listings)
        self._builds[language] = EditionBuild(self._inputs, edition)
        if edition.is_root:
            self._previewed_pages = list(self._builds[language].pages)
        return self._builds[language].configure(config)

    def edition(self, config: MkDocsConfig) -> EditionBuild | ProblemsPreview:
        """The build of the edition `config` is for."""
        language = config.extra.get("edition")
        if language is None:
            return self._builds.get("") or self._builds[self._inputs.programme.languages[0]]
        return self._builds[language]

    def post_build(self, config: MkDocsConfig) -> None:
        """Build the other editions into their folders, then swap the whole new site in; unless strict mode is about
        to abort the build for its warnings (on_build_error then drops it)."""
        current = self.edition(config)
        if not current.finish(config):
            return
        if isinstance(current, EditionBuild) and current.is_root:
            for edition in list(self._inputs.programme.editions.values())[1:]:
                self._build_edition(config, edition.language, edition.folder)
            if not self.preview:  # .br and .gz beside the files that compress, for hosts that serve them
                write_compressed_siblings(Path(config.site_dir))
        if current.staged is not None:
            current.staged.publish()

    def build_error(self) -> None:
        """Drop every edition's half-built site; the last good site stays whole."""
        for current in self._builds.values():
            current.discard()

    def watched(self, config: MkDocsConfig) -> list[Path]:
        """What `mkdocs serve` rebuilds on: the data and its sources, its schema, the templates and the catalogs."""
        data_path = _data_path(config)
        paths = [data_path, data_path.parent / "sources", SCHEMA_PATH, TEMPLATES_DIR, LOCALE_DIR]
        return [path for path in paths if path.exists()]

    def theme_environment(self, env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
        """The theme's templates of overrides/ (404.html) get the site's words in the edition's language."""
        current = self.edition(config)
        install_translations(env, current.edition.language if isinstance(current, EditionBuild) else DEFAULT_LANGUAGE)
        if isinstance(current, EditionBuild):
            current.theme_filters(env)
            # The one 404 page, the root edition's, which a static host serves at any missing address: every edition
            # says its part in its own words (overrides/404.html).
            env.globals["not_found_editions"] = [
                {"edition": edition, "say": words_in(edition.language), "folder": f"{edition.folder}/" if edition.folder else ""}
                for edition in self._inputs.programme.editions.values()] if current.is_root else []
        return env

    def _load(self, config: MkDocsConfig) -> SiteInputs:
        data_path = _data_path(config)
        try:
            location = site_location(os.environ)
            data, programme = load_checked(data_path)
            _, pyodide = pyodide_runtime()
            bundle = runtime_bundle()
            today = build_date()
            prepare_catalogs(programme.derivations)
        except (LocationError, MissingRuntime, BundleError, InvalidBuildDate) as exc:
            raise PluginError(str(exc)) from None
        except CatalogError as exc:
            raise PluginError(f"the site's words: {exc}") from None
        return SiteInputs(data_path, data, programme, location, today, (*pyodide, *bundle_files(bundle)), bundle,
                          cohort_calendars(programme), open_data_files(data), self.preview)

    def _build_edition(self, config: MkDocsConfig, language: str, folder: str) -> None:
        """Build one more edition with this build's configuration, into its folder of the site being built."""
        edition_config = load_config(
            config.config_file_path, site_dir=str(Path(config.site_dir) / folder), strict=config.strict,
            extra={**config.extra, "edition": language},
        )
        build(edition_config)  # its errors reach this build's on_build_error, which drops the whole new site


def _list_theme_once(config: MkDocsConfig, listings: dict[tuple[str, ...], list[str]]) -> None:
    """Every edition of one build reads the same theme folders: list their files once, not once per edition. MkDocs
    lists every file of the theme's folders (some 14,000 in Material, most of them icons) through the theme's Jinja
    loader, only to find its static files; a third of an edition's build went there."""
    get_env = config.theme.get_env

    def get_env_listing_once() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        key = tuple(map(str, getattr(loader, "searchpath", ())))
        list_templates = loader.list_templates
        loader.list_templates = lambda: listings[key] if key in listings else listings.setdefault(key, list_templates())
        return env

    config.theme.get_env = get_env_listing_once


def _data_path(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / config.extra["programme_data"]


@dataclass
class ProblemsPreview:
    """The preview while the data has problems: each page it served before, and the home page, list the problems."""

    problems: list[DataError]
    pages: list[str]
    staged: None = None

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        config.nav = []
        config.extra["content_security_policy"] = content_security_policy(for_meta_tag=True, preview=True)
        config.extra["html_lang"] = "en"
        return config

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri in dict.fromkeys(["index.md", *self.pages]):
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=""))
        return files

    def prepare_page(self, page: MkDocsPage, config: MkDocsConfig) -> None:
        page.meta["title"] = "The data file has problems"

    def render_page(self, html: str, page: MkDocsPage, files: Files) -> str:
        return problems_page(self.problems)

    def page_context(self, context: dict, page: MkDocsPage, config: MkDocsConfig) -> dict:
        context["page_editions"] = []
        return context

    def finish(self, config: MkDocsConfig) -> bool:
        return True

    def discard(self) -> None:
        pass
