"""The engine's catalogs: every message it can say is extracted, translated in every language, not fuzzy, with the
same placeholders as its English, and compiles; and the engine speaks the languages the site publishes."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from gettext import GNUTranslations
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.pofile import read_po

import selfcheck
from programme import load_programme
from selfcheck import wording
from selfcheck.languages import catalog_folder
from fixture_data import FIXTURE_DATA

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "selfcheck" / "locale"
TEMPLATE = LOCALE_DIR / "selfcheck.pot"
PYBABEL = Path(sys.executable).with_name("pybabel")
TRANSLATED = [language for language in wording.LANGUAGES if language != wording.DEFAULT_LANGUAGE]


def po_path(language: str) -> Path:
    return LOCALE_DIR / catalog_folder(language) / "LC_MESSAGES" / "selfcheck.po"


def read_catalog(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def message_key(message) -> tuple:
    return message.context, message.id


def test_the_engine_speaks_every_language_the_site_publishes_with_the_same_locale():
    editions = load_programme(FIXTURE_DATA).editions
    assert set(selfcheck.LANGUAGES) == set(editions)
    for language in wording.LANGUAGES:
        assert catalog_folder(language) == editions[language].catalog, language
    assert TRANSLATED, "a language with a catalog"


def extraction_command() -> list[str]:
    """The command by which `make catalogs` extracts the engine's messages, as the Makefile writes it."""
    [line] = [line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
              if " extract " in line and "selfcheck/locale/babel.cfg" in line]
    command = shlex.split(line.replace("$(BIN)/", f"{PYBABEL.parent}/"))
    assert command[command.index("-o") + 1] == "selfcheck/locale/selfcheck.pot"
    return command


def test_the_template_is_what_a_fresh_extraction_gives(tmp_path):
    """A new English message cannot reach a person untranslated: run `make catalogs` and translate what it adds."""
    fresh = tmp_path / "selfcheck.pot"
    command = extraction_command()
    command[command.index("-o") + 1] = str(fresh)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=60)
    without_date = re.compile(r'^"POT-Creation-Date: .*\n', re.MULTILINE)
    assert without_date.sub("", fresh.read_text(encoding="utf-8")) == without_date.sub("", TEMPLATE.read_text(encoding="utf-8")), (
        "selfcheck/locale/selfcheck.pot is out of date: run `make catalogs`, then translate the new messages"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy_or_left_over(language):
    template = {message_key(message) for message in read_catalog(TEMPLATE) if message.id}
    catalog = read_catalog(po_path(language))
    messages = [message for message in catalog if message.id]
    assert {message_key(message) for message in messages} == template, "run `make catalogs` to merge the template"
    assert not catalog.obsolete, f"messages no longer used: {list(catalog.obsolete)}"
    untranslated = [message.id for message in messages if not all(message.string if isinstance(message.string, tuple)
                                                                   else (message.string,))]
    fuzzy = [message.id for message in messages if message.fuzzy]
    assert (untranslated, fuzzy) == ([], [])
    assert not catalog.fuzzy, "the catalog's header is marked fuzzy"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_has_the_placeholders_of_its_english_and_passes_babels_checks(language):
    catalog = read_catalog(po_path(language))
    assert [(message.id, errors) for message, errors in catalog.check()] == []
    mismatched = []
    for message in catalog:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = placeholders(english[-1])
        assert all(placeholders(form) == expected for form in english), message.id
        mismatched += [(english[0], translation) for translation in translations if placeholders(translation) != expected]
    assert mismatched == []


def test_a_translation_that_loses_a_placeholder_is_caught(tmp_path):
    """The placeholder check above can fail."""
    assert placeholders("{year}年{month}{day}日") == {"year", "month", "day"}
    assert placeholders("{year}年{month}{dya}日") != placeholders("{day} {month} {year}")


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalog_compiles_with_pybabel_and_reads_with_the_standard_library(language, tmp_path):
    compiled = tmp_path / "selfcheck.mo"
    completed = subprocess.run([str(PYBABEL), "compile", "--statistics", "-i", str(po_path(language)), "-o", str(compiled)],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert "error" not in completed.stderr.lower(), completed.stderr
    with compiled.open("rb") as file:
        translations = GNUTranslations(file)
    translated = [message for message in read_catalog(po_path(language)) if message.id]
    assert len(translations._catalog) - 1 >= len(translated)  # every message, plus the header


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", TRANSLATED)
def test_gnu_msgfmt_checks_the_catalog_too(language):
    """msgfmt --check also knows python-brace-format: a second opinion on every placeholder."""
    completed = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_path(language))],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr


def test_no_compiled_catalog_is_kept_in_the_repository():
    tracked = subprocess.run(["git", "ls-files", "selfcheck/locale"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert [name for name in tracked.stdout.splitlines() if name.endswith(".mo")] == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_sentence_both_the_site_and_the_engine_say_is_translated_the_same_in_both(language):
    """The self-check page shows the site's window lines above the form and the engine's in the result: one wording."""
    locale = catalog_folder(language)
    site = read_catalog(ROOT / "locale" / locale / "LC_MESSAGES" / "site.po")
    as_site_writes = {message.id: message.string for message in site if message.id and isinstance(message.id, str)}
    shared = 0
    for message in read_catalog(po_path(language)):
        if not message.id or not isinstance(message.id, str) or message.context:
            continue
        site_id = re.sub(r"\{(\w+)\}", r"%(\1)s", message.id)
        if site_id in as_site_writes:
            shared += 1
            assert re.sub(r"\{(\w+)\}", r"%(\1)s", message.string) == as_site_writes[site_id], message.id
    assert shared >= 4  # the four window sentences, at least
