"""The gettext catalogs: `.po` files in the repository (what translators edit), `.mo` files compiled from them for the
build, the tests and the self-check's engine, never committed.

Two domains: `site` (the words of templates/ and overrides/, in locale/) and `selfcheck` (the engine's words, in
selfcheck/locale/, shipped inside the engine's wheel). Compiling is cheap and runs whenever a `.po` file is newer
than its `.mo`: at set-up, at the start of every build, and before the tests.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from programme.paths import PROJECT_ROOT
from selfcheck.languages import DEFAULT_LANGUAGE, catalog_folder

LOCALE_DIR = PROJECT_ROOT / "locale"
CATALOG_FOLDERS = (LOCALE_DIR, PROJECT_ROOT / "selfcheck" / "locale")


class CatalogError(Exception):
    """A catalog cannot be read; the message names the file and the line."""


def compile_catalogs(folders: tuple[Path, ...] = CATALOG_FOLDERS) -> list[Path]:
    """Compile every `.po` file under `folders` whose `.mo` is missing or older; returns the `.mo` files written."""
    written = []
    for folder in folders:
        for po_path in sorted(folder.glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                with po_path.open("rb") as po_file:
                    catalog = read_po(po_file, abort_invalid=True)
            except Exception as exc:  # Babel raises its PoFileError, or ValueError for a bad header
                raise CatalogError(f"{po_path.relative_to(PROJECT_ROOT)}: {exc}") from None
            partial = mo_path.with_name(f".{mo_path.name}.partial")
            with partial.open("wb") as mo_file:
                write_mo(mo_file, catalog, use_fuzzy=False)
            partial.replace(mo_path)  # never a half-written catalog, even if two builds run at once
            written.append(mo_path)
    return written


def site_translations(language: str) -> NullTranslations:
    """The catalog of this site's own words for an edition; the English words themselves for English."""
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    translations = Translations.load(str(LOCALE_DIR), [catalog_folder(language)], domain="site")
    if not isinstance(translations, Translations):  # Babel gives NullTranslations when there is no .mo file
        raise FileNotFoundError(f"no compiled catalog for {language} in {LOCALE_DIR}: run `make setup`")
    return translations


if __name__ == "__main__":
    for path in compile_catalogs():
        print(f"compiled {path.relative_to(PROJECT_ROOT)}")
