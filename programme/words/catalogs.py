"""The gettext catalogs: `.po` files in the repository (what translators edit), `.mo` files compiled from them for the
build, the tests and the self-check's engine, never committed.

Two domains: `site` (the words of templates/ and overrides/, in locale/) and `selfcheck` (the engine's words, in
selfcheck/locale/, shipped inside the engine's wheel). Each language's catalogs are in a folder named by its tag
(`zh_Hant`). A language derived from another (programme.words.derive) has its catalogs converted from that one's.
Preparing the catalogs (deriving, then compiling whatever `.po` is newer than its `.mo`) is cheap: it runs at set-up,
at the start of every build, and before the tests.
"""

from __future__ import annotations

import io

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import NullTranslations, Translations

from programme.paths import PROJECT_ROOT, write_atomically
from programme.words.derive import Derivation, derive_catalog
from selfcheck.languages import DEFAULT_LANGUAGE, catalog_folder

LOCALE_DIR = PROJECT_ROOT / "locale"
ENGINE_LOCALE_DIR = PROJECT_ROOT / "selfcheck" / "locale"
# Each domain: the folder of its catalogs, and its template of every message (.pot, made by `make catalogs`).
DOMAINS = {"site": LOCALE_DIR, "selfcheck": ENGINE_LOCALE_DIR}
CATALOG_FOLDERS = tuple(DOMAINS.values())


class CatalogError(Exception):
    """A catalog cannot be read or made; the message names the file and says what to do."""


def catalog_path(domain: str, language: str) -> Path:
    return DOMAINS[domain] / catalog_folder(language) / "LC_MESSAGES" / f"{domain}.po"


def missing_catalogs(language: str, derivations: dict[str, Derivation]) -> list[Path]:
    """The catalogs a language needs and has not: none for English, whose words are the messages themselves, and
    none for a derived language, whose catalogs are made from its source's."""
    if language == DEFAULT_LANGUAGE or language in derivations:
        return []
    return [path for path in (catalog_path(domain, language) for domain in DOMAINS) if not path.exists()]


def start_catalogs(languages: tuple[str, ...], derivations: dict[str, Derivation]) -> list[Path]:
    """A new, untranslated catalog for each language that lacks one (as `pybabel init` makes it), from each domain's
    template; returns the files made."""
    made = []
    for language in languages:
        for path in missing_catalogs(language, derivations):
            domain = path.stem
            with (DOMAINS[domain] / f"{domain}.pot").open("rb") as file:
                template = read_po(file)
            catalog = Catalog(locale=catalog_folder(language), domain=domain, fuzzy=False)
            catalog.update(template, no_fuzzy_matching=True)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as file:
                write_po(file, catalog, width=76)
            made.append(path)
    return made


def prepare_catalogs(derivations: dict[str, Derivation] | None = None) -> list[Path]:
    """Derive the catalogs of derived languages from their sources', then compile every `.po` file whose `.mo` is
    missing or older; returns the `.mo` files written."""
    for rule in (derivations or {}).values():
        for domain in DOMAINS:
            source = catalog_path(domain, rule.source)
            if not source.exists():
                raise CatalogError(f"{rule.language} is converted from {rule.source}, which has no catalog "
                                   f"{source.relative_to(PROJECT_ROOT)}: run `make catalogs`")
            derive_catalog(source, catalog_path(domain, rule.language), rule)
    written = []
    for folder in CATALOG_FOLDERS:
        for po_path in sorted(folder.glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                with po_path.open("rb") as po_file:
                    catalog = read_po(po_file, abort_invalid=True)
            except Exception as exc:  # Babel raises its PoFileError, or ValueError for a bad header
                raise CatalogError(f"{po_path.relative_to(PROJECT_ROOT)}: {exc}") from None
            compiled = io.BytesIO()
            write_mo(compiled, catalog, use_fuzzy=False)
            write_atomically(mo_path, compiled.getvalue())  # never a half-written catalog, even if two builds run at once
            written.append(mo_path)
    return written


def site_translations(language: str) -> NullTranslations:
    """The catalog of this site's own words for an edition; the English words themselves for English."""
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    translations = Translations.load(str(LOCALE_DIR), [catalog_folder(language)], domain="site")
    if not isinstance(translations, Translations):  # Babel gives NullTranslations when there is no .mo file
        raise FileNotFoundError(f"no compiled catalog for {language} in {LOCALE_DIR}: run `make catalogs`")
    return translations
