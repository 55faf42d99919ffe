"""What each page says about itself to search engines and link previews: description, canonical address,
language alternates, Open Graph and Twitter card fields. Plain text here; `overrides/main.html` escapes it."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from programme.words.languages import EDITIONS
from programme.hosting.location import SiteLocation

# The programme is for Hong Kong, so an edition whose language names no territory is for Hong Kong readers.
AUDIENCE_TERRITORY = "HK"


@dataclass(frozen=True)
class PageMetadata:
    """One page's metadata, as plain text; `url` and `alternates` are empty for a local build."""

    site_name: str
    title: str
    description: str
    language: str
    url: str | None
    alternates: tuple[tuple[str, str], ...]
    structured_data: str | None = None  # JSON text, already safe inside <script type="application/ld+json">

    @property
    def og_locale(self) -> str:
        return og_locale(self.language)


def page_metadata(location: SiteLocation, languages: tuple[str, ...], *, language: str, path: str, site_name: str,
                  title: str, description: str, structured_data: str | None = None) -> PageMetadata:
    """The metadata of the page at `path` (as MkDocs gives `page.url`) in the `language` edition.

    `languages` lists every edition the site has, for hreflang alternates; with one edition there are none.
    """
    alternates = ()
    if len(languages) > 1 and location.publish:  # hreflang addresses are absolute: only a publish build has them
        alternates = (*((EDITIONS[other].html_lang, location.page_url(other, path)) for other in languages),
                      ("x-default", location.page_url(languages[0], path)))
    return PageMetadata(site_name, " ".join(title.split()), " ".join(description.split()), language,
                        location.page_url(language, path), alternates, structured_data)


def og_locale(language: str) -> str:
    """Open Graph's `language_TERRITORY` for a site language tag: `en` -> `en_HK`, `zh-Hant` -> `zh_HK`."""
    locale = Locale.parse(language, sep="-")
    return f"{locale.language}_{locale.territory or AUDIENCE_TERRITORY}"


def robots_txt(edition_urls: list[str | None]) -> str:
    """Let every crawler in, and point at each edition's sitemap where the site has an address."""
    lines = ["User-agent: *", "Allow: /"]
    sitemaps = [f"Sitemap: {url}sitemap.xml" for url in edition_urls if url]
    return "\n".join([*lines, *([""] + sitemaps if sitemaps else [])]) + "\n"
