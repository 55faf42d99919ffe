"""MkDocs hooks: forward each event to the site's builder (programme/site/editions.py), which builds every language
edition of the site from the programme data. Nothing else happens here.

The hooks take their arguments as MkDocs documents them (https://www.mkdocs.org/dev-guide/plugins/#events): the
item an event passes along first, everything else by keyword.
"""

from __future__ import annotations

import logging
import mimetypes
import sys
from pathlib import Path

# The project this hooks file belongs to comes first, whichever copy of it a shared environment has installed: a site
# is built by the code beside its mkdocs.yml.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jieba
import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from programme.site.editions import Site
from programme.site.whitespace import drop_indentation

# The search plugin segments Chinese with jieba, which otherwise logs every dictionary load.
jieba.setLogLevel(logging.WARNING)
# Module workers and WebAssembly need these types, in `mkdocs serve` too.
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")

SITE = Site()


def on_startup(*, command: str, dirty: bool) -> None:
    SITE.start(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return SITE.configure(config)


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    return SITE.edition(config).add_files(files, config)


def on_env(env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    return SITE.theme_environment(env, config)


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    SITE.edition(config).prepare_page(page, config)
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return SITE.edition(config).render_page(html, page, files)


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return SITE.edition(config).page_context(context, page, config)


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return drop_indentation(output)


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return drop_indentation(output) if template_name.endswith(".html") else output


@event_priority(-100)  # last, after the search plugin has written its index
def on_post_build(*, config: MkDocsConfig) -> None:
    SITE.post_build(config)


def on_build_error(*, error: Exception) -> None:
    SITE.build_error()


def on_serve(server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    for path in SITE.watched(config):
        server.watch(str(path))
    return server
