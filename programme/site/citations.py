"""Which source each text of the programme comes from, so that a page's footer lists the sources of exactly the texts
the page printed, not every source there is."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from programme.data.model import Programme, Ref, Source, Text


def citation_index(programme: Programme) -> dict[int, str]:
    """The id of the source of each text: the `ref` of the nearest object around it that has one.

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
