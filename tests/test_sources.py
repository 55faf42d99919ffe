"""Every fact's reference names a source, and its quoted words really are in that source."""

from __future__ import annotations

import re

import pytest

from programme import load_programme
from programme.data.loader import PROJECT_ROOT

PROGRAMME = load_programme()


def refs(value: object, path: str = "programme") -> list[tuple[str, object]]:
    """Every Ref reachable from the programme, with where it hangs."""
    found = []
    if hasattr(value, "__dataclass_fields__"):
        if type(value).__name__ == "Ref":
            return [(path, value)]
        for name in value.__dataclass_fields__:
            found += refs(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            found += refs(item, f"{path}[{index}]")
    return found


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


REFS = refs(PROGRAMME)


def test_facts_carry_references():
    assert len(REFS) >= 30


@pytest.mark.parametrize(("where", "ref"), REFS, ids=[where for where, _ in REFS])
def test_quoted_words_are_in_the_source_document(where, ref):
    assert ref.source.document, f"{ref.source.id} has no document to check quotes against"
    document = normalised((PROJECT_ROOT / ref.source.document).read_text(encoding="utf-8"))
    assert ref.quote, f"{where} gives no quote"
    assert normalised(ref.quote) in document
