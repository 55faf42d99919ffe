"""Reading the raw data defensively: each check skips whatever is malformed, which the schema has already reported."""

from __future__ import annotations

from collections.abc import Iterator

from programme.data.errors import Path, shown


def items(container: object, key: str, base: Path) -> Iterator[tuple[Path, dict]]:
    """The mappings in the list `container[key]`, with their paths; anything else is skipped."""
    value = container.get(key) if isinstance(container, dict) else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*base, key, index), item


def texts(path: Path, value: object) -> Iterator[tuple[Path, str]]:
    """A text in each of its languages (a plain string, or a mapping of language to text), with the path of each."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        yield from (((*path, language), text) for language, text in value.items() if isinstance(text, str))


def listing(words, limit: int = 10) -> str:
    """Up to `limit` words of a list for a message, and how many there are in all when there are more."""
    words = list(words)
    if not words:
        return "(none)"
    listed = ", ".join(shown(word, quote=False) for word in words[:limit])
    return listed if len(words) <= limit else f"{listed}, … ({len(words)} in all)"


def word(value: object) -> str | None:
    """The value if it is a string: ids, keys and references that are lists or mappings are the schema's to report."""
    return value if isinstance(value, str) else None


def at(data: object, path: Path) -> object:
    """The value at `path`, or None if there is none."""
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def ids(data: dict, key: str, field: str = "id") -> list[str]:
    return [item[field] for _, item in items(data, key, ()) if isinstance(item.get(field), str)]
