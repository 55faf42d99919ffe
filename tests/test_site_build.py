"""The built site: strict, complete, generated from the data, escaped, self-contained and safe to edit."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostile_site import GOAL, TRACK_NAME
from sitebuild import (
    APPLICATIONS_AROUND_THE_WINDOW,
    OPENING_AND_CLOSING_AROUND_THE_WINDOW,
    Build,
    build_site,
    built_once,
    days_around_the_window,
    write_data,
)
from test_render_editions import rendered

from programme import load_programme
from programme.runtime.bundle import PYODIDE_DIR
from programme.hosting.headers import content_security_policy, every_response_headers, headers_file
from programme.data.loader import PROJECT_ROOT
from programme.data.building import criterion_parameters
from selfcheck.dates import PartialDate
from programme.site.pages import plan_pages
from programme.site.filters import format_date
from programme.data.yamlsource import parse_yaml
from fixture_data import FIXTURE_DATA

PROGRAMME = load_programme(FIXTURE_DATA)
RAW = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value


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
    expected = {"", "eligibility/", "self-check/", "how-to-apply/", "timeline/", "tlt/", "contact/", "about/"}
    expected |= {f"tracks/{track['id']}/" for track in RAW["tracks"]}
    expected |= {f"roles/{role['id']}/" for role in RAW["roles"]}
    # Each section's own page, listing all of it, wherever the section has anything to list.
    expected |= {f"{section}/" for section in ("tracks", "roles") if RAW[section]}
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
    "programme": lambda path: "how-to-apply/" if path[:2] == ("programme", "website") else "",
    "tracks": lambda path: f"tracks/{RAW['tracks'][path[1]]['id']}/",
    "roles": lambda path: f"roles/{RAW['roles'][path[1]]['id']}/",
    "eligibility": lambda path: "eligibility/",
    "cohorts": lambda path: "timeline/",
    "related_programmes": lambda path: f"{RAW['related_programmes'][path[1]]['id']}/",
    "how_to_apply": lambda path: "how-to-apply/",
    "contact": lambda path: "contact/",
    "self_check": lambda path: "self-check/",
}
# Keys whose values are identifiers, settings or evidence, not facts shown to visitors.
NOT_SHOWN = {"id", "ref", "qualifier", "date_accuracy", "complete_list", "key", "kind", "value", "language",
             "track", "publisher", "organisation", "by", "people", "run_by", "opens", "closes", "document", "accepted",
             "languages", "official_names", "question", "explain", "employed_question", "territory",
             "organisations", "source", "derive"}  # official names in other languages: the editions in those languages show them


def shown_facts(value, path=(), language="en"):
    """(path, text a visitor of the `language` edition should read) for every fact in the data."""
    if isinstance(value, dict) and set(value) <= set(load_programme(FIXTURE_DATA).editions):  # a text in each language: this edition's
        yield from shown_facts(value[language], path, language)
    elif isinstance(value, dict):
        for key, item in value.items():
            # A date question's name is said by the self-check's error messages about that date, not by a page.
            if key not in NOT_SHOWN and not (path[:2] == ("self_check", "questions") and key == "name"):
                yield from shown_facts(item, (*path, key), language)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from shown_facts(item, (*path, index), language)
    elif path and path[-1] in ("date", "announced", "reviewed"):
        yield path, format_date(PartialDate.parse(value), load_programme(FIXTURE_DATA).editions[language].locale)
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


@pytest.fixture(scope="module")
def everywhere(built_site) -> str:
    """The text of every generated page, read once for the tests below."""
    return " ".join(" ".join(built_site.page(url).get_text(" ").split()) for url in GENERATED)


@pytest.mark.parametrize(("path", "text"), ELSEWHERE, ids=[label(path) for path, _ in ELSEWHERE])
def test_sources_people_organisations_and_titles_appear_on_the_site(everywhere, path, text):
    assert text in everywhere, f"{label(path)} appears on no page"


def test_the_source_is_cited_on_every_generated_page(site):
    title = str(PROGRAMME.sources[0].title)
    for url in GENERATED:
        assert title in site.article_text(url), url


def test_navigation_reaches_every_page(site):
    """With navigation.prune a page's sidebar shows its own branch; together the sidebars list every page."""
    root = site.site_dir.resolve()
    pages = {(root / url).resolve() for url in GENERATED}
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


@pytest.fixture(scope="session")
def local_build(tmp_path_factory, site_cache) -> Build:
    """A local build (`make build`: no address) of the real data, made over a previous site that has a stale page."""

    def build(folder: Path) -> Build:
        a_previous_site(folder / "site")
        (folder / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
        return build_site(folder / "site")

    return built_once(tmp_path_factory, "local", build)


def test_a_local_build_links_relatively_and_offers_no_edit_link(local_build):
    for html_file in local_build.site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert ".invalid" not in text, html_file
        if html_file.name == "404.html":
            continue  # served at any depth, so it links from the site's root
        soup = BeautifulSoup(text, "html.parser")
        assert soup.select_one("a.md-content__button[rel=edit]") is None, html_file
        assert soup.select_one("link[rel=canonical]") is None, html_file
        for element in soup.select("a[href], link[href], script[src]"):
            address = element.get("href") or element.get("src")
            assert not address.startswith("/"), f"{html_file}: {address} is not relative"


def test_generated_pages_link_their_edit_button_to_the_data_file(site):
    for url in GENERATED:
        edit = site.page(url).select_one("a.md-content__button[href*='/edit/']")
        assert edit is not None, url
        assert edit["href"].endswith("/edit/main/" + FIXTURE_DATA.relative_to(PROJECT_ROOT).as_posix()), edit["href"]


def test_no_page_has_an_inline_script_or_event_handler(site):
    for html_file in site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") in ("application/json", "application/ld+json"), \
                f"{html_file}: {script}"
        for tag in soup.find_all(True):
            assert not [name for name in tag.attrs if name.startswith("on")], f"{html_file}: {tag.name}"


def test_no_page_loads_anything_from_another_origin(site):
    for html_file in site.site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        soup = BeautifulSoup(text, "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in soup.find_all(tag):
                if tag == "link" and set(element.get("rel", ())) & {"canonical", "alternate"}:
                    continue  # names the page's address; loads nothing
                address = element.get(attribute, "")
                assert not re.match(r"^(https?:)?//", address), f"{html_file}: <{tag} {attribute}={address}>"


def test_the_self_check_runtime_and_engine_are_published(site, bundle):
    """The files the page points its worker at are the runtime bundle's and the pinned Pyodide's, which the golden
    cases run on under Pyodide in Node (tests/engines.py)."""
    selfcheck = site.page("self-check/").select_one("[data-selfcheck]")
    page_dir = site.site_dir / "self-check"
    pyodide = (page_dir / selfcheck["data-pyodide-url"]).resolve()
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "pyodide.asm.mjs"):  # what the engine runs on in Node too
        assert (pyodide.parent / name).read_bytes() == (PYODIDE_DIR / name).read_bytes(), name
    assert not (pyodide.parent / "python_stdlib.zip").exists(), "only the trimmed standard library is published"
    for kind, name in (("stdlib", bundle.stdlib), ("lock", bundle.lock)):
        published = (page_dir / selfcheck[f"data-{kind}-url"]).resolve()
        assert published.read_bytes() == (bundle.folder / name).read_bytes(), kind
        assert selfcheck[f"data-{kind}-integrity"] == bundle.integrity(name)
    lock = json.loads((page_dir / selfcheck["data-lock-url"]).read_text(encoding="utf-8"))
    wheel = (page_dir / selfcheck["data-lock-url"]).resolve().with_name(bundle.wheel)
    assert wheel.read_bytes() == (bundle.folder / bundle.wheel).read_bytes()
    assert list(lock["packages"]) == [selfcheck["data-package"]]


def edited_data(tmp_path: Path, replacements: dict[str, str]) -> Path:
    text = FIXTURE_DATA.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert text.count(old) >= 1, old
        text = text.replace(old, new)
    path = write_data(tmp_path, text)
    return path


def test_markup_in_the_data_is_shown_as_text_never_run(hostile_site):
    """On the one hostile publish build (tests/hostile_site.py), which has markup in every text of the data."""
    build = hostile_site
    for html_file in build.site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert '<script>alert("x")' not in text, html_file
        assert "<img src=x" not in text and '<img src="x"' not in text, html_file
        assert "<em>fresh</em>" not in text, html_file
    track = build.page("tracks/creativity-for-good/")
    assert track.select_one("article h1").get_text() == TRACK_NAME
    assert TRACK_NAME in track.select_one("title").get_text()
    assert TRACK_NAME in " ".join(build.page("").select_one("nav.md-nav--primary").get_text().split())
    assert GOAL in build.article_text("")
    index = json.loads((build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    # search shows titles as HTML: escaped once, they read as the name
    assert TRACK_NAME in {html.unescape(title) for title in titles}
    assert not any("<script" in title or "<b>" in title for title in titles)


def test_a_broken_edit_stops_the_build_before_anything_is_written(tmp_path):
    data = edited_data(tmp_path, {"      value: 75\n": "      value: lots\n", "    track: technology-for-good\n": "    track: second\n"})
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "previous.html").write_text("the last good site", encoding="utf-8")

    build = build_site(site_dir, data)

    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert re.search(r"programme\.yaml:\d+:\d+: tracks\[technology-for-good\]\.positions\.value: expected an integer, found string 'lots'", build.output)
    assert re.search(r"programme\.yaml:\d+:\d+: roles\[product-marketing-trainee\]\.track: unknown track 'second'", build.output)
    assert [path.name for path in site_dir.iterdir()] == ["previous.html"]


def derived_config(tmp_path: Path, **overrides) -> Path:
    """A copy of mkdocs.yml (through INHERIT) with some settings replaced, every path absolute."""
    config = {
        "INHERIT": str(PROJECT_ROOT / "mkdocs.yml"), "docs_dir": str(PROJECT_ROOT / "docs"),
        "hooks": [str(PROJECT_ROOT / "hooks" / "site.py")],
        "theme": {"name": "material", "custom_dir": str(PROJECT_ROOT / "overrides")},
        "extra": {"programme_data": str(FIXTURE_DATA)}, **overrides,
    }
    path = tmp_path / "mkdocs.yml"
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return path


def a_previous_site(site_dir: Path) -> None:
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the last good site", encoding="utf-8")


@pytest.mark.usefixtures("site_cache")
def test_a_failure_while_rendering_keeps_the_last_good_site(tmp_path):
    overrides = tmp_path / "overrides"
    shutil.copytree(PROJECT_ROOT / "overrides", overrides)
    (overrides / "main.html").write_text('{% extends "base.html" %}{% block content %}{{ no_such_function() }}{% endblock %}')
    config = derived_config(tmp_path, theme={"name": "material", "custom_dir": str(overrides), "font": False})
    site_dir = tmp_path / "site"
    a_previous_site(site_dir)

    build = build_site(site_dir, config=config)

    assert build.returncode != 0
    assert [path.name for path in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


@pytest.mark.usefixtures("site_cache")
def test_a_strict_build_that_warns_keeps_the_last_good_site(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    (docs / "notes.md").write_text("# Notes\n\n[a page that is not there](missing.md)\n", encoding="utf-8")
    config = derived_config(tmp_path, docs_dir=str(docs), nav=["notes.md"])
    site_dir = tmp_path / "site"
    a_previous_site(site_dir)

    build = build_site(site_dir, config=config)

    assert build.returncode != 0 and "missing.md" in build.output
    assert [path.name for path in site_dir.iterdir()] == ["index.html"]
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_a_good_build_replaces_the_previous_site_whole(local_build):
    site_dir = local_build.site_dir
    assert not (site_dir / "stale.html").exists()
    assert "the last good site" not in (site_dir / "index.html").read_text(encoding="utf-8")
    assert sorted(path.name for path in site_dir.parent.iterdir()) == ["site"]


def test_every_page_carries_the_content_security_policy_itself(site):
    policy = content_security_policy(for_meta_tag=True)
    assert "unsafe-inline" not in policy and "script-src 'self' 'wasm-unsafe-eval'" in policy
    for html_file in site.site_dir.rglob("*.html"):
        meta = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select('meta[http-equiv="Content-Security-Policy"]')
        assert [tag["content"] for tag in meta] == [policy], html_file


def test_the_site_carries_a_headers_file_for_hosts_that_read_one(site):
    text = (site.site_dir / "_headers").read_text(encoding="utf-8")
    assert text == headers_file()
    for name, value in every_response_headers().items():
        assert f"  {name}: {value}\n" in text
    assert "frame-ancestors 'none'" in text


def test_the_readme_gives_the_headers_file_the_build_writes():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```text\n{headers_file()}```" in readme


def test_each_page_lists_only_the_sources_of_what_it_says(tmp_path):
    """The pages' footers, rendered in process as the build renders them (test_render_editions.rendered)."""
    data = edited_data(tmp_path, {
        "\norganisations:\n": (
            "  - id: designer-announcement\n    title: An announcement about designers\n    called: {en: the announcement, zh-Hant: 公告}\n    publisher: hkstp\n"
            "    date: \"2021-01-10\"\n    document: sources/designer-announcement.txt\n\norganisations:\n"),
        "      - {en: Tests designs with users., zh-Hant: 與用戶測試設計。}\n    ref:\n      source: press-release-2020-12-16\n":
            "      - {en: Tests designs with users., zh-Hant: 與用戶測試設計。}\n    ref:\n      source: designer-announcement\n",
    })
    (data.parent / "sources" / "designer-announcement.txt").write_text(
        "Roles across roles including Product Marketing Trainee, Trainee Designer and Project Management Trainee.")
    pages = {url_of(src_uri): page for src_uri, page in rendered(load_programme(data), "en").items()}

    def sources_listed(url: str) -> list[str]:
        return [" ".join(item.get_text(" ").split()) for item in pages[url].select("footer.sources li")]

    assert any("An announcement about designers" in source for source in sources_listed("roles/trainee-designer/"))
    assert any("An announcement about designers" in source for source in sources_listed("tracks/technology-for-good/"))
    for url in ("tlt/", "eligibility/", "timeline/", "contact/"):  # pages that do not name the role
        listed = sources_listed(url)
        assert listed and not any("designers" in source for source in listed), url


def test_a_publish_build_that_cannot_know_its_address_stops_and_keeps_the_last_site(tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "previous.html").write_text("the last good site", encoding="utf-8")

    build = build_site(site_dir, extra_env={"SITE_PUBLISH": "true"})

    assert build.returncode != 0 and "Traceback" not in build.output
    assert "a publish build (SITE_PUBLISH=true) needs to know where the site lives: set SITE_URL and SITE_REPO_URL" \
        in build.output
    assert [path.name for path in site_dir.iterdir()] == ["previous.html"]


@pytest.mark.usefixtures("site_cache")
def test_on_github_actions_a_publish_build_lives_at_the_repositorys_pages_address(tmp_path):
    build = build_site(tmp_path / "site", extra_env={
        "SITE_PUBLISH": "true", "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "Owner/procruit-c"})
    assert build.returncode == 0, build.output
    timeline = build.page("timeline/")
    assert timeline.select_one("link[rel=canonical]")["href"] == "https://owner.github.io/procruit-c/timeline/"
    assert timeline.select_one("a.md-content__button[rel=edit]")["href"] == \
        "https://github.com/Owner/procruit-c/edit/main/data/programme.yaml"


# What is true on the day the site is read: statuses worked out from the data and the build day.

DAYS = days_around_the_window(PROGRAMME)


def shown(page, selector: str) -> list:
    """The elements matching `selector` inside the versions of dated statuses shown on the build day."""
    return page.select(f"[data-dated] > [data-shown] {selector}")


def test_each_dated_status_shows_one_version_and_keeps_the_others_out_of_search(site):
    for url in GENERATED:
        for dated in site.page(url).select("[data-dated], [data-as-of]"):
            versions = dated.find_all(recursive=False)
            assert len([version for version in versions if version.has_attr("data-shown")]) == 1, url
            assert all(version.has_attr("data-search-exclude") for version in versions if not version.has_attr("data-shown"))
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "applications are closed" in text
    assert "applications are open" not in text and "may not be open yet" not in text


@pytest.mark.parametrize("when", DAYS)
def test_pages_tell_the_status_on_the_day_the_site_is_built(site_built_on, when):
    day = DAYS[when]
    build = site_built_on(day)
    home = build.page("")
    answers = [answer["data-applications"] for answer in shown(home, "[data-applications]")]
    assert answers == [APPLICATIONS_AROUND_THE_WINDOW[when]]
    for url in ("", "eligibility/", "timeline/", "how-to-apply/", "self-check/"):
        assert f"Status on {format_date(day, PROGRAMME.editions['en'].locale)}, the day this site was last published." in build.shown_text(url), url
    events = {event.id: index for index, event in enumerate(PROGRAMME.cohorts[0].timeline)}
    statuses = [status["data-event-status"] for status in shown(build.page("timeline/"), "[data-event-status]")]
    window = PROGRAMME.cohorts[0].window
    opening_and_closing = [statuses[events[window.opens.id]], statuses[events[window.closes.id]]]
    assert opening_and_closing == OPENING_AND_CLOSING_AROUND_THE_WINDOW[when]


def test_after_closing_the_pages_say_closed_on_and_quote_now_open_as_said_on_its_date(site_built_on):
    build = site_built_on(DAYS["after closing"])
    closes = format_date(PROGRAMME.cohorts[0].window.closes.date, PROGRAMME.editions['en'].locale)
    home = build.shown_text("")
    assert "No: applications are closed." in home
    assert f"First cohort: applications closed on {closes}." in home
    assert "close on" not in build.shown_text("", "[data-dated]")
    assert PROGRAMME.website.url in build.shown_text("", ".applications-now")
    for url in GENERATED:
        text = build.shown_text(url)
        for sentence in re.findall(r"[^.]*\bnow open\b[^.]*\.", text):
            assert "said" in sentence and "16 December 2020" in sentence, f"/{url}: {sentence}"


def test_before_an_opening_known_only_as_by_a_date_the_pages_say_it_may_not_be_open_yet(site_built_on):
    build = site_built_on(DAYS["before opening"])
    assert "Perhaps: applications may not be open yet." in build.shown_text("")
    assert "open by 16 December 2020 (the exact day is not known)" in build.shown_text("eligibility/")


def test_with_a_second_cohort_every_page_and_the_self_check_rules_follow_the_data(site_built_on, second_cohort_data):
    programme = load_programme(second_cohort_data)
    first, second = programme.cohorts
    day = days_around_the_window(programme, cohort=1)["on the opening day"]
    build = site_built_on(day, second_cohort_data)
    lines = [f"First cohort: applications closed on {format_date(first.window.closes.date, 'en-HK')}.",
             f"Second cohort: applications are open until {format_date(second.window.closes.date, 'en-HK')}."]
    for url in ("", "eligibility/", "how-to-apply/", "timeline/"):
        text = build.shown_text(url)
        assert all(line in text for line in lines), url
    assert "Yes: applications are open." in build.shown_text("")
    assert [heading.get_text(strip=True) for heading in build.page("timeline/").select("article h2")][:2] == [
        "First cohort", "Second cohort"]
    rules = json.loads(build.page("self-check/").select_one("[data-selfcheck-rules]").string)
    assert [window["name"] for window in rules["windows"]] == ["First cohort", "Second cohort"]
    import selfcheck

    result = selfcheck.evaluate({"application_date": day.isoformat(), "hk_resident": True}, rules)
    assert [window["explanation"] for window in result["windows"]] == [
        lines[0], f"Second cohort: applications are open until {format_date(second.window.closes.date, 'en-HK')}.",
    ]


def test_a_source_date_epoch_that_is_not_a_number_stops_the_build_with_a_clear_message(tmp_path):
    build = build_site(tmp_path / "site", extra_env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found 'yesterday'" in build.output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("edition", PROGRAMME.editions.values(), ids=lambda edition: edition.language)
def test_each_sections_own_page_lists_all_of_it_in_every_edition(site, edition):
    """tracks/ links every track and roles/ every role, under its track, in each edition: the one place that lists
    them all when a section is too long for the navigation."""
    prefix = f"{edition.folder}/" if edition.folder else ""
    tracks = site.page(f"{prefix}tracks/")
    linked = {link["href"].rstrip("/").rsplit("/", 1)[-1] for link in tracks.select("article .track-cards h2 a")}
    assert linked >= {track.id for track in PROGRAMME.tracks}
    roles = site.page(f"{prefix}roles/")
    for track in PROGRAMME.tracks:
        heading = roles.select_one(f"article h2#track-{track.id}")
        assert (heading is not None) == bool(track.roles), track.id
        if track.roles:
            listed = {link["href"].rstrip("/").rsplit("/", 1)[-1] for link in heading.find_next_sibling("ul").select("a")}
            assert listed == {role.id for role in track.roles}, track.id
