"""What a language edition of the site is, worked out from the data's language tag: the one table every part reads.

The data says which editions to publish (`site.languages`, the first at the site's root) and, optionally, the
territory its readers are in (`site.territory`, such as HK). Everything else follows from the tag, so that adding a
language needs no code: its folder below the site's root, its `<html lang>`, the locale that writes its dates and
numbers (Babel, CLDR), Material's words for it, and its catalogs of the site's and the engine's words, which are named
by the tag (`locale/zh_Hant/`, `selfcheck/locale/zh_Hant/`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import material
from babel import Locale, UnknownLocaleError

from selfcheck.languages import DEFAULT_LANGUAGE, catalog_folder

THEME_LANGUAGES_DIR = Path(material.__file__).resolve().parent / "templates" / "partials" / "languages"


class LanguageProblem(ValueError):
    """A tag that cannot be an edition: not a language Babel knows, or one Material has no words for."""


@dataclass(frozen=True)
class Edition:
    """One language edition of the site."""

    language: str        # the data's tag: texts are written {en: ..., zh-Hant: ...}
    folder: str          # below the site's root: "" for the first edition, the tag in lower case for the others
    html_lang: str       # <html lang> and hreflang (BCP 47): the tag with the readers' territory
    locale: str          # Babel's locale for dates, numbers and lists: zh_Hant_HK (fr for fr-HK, which CLDR lacks)
    theme_language: str  # Material's partials/languages/<this>.html, the closest it has
    catalog: str         # the folder of this language's catalogs: zh_Hant
    derived_from: str | None = None  # the language its texts are converted from (site.derive), if any

    @property
    def is_root(self) -> bool:
        return not self.folder

    @property
    def og_locale(self) -> str:
        """Open Graph's `language_TERRITORY`: en_HK, zh_HK."""
        locale = Locale.parse(self.locale)
        return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def edition(language: str, *, territory: str | None = None, root: bool = False, derived_from: str | None = None) -> Edition:
    """The edition of a language tag for readers in `territory`; LanguageProblem if it cannot be one."""
    html_lang = f"{language}-{territory}" if territory else language
    locale = next((tag.replace("-", "_") for tag in dict.fromkeys((html_lang, language)) if _babel_knows(tag)), None)
    if locale is None:
        raise LanguageProblem(f"{language!r} is not a language tag that Babel knows (for example en, zh-Hant, zh-Hans)")
    theme_language = theme_language_for(html_lang)
    if theme_language is None:
        raise LanguageProblem(f"the theme has no words for {language!r}; it has: {', '.join(theme_languages())}")
    return Edition(
        language=language,
        folder="" if root else language.lower(),
        html_lang=html_lang,
        locale=locale,
        theme_language=theme_language,
        catalog=catalog_folder(language),
        derived_from=derived_from,
    )


def editions(languages: tuple[str, ...], territory: str | None = None, derivations: dict | None = None) -> dict[str, Edition]:
    """Every edition the data asks for, by tag; the first at the site's root."""
    derivations = derivations or {}
    return {language: edition(language, territory=territory, root=index == 0,
                              derived_from=derivations[language].source if language in derivations else None)
            for index, language in enumerate(languages)}


def theme_language_for(html_lang: str) -> str | None:
    """Material's closest language for a tag: zh-Hant-HK -> zh-Hant; zh-Hans-HK -> zh; en-HK -> en."""
    parts = html_lang.split("-")
    known = set(theme_languages())
    candidates = ["-".join(parts[:length]) for length in range(len(parts), 0, -1)]
    return next((candidate for candidate in candidates if candidate in known), None)


def _babel_knows(tag: str) -> bool:
    try:
        Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return False
    return True


@cache
def theme_languages() -> tuple[str, ...]:
    """The languages Material's installed templates have words for."""
    return tuple(sorted(path.stem for path in THEME_LANGUAGES_DIR.glob("*.html")))


__all__ = ["DEFAULT_LANGUAGE", "Edition", "LanguageProblem", "edition", "editions", "theme_language_for", "theme_languages"]
