"""Render page templates: autoescaped Jinja, in one language edition: the programme's text in that language, the
templates' own words from its gettext catalog (locale/), dates and numbers as its readers write them."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import jinja2
from markupsafe import Markup, escape

from programme.data.model import Programme
from programme.paths import PROJECT_ROOT
from programme.site import limits, status
from programme.site.citations import citation_index
from programme.site.escaping import mailto
from programme.site.filters import FILTERS, GLOBALS, RENDERING, Rendering, finalize
from programme.site.theme_words import theme_word
from programme.site.pages import SINGLE_PAGES, Page, related_uri, role_uri, track_uri
from programme.words.catalogs import site_translations
from programme.words.languages import DEFAULT_LANGUAGE, Edition

TEMPLATES_DIR = PROJECT_ROOT / "templates"


class PageRenderer:
    """Renders generated pages from `templates/`; every value is escaped unless a template says otherwise."""

    def __init__(self, programme: Programme, today: datetime.date, edition: Edition, extra_context: dict | None = None) -> None:
        self._programme = programme
        self._today = today
        self._edition = edition
        self._extra_context = extra_context or {}
        self._citations = citation_index(programme)
        # This build's environment: a new one per build, so that `mkdocs serve` gives a changed catalog's words.
        self._environment = environment(edition)
        self._descriptions = None  # _descriptions.html as a module, made once

    @property
    def today(self) -> datetime.date:
        """The day the pages speak for."""
        return self._today

    @property
    def edition(self) -> Edition:
        """The edition: its texts, its templates' words, its dates."""
        return self._edition

    def render(self, page: Page, href: Callable[[str], str]) -> str:
        """The page's HTML; `href` turns a page's source path into a link relative to this page."""
        template = self._environment.get_template(page.template)
        rendering = Rendering(self._edition, self._citations)
        token = RENDERING.set(rendering)
        try:
            return template.render(
                programme=self._programme, title=page.title, href=href, today=self._today,
                cited_sources=lambda: [source for source in self._programme.sources if source.id in rendering.cited],
                **self._extra_context, **page.context,
            )
        finally:
            RENDERING.reset(token)

    def description(self, page: Page) -> str:
        """The page's meta description as plain text, from the macro named after its kind in `_descriptions.html`."""
        token = RENDERING.set(Rendering(self._edition, self._citations))
        try:
            if self._descriptions is None:
                self._descriptions = self._environment.get_template("_descriptions.html").make_module(
                    {"programme": self._programme})
            rendered = getattr(self._descriptions, page.kind.name)(**page.context)
        finally:
            RENDERING.reset(token)
        return Markup(rendered).striptags()  # drops tags, reads entities back as characters, joins lines


def environment(edition: Edition) -> jinja2.Environment:
    """An environment for the pages of an edition, with its catalog as it is now. Templates are compiled once per
    process (COMPILED_PAGE_TEMPLATES, checked against each template's source), so a new environment costs little.

    Templates say their words with gettext, `{{ _("...") }}` or `{% trans %}`: the words are English, and the
    edition's catalog, compiled from locale/<language>/LC_MESSAGES/site.po, gives them in its language. Each message
    is a whole sentence whose parts are named placeholders, `_("%(cohort)s: applications are open until %(date)s.",
    cohort=..., date=...)`, so that a language can put them in its own order; programme texts and dates given as
    placeholders come out in the page's language, like everything the template prints."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=COMPILED_PAGE_TEMPLATES,
    )
    environment.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's line breaks and indentation are layout
    environment.install_gettext_translations(site_translations(edition.language), newstyle=True)
    for name in ("gettext", "_", "ngettext", "pgettext", "npgettext"):
        environment.globals[name] = _localising(environment.globals[name])
    environment.filters.update(FILTERS, mailto=mailto)
    environment.globals.update(
        GLOBALS, track_uri=track_uri, role_uri=role_uri, related_uri=related_uri, pages=SINGLE_PAGES, criteria_for_track=limits.criteria_for_track,
        limits_of=limits.limits_of, question_limits=limits.question_limits, nearby_roles=limits.nearby_roles,
        phases=status.phases, window_status=status.window_status, applications_status=status.applications_status,
        window_changes=status.window_changes, cohort_to_speak_of=status.cohort_to_speak_of, event_status=status.event_status, event_changes=status.event_changes,
        language=edition.language, edition=edition, date_locale=edition.html_lang, default_language=DEFAULT_LANGUAGE,
    )
    return environment


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the life of the process. Each edition's build has its own Jinja
    environments (its words differ), and each rebuild of `mkdocs serve` new ones; without this, every one of them
    compiles every template again. Jinja checks each entry against its template's source (a checksum), so an edited
    template is compiled afresh. Code compiled under one environment's settings (autoescape, trim_blocks…) is not
    valid under another's, so each kind of environment has its own."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_PAGE_TEMPLATES = _CompiledTemplates()   # templates/, for the pages (PageRenderer)
COMPILED_THEME_TEMPLATES = _CompiledTemplates()  # Material's and overrides/, for the theme (MkDocs' environment)


def install_translations(env: jinja2.Environment, language: str) -> None:
    """Give the theme's Jinja environment (MkDocs' `on_env`) this site's words in an edition's language, for the
    theme templates of overrides/ (404.html). The theme does not autoescape: those templates escape what they insert."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    translations = site_translations(language)
    env.install_gettext_translations(translations, newstyle=True)
    env.globals["theme_word"] = lambda key: theme_word(translations, key)
    env.bytecode_cache = COMPILED_THEME_TEMPLATES


def words_in(language: str) -> Callable[..., Markup]:
    """`say(message, **values)`: a message of the site's words in another edition's language, its values escaped, for
    a theme template that speaks every language at once (overrides/404.html)."""
    translations = site_translations(language)

    def say(message: str, **values: object) -> Markup:
        return Markup(translations.gettext(message)) % {name: escape(value) for name, value in values.items()}

    return say


def _localising(gettext: Callable) -> Callable:
    """Jinja's gettext, with placeholder values shown as the template would print them: a programme text in the
    page's language (noting its source), a date as the edition writes it."""

    @jinja2.pass_context
    def localised(context: jinja2.runtime.Context, *args: object, **variables: object) -> str:
        return gettext(context, *args, **{name: finalize(value) for name, value in variables.items()})

    return localised


def problems_page(problems: list) -> str:
    """The preview's page while the data file has problems (`mkdocs serve` only, for staff): every problem, located."""
    template = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                                  undefined=jinja2.StrictUndefined).get_template("preview_problems.html")
    return template.render(problems=problems)
