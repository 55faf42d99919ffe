"""MkDocs hooks: the site's pages and the self-check's files, generated from data/programme.yaml.

Thin glue: loading, checking, planning and rendering live in the `programme` package.

One build per language edition (programme/words/languages.py): `mkdocs build` builds the first edition (English) at the
site's root, and then, before the new site is swapped in, each other edition into its own folder (zh-hant/) with
the same configuration and `extra.edition` set to its language. So `mkdocs build` and `mkdocs serve` always make
the whole site. The self-check's runtime is shared: only the root edition holds it.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import jieba
import jinja2
from markupsafe import Markup, escape
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from programme import DATA_PATH, ProgrammeDataError
from programme.runtime.bundle import BundleError, RuntimeBundle, runtime_bundle
from programme.site.calendar import CohortCalendar, calendar_file, cohort_calendars
from programme.words.catalogs import LOCALE_DIR, CatalogError, compile_catalogs, site_translations
from programme.hosting.compression import write_compressed_siblings
from programme.words.languages import EDITIONS, Edition
from programme.hosting.headers import content_security_policy, headers_file
from programme.data.loader import SCHEMA_PATH, load_checked
from programme.site.metadata import page_metadata, robots_txt
from programme.data.model import Programme
from programme.site.opendata import open_data_files
from programme.site.pages import SELF_CHECK, TIMELINE, PageSpec, plan_nav, plan_pages
from programme.hosting.location import LocationError, SiteLocation, site_location
from programme.site.render import TEMPLATES_DIR, PageRenderer, install_translations, table_of_contents
from programme.hosting.sitedir import StagedSiteDir
from programme.runtime.assets import MissingRuntime, RuntimeFile, bundle_files, pyodide_runtime, selfcheck_context
from programme.site.status import InvalidBuildDate, build_date
from programme.site.structured_data import GRAPHS, script_json
from programme.site.whitespace import drop_indentation

# The search plugin segments Chinese with jieba, which otherwise logs every dictionary load.
jieba.setLogLevel(logging.WARNING)
# Fetches the self-check's runtime when a reader heads there (overrides/main.html puts it on every other page).
PREFETCH_SCRIPT = "assets/selfcheck/prefetch.js"
# Module workers and WebAssembly need these types, in `mkdocs serve` too.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


@dataclass
class _SiteBuild:
    data_path: Path
    programme: Programme
    edition: Edition
    location: SiteLocation
    pages: dict[str, PageSpec]
    renderer: PageRenderer
    runtime: list[RuntimeFile]
    bundle: RuntimeBundle
    calendars: dict[str, CohortCalendar]
    open_data: dict[str, bytes]
    selfcheck: dict  # the self-check's runtime files and rules (programme/runtime/assets.py)
    files: Files | None = None  # this edition's files, once on_files has them
    staged: StagedSiteDir | None = None
    warnings: CountHandler = field(default_factory=CountHandler)  # strict MkDocs aborts only after on_post_build

    @property
    def shared_files(self) -> set[str]:
        """What every edition uses and only the root edition holds: the self-check's runtime and engine, and the open
        data (which the About page links)."""
        return {runtime_file.published_as for runtime_file in self.runtime} | set(self.open_data)


# The builds under way, innermost last: each other edition is built inside the root edition's on_post_build, and
# MkDocs loads this module once for both. Each build takes its place in on_config and leaves it in on_post_build or
# on_build_error, exactly one of which ends every build.
_builds: list[_SiteBuild | None] = []


_serving = False


def _state() -> _SiteBuild:
    """The build under way: the innermost."""
    return _builds[-1]


def on_startup(*, command: str, dirty: bool) -> None:
    """Note whether this is `mkdocs serve`, whose server sends files as they are."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check everything before MkDocs touches the site directory; stop on any problem. Another edition,
    built inside the root edition's build, takes what every edition shares from it: the same data, runtime and day."""
    root = _builds[0] if _builds else None
    _builds.append(None)
    if root is None:
        data_path = _data_path(config)
        try:
            location = site_location(os.environ)
            data, programme = load_checked(data_path)
            _, pyodide = pyodide_runtime()
            bundle = runtime_bundle(programme if data_path.resolve() == DATA_PATH else None)
            today = build_date()
            compile_catalogs()
        except (LocationError, ProgrammeDataError, MissingRuntime, BundleError, InvalidBuildDate) as exc:
            raise PluginError(str(exc)) from None
        except CatalogError as exc:
            raise PluginError(f"the site's words: {exc}") from None
        runtime = [*pyodide, *bundle_files(bundle)]
        calendars, open_data = cohort_calendars(programme), open_data_files(data)
    else:
        data_path, programme, location, today = root.data_path, root.programme, root.location, root.renderer.today
        runtime, bundle, calendars, open_data = root.runtime, root.bundle, root.calendars, root.open_data
    language = config.extra.get("edition") or programme.languages[0]
    edition = EDITIONS[language]
    try:
        site_translations(language)
    except FileNotFoundError as exc:
        raise PluginError(f"the {language} edition's words: {exc}") from None
    selfcheck = selfcheck_context(programme, language, runtime, bundle)
    pages = plan_pages(programme)
    renderer = PageRenderer(programme, today, {"selfcheck": selfcheck, "calendars": calendars}, language=language)
    _builds[-1] = _SiteBuild(data_path, programme, edition, location, {page.src_uri: page for page in pages}, renderer,
                             runtime, bundle, calendars, open_data, selfcheck)
    config.nav = plan_nav(programme, language) + (list(config.nav or []) if _is_root(edition) else [])
    config.theme["language"] = edition.theme_language
    config.extra["alternate"] = [EDITIONS[other].name for other in programme.languages]  # the theme shows our switcher
    # The theme prints these into HTML as they are: data reaches it escaped, as Markup, so that its own `| e`
    # does not escape it twice.
    config.site_name = escape(programme.name)
    config.extra["content_security_policy"] = content_security_policy(for_meta_tag=True)
    # Where the site lives (programme/hosting/location.py): a local build has no address, so no canonical links,
    # sitemap entries or edit links.
    config.site_url = location.edition_url(language)
    config.repo_url = location.repo_url
    config.edit_uri = location.edit_uri
    _stage_site_dir(config)
    return config


def _data_path(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / config.extra["programme_data"]


def _stage_site_dir(config: MkDocsConfig) -> None:
    """Build beside the site folder; on_post_build swaps the result in, on_build_error throws it away."""
    build_state = _state()
    build_state.staged = StagedSiteDir(config.site_dir)
    config.site_dir = str(build_state.staged.building)
    build_state.warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(build_state.warnings)


@event_priority(-100)  # last, after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Build the other language editions into their folders, then swap the whole new site in; unless strict mode is
    about to abort the build for its warnings."""
    build_state = _state()
    logging.getLogger("mkdocs").removeHandler(build_state.warnings)
    if config.strict and build_state.warnings.get_counts():
        return  # MkDocs raises next, and on_build_error discards the new site
    if _is_root(build_state.edition):
        for language in build_state.programme.languages[1:]:
            _build_edition(config, EDITIONS[language])
        if not _serving:  # .br and .gz beside the files that compress, for hosts that serve them
            write_compressed_siblings(Path(config.site_dir))
    build_state.staged.publish()
    _builds.pop()


def _build_edition(config: MkDocsConfig, edition: Edition) -> None:
    """Build one more edition with this build's configuration, into its folder of the site being built."""
    edition_config = load_config(
        config.config_file_path, site_dir=str(Path(config.site_dir) / edition.folder), strict=config.strict,
        extra={**config.extra, "edition": edition.language},
    )
    build(edition_config)  # its errors reach this build's on_build_error, which drops the whole new site


def _is_root(edition: Edition) -> bool:
    return not edition.folder


def on_build_error(error: Exception) -> None:
    """Keep the last good site: drop only what this build wrote."""
    build_state = _builds.pop()
    if build_state is not None:
        logging.getLogger("mkdocs").removeHandler(build_state.warnings)
        if build_state.staged is not None:
            build_state.staged.discard()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and calendars; the root edition also holds the self-check's runtime and what the
    whole site shares: open data, robots.txt and the host's headers."""
    _state().files = files
    for src_uri in _state().pages:
        files.append(File.generated(config, src_uri, content=""))
    language = _state().edition.language
    timeline_url = _state().location.page_url(language, files.get_file_from_path(TIMELINE).url)
    for calendar in _state().calendars.values():
        if calendar.events:
            content = calendar_file(_state().programme, calendar, language, timeline_url)
            files.append(File.generated(config, calendar.published_as, content=content))
    if not _is_root(_state().edition):
        # Hand-written pages in docs/ are in English: only the root edition has them.
        for file in [file for file in files if file.is_documentation_page() and file.src_uri not in _state().pages]:
            files.remove(file)
        return files
    for runtime_file in _state().runtime:
        files.append(File.generated(config, runtime_file.published_as, abs_src_path=str(runtime_file.source)))
    for name, content in _state().open_data.items():
        files.append(File.generated(config, name, content=content))
    sitemaps = [_state().location.edition_url(other) for other in _state().programme.languages]
    files.append(File.generated(config, "robots.txt", content=robots_txt(sitemaps)))
    files.append(File.generated(config, "_headers", content=headers_file()))
    return files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Give the theme's templates of overrides/ (404.html) the site's words in the edition's language."""
    install_translations(env, _state().renderer.language)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give generated pages their title (as HTML, which is what MkDocs expects), their theme template and settings, and
    an edit link to the data; date every page, for the sitemap, by the day staff last reviewed the data."""
    page.update_date = _state().programme.reviewed.iso
    spec = _state().pages.get(page.file.src_uri)
    if spec is None:
        return markdown
    page.meta["title"] = escape(spec.title.in_language(_state().renderer.language))
    page.meta.update(spec.theme_meta)
    if config.repo_url and config.edit_uri:
        docs_edit_base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
        page.edit_url = urljoin(docs_edit_base, Path(os.path.relpath(_state().data_path, config.docs_dir)).as_posix())
    return markdown


def on_page_content(html_content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render a generated page from its template, and give it a table of contents."""
    spec = _state().pages.get(page.file.src_uri)
    if spec is None:
        return html_content

    def href(src_uri: str) -> str:
        address = _href(page, src_uri)
        if address is None:
            raise PluginError(f"{spec.template} links to {src_uri!r}, which is not a page or file of this site")
        return address

    rendered = _state().renderer.render(spec, href)
    page.toc = get_toc(table_of_contents(rendered))
    return rendered


def _href(page: Page, src_uri: str) -> str | None:
    """A page or file of this edition, or a file the root edition holds for all, relative to `page`."""
    target = _state().files.get_file_from_path(src_uri)
    if target is not None:
        return target.url_relative_to(page.file)
    if src_uri in _state().shared_files:  # the root edition's, one folder up
        return posixpath.relpath(src_uri, posixpath.join(_state().edition.folder, page.url) or ".")
    return None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the page's head its description, canonical address, language alternates, Open Graph fields and JSON-LD,
    and the language switcher its links to the same page in the other editions."""
    programme, language = _state().programme, _state().renderer.language
    spec = _state().pages.get(page.file.src_uri)
    if spec is not None:
        title, description = spec.title.in_language(language), _state().renderer.description(spec)
    else:
        title = Markup(page.title).striptags()
        description = page.meta.get("description") or config.site_description
    graph = GRAPHS.get(spec.template) if spec is not None else None
    structured_data = script_json(graph(
        programme, language, site_url=config.site_url, page_url=page.canonical_url, description=description,
        today=_state().renderer.today,
    )) if graph else None
    # A generated page is in every edition; a hand-written one (docs/) only in the first.
    editions = programme.languages if spec is not None else programme.languages[:1]
    context["page_metadata"] = page_metadata(
        _state().location, editions, language=language, path=page.url, site_name=programme.name,
        title=title, description=description, structured_data=structured_data,
    )
    context["page_editions"] = [(EDITIONS[other], _edition_href(EDITIONS[other], page)) for other in editions if other != language]
    context["selfcheck_runtime"] = _selfcheck_runtime(page, spec)
    return context


def _selfcheck_runtime(page: Page, spec: PageSpec | None) -> dict:
    """What the page's head tells assets/selfcheck/prefetch.js of the self-check's runtime (overrides/main.html): on
    the self-check page, its WebAssembly, asked for early; on every other page, the addresses to fetch when its reader
    heads for the self-check, and whether the page itself leads there."""
    selfcheck, script = _state().selfcheck, _href(page, PREFETCH_SCRIPT)
    if spec is not None and spec.src_uri == SELF_CHECK:
        return {"prefetch_script": script, "wasm": _href(page, selfcheck["wasm_path"])}
    return {
        "prefetch_script": script,
        "self_check": _href(page, SELF_CHECK),
        "boot": [_href(page, path) for path in selfcheck["boot_paths"]],
        "stdlib": _href(page, selfcheck["stdlib_path"]),
        "on_idle": spec is not None and spec.leads_to_self_check,
    }


def _edition_href(other: Edition, page: Page) -> str:
    """The same page in another edition, relative to this page: editions share their page addresses."""
    here = posixpath.join(_state().edition.folder, page.url) or "."
    there = posixpath.join(other.folder, page.url) or "."
    relative = posixpath.relpath(there, here)
    return relative if relative.endswith("/") or relative == "." else relative + "/"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Drop the theme's indentation: half of every page's bytes, and nothing a visitor sees."""
    return drop_indentation(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return drop_indentation(output) if template_name.endswith(".html") else output


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Rebuild when the data, its schema, a template or a catalog changes."""
    for path in (_data_path(config), SCHEMA_PATH, TEMPLATES_DIR, LOCALE_DIR):
        server.watch(str(path))
    return server

