"""The page table: every kind of generated page, with its template, its place in the navigation, its title, its
description and its structured data, and the pages a programme has, in navigation order.

A page kind's name is its template's (`track` renders `templates/track.html`) and the name of the macro in
`templates/_descriptions.html` that describes it. Nothing else in the project lists page kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from collections import Counter
from dataclasses import dataclass, field

from programme.data.model import Programme, RelatedProgramme, Role, Text, Track
from programme.site import structured_data
from programme.site.escaping import theme_text
from programme.site.opendata import DATA_FILE, SCHEMA_FILE
from programme.words.catalogs import site_translations


def N_(message: str) -> str:
    """Mark one of the site's own words for the catalog (`make catalogs`); it is translated per edition."""
    return message


@dataclass(frozen=True)
class PageKind:
    """What every page of one kind shares."""

    name: str                                       # the template (name.html) and its description macro
    graph: Callable | None = None                   # its JSON-LD (programme.site.structured_data), if it has one
    theme_meta: dict = field(default_factory=dict)  # settings for the theme: Material reads `template` and `hide`
    # Its readers are on their way to the self-check: the runtime is fetched once the page is idle (prefetch.js).
    leads_to_self_check: bool = False

    @property
    def template(self) -> str:
        return f"{self.name}.html"


KINDS = {kind.name: kind for kind in (
    # The home page is a landing page: the theme template overrides/home.html, the full width (no table of contents).
    PageKind("home", structured_data.programme_graph, {"template": "home.html", "hide": ["toc"]}),
    PageKind("tracks"),  # every track, at tracks/: the Tracks section's own page
    PageKind("track", structured_data.track_graph),
    PageKind("roles"),   # every role, by track, at roles/
    PageKind("role", structured_data.role_graph),
    PageKind("eligibility", leads_to_self_check=True),
    PageKind("self_check"),
    PageKind("how_to_apply", leads_to_self_check=True),
    PageKind("timeline"),
    PageKind("related", structured_data.related_graph),
    PageKind("contact"),
    PageKind("about"),
)}
# Pages of which there is one, by kind, at these addresses in every edition.
SINGLE_PAGES = {"home": "index.md", "tracks": "tracks/index.md", "roles": "roles/index.md",
                "eligibility": "eligibility.md", "self_check": "self-check.md",
                "how_to_apply": "how-to-apply.md", "timeline": "timeline.md", "contact": "contact.md",
                "about": "about.md"}
# About the site rather than the programme: its title is the site's own word, from the catalogs.
ABOUT_TITLE = N_("About this site")
# The page of every role: the data names no such page, so its title is the site's own word too.
ROLES_TITLE = N_("All roles")
# A navigation section lists its pages only up to this many: every page of a section shows the section's list, so a
# longer one would make the site grow with the square of its pages. Past it, the section's page lists them instead.
NAV_SECTION_LIMIT = 25
# The pages that list a section's pages: always in the navigation.
INDEX_KINDS = ("tracks", "roles")


@dataclass(frozen=True)
class Page:
    """One generated page: where it lives, its kind, its title, and the data its template reads."""

    src_uri: str
    kind: PageKind
    title: Text
    context: dict = field(default_factory=dict, compare=False)
    section: Text | None = None  # the navigation section it stands in, named; None at the top level

    @property
    def template(self) -> str:
        return self.kind.template

    @property
    def path(self) -> str:
        """Its address within an edition, as MkDocs gives it with directory URLs: `roles/trainee-designer/`."""
        return page_path(self.src_uri)


def page_path(src_uri: str) -> str:
    """A generated page's address within an edition: `roles/trainee-designer.md` -> `roles/trainee-designer/`."""
    stem = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def track_uri(track: Track) -> str:
    """`tracks/<id>/`. A track with roles is the index page of its own navigation section; Material takes any
    index.md as its section's index page, so a track without roles must not be one."""
    return f"tracks/{track.id}/index.md" if track.roles else f"tracks/{track.id}.md"


def role_uri(role: Role) -> str:
    return f"roles/{role.id}.md"


def related_uri(related: RelatedProgramme) -> str:
    """Another programme's page: `/<id>/`, an address the data check keeps free of the site's own."""
    return f"{related.id}.md"


def plan_pages(programme: Programme) -> list[Page]:
    """Every generated page, in navigation order."""
    titles = programme.titles

    def single(kind: str, title: Text, context: dict | None = None) -> Page:
        return Page(SINGLE_PAGES[kind], KINDS[kind], title, context or {})

    pages = [single("home", Text.from_data(programme.name))]
    if programme.tracks:  # the section's own page (Material's navigation.indexes), before its tracks
        pages.append(Page(SINGLE_PAGES["tracks"], KINDS["tracks"], titles.tracks, {}, section=titles.tracks))
    for track in programme.tracks:
        pages.append(Page(track_uri(track), KINDS["track"], track.name, {"track": track}, section=titles.tracks))
        pages += [Page(role_uri(role), KINDS["role"], role.name, {"role": role, "track": track}, section=track.name)
                  for role in track.roles]
    if programme.roles:
        pages.append(Page(SINGLE_PAGES["roles"], KINDS["roles"], site_text(ROLES_TITLE, programme.languages), {},
                          section=titles.tracks))
    pages += [
        single("eligibility", titles.eligibility),
        single("self_check", titles.self_check),
        single("how_to_apply", titles.how_to_apply),
        single("timeline", titles.timeline),
        *(Page(related_uri(related), KINDS["related"], related.name, {"related": related})
          for related in programme.related_programmes),
        single("contact", titles.contact),
        single("about", site_text(ABOUT_TITLE, programme.languages), {"data_file": DATA_FILE, "schema_file": SCHEMA_FILE}),
    ]
    return pages


def plan_nav(pages: list[Page], language: str) -> list:
    """MkDocs `nav` entries for the pages: each at the top level or in its section; a track with roles heads a section
    of its own, its roles under it. Titles reach the theme escaped (programme.site.escaping.theme_text)."""
    nav: list = []
    sections: dict[int, list] = {}  # id() of a section's Text -> its entries
    crowded = {key for key, count in Counter(id(page.section) for page in pages if page.section is not None).items()
               if count > NAV_SECTION_LIMIT}
    for page in pages:
        if page.section is not None and id(page.section) in crowded and page.kind.name not in INDEX_KINDS:
            continue  # its section's page lists it
        if page.kind.name == "track" and page.context["track"].roles and len(page.context["track"].roles) <= NAV_SECTION_LIMIT:
            entry: object = {theme_text(page.title, language): [page.src_uri]}
            sections[id(page.title)] = entry[theme_text(page.title, language)]
        else:
            entry = page.src_uri
        if page.section is None:
            nav.append(entry)
        elif id(page.section) in sections:
            sections[id(page.section)].append(entry)
        else:
            sections[id(page.section)] = [entry]
            nav.append({theme_text(page.section, language): sections[id(page.section)]})
    return nav


def site_text(message: str, languages: tuple[str, ...]) -> Text:
    """One of the site's own words as a Text in each of `languages`, for what the theme shows beside the data's
    texts (a page title in the navigation)."""
    return Text(tuple((language, site_translations(language).gettext(message)) for language in languages))


__all__ = ["KINDS", "SINGLE_PAGES", "Page", "PageKind", "page_path", "plan_nav", "plan_pages", "role_uri", "track_uri"]
