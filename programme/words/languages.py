"""The language editions this site can publish, and what each needs: where it lives, how it is tagged and formatted.

The data says which editions to publish (`site.languages`, English first); this says what an edition is. A language
is publishable here only with an entry below, a theme language for Material's own words, and a catalog of this
site's words (locale/<locale>/LC_MESSAGES/site.po, selfcheck/locale/... for the self-check).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    language: str        # the data's language tag: texts are written {en: ..., zh-Hant: ...}
    folder: str          # where the edition lives below the site's root: "" for the first, "zh-hant" for Chinese
    html_lang: str       # <html lang> and hreflang: BCP 47, with the territory the programme is for
    theme_language: str  # Material's partials/languages/<this>.html (overrides/ may add one)
    locale: str          # Babel's and gettext's locale: dates, numbers and the catalogs
    name: str            # the language's name in itself, for the language switcher


EDITIONS = {edition.language: edition for edition in (
    Edition("en", "", "en", "en", "en_GB", "English"),
    Edition("zh-Hant", "zh-hant", "zh-Hant-HK", "zh-Hant-HK", "zh_Hant_HK", "繁體中文"),
)}
