"""Render page templates: autoescaped Jinja, in one language edition: the programme's text in that language, the
templates' own words from its gettext catalog (locale/), dates and numbers as its readers write them."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import material
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup

from . import status
from programme.words.catalogs import site_translations
from programme.words.languages import EDITIONS
from programme.data.model import DEFAULT_LANGUAGE, Organisation, PartialDate, Programme, Ref, Source, Text
from programme.paths import PROJECT_ROOT
from programme.site.pages import PAGES, PageSpec, role_uri, track_uri

TEMPLATES_DIR = PROJECT_ROOT / "templates"
ICONS_DIR = Path(material.__file__).resolve().parent / "templates" / ".icons"  # the theme's own icon set


@dataclass
class _Rendering:
    """What the page being rendered needs to know while its template runs, macros included."""

    language: str
    citations: dict[int, str]  # id() of each Text in the programme -> the id of the source it comes from
    cited: set[str] = field(default_factory=set)  # the sources of the texts printed so far


_RENDERING: ContextVar[_Rendering] = ContextVar("rendering")


class PageRenderer:
    """Renders generated pages from `templates/`; every value is escaped unless a template says otherwise."""

    def __init__(self, programme: Programme, today: datetime.date, extra_context: dict | None = None,
                 language: str = DEFAULT_LANGUAGE) -> None:
        self._programme = programme
        self._today = today
        self._language = language
        self._extra_context = extra_context or {}
        self._citations = citation_index(programme)
        # This build's environment: a new one per build, so that `mkdocs serve` gives a changed catalog's words.
        self._environment = environment(language)
        self._descriptions = None  # _descriptions.html as a module, made once

    @property
    def today(self) -> datetime.date:
        """The day the pages speak for."""
        return self._today

    @property
    def language(self) -> str:
        """The edition's language: its texts, its templates' words, its dates."""
        return self._language

    def render(self, spec: PageSpec, href: Callable[[str], str]) -> str:
        """The page's HTML; `href` turns a page's source path into a link relative to this page."""
        template = self._environment.get_template(spec.template)
        rendering = _Rendering(self.language, self._citations)
        token = _RENDERING.set(rendering)
        try:
            return template.render(
                programme=self._programme, title=spec.title, href=href, today=self._today,
                cited_sources=lambda: [source for source in self._programme.sources if source.id in rendering.cited],
                **self._extra_context, **spec.context,
            )
        finally:
            _RENDERING.reset(token)

    def description(self, spec: PageSpec) -> str:
        """The page's meta description as plain text, from the macro named after its template in `_descriptions.html`."""
        token = _RENDERING.set(_Rendering(self.language, self._citations))
        try:
            if self._descriptions is None:
                self._descriptions = self._environment.get_template("_descriptions.html").make_module(
                    {"programme": self._programme})
            rendered = getattr(self._descriptions, spec.template.removesuffix(".html"))(**spec.context)
        finally:
            _RENDERING.reset(token)
        return Markup(rendered).striptags()  # drops tags, reads entities back as characters, joins lines


def environment(language: str) -> jinja2.Environment:
    """An environment for the pages of a language, with the catalog as it is now. Templates are compiled once per
    process (COMPILED_PAGE_TEMPLATES, checked against each template's source), so a new environment costs little.

    Templates say their words with gettext, `{{ _("...") }}` or `{% trans %}`: the words are English, and the
    edition's catalog, compiled from locale/<locale>/LC_MESSAGES/site.po, gives them in its language. Each message is
    a whole sentence whose parts are named placeholders, `_("%(cohort)s: applications are open until %(date)s.",
    cohort=..., date=...)`, so that a language can put them in its own order; programme texts and dates given as
    placeholders come out in the page's language, like everything the template prints."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=COMPILED_PAGE_TEMPLATES,
    )
    environment.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's line breaks and indentation are layout
    environment.install_gettext_translations(site_translations(language), newstyle=True)
    for name in ("gettext", "_", "ngettext", "pgettext", "npgettext"):
        environment.globals[name] = _localising(environment.globals[name])
    environment.filters.update(date=format_date, number=format_number, capitalize_first=capitalize_first,
                               language_name=language_name, join_list=join_list)
    environment.globals.update(
        track_uri=track_uri, role_uri=role_uri, pages=PAGES, icon=icon,
        phases=status.phases, window_status=status.window_status, applications_status=status.applications_status,
        window_changes=status.window_changes, event_status=status.event_status, event_changes=status.event_changes,
        language=language, date_locale=EDITIONS[language].locale.replace("_", "-"),
        default_language=DEFAULT_LANGUAGE, text_in=text_in, short_name=short_name,
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
    env.install_gettext_translations(site_translations(language), newstyle=True)
    env.bytecode_cache = COMPILED_THEME_TEMPLATES


def _localising(gettext: Callable) -> Callable:
    """Jinja's gettext, with placeholder values shown as the template would print them: a programme text in the
    page's language (noting its source), a date as the edition writes it."""

    @jinja2.pass_context
    def localised(context: jinja2.runtime.Context, *args: object, **variables: object) -> str:
        return gettext(context, *args, **{name: _finalize(value) for name, value in variables.items()})

    return localised


@cache
def icon(name: str) -> Markup:
    """One of the theme's SVG icons ("material/check-circle"), inline and hidden from assistive technology."""
    svg = (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8").strip()
    return Markup(svg.replace("<svg ", '<svg class="icon" aria-hidden="true" focusable="false" ', 1))


def _finalize(value: object) -> object:
    """Programme text in the language of the page being rendered (noting its source), dates as people write them."""
    if isinstance(value, Text):
        rendering = _RENDERING.get()
        source = rendering.citations.get(id(value))
        if source:
            rendering.cited.add(source)
        return value.in_language(rendering.language)
    if isinstance(value, (PartialDate, datetime.date)):
        return format_date(value)
    return value


def citation_index(programme: Programme) -> dict[int, str]:
    """Which source each text of the programme comes from: the `ref` of the nearest object around it that has one.

    A page's footer then lists the sources of exactly the texts the page printed, not every source there is.
    Keyed by id(): the programme is immutable and outlives every render.
    """
    index: dict[int, str] = {}
    visited: set[tuple[int, str | None]] = set()

    def visit(value: object, source: str | None) -> None:
        if (id(value), source) in visited:  # organisations and people are shared by many facts
            return
        visited.add((id(value), source))
        if isinstance(value, Text):
            if source:
                index.setdefault(id(value), source)
        elif isinstance(value, tuple):
            for item in value:
                visit(item, source)
        elif is_dataclass(value) and not isinstance(value, (Ref, Source)):  # evidence, not facts shown
            own = getattr(value, "ref", None)
            for item in fields(value):
                visit(getattr(value, item.name), own.source.id if isinstance(own, Ref) else source)

    visit(programme, None)
    return index


def capitalize_first(text: str) -> Markup:
    """Upper-case the first letter only (Jinja's `capitalize` lower-cases the rest)."""
    return text[:1].upper() + text[1:]


def format_date(date: PartialDate | datetime.date, language: str | None = None) -> str:
    """A date as the edition's readers write it, to its precision: '3 January 2021', 'February 2021', '2021';
    in Chinese 2021年1月3日, 2021年2月, 2021年. (Babel, with CLDR's patterns for the edition's locale.)"""
    locale = EDITIONS[language or _current_language()].locale
    if isinstance(date, datetime.date):
        return babel_format_date(date, "long", locale=locale)
    if date.day:
        return babel_format_date(date.first_day, "long", locale=locale)
    return format_skeleton("yMMMM" if date.month else "y", date.first_day, locale=locale)


def format_number(number: int) -> str:
    """A whole number as the edition writes it: 1,000."""
    return format_decimal(number, locale=_locale())


def language_name(language: str) -> str:
    """A language's name in the language of the page: English, 繁體中文 (CLDR's names, by Babel)."""
    locale = Locale.parse(_locale())
    return locale.languages.get(language.replace("-", "_")) or locale.languages[language.split("-")[0]]


def join_list(items: object) -> str:
    """Items as a list in the page's language: 'English and Traditional Chinese', 「英文及繁體中文」 (CLDR's patterns)."""
    return format_list([str(item) for item in items], locale=_locale())


def text_in(text: Text | str, language: str) -> str | None:
    """A programme text in exactly `language` (no falling back to English), noting its source; None if it has none.
    A plain string (a source's own words, `ref.quote`) is given as it is: the caller knows its source's language."""
    if isinstance(text, str):
        return text
    written = dict(text.by_language).get(language)
    if written is not None:
        _finalize(text)  # notes the source, for the page's footer
    return written


def short_name(organisation: Organisation) -> Text | str:
    """How a sentence names an organisation it has named in full before: its official name in the page's language
    where it has one (香港科技園公司), otherwise its short name as the source gives it (HKSTP)."""
    language = _current_language()
    if language != DEFAULT_LANGUAGE and any(name.language == language for name in organisation.official_names):
        return organisation.name
    return organisation.short_name or organisation.name


def _current_language() -> str:
    rendering = _RENDERING.get(None)
    return rendering.language if rendering else DEFAULT_LANGUAGE


def _locale() -> str:
    return EDITIONS[_current_language()].locale


def table_of_contents(html: str) -> list[dict]:
    """MkDocs TOC tokens for the h2 and h3 headings of rendered HTML that have an id and no `data-toc-exclude`."""
    collector = _HeadingCollector()
    collector.feed(html)
    return collector.tokens


class _HeadingCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tokens: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        identifier = attributes.get("id")
        if tag in ("h2", "h3") and identifier and "data-toc-exclude" not in attributes:
            self._current = {"level": int(tag[1]), "id": identifier, "name": "", "children": []}

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current["name"] += data

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")  # names stay HTML, as MkDocs expects of TOC titles

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def handle_endtag(self, tag: str) -> None:
        if self._current is None or tag != f"h{self._current['level']}":
            return
        token, self._current = self._current, None
        token["name"] = token["name"].strip()
        if token["level"] == 3 and self.tokens:
            self.tokens[-1]["children"].append(token)
        else:
            self.tokens.append(token)
