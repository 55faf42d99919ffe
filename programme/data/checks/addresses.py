"""Names and addresses that cannot pass for others: a web address with no user name before its host and a host in
plain ASCII (an internationalised host is written in its xn-- form, so that no look-alike letter can stand in for
another), no joiner inside a name or an address, a name on one line, and no two names in one list that read the
same once compatibility forms and case are set aside."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from programme.data.checks.walk import at, items, texts
from programme.data.errors import Path, Problem, shown

_ASCII_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?")
_JOINERS = re.compile("[\u200c\u200d]")
_LINE_BREAK = re.compile("[\r\n]")
# Lists whose items each have a name, and the key of that name.
NAMED_LISTS = (("sources", "title"), ("organisations", "name"), ("people", "name"), ("tracks", "name"), ("roles", "name"),
               ("cohorts", "name"), ("related_programmes", "name"))


def address_problems(data: dict, url_paths: list[Path], name_paths: list[Path]) -> Iterator[Problem]:
    for path in url_paths:
        value = at(data, path)
        if isinstance(value, str):
            yield from _url(path, value)
    for path in name_paths:
        for where, text in texts(path, at(data, path)):
            if _LINE_BREAK.search(text):
                yield Problem(where, "a name or title is one line: take out the line break")
            elif _JOINERS.search(text):
                yield Problem(where, "a name holds an invisible joiner (U+200C or U+200D): type the name again without it")
    for name, key in NAMED_LISTS:
        yield from _look_alikes(data, name, key)


def _url(path: Path, url: str) -> Iterator[Problem]:
    parts = urlsplit(url)
    host = parts.netloc
    if "@" in host:
        yield Problem(path, f"{shown(url)} has a user name before its host (…@), which can make it look like another "
                            "site's address; give the address without it")
    elif not _ASCII_HOST.fullmatch(host):
        yield Problem(path, f"the host {shown(host)} is not plain ASCII: write an internationalised host in its ASCII "
                            "form (xn--…), so that no look-alike letter can pass for another")
    elif _JOINERS.search(url):
        yield Problem(path, f"{shown(url)} holds an invisible joiner (U+200C or U+200D)")


def _look_alikes(data: dict, name: str, key: str) -> Iterator[Problem]:
    """Two items of one list whose names read the same (NFKC, case folded), in any language."""
    seen: dict[tuple[str, str], int] = {}
    for path, item in items(data, name, ()):
        for where, text in texts((*path, key), item.get(key)):
            language = where[-1] if len(where) > len(path) + 1 else ""
            folded = unicodedata.normalize("NFKC", text).casefold()
            if (language, folded) in seen:
                yield Problem(where, f"{shown(text)} reads the same as the name of {name}[{seen[language, folded]}]; "
                                     "give each its own name")
            else:
                seen[language, folded] = path[-1]
