"""MkDocs hooks: the site's pages and the self-check's files, generated from data/programme.yaml.

Thin glue: loading, checking, planning and rendering live in the `programme` package.
"""

from __future__ import annotations

import logging
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from programme import ProgrammeDataError
from programme.calendar import CohortCalendar, calendar_file, cohort_calendars
from programme.headers import content_security_policy, headers_file
from programme.loader import SCHEMA_PATH, load_checked
from programme.metadata import page_metadata, robots_txt
from programme.model import DEFAULT_LANGUAGE, Programme
from programme.opendata import open_data_files
from programme.pages import TIMELINE, PageSpec, plan_nav, plan_pages
from programme.publish import LocationError, SiteLocation, site_location
from programme.render import TEMPLATES_DIR, PageRenderer, install_translations, table_of_contents
from programme.sitedir import StagedSiteDir
from programme.site_assets import EngineArchive, MissingRuntime, RuntimeFile, engine_archive, pyodide_runtime, rules_json
from programme.status import InvalidBuildDate, build_date
from programme.structured_data import GRAPHS, script_json
from programme.whitespace import drop_indentation

# Module workers and WebAssembly need these types, in `mkdocs serve` too.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


@dataclass
class _SiteBuild:
    data_path: Path
    programme: Programme
    location: SiteLocation
    pages: dict[str, PageSpec]
    renderer: PageRenderer
    runtime: list[RuntimeFile]
    archive: EngineArchive
    calendars: dict[str, CohortCalendar]
    open_data: dict[str, bytes]


_build: _SiteBuild | None = None
_staged: StagedSiteDir | None = None
_warnings = CountHandler()  # MkDocs aborts a strict build with warnings only after on_post_build
_warnings.setLevel(logging.WARNING)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check everything before MkDocs touches the site directory; stop on any problem."""
    global _build
    data_path = Path(config.config_file_path).parent / config.extra["programme_data"]
    try:
        location = site_location(os.environ)
        data, programme = load_checked(data_path)
        _, runtime = pyodide_runtime()
        today = build_date()
    except (LocationError, ProgrammeDataError, MissingRuntime, InvalidBuildDate) as exc:
        raise PluginError(str(exc)) from None
    archive = engine_archive()
    selfcheck = {
        "rules_json": rules_json(programme),
        "archive_sha256": archive.sha256,
        "archive_path": archive.published_as,
        "pyodide_path": runtime[0].published_as.rsplit("/", 1)[0] + "/",
    }
    pages = plan_pages(programme)
    calendars = cohort_calendars(programme)
    _build = _SiteBuild(data_path, programme, location, {page.src_uri: page for page in pages},
                        PageRenderer(programme, today, {"selfcheck": selfcheck, "calendars": calendars}), runtime,
                        archive, calendars, open_data_files(data))
    config.nav = plan_nav(programme, DEFAULT_LANGUAGE) + list(config.nav or [])
    config.theme["language"] = DEFAULT_LANGUAGE
    # The theme prints these into HTML as they are: data reaches it escaped, as Markup, so that its own `| e`
    # does not escape it twice.
    config.site_name = escape(programme.name)
    config.extra["content_security_policy"] = content_security_policy(for_meta_tag=True)
    # Where the site lives (programme/publish.py): a local build has no address, so no canonical links,
    # sitemap entries or edit links.
    config.site_url = location.edition_url(DEFAULT_LANGUAGE)
    config.repo_url = location.repo_url
    config.edit_uri = location.edit_uri
    _stage_site_dir(config)
    return config


def _stage_site_dir(config: MkDocsConfig) -> None:
    """Build beside the site folder; on_post_build swaps the result in, on_build_error throws it away."""
    global _staged
    _staged = StagedSiteDir(config.site_dir)
    config.site_dir = str(_staged.building)
    _warnings.counts.clear()
    logging.getLogger("mkdocs").addHandler(_warnings)


@event_priority(-100)  # last, after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Swap the new site in, unless strict mode is about to abort the build for its warnings."""
    logging.getLogger("mkdocs").removeHandler(_warnings)
    if config.strict and _warnings.get_counts():
        return  # MkDocs raises next, and on_build_error discards the new site
    _staged.publish()


def on_build_error(error: Exception) -> None:
    """Keep the last good site: drop only what this build wrote."""
    logging.getLogger("mkdocs").removeHandler(_warnings)
    if _staged is not None:
        _staged.discard()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and the self-check's runtime files."""
    for src_uri in _build.pages:
        files.append(File.generated(config, src_uri, content=""))
    for runtime_file in _build.runtime:
        files.append(File.generated(config, runtime_file.published_as, abs_src_path=str(runtime_file.source)))
    files.append(File.generated(config, _build.archive.published_as, content=_build.archive.content))
    language = DEFAULT_LANGUAGE
    timeline_url = _build.location.page_url(language, files.get_file_from_path(TIMELINE).url)
    for calendar in _build.calendars.values():
        if calendar.events:
            content = calendar_file(_build.programme, calendar, language, timeline_url)
            files.append(File.generated(config, calendar.published_as, content=content))
    for name, content in _build.open_data.items():
        files.append(File.generated(config, name, content=content))
    files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
    files.append(File.generated(config, "_headers", content=headers_file()))
    return files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Give the theme's templates of overrides/ (404.html) the site's words in the edition's language."""
    install_translations(env, _build.renderer.language)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give generated pages their title (as HTML, which is what MkDocs expects), their theme template and settings, and
    an edit link to the data; date every page, for the sitemap, by the day staff last reviewed the data."""
    page.update_date = _build.programme.reviewed.iso
    spec = _build.pages.get(page.file.src_uri)
    if spec is None:
        return markdown
    page.meta["title"] = escape(spec.title.in_language(_build.renderer.language))
    page.meta.update(spec.theme_meta)
    if config.repo_url and config.edit_uri:
        docs_edit_base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
        page.edit_url = urljoin(docs_edit_base, Path(os.path.relpath(_build.data_path, config.docs_dir)).as_posix())
    return markdown


def on_page_content(html_content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render a generated page from its template, and give it a table of contents."""
    spec = _build.pages.get(page.file.src_uri)
    if spec is None:
        return html_content

    def href(src_uri: str) -> str:
        target = files.get_file_from_path(src_uri)
        if target is None:
            raise PluginError(f"{spec.template} links to {src_uri!r}, which is not a page or file of this site")
        return target.url_relative_to(page.file)

    rendered = _build.renderer.render(spec, href)
    page.toc = get_toc(table_of_contents(rendered))
    return rendered


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the page's head its description, canonical address, Open Graph fields and JSON-LD."""
    programme, language = _build.programme, _build.renderer.language
    spec = _build.pages.get(page.file.src_uri)
    if spec is not None:
        title, description = spec.title.in_language(language), _build.renderer.description(spec)
    else:
        title = Markup(page.title).striptags()
        description = page.meta.get("description") or config.site_description
    graph = GRAPHS.get(spec.template) if spec is not None else None
    structured_data = script_json(graph(
        programme, language, site_url=config.site_url, page_url=page.canonical_url, description=description,
        today=_build.renderer.today,
    )) if graph else None
    context["page_metadata"] = page_metadata(
        _build.location, (language,), language=language, path=page.url, site_name=programme.name, title=title,
        description=description, structured_data=structured_data,
    )
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Drop the theme's indentation: half of every page's bytes, and nothing a visitor sees."""
    return drop_indentation(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return drop_indentation(output) if template_name.endswith(".html") else output


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Rebuild when the data, its schema or a template changes."""
    for path in (_build.data_path, SCHEMA_PATH, TEMPLATES_DIR):
        server.watch(str(path))
    return server

