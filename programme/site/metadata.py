"""What each page says about itself to search engines and link previews: description, canonical address,
language alternates, Open Graph and Twitter card fields. Plain text here; `overrides/main.html` escapes it."""

from __future__ import annotations

from dataclasses import dataclass

from programme.hosting.location import SiteLocation
from programme.words.languages import Edition


@dataclass(frozen=True)
class PageMetadata:
    """One page's metadata, as plain text; `url` and `alternates` are empty for a local build."""

    site_name: str
    title: str
    description: str
    og_locale: str
    url: str | None
    alternates: tuple[tuple[str, str], ...]
    structured_data: str | None = None  # JSON text, already safe inside <script type="application/ld+json">


def page_metadata(location: SiteLocation, editions: tuple[Edition, ...], *, edition: Edition, path: str, site_name: str,
                  title: str, description: str, structured_data: str | None = None) -> PageMetadata:
    """The metadata of the page at `path` (as MkDocs gives `page.url`) in `edition`.

    `editions` lists every edition the page is in, the first at the site's root, for hreflang alternates; with one
    edition there are none.
    """
    alternates = ()
    if len(editions) > 1 and location.publish:  # hreflang addresses are absolute: only a publish build has them
        alternates = (*((other.html_lang, location.page_url(other, path)) for other in editions),
                      ("x-default", location.page_url(editions[0], path)))
    return PageMetadata(site_name, " ".join(title.split()), " ".join(description.split()), edition.og_locale,
                        location.page_url(edition, path), alternates, structured_data)


def robots_txt(edition_urls: list[str | None]) -> str:
    """Let every crawler in, and point at each edition's sitemap where the site has an address."""
    lines = ["User-agent: *", "Allow: /"]
    sitemaps = [f"Sitemap: {url}sitemap.xml" for url in edition_urls if url]
    return "\n".join([*lines, *([""] + sitemaps if sitemaps else [])]) + "\n"
