"""Escaping, one function per output format, for every place where data text reaches an output.

Templates autoescape HTML; these are for what they do not cover: text the theme prints as it is (the site's name,
page and navigation titles), JSON inside a `<script>` element, a `mailto:` address, a calendar's one-line names (its
values go through icalendar's own escaping, programme/site/calendar.py), and Markdown for reviewers. JSON files are
written by the json module, and the sitemaps hold only addresses made from ids.
"""

from __future__ import annotations

import html
import json
from urllib.parse import quote

from markupsafe import Markup, escape

from programme.data.model import Text


def theme_text(text: Text | str, language: str) -> Markup:
    """Data text for a value the theme prints into HTML as it is (MkDocs' templates do not autoescape): escaped once,
    as Markup, so that the theme's own `| e` leaves it alone rather than escape it twice (which screen readers would
    read out as "&amp;")."""
    return escape(text.in_language(language) if isinstance(text, Text) else text)


def one_line(text: str) -> str:
    """Text for a value that is one line (a calendar's name, an event's summary): every line break a space."""
    return " ".join(text.splitlines())


def mailto(address: str) -> str:
    """A `mailto:` link to an address and nothing else: no `?subject=`, `?bcc=` or `&body=` can ride along."""
    return "mailto:" + quote(address, safe="@.+-_")


def script_json(value: object) -> str:
    """JSON text that cannot end or confuse the `<script>` element holding it: `<`, `>` and `&` are escaped."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Characters that could start emphasis, a link, a code span, strikethrough or a table cell, escaped with "\\".
MARKDOWN_SPECIAL = "\\`*_[]|~"


def markdown_text(text: str) -> str:
    """Data text as literal Markdown on one line: no emphasis, link, HTML, mention or table break gets through."""
    escaped = "".join(f"\\{character}" if character in MARKDOWN_SPECIAL else character
                      for character in " ".join(text.split()))
    return html.escape(escaped, quote=False).replace("@", "&#64;")


def markdown_code(text: str) -> str:
    """Text for inside a Markdown `code span`, on one line: a backtick would end the span, a bar the table cell."""
    return " ".join(text.split()).replace("`", "'").replace("|", "\\|")
