"""A generated page's table of contents, read from its rendered HTML."""

from __future__ import annotations

from html.parser import HTMLParser


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
