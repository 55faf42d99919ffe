"""The catalogs of the site's own words (locale/): complete, correct, compilable, and up to date with the templates.

A translator's mistakes caught here: a message left untranslated or fuzzy, a placeholder renamed or dropped, a
link or other markup lost; and a developer's: a new English word in a template that `make catalogs` has not yet
gathered for translators.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from programme.words.catalogs import LOCALE_DIR
from programme import load_programme
from programme.data.model import DEFAULT_LANGUAGE
from programme.paths import PROJECT_ROOT
from fixture_data import FIXTURE_DATA

BIN = Path(sys.executable).parent  # the environment running the tests, which has pybabel
POT = LOCALE_DIR / "site.pot"
CATALOGS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/site.po"))


def read_catalog(path: Path):
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def messages(catalog) -> dict:
    return {(message.context, message.id): message for message in catalog if message.id}


def shown(key: tuple) -> str:
    context, message_id = key
    return f"{message_id!r}" + (f" ({context})" if context else "")


def test_every_edition_but_the_english_original_has_a_catalog():
    locales = {path.parts[-3] for path in CATALOGS}
    editions = load_programme(FIXTURE_DATA).editions.values()
    assert locales == {edition.catalog for edition in editions if edition.language != DEFAULT_LANGUAGE}


@pytest.mark.parametrize("path", CATALOGS, ids=[path.parts[-3] for path in CATALOGS])
def test_every_message_is_translated_and_none_is_fuzzy(path):
    catalog = read_catalog(path)
    untranslated = [shown(key) for key, message in messages(catalog).items()
                    if not all(message.string if isinstance(message.string, tuple) else (message.string,))]
    fuzzy = [shown(key) for key, message in messages(catalog).items() if message.fuzzy]
    assert not untranslated, "untranslated:\n" + "\n".join(untranslated)
    assert not fuzzy, "fuzzy (check the translation, then remove the fuzzy flag):\n" + "\n".join(fuzzy)
    assert not catalog.obsolete, f"obsolete messages (#~), no longer in any template: {list(catalog.obsolete)}"


@pytest.mark.parametrize("path", CATALOGS, ids=[path.parts[-3] for path in CATALOGS])
def test_babel_finds_no_problem_in_any_translation(path):
    """Babel's checks: the same placeholders as the English (python-format), the plural forms the language has."""
    problems = [f"{shown((message.context, message.id))}: {'; '.join(map(str, errors))}"
                for message, errors in read_catalog(path).check()]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CATALOGS, ids=[path.parts[-3] for path in CATALOGS])
def test_translations_keep_the_markup_of_their_message(path):
    """A translation holds the same elements, with the same attributes, as its English: no link lost or changed."""
    problems = []
    for key, message in messages(read_catalog(path)).items():
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = markup_of(english[-1])
        problems += [f"{shown(key)}: {markup_of(text)} instead of {expected}" for text in translated if markup_of(text) != expected]
    assert not problems, "\n".join(problems)


def test_the_markup_check_sees_a_lost_link():
    assert markup_of('<a href="%(x)s">How to apply</a>.') != markup_of("如何申請。")
    assert markup_of('<a href="%(x)s">A</a> and <strong>B</strong>') == markup_of('<strong>乙</strong>及<a href="%(x)s">甲</a>')


@pytest.mark.parametrize("path", CATALOGS, ids=[path.parts[-3] for path in CATALOGS])
def test_every_catalog_compiles(path, tmp_path):
    """`pybabel compile` with its own checks, as a translator would run it, into a scratch folder."""
    target = tmp_path / "site.mo"
    result = subprocess.run([BIN / "pybabel", "compile", "--statistics", "-i", path, "-o", target],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 0
    assert "error" not in result.stderr.lower(), result.stderr


def test_the_committed_template_holds_exactly_the_words_of_the_templates(tmp_path):
    """Runs `make catalogs`' own extraction (read from the Makefile) into a scratch file: a word added to a template
    but not gathered for translators, or a message no template says any more, fails here."""
    extracted = tmp_path / "site.pot"
    result = subprocess.run(extraction_command(extracted), cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    fresh, committed = messages(read_catalog(extracted)), messages(read_catalog(POT))
    new = sorted(map(shown, fresh.keys() - committed.keys()))
    gone = sorted(map(shown, committed.keys() - fresh.keys()))
    assert not new and not gone, f"run `make catalogs`, then translate; new: {new}; gone: {gone}"
    changed = sorted(shown(key) for key in fresh if fresh[key].flags != committed[key].flags
                     or fresh[key].auto_comments != committed[key].auto_comments)
    assert not changed, f"run `make catalogs`; flags or translator comments changed: {changed}"


@pytest.mark.parametrize("path", CATALOGS, ids=[path.parts[-3] for path in CATALOGS])
def test_every_catalog_has_exactly_the_messages_of_the_template(path):
    in_template, in_catalog = set(messages(read_catalog(POT))), set(messages(read_catalog(path)))
    assert in_catalog == in_template, "run `make catalogs`: " + ", ".join(map(shown, in_catalog ^ in_template))


def extraction_command(output: Path) -> list[str]:
    """The Makefile's `pybabel extract` line for locale/site.pot, writing to `output` instead."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    [line] = [line.strip() for line in makefile.splitlines() if "pybabel" in line and "extract" in line and "locale/site.pot" in line]
    words = shlex.split(line.replace("$(BIN)", str(BIN)))
    return [str(output) if word == "locale/site.pot" else word for word in words]


def markup_of(text: str) -> list[tuple[str, tuple]]:
    """The elements in a message, with their attributes, in a fixed order (a translation may reorder them)."""
    collector = _Elements()
    collector.feed(text)
    return sorted(collector.found)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, tuple]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag: str) -> None:
        self.found.append((f"/{tag}", ()))


def test_messages_are_whole_sentences_with_named_placeholders():
    """Positional placeholders (%s) cannot change places in a translation; every placeholder is named."""
    positional = [shown(key) for key, message in messages(read_catalog(POT)).items()
                  if any(re.search(r"%[^(%]", text) for text in (message.id if isinstance(message.id, tuple) else (message.id,)))]
    assert not positional, positional
