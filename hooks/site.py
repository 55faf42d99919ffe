"""MkDocs hooks: the site's pages and the self-check's files, generated from data/programme.yaml.

Thin glue: loading, checking, planning and rendering live in the `programme` package.
"""

from __future__ import annotations

import html
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from programme import DATA_PATH, ProgrammeDataError, load_programme
from programme.bundle import BundleError, runtime_bundle
from programme.compression import write_compressed_siblings
from programme.loader import SCHEMA_PATH
from programme.pages import PageSpec, plan_nav, plan_pages
from programme.render import TEMPLATES_DIR, PageRenderer, table_of_contents
from programme.site_assets import MissingRuntime, RuntimeFile, bundle_files, pyodide_runtime, rules_json

# Module workers and WebAssembly need these types, in `mkdocs serve` too.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


@dataclass
class _SiteBuild:
    data_path: Path
    pages: dict[str, PageSpec]
    renderer: PageRenderer
    runtime: list[RuntimeFile]


_build: _SiteBuild | None = None
_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    """Note whether this is `mkdocs serve`, whose server sends files as they are."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check everything before MkDocs touches the site directory; stop on any problem."""
    global _build
    data_path = Path(config.config_file_path).parent / config.extra["programme_data"]
    try:
        programme = load_programme(data_path)
        _, pyodide = pyodide_runtime()
        bundle = runtime_bundle(programme if data_path.resolve() == DATA_PATH else None)
    except (ProgrammeDataError, MissingRuntime, BundleError) as exc:
        raise PluginError(str(exc)) from None
    runtime = [*pyodide, *bundle_files(bundle)]
    published = {file.source.name: file.published_as for file in runtime}
    selfcheck = {
        "rules_json": rules_json(programme),
        "pyodide_path": published["pyodide.mjs"],
        "stdlib_path": published[bundle.stdlib],
        "stdlib_integrity": bundle.integrity(bundle.stdlib),
        "lock_path": published[bundle.lock],
        "lock_integrity": bundle.integrity(bundle.lock),
        "package": bundle.package,
    }
    pages = plan_pages(programme)
    _build = _SiteBuild(data_path, {page.src_uri: page for page in pages},
                        PageRenderer(programme, {"selfcheck": selfcheck}), runtime)
    config.nav = plan_nav(programme, programme.language) + list(config.nav or [])
    config.theme["language"] = programme.language
    config.site_name = programme.name
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and the self-check's runtime files."""
    for src_uri in _build.pages:
        files.append(File.generated(config, src_uri, content=""))
    for runtime_file in _build.runtime:
        files.append(File.generated(config, runtime_file.published_as, abs_src_path=str(runtime_file.source)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give generated pages their title (as HTML, which is what MkDocs expects) and an edit link to the data."""
    spec = _build.pages.get(page.file.src_uri)
    if spec is None:
        return markdown
    page.meta["title"] = html.escape(spec.title.in_language(_build.renderer.language))
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


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write .br and .gz beside the files that compress, for hosts that serve them (not for `mkdocs serve`)."""
    if not _serving:
        write_compressed_siblings(Path(config.site_dir))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Rebuild when the data, its schema or a template changes."""
    for path in (_build.data_path, SCHEMA_PATH, TEMPLATES_DIR):
        server.watch(str(path))
    return server

