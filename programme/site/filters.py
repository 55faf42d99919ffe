"""What templates print, as the page being rendered needs it: programme texts in its language (noting their sources
for its footer), dates, numbers, lists and language names as its edition writes them, and the theme's icons.

The page being rendered is known through a context variable that PageRenderer sets while its template runs, macros
included; outside a render, format_date takes the locale to write in.
"""

from __future__ import annotations

import datetime
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import material
from babel import Locale
from babel.lists import format_list
from markupsafe import Markup

from programme.data.model import Organisation, Source, Text
from programme.words import formats
from programme.words.languages import DEFAULT_LANGUAGE, Edition
from selfcheck.dates import PartialDate

ICONS_DIR = Path(material.__file__).resolve().parent / "templates" / ".icons"  # the theme's own icon set


@dataclass
class Rendering:
    """What the page being rendered needs to know while its template runs, macros included."""

    edition: Edition
    citations: dict[int, str]  # id() of each Text in the programme -> the id of the source it comes from
    cited: set[str] = field(default_factory=set)  # the sources of the texts printed so far


RENDERING: ContextVar[Rendering] = ContextVar("rendering")


def finalize(value: object) -> object:
    """Programme text in the language of the page being rendered (noting its source), dates as people write them."""
    if isinstance(value, Text):
        rendering = RENDERING.get(None)
        if rendering is None:
            return value.in_language(DEFAULT_LANGUAGE)
        source = rendering.citations.get(id(value))
        if source:
            rendering.cited.add(source)
        return value.in_language(rendering.edition.language)
    if isinstance(value, (PartialDate, datetime.date)):
        return format_date(value)
    return value


def format_date(date: PartialDate | datetime.date, locale: str | None = None) -> str:
    """A date as the edition's readers write it, to its precision (programme.words.formats); `locale` is a Babel locale
    or a language tag; by default, the edition being rendered."""
    return formats.format_date(date, locale or _edition().locale)


def format_number(number: int) -> str:
    """A whole number as the edition writes it: 1,000."""
    return formats.format_number(number, _edition().locale)


def language_name(language: str) -> str:
    """A language's name in the language of the page: English, 繁體中文 (CLDR's names, by Babel)."""
    locale = Locale.parse(_edition().locale)
    return locale.languages.get(language.replace("-", "_")) or locale.languages[language.split("-")[0]]


def join_list(items: object) -> str:
    """Items as a list in the page's language: 'English and Traditional Chinese', 「英文及繁體中文」 (CLDR's patterns)."""
    return format_list([str(finalize(item)) for item in items], locale=_edition().locale)  # each in the page's language


def capitalize_first(text: str) -> Markup:
    """Upper-case the first letter only (Jinja's `capitalize` lower-cases the rest)."""
    return text[:1].upper() + text[1:]


def called(source: Source, start: bool = False) -> str:
    """What a sentence calls a source, in the page's language (its data's `called`: "the press release", 新聞稿);
    with a capital first letter where it starts the sentence."""
    words = source.called.in_language(_edition().language)
    return capitalize_first(words) if start else words


def sources_called(items: object, start: bool = False) -> str:
    """The sources of some facts, as a sentence calls them: "the press release", "the notice and the press release"."""
    sources = list(dict.fromkeys(item.ref.source for item in items))
    words = format_list([source.called.in_language(_edition().language) for source in sources], locale=_edition().locale)
    return capitalize_first(words) if start else words


def text_in(text: Text | str, language: str) -> str | None:
    """A programme text in exactly `language` (no falling back to English), noting its source; None if it has none.
    A plain string (a source's own words, `ref.quote`) is given as it is: the caller knows its source's language."""
    if isinstance(text, str):
        return text
    written = dict(text.by_language).get(language)
    if written is not None:
        finalize(text)  # notes the source, for the page's footer
    return written


def short_name(organisation: Organisation) -> Text | str:
    """How a sentence names an organisation it has named in full before: its official name in the page's language
    where it has one (香港科技園公司), otherwise its short name as the source gives it (HKSTP)."""
    language = _edition().language
    if language != DEFAULT_LANGUAGE and any(name.language == language for name in organisation.official_names):
        return organisation.name
    return organisation.short_name or organisation.name


@cache
def icon(name: str) -> Markup:
    """One of the theme's SVG icons ("material/check-circle"), inline and hidden from assistive technology."""
    svg = (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8").strip()
    return Markup(svg.replace("<svg ", '<svg class="icon" aria-hidden="true" focusable="false" ', 1))


def _edition() -> Edition:
    rendering = RENDERING.get(None)
    if rendering is None:
        raise LookupError("no page is being rendered: pass the locale to write in")
    return rendering.edition


FILTERS = {"date": format_date, "number": format_number, "capitalize_first": capitalize_first,
           "language_name": language_name, "join_list": join_list, "called": called, "sources_called": sources_called}
GLOBALS = {"icon": icon, "text_in": text_in, "short_name": short_name}
