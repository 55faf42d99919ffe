"""The published site, read by machines: canonical addresses, descriptions, Open Graph, JSON-LD, sitemap, robots.txt,
calendar files and open data; and hostile text from the data, escaped at each of those boundaries."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import date

import icalendar
from bs4 import BeautifulSoup
from hostile_site import CLOSING_EVENT, CLOSING_NOTE, FUNDER_NAME, PROGRAMME_NAME, ROLE_NAME, hostile_site_data
from markupsafe import Markup
from sitebuild import SITE_URL, Build

from programme import load_programme
from programme.data.loader import PROJECT_ROOT
from programme.site.status import cohort_to_speak_of
from fixture_data import FIXTURE_DATA

PROGRAMME = load_programme(FIXTURE_DATA)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# What schema.org defines for each type this site emits (schema.org's type pages; a subset of each type's
# properties, every one of them real). Thing's properties apply to every type.
THING = {"@id", "@type", "additionalType", "alternateName", "description", "disambiguatingDescription", "identifier",
         "image", "mainEntityOfPage", "name", "potentialAction", "sameAs", "subjectOf", "url"}
SCHEMA_ORG = {
    "EducationalOccupationalProgram": THING | {
        "applicationDeadline", "applicationStartDate", "dayOfWeek", "educationalCredentialAwarded",
        "educationalProgramMode", "endDate", "financialAidEligible", "hasCourse", "maximumEnrollment",
        "numberOfCredits", "occupationalCategory", "occupationalCredentialAwarded", "offers", "programPrerequisites",
        "programType", "provider", "salaryUponCompletion", "startDate", "termDuration", "termsPerYear", "timeOfDay",
        "timeToComplete", "trainingSalary", "typicalCreditsPerTerm",
    },
    "MonetaryGrant": THING | {"amount", "funder", "fundedItem", "sponsor"},
    "Occupation": THING | {"educationRequirements", "estimatedSalary", "experienceRequirements", "occupationLocation",
                           "occupationalCategory", "qualifications", "responsibilities", "skills"},
    "Organization": THING | {"address", "department", "email", "foundingDate", "funder", "legalName", "logo",
                             "member", "memberOf", "parentOrganization", "sponsor", "subOrganization", "telephone"},
}


def html_pages(site: Build) -> list[str]:
    """Every page's path below the site's root (`timeline/`), the 404 page aside."""
    return sorted(path.relative_to(site.site_dir).as_posix().removesuffix("index.html")
                  for path in site.site_dir.rglob("index.html") if "assets" not in path.parts)


def head(site: Build, path: str) -> BeautifulSoup:
    return site.page(path).head


def meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    assert tag is not None, key
    return tag["content"]


def graphs(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


def test_every_page_names_its_canonical_address_under_the_sub_path(built_site):
    for path in html_pages(built_site):
        soup = head(built_site, path)
        canonical = [link["href"] for link in soup.select("link[rel=canonical]")]
        assert canonical == [SITE_URL + path], path
        assert meta(soup, "og:url") == SITE_URL + path


def test_every_page_has_its_own_description_and_open_graph_and_twitter_fields(built_site):
    descriptions = {}
    for path in html_pages(built_site):
        soup = head(built_site, path)
        description = meta(soup, "description")
        assert description and description != built_site_description(), path
        assert meta(soup, "og:description") == meta(soup, "twitter:description") == description
        title = built_site.page(path).select_one("article h1").get_text(" ", strip=True)
        assert meta(soup, "og:title") == meta(soup, "twitter:title") == title, path
        assert meta(soup, "og:site_name") == PROGRAMME.name
        assert meta(soup, "og:locale") == edition_of(path).og_locale
        assert meta(soup, "og:type") == "website" and meta(soup, "twitter:card") == "summary"
        descriptions[path] = description
    for edition in PROGRAMME.editions.values():  # within each edition, no two pages share a description
        in_edition = [description for path, description in descriptions.items() if edition_of(path) == edition]
        assert len(set(in_edition)) == len(in_edition), edition.language


def edition_of(path: str):
    """The edition a page's path below the site's root is in: the one whose folder it starts with, else the root."""
    return next((edition for edition in PROGRAMME.editions.values() if edition.folder and path.startswith(edition.folder + "/")),
                next(iter(PROGRAMME.editions.values())))


def built_site_description() -> str:
    """mkdocs.yml's site-wide description, which no page should fall back to."""
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(r"^site_description: (.+)$", text, re.MULTILINE)[1].strip()


def test_descriptions_are_made_from_the_data(built_site):
    assert PROGRAMME.name in meta(head(built_site, ""), "description")
    assert str(PROGRAMME.goal.text) in meta(head(built_site, ""), "description")
    for criterion in PROGRAMME.eligibility.criteria:
        assert str(criterion.statement) in meta(head(built_site, "eligibility/"), "description")
    role = PROGRAMME.roles[0]
    assert str(role.name) in meta(head(built_site, f"roles/{role.id}/"), "description")


def test_json_ld_uses_only_what_schema_org_defines_for_each_type(built_site):
    found = set()
    for path in html_pages(built_site):
        for graph in graphs(head(built_site, path)):
            assert graph["@context"] == "https://schema.org"
            for node in graph["@graph"]:
                assert node["@type"] in SCHEMA_ORG, node
                assert set(node) <= SCHEMA_ORG[node["@type"]], (node["@type"], set(node) - SCHEMA_ORG[node["@type"]])
                found.add((path, node["@type"], node.get("name")))
    assert ("", "EducationalOccupationalProgram", PROGRAMME.name) in found
    assert ("tlt/", "EducationalOccupationalProgram", str(PROGRAMME.related_programmes[0].name)) in found
    assert {name for _, kind, name in found if kind == "Organization"} >= {str(o.name) for o in PROGRAMME.organisations}


def test_json_ld_states_what_the_data_backs_and_leaves_out_what_it_does_not(built_site):
    nodes = {node["@type"]: node for node in graphs(head(built_site, ""))[0]["@graph"]}
    procruit = nodes["EducationalOccupationalProgram"]
    window = cohort_to_speak_of(PROGRAMME.cohorts, date.today()).window
    assert window.opens.no_later_than and "applicationStartDate" not in procruit  # "by 16 December 2020"
    assert procruit["applicationDeadline"] == window.closes.date.iso
    assert procruit["programPrerequisites"] == [str(c.statement) for c in PROGRAMME.eligibility.criteria]
    assert procruit["occupationalCategory"] == [str(role.name) for role in PROGRAMME.roles]
    assert "timeToComplete" not in procruit and "provider" not in procruit
    funder = {node["@id"]: node for node in graphs(head(built_site, ""))[0]["@graph"]}[nodes["MonetaryGrant"]["funder"]["@id"]]
    assert funder["name"] == str(PROGRAMME.funder.organisation.name)
    assert nodes["MonetaryGrant"]["fundedItem"] == {"@id": procruit["@id"]}
    tlt = graphs(head(built_site, "tlt/"))[0]["@graph"]
    provider = next(node for node in tlt if node["@id"] == tlt[0]["provider"]["@id"])
    assert provider["name"] == str(PROGRAMME.related_programmes[0].run_by.name)


def test_each_editions_sitemap_lists_every_page_of_it_dated_by_the_last_review(built_site):
    entries = {}
    for edition in (f"{edition.folder}/" if edition.folder else "" for edition in PROGRAMME.editions.values()):
        tree = ElementTree.parse(built_site.site_dir / edition / "sitemap.xml")
        listed = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in tree.getroot()}
        assert all(address.startswith(SITE_URL + edition) for address in listed), edition
        entries |= listed
    assert set(entries) == {SITE_URL + path for path in html_pages(built_site)}
    assert set(entries.values()) == {PROGRAMME.reviewed.iso}


def test_robots_txt_points_at_every_editions_sitemap(built_site):
    robots = (built_site.site_dir / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert [line for line in robots if line.startswith("Sitemap:")] == [
        f"Sitemap: {SITE_URL}{edition.folder + '/' if edition.folder else ''}sitemap.xml" for edition in PROGRAMME.editions.values()]


def test_the_timeline_links_each_cohorts_calendar_and_names_what_it_leaves_out(built_site):
    page = built_site.page("timeline/")
    for cohort in PROGRAMME.cohorts:
        link = page.select_one(f'a[href$="calendars/{cohort.id}.ics"]')
        assert link is not None and link.has_attr("download")
        assert (built_site.site_dir / "timeline" / link["href"]).resolve().is_file()
    text = built_site.article_text("timeline/")
    assert "Not in the calendar file, because the source gives no exact day: Applications open (by 16 December 2020)" in text


def test_the_about_page_links_the_open_data_and_its_schema(built_site):
    about = built_site.page("about/")
    for name in ("programme.json", "programme.schema.json"):
        link = about.select_one(f'article a[href$="{name}"]')
        assert link is not None and (built_site.site_dir / "about" / link["href"]).resolve().is_file()


def test_hostile_text_in_meta_tags_is_escaped_and_reads_back_as_text(hostile_site):
    raw = (hostile_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw
    soup = head(hostile_site, "")
    assert meta(soup, "og:site_name") == PROGRAMME_NAME
    assert PROGRAMME_NAME in meta(soup, "description")
    role = head(hostile_site, "roles/trainee-designer/")
    assert meta(role, "og:title") == ROLE_NAME


def test_hostile_text_in_json_ld_cannot_end_its_script_and_parses_back(hostile_site):
    for path in ("", "tlt/"):
        raw = (hostile_site.site_dir / path / "index.html").read_text(encoding="utf-8")
        for block in raw.split('<script type="application/ld+json">')[1:]:
            data = block.split("</script>")[0]
            assert "<" not in data and ">" not in data and "&" not in data
    nodes = graphs(head(hostile_site, ""))[0]["@graph"]
    assert nodes[0]["name"] == PROGRAMME_NAME
    assert ROLE_NAME in nodes[0]["occupationalCategory"]
    assert FUNDER_NAME in {node.get("name") for node in nodes}


def test_hostile_text_in_a_calendar_file_parses_back_unchanged(hostile_site):
    calendar = icalendar.Calendar.from_ical((hostile_site.site_dir / "calendars" / "first-cohort.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == f"{PROGRAMME_NAME}: {CLOSING_EVENT['en']}"
    assert str(event["DESCRIPTION"]) == CLOSING_NOTE["en"]
    cohort = hostile_site_data()["cohorts"][0]["name"]["en"]  # markup too
    # An X- property's value stays as written in the file, a TEXT value's commas escaped (RFC 5545, 3.3.11): read
    # back as a TEXT property is, by the library's own parser.
    as_text = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\nSUMMARY:{calendar['X-WR-CALNAME']}\r\nEND:VEVENT\r\n")
    assert str(as_text["SUMMARY"]) == f"{PROGRAMME_NAME}: {cohort}"


def test_hostile_text_in_open_data_reads_back_unchanged(hostile_site):
    data = json.loads((hostile_site.site_dir / "programme.json").read_text(encoding="utf-8"))
    assert data["programme"]["name"] == PROGRAMME_NAME


def test_the_timeline_escapes_hostile_text_beside_its_calendar_link(hostile_site):
    raw = (hostile_site.site_dir / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "</script> & more" not in raw
    assert Markup(raw).striptags().count(CLOSING_EVENT["en"]) >= 1


def test_a_date_known_exactly_is_given_and_a_month_at_its_own_precision():
    import dataclasses

    from selfcheck.dates import PartialDate
    from programme.site.structured_data import programme_graph

    cohort = PROGRAMME.cohorts[0]
    exact = dataclasses.replace(cohort.window.opens, no_later_than=False)
    month = dataclasses.replace(cohort.window.closes, date=PartialDate(2021, 1))
    changed = dataclasses.replace(PROGRAMME, cohorts=(dataclasses.replace(
        cohort, window=dataclasses.replace(cohort.window, opens=exact, closes=month)),))
    node = programme_graph(changed, "en", site_url=None, page_url=None, description="D", today=date.today())["@graph"][0]
    assert node["applicationStartDate"] == exact.date.iso == "2020-12-16"
    assert node["applicationDeadline"] == "2021-01"


def alternates_of(site: Build, path: str) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in head(site, path).select("link[rel=alternate][hreflang]")}


def test_every_page_names_itself_in_each_edition_and_x_default_and_each_alternate_exists_and_names_it_back(built_site):
    pages = html_pages(built_site)
    assert any(path.startswith("zh-hant/") for path in pages)
    for path in pages:
        alternates = alternates_of(built_site, path)
        if not alternates and not (built_site.site_dir / "zh-hant" / path / "index.html").exists():
            continue  # a hand-written page, in English only
        assert set(alternates) == {edition.html_lang for edition in PROGRAMME.editions.values()} | {"x-default"}, path
        assert alternates["x-default"] == alternates["en-HK"], path
        own = edition_of(path).html_lang
        assert alternates[own] == SITE_URL + path == meta_link(built_site, path, "canonical"), path
        for address in alternates.values():
            assert address.startswith(SITE_URL), address
            target = address.removeprefix(SITE_URL)
            assert (built_site.site_dir / target / "index.html").is_file(), f"{path}: {address} does not exist"
            assert alternates_of(built_site, target) == alternates, f"{target} does not name {path} back"


def meta_link(site: Build, path: str, rel: str) -> str:
    return head(site, path).select_one(f"link[rel={rel}]")["href"]
