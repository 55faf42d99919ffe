"""One language edition's MkDocs build: what it adds to MkDocs' files, how it renders each generated page, and what
each page's head says. The inputs every edition shares are loaded once per build of the whole site (SiteInputs).
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from programme.data.model import Programme
from programme.hosting.headers import content_security_policy, headers_file
from programme.hosting.location import SiteLocation, edition_href, root_file_href
from programme.hosting.sitedir import StagedSiteDir
from programme.data.rules import selfcheck_rules
from programme.runtime.assets import RuntimeFile
from programme.runtime.bundle import RuntimeBundle
from programme.site.calendar import CohortCalendar, calendar_file
from programme.site.escaping import script_json, theme_text
from programme.site.metadata import page_metadata, robots_txt
from programme.site.pages import SINGLE_PAGES, Page, plan_nav, plan_pages
from programme.site.render import PageRenderer
from programme.site.toc import table_of_contents
from programme.words.catalogs import site_translations
from programme.words.languages import Edition


# The folder of static files every edition shares: the theme's and the site's own (docs/assets/).
SHARED_FOLDER = "assets/"
# Fetches the self-check's runtime when a reader heads there (overrides/main.html puts it in every page's head).
PREFETCH_SCRIPT = "assets/selfcheck/prefetch.js"
# The self-check page's own scripts, which start the runtime (templates/self_check.html): fetched ahead with it, first
# (they are small and not content-named, so a prefetch saves the self-check page a request each, in the 5 minutes a
# browser keeps them).
SELF_CHECK_SCRIPTS = {"widget": "assets/selfcheck/widget.js", "worker": "assets/selfcheck/worker.js"}


@dataclass(frozen=True)
class SiteInputs:
    """What every edition of one build of the site shares, loaded and checked once: the same data, runtime and day."""

    data_path: Path
    data: dict
    programme: Programme
    location: SiteLocation
    today: date
    runtime: tuple[RuntimeFile, ...]
    bundle: RuntimeBundle
    calendars: dict[str, CohortCalendar]
    open_data: dict[str, bytes]
    preview: bool  # `mkdocs serve`: no publish-only work, and the preview server's reload script allowed

    @property
    def shared_files(self) -> set[str]:
        """What every edition uses and only the root edition holds: the self-check's runtime and engine, and the open
        data (which the About page links)."""
        return {runtime_file.published_as for runtime_file in self.runtime} | set(self.open_data)


@dataclass
class EditionBuild:
    """One edition's build, from MkDocs' `config` event to its `post_build` or `build_error`."""

    inputs: SiteInputs
    edition: Edition
    pages: dict[str, Page] = field(init=False)
    renderer: PageRenderer = field(init=False)
    staged: StagedSiteDir | None = None
    warnings: CountHandler = field(default_factory=CountHandler)  # strict MkDocs aborts only after post_build
    shared_assets: set[str] = field(default_factory=set)  # the root edition's static files this one links to
    selfcheck: dict = field(init=False)  # the self-check's runtime files and rules (selfcheck_context)
    files: Files | None = None  # this edition's files, once add_files has them

    def __post_init__(self) -> None:
        programme = self.inputs.programme
        try:
            site_translations(self.edition.language)
        except FileNotFoundError as exc:
            raise PluginError(f"the {self.edition.language} edition's words: {exc}") from None
        self.selfcheck = selfcheck_context(programme, self.edition.language, self.inputs.runtime, self.inputs.bundle)
        self.pages = {page.src_uri: page for page in plan_pages(programme)}
        self.renderer = PageRenderer(programme, self.inputs.today, self.edition,
                                     {"selfcheck": self.selfcheck, "calendars": self.inputs.calendars})

    @property
    def is_root(self) -> bool:
        return self.edition.is_root

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        """The edition's navigation, language and address; build beside the site folder, so that a failure keeps the
        last good site (on_post_build swaps the new one in, on_build_error throws it away)."""
        programme, inputs = self.inputs.programme, self.inputs
        own_pages = list(self.pages.values())
        config.nav = plan_nav(own_pages, self.edition.language) + (list(config.nav or []) if self.is_root else [])
        config.theme["language"] = self.edition.theme_language
        if not self.is_root:  # a static host serves only the root's 404 page, which speaks every edition's language
            config.theme.static_templates.discard("404.html")
        config.extra["html_lang"] = self.edition.html_lang
        config.extra["site_notice"] = programme.notice.in_language(self.edition.language) if programme.notice else None
        # The theme shows a language switcher (overrides/partials/alternate.html) when this lists other editions.
        config.extra["alternate"] = len(programme.editions) > 1
        config.site_name = theme_text(programme.name, self.edition.language)
        config.extra["content_security_policy"] = content_security_policy(for_meta_tag=True, preview=inputs.preview)
        # Where the site lives (programme/hosting/location.py): a local build has no address, so no canonical links,
        # sitemap entries or edit links.
        config.site_url = inputs.location.edition_url(self.edition)
        config.repo_url = inputs.location.repo_url
        config.edit_uri = inputs.location.edit_uri
        self.staged = StagedSiteDir(config.site_dir)
        config.site_dir = str(self.staged.building)
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return config

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The generated pages and calendars; the root edition also holds the self-check's runtime and what the whole
        site shares: open data, robots.txt and the host's headers."""
        inputs = self.inputs
        self.files = files
        for src_uri in self.pages:
            files.append(File.generated(config, src_uri, content=""))
        timeline_url = inputs.location.page_url(self.edition, files.get_file_from_path(SINGLE_PAGES["timeline"]).url)
        for calendar in inputs.calendars.values():
            if calendar.events:
                content = calendar_file(inputs.programme, calendar, self.edition.language, timeline_url)
                files.append(File.generated(config, calendar.published_as, content=content))
        if not self.is_root:
            # Hand-written pages in docs/ are in English: only the root edition has them.
            for file in [file for file in files if file.is_documentation_page() and file.src_uri not in self.pages]:
                files.remove(file)
            # The theme's scripts, styles and images and the site's own assets are the same in every edition: the
            # root edition holds the one copy, which every edition links to (theme_filters) and a browser caches once.
            for file in [file for file in files if file.src_uri.startswith(SHARED_FOLDER) and not file.generated_by
                         and not file.is_documentation_page()]:
                files.remove(file)
                self.shared_assets.add(file.src_uri)
            return files
        for runtime_file in inputs.runtime:
            files.append(File.generated(config, runtime_file.published_as, abs_src_path=str(runtime_file.source)))
        for name, content in inputs.open_data.items():
            files.append(File.generated(config, name, content=content))
        sitemaps = [inputs.location.edition_url(edition) for edition in inputs.programme.editions.values()]
        files.append(File.generated(config, "robots.txt", content=robots_txt(sitemaps)))
        files.append(File.generated(config, "_headers", content=headers_file()))
        return files

    def prepare_page(self, page: MkDocsPage, config: MkDocsConfig) -> None:
        """A generated page's title (as HTML, which is what MkDocs expects), its theme settings and an edit link to the
        data; every page dated, for the sitemap, by the day staff last reviewed the data."""
        page.update_date = self.inputs.programme.reviewed.iso
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return
        page.meta["title"] = theme_text(spec.title, self.edition.language)
        page.meta.update(spec.kind.theme_meta)
        if config.repo_url and config.edit_uri:
            docs_edit_base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
            page.edit_url = urljoin(docs_edit_base, Path(os.path.relpath(self.inputs.data_path, config.docs_dir)).as_posix())

    def render_page(self, html: str, page: MkDocsPage, files: Files) -> str:
        """A generated page rendered from its template, with its table of contents; any other page as it is."""
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return html

        def href(src_uri: str) -> str:
            address = self.href(page, src_uri)
            if address is None:
                raise PluginError(f"{spec.template} links to {src_uri!r}, which is not a page or file of this site")
            return address

        rendered = self.renderer.render(spec, href)
        page.toc = get_toc(table_of_contents(rendered))
        return rendered

    def href(self, page: MkDocsPage, src_uri: str) -> str | None:
        """A page or file of this edition, or a file the root edition holds for all, relative to `page`."""
        target = self.files.get_file_from_path(src_uri) if self.files is not None else None
        if target is not None:
            return target.url_relative_to(page.file)
        if src_uri in self.inputs.shared_files or src_uri in self.shared_assets:  # the root edition's
            return root_file_href(self.edition, page.url, src_uri)
        return None

    def selfcheck_runtime(self, page: MkDocsPage, spec: Page | None) -> dict:
        """What the page's head tells assets/selfcheck/prefetch.js of the self-check's runtime (overrides/main.html):
        on the self-check page, its WebAssembly, asked for early; on every other page, the addresses to fetch when
        its reader heads for the self-check, and whether the page itself leads there."""
        selfcheck, script = self.selfcheck, self.href(page, PREFETCH_SCRIPT)
        self_check = SINGLE_PAGES["self_check"]
        if spec is not None and spec.src_uri == self_check:
            return {"prefetch_script": script, "wasm": self.href(page, selfcheck["wasm_path"])}
        return {
            "prefetch_script": script,
            "self_check": self.href(page, self_check),
            "boot": [self.href(page, path) for path in (*SELF_CHECK_SCRIPTS.values(), *selfcheck["boot_paths"])],
            "stdlib": self.href(page, selfcheck["stdlib_path"]),
            "on_idle": spec is not None and spec.kind.leads_to_self_check,
        }

    def theme_filters(self, env: jinja2.Environment) -> None:
        """The theme's `url` and `script_tag` filters, for an edition that links to the root edition's assets."""
        if not self.shared_assets:
            return
        up, shared, url = "../" * self.edition.folder.strip("/").count("/") + "../", self.shared_assets, env.filters["url"]

        @jinja2.pass_context
        def shared_url(context, value: object) -> str:
            path = str(value)
            if path not in shared:
                return url(context, value)
            address = url(context, up + path)
            return posixpath.normpath(address) if address.startswith("/") else address  # the 404 page's are absolute

        @jinja2.pass_context
        def script_tag(context, script: object) -> Markup:
            # As MkDocs' own script_tag filter, through shared_url.
            tag = '<script src="{0}"'
            if not isinstance(script, str):
                tag += ' type="{1.type}"' if script.type else ""
                tag += " defer" if script.defer else ""
                tag += " async" if script.async_ else ""
            return Markup(tag + "></script>").format(shared_url(context, str(script)), script)

        env.filters.update(url=shared_url, script_tag=script_tag)

    def page_context(self, context: dict, page: MkDocsPage, config: MkDocsConfig) -> dict:
        """The page's head (description, canonical address, language alternates, Open Graph fields and JSON-LD) and
        the language switcher's links to the same page in the other editions."""
        programme, language = self.inputs.programme, self.edition.language
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            title, description = spec.title.in_language(language), self.renderer.description(spec)
        else:
            title = Markup(page.title).striptags()
            description = page.meta.get("description") or config.site_description
        graph = spec.kind.graph if spec is not None else None
        graph_data = graph(programme, language, site_url=config.site_url, page_url=page.canonical_url,
                           description=description, today=self.inputs.today, **spec.context) if graph else None
        structured_data = script_json(graph_data) if graph_data else None
        # A generated page is in every edition; a hand-written one (docs/) only in the first.
        editions = list(programme.editions.values())
        if spec is None:
            editions = editions[:1]
        context["page_metadata"] = page_metadata(
            self.inputs.location, tuple(editions), edition=self.edition, path=page.url, site_name=programme.name,
            title=title, description=description, structured_data=structured_data,
        )
        context["page_editions"] = [
            (other, site_translations(other.language).pgettext("the name of this edition's language, in it", "English"),
             edition_href(self.edition, other, page.url))
            for other in editions if other != self.edition
        ]
        context["selfcheck_runtime"] = self.selfcheck_runtime(page, spec)
        return context

    def finish(self, config: MkDocsConfig) -> bool:
        """Stop counting warnings; False when strict MkDocs is about to abort the build for them."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        return not (config.strict and self.warnings.get_counts())

    def discard(self) -> None:
        """Keep the last good site: drop only what this build wrote."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.staged is not None:
            self.staged.discard()


def selfcheck_context(programme: Programme, language: str, runtime: tuple[RuntimeFile, ...], bundle: RuntimeBundle) -> dict:
    """What the self-check page needs to start the runtime in the browser: the files' addresses and integrity, and
    the rules in the page's language; and, for any page, the runtime's files in the order a start needs them."""
    published = {file.source.name: file.published_as for file in runtime}
    return {
        "rules_json": script_json(selfcheck_rules(programme, language)),
        "widget_path": SELF_CHECK_SCRIPTS["widget"],
        "worker_path": SELF_CHECK_SCRIPTS["worker"],
        "pyodide_path": published["pyodide.mjs"],
        "stdlib_path": published[bundle.stdlib],
        "stdlib_integrity": bundle.integrity(bundle.stdlib),
        "lock_path": published[bundle.lock],
        "lock_integrity": bundle.integrity(bundle.lock),
        "package": bundle.package,
        # What a start asks for at once, the WebAssembly the largest; the standard library comes apart, after them,
        # since Python needs it only once the WebAssembly is compiled (assets/selfcheck/prefetch.js fetches it once
        # they have arrived; the worker asks for it at a low priority).
        "wasm_path": published["pyodide.asm.wasm"],
        "boot_paths": [published[name] for name in ("pyodide.mjs", bundle.lock, "pyodide.asm.mjs", "pyodide.asm.wasm",
                                                     bundle.wheel)],
    }
