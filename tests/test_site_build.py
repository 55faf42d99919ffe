"""The built site: strict, complete, generated from the data, escaped, self-contained and safe to edit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import Build, build_site

from programme import DATA_PATH, load_programme
from programme.model import PartialDate, criterion_parameters
from programme.pages import plan_pages
from programme.render import format_date
from programme.yamlsource import parse_yaml

PROGRAMME = load_programme()
RAW = parse_yaml(DATA_PATH.read_text(encoding="utf-8"), "programme.yaml").value


@pytest.fixture
def site(built_site) -> Build:
    return built_site


def url_of(src_uri: str) -> str:
    return "" if src_uri == "index.md" else re.sub(r"(index)?\.md$", "", src_uri).rstrip("/") + "/"


GENERATED = {url_of(spec.src_uri): spec for spec in plan_pages(PROGRAMME)}


def test_the_strict_build_has_no_warnings(site):
    assert "WARNING" not in site.output
    assert "Documentation built" in site.output


def test_every_page_has_its_url_from_its_id(site):
    expected = {"", "eligibility/", "self-check/", "timeline/", "tlt/", "contact/"}
    expected |= {f"tracks/{track['id']}/" for track in RAW["tracks"]}
    expected |= {f"roles/{role['id']}/" for role in RAW["roles"]}
    assert set(GENERATED) == expected
    for url in expected:
        assert (site.site_dir / url / "index.html").is_file(), url


@pytest.mark.parametrize("url", GENERATED)
def test_each_page_is_titled_with_its_name(site, url):
    page = site.page(url)
    headings = page.select("article h1")
    assert [heading.get_text(strip=True) for heading in headings] == [str(GENERATED[url].title)]


def test_browser_titles_name_the_page_and_the_site_once(site):
    assert site.page("").select_one("title").get_text(strip=True) == PROGRAMME.name
    assert site.page("timeline/").select_one("title").get_text(strip=True) == f"{PROGRAMME.titles.timeline} - {PROGRAMME.name}"


def test_the_timeline_page_is_called_timeline(site):
    assert site.page("timeline/").select_one("article h1").get_text(strip=True) == "Timeline"


# Which page shows each part of the data, by the first key of its path.
PAGE_FOR_SECTION = {
    "programme": lambda path: "",
    "tracks": lambda path: f"tracks/{RAW['tracks'][path[1]]['id']}/",
    "roles": lambda path: f"roles/{RAW['roles'][path[1]]['id']}/",
    "eligibility": lambda path: "eligibility/",
    "cohorts": lambda path: "timeline/",
    "tlt": lambda path: "tlt/",
    "contact": lambda path: "contact/",
    "self_check": lambda path: "self-check/",
}
# Keys whose values are identifiers, settings or evidence, not facts shown to visitors.
NOT_SHOWN = {"id", "ref", "qualifier", "date_accuracy", "complete_list", "key", "kind", "value", "language",
             "track", "publisher", "organisation", "by", "people", "run_by", "opens", "closes", "document", "accepted",
              "current_cohort"}


def shown_facts(value, path=()):
    """(path, text a visitor should read) for every fact in the data."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_SHOWN:
                yield from shown_facts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from shown_facts(item, (*path, index))
    elif path and path[-1] in ("date", "announced"):
        yield path, format_date(PartialDate.parse(value))
    elif path and path[-1] == "statement" and path[0] == "eligibility":
        yield path, value.format(**criterion_parameters(RAW["eligibility"]["criteria"][path[2]]))
    elif value is not None and not isinstance(value, bool):
        yield path, " ".join(str(value).split())


FACTS = [(path, text) for path, text in shown_facts(RAW) if path[0] in PAGE_FOR_SECTION]
ELSEWHERE = [(path, text) for path, text in shown_facts(RAW) if path[0] not in PAGE_FOR_SECTION]


def label(path) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


@pytest.mark.parametrize(("path", "text"), FACTS, ids=[label(path) for path, _ in FACTS])
def test_each_fact_appears_on_its_page(site, path, text):
    url = PAGE_FOR_SECTION[path[0]](path)
    assert text in site.article_text(url), f"{label(path)} is not on /{url}"


@pytest.mark.parametrize(("path", "text"), ELSEWHERE, ids=[label(path) for path, _ in ELSEWHERE])
def test_sources_people_organisations_and_titles_appear_on_the_site(site, path, text):
    everywhere = " ".join(" ".join(site.page(url).get_text(" ").split()) for url in GENERATED)
    assert text in everywhere, f"{label(path)} appears on no page"


def test_the_source_is_cited_on_every_generated_page(site):
    title = str(PROGRAMME.sources[0].title)
    for url in GENERATED:
        assert title in site.article_text(url), url


def test_navigation_reaches_every_page(site):
    """With navigation.prune a page's sidebar shows its own branch; together the sidebars list every page."""
    root = site.site_dir.resolve()
    pages = {(root / url).resolve() for url in [*GENERATED, "about/"]}
    listed = set()
    for page in pages:
        own = {(page / link["href"].split("#")[0]).resolve()
               for link in BeautifulSoup((page / "index.html").read_text(encoding="utf-8"), "html.parser")
               .select("nav.md-nav--primary a.md-nav__link[href]")}
        assert page in own, f"{page.relative_to(root)} is not in its own sidebar"
        listed |= own
    assert pages <= listed


def test_search_indexes_every_page(site):
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert set(GENERATED) <= locations


def test_generated_pages_link_their_edit_button_to_the_data_file(site):
    for url in GENERATED:
        edit = site.page(url).select_one("a.md-content__button[href*='/edit/']")
        assert edit is not None, url
        assert edit["href"].endswith("/edit/main/data/programme.yaml"), edit["href"]
    about = site.page("about/").select_one("a.md-content__button[href*='/edit/']")
    assert about["href"].endswith("/edit/main/docs/about.md")


def test_no_page_has_an_inline_script_or_event_handler(site):
    for html_file in site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/json", f"{html_file}: {script}"
        for tag in soup.find_all(True):
            assert not [name for name in tag.attrs if name.startswith("on")], f"{html_file}: {tag.name}"


def test_no_page_loads_anything_from_another_origin(site):
    for html_file in site.site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        soup = BeautifulSoup(text, "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in soup.find_all(tag):
                address = element.get(attribute, "")
                assert not re.match(r"^(https?:)?//", address), f"{html_file}: <{tag} {attribute}={address}>"


def test_the_self_check_runtime_and_engine_are_published(site, bundle):
    selfcheck = site.page("self-check/").select_one("[data-selfcheck]")
    page_dir = site.site_dir / "self-check"
    pyodide = (page_dir / selfcheck["data-pyodide-url"]).resolve()
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "pyodide.asm.mjs"):
        assert (pyodide.parent / name).is_file(), name
    assert not (pyodide.parent / "python_stdlib.zip").exists(), "only the trimmed standard library is published"
    for kind, name in (("stdlib", bundle.stdlib), ("lock", bundle.lock)):
        published = (page_dir / selfcheck[f"data-{kind}-url"]).resolve()
        assert published.read_bytes() == (bundle.folder / name).read_bytes(), kind
        assert selfcheck[f"data-{kind}-integrity"] == bundle.integrity(name)
    lock = json.loads((page_dir / selfcheck["data-lock-url"]).read_text(encoding="utf-8"))
    assert (page_dir / selfcheck["data-lock-url"]).resolve().with_name(bundle.wheel).is_file()
    assert list(lock["packages"]) == [selfcheck["data-package"]]


def edited_data(tmp_path: Path, replacements: dict[str, str]) -> Path:
    text = DATA_PATH.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert text.count(old) >= 1, old
        text = text.replace(old, new)
    path = tmp_path / "programme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_in_the_data_is_shown_as_text_never_run(tmp_path):
    hostile = '<script>alert("x")</script> & <b>Co</b>'
    data = edited_data(tmp_path, {
        "    name: Creativity for Good\n": f"    name: '{hostile}'\n",
        "    name: Trainee Designer\n": "    name: '<img src=x onerror=alert(1)>'\n",
        "to enable fresh graduates": "to enable <em>fresh</em> graduates",
    })
    build = build_site(tmp_path / "site", data)
    assert build.returncode == 0, build.output

    for html_file in build.site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert '<script>alert("x")' not in text, html_file
        assert "<img src=x" not in text and '<img src="x"' not in text, html_file
        assert "<em>fresh</em>" not in text, html_file
    track = build.page("tracks/creativity-for-good/")
    assert track.select_one("article h1").get_text() == hostile
    assert hostile in track.select_one("title").get_text()
    assert hostile in " ".join(build.page("").select_one("nav.md-nav--primary").get_text().split())
    assert "<em>fresh</em>" in build.article_text("")
    index = json.loads((build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;" in titles or \
        "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;" in titles


def test_a_broken_edit_stops_the_build_before_anything_is_written(tmp_path):
    data = edited_data(tmp_path, {"      value: 75\n": "      value: lots\n", "current_cohort: first-cohort": "current_cohort: second"})
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "previous.html").write_text("the last good site", encoding="utf-8")

    build = build_site(site_dir, data)

    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert re.search(r"programme\.yaml:\d+:\d+: tracks\[0\]\.positions\.value: expected an integer, found string 'lots'", build.output)
    assert re.search(r"programme\.yaml:\d+:\d+: current_cohort: unknown cohort 'second'", build.output)
    assert [path.name for path in site_dir.iterdir()] == ["previous.html"]
