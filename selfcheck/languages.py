"""The languages the engine speaks: English, the messages' own, and each language with a catalog in locale/.

A catalog's folder is named by the data's language tag (`zh-Hant` -> `locale/zh_Hant/`), so that a new language is a
new catalog and no code.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "selfcheck"


def catalog_folder(language: str) -> str:
    """The folder name of a language's catalogs: the tag with `_` for `-` (gettext's and Babel's separator)."""
    return language.replace("-", "_")


def languages(locale_dir: Path = LOCALE_DIR) -> tuple[str, ...]:
    """English, then every language with a catalog of the engine's words (`.po` in the project, `.mo` in the wheel)."""
    found = sorted(
        folder.name.replace("_", "-") for folder in locale_dir.glob("*/LC_MESSAGES")
        for folder in [folder.parent] if any(folder.glob(f"LC_MESSAGES/{DOMAIN}.[pm]o"))
    )
    return (DEFAULT_LANGUAGE, *found)
