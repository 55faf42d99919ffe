"""The derived catalogs (programme.words.derive): converted wherever a translator has not written their own words,
plural messages included, and a translator's own words kept."""

from __future__ import annotations

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from programme.words.derive import Derivation, derive_catalog

RULE = Derivation(language="zh-Hans", source="zh-Hant", converter="hk2s")


def _write(path, messages):
    catalog = Catalog(locale=path.parent.parent.name, domain="site")
    for message_id, string, comments in messages:
        catalog.add(message_id, string, user_comments=comments)
    with path.open("wb") as file:
        write_po(file, catalog)


def _read(path):
    with path.open("rb") as file:
        return {(message.id[0] if isinstance(message.id, tuple) else message.id): message for message in read_po(file) if message.id}


def test_untranslated_messages_singular_and_plural_are_converted_and_own_words_kept(tmp_path):
    source = tmp_path / "zh_Hant" / "LC_MESSAGES" / "site.po"
    derived = tmp_path / "zh_Hans" / "LC_MESSAGES" / "site.po"
    source.parent.mkdir(parents=True)
    derived.parent.mkdir(parents=True)
    plural = ("One more role", "%(num)s more roles")
    _write(source, [("Roles", "職位", []), (plural, ("另有 %(num)s 個職位",), []), ("Apply", "申請", [])])
    # As `make catalogs` leaves a derived catalog after merging a new message: empty strings, no comment.
    _write(derived, [("Roles", "", []), (plural, ("",), []), ("Apply", "报名", [])])

    assert derive_catalog(source, derived, RULE)
    messages = _read(derived)
    assert messages["Roles"].string == "职位" and RULE.comment in messages["Roles"].user_comments
    assert messages[plural[0]].string == ("另有 %(num)s 个职位",)
    assert RULE.comment in messages[plural[0]].user_comments
    assert messages["Apply"].string == "报名" and RULE.comment not in messages["Apply"].user_comments
    assert not derive_catalog(source, derived, RULE)  # nothing changes a second time
