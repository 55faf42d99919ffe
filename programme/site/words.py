"""What each page says, as plain words: every page of the first edition rendered on a day without the theme, for
the review report to tell which pages an edit changes (a status that reads differently today included)."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from programme.data.model import Programme
from programme.data.rules import selfcheck_rules
from programme.site.calendar import cohort_calendars
from programme.site.escaping import script_json
from programme.site.pages import plan_pages
from programme.site.render import PageRenderer


def page_words(programme: Programme, today: date) -> dict[str, str]:
    """Each generated page's words (and the values of its attributes, where dated statuses keep their phases) on
    `today`, by source path."""
    edition = next(iter(programme.editions.values()))
    # The self-check's runtime files do not depend on the data: the page is compared without them.
    selfcheck = {"rules_json": script_json(selfcheck_rules(programme, edition.language)), "pyodide_path": "",
                 "stdlib_path": "", "stdlib_integrity": "", "lock_path": "", "lock_integrity": "", "package": "",
                 "widget_path": "", "worker_path": ""}
    renderer = PageRenderer(programme, today, edition, {"selfcheck": selfcheck, "calendars": cohort_calendars(programme)})
    return {spec.src_uri: _words(renderer.render(spec, href=lambda uri: uri)) for spec in plan_pages(programme)}


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.parts += [value for _, value in attrs if value]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _words(html: str) -> str:
    parser = _Words()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())
