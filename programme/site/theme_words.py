"""Material's own words that this site says itself, in its catalogs, where Material's translation does not read as
its readers write: Material's zh-Hant search says 「找到 1 个…」 with a Simplified 个, and 「鍵入以開始檢索」 as
written in Taiwan. The theme's language partial (overrides/partials/language.html) takes these first; every other
word is Material's. Each message is Material's English, with Material's key as its context.
"""

from __future__ import annotations


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark a message and its context for the catalog (`make catalogs`); it is translated where it is said."""
    return context, message


THEME_WORDS = dict((
    NC_("Material: action.skip", "Skip to content"),
    NC_("Material: footer", "Footer"),
    NC_("Material: search.reset", "Clear"),
    NC_("Material: search.result.placeholder", "Type to start searching"),
    NC_("Material: search.result.none", "No matching documents"),
    NC_("Material: search.result.one", "1 matching document"),
    NC_("Material: search.result.other", "# matching documents"),
    NC_("Material: search.result.more.one", "1 more on this page"),
    NC_("Material: search.result.more.other", "# more on this page"),
    NC_("Material: top", "Back to top"),
))


def theme_word(translations, key: str) -> str:
    """The site's own word for one of Material's keys in an edition's catalog, or "" to leave Material's."""
    context = f"Material: {key}"
    if context not in THEME_WORDS:
        return ""
    word = translations.pgettext(context, THEME_WORDS[context])
    return "" if word == THEME_WORDS[context] else word
