"""Which pages the site has, what each is called and what data its template gets."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import escape

from programme.words.catalogs import site_text
from programme.data.model import Programme, Role, Text, Track
from programme.site.opendata import DATA_FILE, SCHEMA_FILE


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, its template, its title, the data the template reads, and page settings
    for the theme (Material reads `template` and `hide` from a page's metadata). A page that `leads_to_self_check`
    is one whose readers are on their way to the self-check: its runtime is fetched once the page is idle."""

    src_uri: str
    template: str
    title: Text
    context: dict = field(default_factory=dict, compare=False)
    theme_meta: dict = field(default_factory=dict, compare=False)
    leads_to_self_check: bool = False


def track_uri(track: Track) -> str:
    """`tracks/<id>/`. A track with roles is the index page of its own navigation section; Material takes any
    index.md as its section's index page, so a track without roles must not be one."""
    return f"tracks/{track.id}/index.md" if track.roles else f"tracks/{track.id}.md"


def role_uri(role: Role) -> str:
    return f"roles/{role.id}.md"


HOME, ELIGIBILITY, SELF_CHECK, HOW_TO_APPLY, TIMELINE, TLT, CONTACT, ABOUT = (
    "index.md", "eligibility.md", "self-check.md", "how-to-apply.md", "timeline.md", "tlt.md", "contact.md", "about.md",
)
PAGES = {"home": HOME, "eligibility": ELIGIBILITY, "self_check": SELF_CHECK, "how_to_apply": HOW_TO_APPLY,
         "timeline": TIMELINE, "tlt": TLT, "contact": CONTACT, "about": ABOUT}
# The home page is a landing page: the theme template overrides/home.html, the full width (no table of contents).
HOME_THEME = {"template": "home.html", "hide": ["toc"]}


def plan_pages(programme: Programme) -> list[PageSpec]:
    """Every generated page, in navigation order."""
    titles = programme.titles
    pages = [PageSpec(HOME, "home.html", Text.from_data(programme.name), theme_meta=HOME_THEME)]
    for track in programme.tracks:
        pages.append(PageSpec(track_uri(track), "track.html", track.name, {"track": track}))
        pages += [PageSpec(role_uri(role), "role.html", role.name, {"role": role, "track": track}) for role in track.roles]
    pages += [
        PageSpec(ELIGIBILITY, "eligibility.html", titles.eligibility, leads_to_self_check=True),
        PageSpec(SELF_CHECK, "self_check.html", titles.self_check),
        PageSpec(HOW_TO_APPLY, "how_to_apply.html", titles.how_to_apply, leads_to_self_check=True),
        PageSpec(TIMELINE, "timeline.html", titles.timeline),
        PageSpec(TLT, "tlt.html", programme.tlt.name),
        PageSpec(CONTACT, "contact.html", titles.contact),
        # About the site rather than the programme: its title is the site's own word, from the catalogs.
        PageSpec(ABOUT, "about.html", site_text("About this site", programme.languages),
                 {"data_file": DATA_FILE, "schema_file": SCHEMA_FILE}),
    ]
    return pages


def plan_nav(programme: Programme, language: str) -> list:
    """MkDocs `nav` entries for the generated pages.

    MkDocs renders titles as HTML, so they are escaped here, as Markup: the theme's own `| e` then leaves
    them as they are instead of escaping them twice (which screen readers would read out as "&amp;").
    """

    def title(text: Text) -> str:
        return escape(text.in_language(language))

    tracks = []
    for track in programme.tracks:
        if track.roles:
            tracks.append({title(track.name): [track_uri(track), *map(role_uri, track.roles)]})
        else:
            tracks.append(track_uri(track))
    return [HOME, {title(programme.titles.tracks): tracks}, ELIGIBILITY, SELF_CHECK, HOW_TO_APPLY, TIMELINE, TLT, CONTACT,
            ABOUT]
