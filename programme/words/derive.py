"""Languages derived from another by OpenCC, as Hong Kong's public sites publish Simplified Chinese converted from
Traditional: `site.derive: {zh-Hans: {from: zh-Hant, opencc: hk2s}}`.

A derived language's texts in the data, and its catalogs of the site's and the engine's words, are converted from the
language they derive from wherever staff or a translator have not given their own: a text staff give in zh-Hans
wins. The derived catalogs are written to disk (locale/zh_Hans/…, selfcheck/locale/zh_Hans/…) for a translator to
review: each converted message says so in a comment, and deleting that comment keeps the message as it is.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from programme.paths import write_atomically

CONVERTED = "converted from {source} by OpenCC ({converter}): delete this line to keep it"
_CONFIGS = Path(opencc.__file__).parent / "clib" / "share" / "opencc"


@dataclass(frozen=True)
class Derivation:
    language: str   # the language derived: zh-Hans
    source: str     # the language it is converted from: zh-Hant
    converter: str  # OpenCC's configuration: hk2s

    def convert(self, text: str) -> str:
        return _converter(self.converter).convert(text)

    @property
    def comment(self) -> str:
        return CONVERTED.format(source=self.source, converter=self.converter)


@cache
def _converter(name: str) -> opencc.OpenCC:
    return opencc.OpenCC(name)


def converters() -> tuple[str, ...]:
    """The OpenCC configurations installed: hk2s, s2hk, t2s…"""
    return tuple(sorted(path.stem for path in _CONFIGS.glob("*.json")))


def derivations(data: object) -> dict[str, Derivation]:
    """The data's derived languages (`site.derive`), by language; malformed entries are the data check's to report."""
    derive = data.get("site", {}).get("derive") if isinstance(data, dict) and isinstance(data.get("site"), dict) else None
    if not isinstance(derive, dict):
        return {}
    return {language: Derivation(language, rule["from"], rule["opencc"]) for language, rule in derive.items()
            if isinstance(rule, dict) and isinstance(rule.get("from"), str) and isinstance(rule.get("opencc"), str)}


def with_derived_texts(data: dict, text_paths: list[tuple], rules: dict[str, Derivation]) -> dict:
    """A copy of the data with each derived language's text added, converted, wherever staff have not given one."""
    derived = copy.deepcopy(data)
    for path in text_paths:
        parent, key = _parent(derived, path)
        value = parent[key] if parent is not None else None
        if isinstance(value, dict):
            for rule in rules.values():
                if rule.language not in value and isinstance(value.get(rule.source), str):
                    value[rule.language] = rule.convert(value[rule.source])
    return derived


def _parent(data: object, path: tuple) -> tuple[object, object]:
    for part in path[:-1]:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None, None
    return (data, path[-1]) if path else (None, None)


def derive_catalog(source_po: Path, derived_po: Path, rule: Derivation) -> bool:
    """Write the derived language's catalog from its source's: every message converted, unless the derived catalog
    has a translator's own words for it (a message without the converted comment). True if the file changed."""
    with source_po.open("rb") as file:
        source = read_po(file)
    own: dict = {}
    if derived_po.exists():
        with derived_po.open("rb") as file:
            for message in read_po(file):
                written = any(message.string) if isinstance(message.string, tuple) else message.string
                if message.id and written and rule.comment not in message.user_comments:
                    own[(message.id, message.context)] = message.string
    catalog = Catalog(locale=rule.language.replace("-", "_"), domain=source.domain, project=source.project,
                      version=source.version, charset="utf-8", fuzzy=False, creation_date=source.creation_date,
                      revision_date=source.revision_date)
    for message in source:
        if not message.id:
            continue
        key = (message.id, message.context)
        if key in own:
            string, comments = own[key], []
        else:
            string = tuple(rule.convert(item) for item in message.string) if isinstance(message.string, tuple) \
                else rule.convert(message.string)
            comments = [rule.comment]
        catalog.add(message.id, string, context=message.context, user_comments=comments, flags=message.flags)
    written = io.BytesIO()
    write_po(written, catalog, width=76, omit_header=False, sort_output=False)
    if derived_po.exists() and derived_po.read_bytes() == written.getvalue():
        return False
    write_atomically(derived_po, written.getvalue())
    return True
