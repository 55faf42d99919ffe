"""The built Chinese editions (Traditional and Simplified), with the test data's texts: no English word on any zh page (visible text and hidden states,
<title>, meta description and social tags, navigation, labels, the search index), except what every edition shows
as written. The templates' words alone are checked with placeholder data in test_render_editions.py; the engine's
words in every result in test_selfcheck_wording_zh.py, and in the page in tests/browser.

What may stay in Latin script, all of it read from the data or the editions, none written here:
- a name, web address or e-mail address (the schema's `name`, `url` and `email` types);
- an element marked lang="en" whose whole text is an English text of the data or a title or reference of a source
  (the original beside a translated quote, a source's title) or the English edition's name in the language switcher;
- a technical term the templates mark translate="no" (Python, .ics): a term of at most three words, not a sentence.

And no character of the other Chinese script: no Simplified-only character on a Traditional page, no Traditional-only
one on a Simplified page (OpenCC's converters say which), outside text marked with another language (the switcher's
names of the other editions, an official name in another edition's language).
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from test_render_editions import SCHEMA, with_placeholders

from sitebuild import SITE_URL

from programme import load_programme
from programme.data.yamlsource import parse_yaml
from programme.words.derive import Derivation
from fixture_data import FIXTURE_DATA

PROGRAMME = load_programme(FIXTURE_DATA)
EDITIONS = PROGRAMME.editions
CHINESE_EDITIONS = [edition for edition in EDITIONS.values() if edition.language.startswith("zh")]
CHINESE = EDITIONS["zh-Hant"]
_T2S, _S2T, _T2HK = (Derivation("", "", name) for name in ("t2s", "s2t", "t2hk"))


# Characters both scripts write, in different words, whose first Traditional form in OpenCC is another: 里程碑 and
# 裏面, 皇后 and 之後. Character by character, OpenCC would call them Simplified.
BOTH_SCRIPTS = set("里干后征范丑斗")


def simplified_only(text: str) -> set[str]:
    """Simplified characters that Hong Kong's Traditional writing does not use: 个, 说; not 着 (a Hong Kong form), 說."""
    found = set()
    for character in set(text) - BOTH_SCRIPTS:
        traditional = _S2T.convert(character)
        if "\u4e00" <= character <= "\u9fff" and traditional != character and _T2HK.convert(traditional) != character:
            found.add(character)
    return found


def traditional_only(text: str) -> set[str]:
    """Traditional characters that Simplified writing does not use: 個, 說, 説."""
    return {character for character in set(text) if "\u4e00" <= character <= "\u9fff" and _T2S.convert(character) != character}


# The characters of the other script in a text, for a page of each Chinese edition.
OTHER_SCRIPT = {"zh-Hant": simplified_only, "zh-Hans": traditional_only}
LATIN_WORD = re.compile(r"[A-Za-z]+")
QUOTE_MARKS = "“”\"'‘’「」"
META_WORDS = ("description", "og:title", "og:description", "og:site_name", "og:image:alt",
              "twitter:title", "twitter:description")


def normal(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split()).strip(QUOTE_MARKS)


def data_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in data_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in data_strings(item)]
    return []


def allowed_latin() -> tuple[set[str], set[str]]:
    """What stays as written (names, addresses) and what may be shown in English as a whole (the data's texts)."""
    raw = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value
    kept: set[str] = set()
    with_placeholders(raw, SCHEMA, [0], kept)
    kept.add("English")  # the switcher names the English edition in English
    official = {name for organisation in PROGRAMME.organisations for _, name in organisation.name.by_language}
    return kept, {normal(text) for text in data_strings(raw)} | {"English"} | official


@pytest.fixture(scope="module")
def allowed():
    return allowed_latin()


def latin_left(text: str, kept: set[str]) -> list[str]:
    text = text.replace("\u200b", "")
    for value in sorted(kept, key=len, reverse=True):  # "HKSTP InnoAcademy" before "HKSTP"
        text = text.replace(value, " ")
    return LATIN_WORD.findall(text)


def chinese_pages(site_dir, edition=CHINESE) -> dict[str, BeautifulSoup]:
    folder = site_dir / edition.folder
    pages = {str(path.relative_to(site_dir)): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
             for path in sorted(folder.rglob("*.html"))}
    assert len(pages) >= 10, sorted(pages)
    return pages


def set_aside(page: BeautifulSoup, whole_texts: set[str], edition=CHINESE) -> tuple[list[str], list[str]]:
    """Removes what may be in another language from the page: the switcher's names of the other editions, wholes in
    another language (problems if not the data's), and the terms."""
    problems, terms = [], []
    for element in page.select("a.md-header__language"):
        element.decompose()
    for element in page.select("[lang]:not(html)"):
        if element.decomposed or element["lang"] in (edition.html_lang, edition.language):
            continue
        if normal(element.get_text(" ")) not in whole_texts:
            problems.append(f'lang="{element["lang"]}" on text that is not the data\'s: {element.get_text()[:80]!r}')
        element.decompose()
    for element in page.select("[translate=no]"):
        if element.decomposed:
            continue
        term = element.get_text(" ").strip()
        if len(term.split()) > 3:
            problems.append(f"translate=no on more than a term: {term[:80]!r}")
        terms.append(term)
        element.decompose()
    return problems, terms


def everything_said(page: BeautifulSoup) -> str:
    """Text of every state (hidden ones too), the title, labels, and the descriptions that search and sharing show."""
    metas = [meta.get("content", "") for meta in page.select("meta")
             if (meta.get("name") or meta.get("property")) in META_WORDS]
    for element in page.select("script, style"):
        element.decompose()
    labels = [element[attribute] for attribute in ("aria-label", "alt", "title", "placeholder")
              for element in page.select(f"[{attribute}]")]
    return " ".join([page.get_text(" "), *labels, *metas])


@pytest.mark.parametrize("edition", CHINESE_EDITIONS, ids=lambda edition: edition.language)
def test_no_english_word_is_left_on_any_chinese_page(built_site, allowed, edition):
    kept, whole_texts = allowed
    found = {}
    for address, page in chinese_pages(built_site.site_dir, edition).items():
        title = page.title.get_text() if page.title else ""
        assert title and not latin_left(title, kept), f"{address}: <title> {title!r}"
        problems, _ = set_aside(page, whole_texts, edition)
        left = latin_left(everything_said(page), kept)
        if problems or left:
            found[address] = problems + sorted(set(left))
    assert found == {}


@pytest.mark.parametrize("edition", CHINESE_EDITIONS, ids=lambda edition: edition.language)
def test_no_character_of_the_other_chinese_script_is_on_any_page(built_site, allowed, edition):
    _, whole_texts = allowed
    other_script = OTHER_SCRIPT[edition.language]
    found = {}
    for address, page in chinese_pages(built_site.site_dir, edition).items():
        set_aside(page, whole_texts, edition)
        text = everything_said(page)
        wrong = sorted(other_script(text))
        if wrong:
            found[address] = wrong
    assert found == {}


@pytest.mark.parametrize("language", ["zh-Hant", "zh-Hans"])
def test_the_script_check_finds_a_character_of_the_other_script(language):
    """The walk above could pass by finding nothing: 个 is Simplified only, 個 Traditional only."""
    simplified, traditional = "个", "個"
    wrong, right = (simplified, traditional) if language == "zh-Hant" else (traditional, simplified)
    assert OTHER_SCRIPT[language](f"一{wrong}人") == {wrong} and not OTHER_SCRIPT[language](f"一{right}人")
    assert not simplified_only("憑着熱誠說明里程碑")  # Hong Kong writes each of these


@pytest.mark.parametrize("edition", CHINESE_EDITIONS, ids=lambda edition: edition.language)
def test_no_english_word_is_left_in_the_chinese_search_index(built_site, allowed, edition):
    kept, whole_texts = allowed
    terms = set()
    for page in chinese_pages(built_site.site_dir, edition).values():
        terms.update(set_aside(page, whole_texts, edition)[1])
    index = json.loads((built_site.site_dir / edition.folder / "search" / "search_index.json").read_text("utf-8"))
    english_texts = sorted((text for text in whole_texts if LATIN_WORD.search(text)), key=len, reverse=True)
    found = []
    for doc in index["docs"]:
        text = normal(BeautifulSoup(f"{doc['title']} {doc['text']}", "html.parser").get_text(" "))
        for whole in english_texts:  # originals of quotes, titles of sources: as on the pages, where lang="en" marks them
            text = text.replace(whole, " ")
        left = latin_left(text, kept | terms)
        if left:
            found.append(f"{doc['location']}: {sorted(set(left))}")
    assert len(index["docs"]) >= 10
    assert found == []


def test_the_check_finds_an_english_word_on_a_chinese_page(allowed):
    """The walk above could pass by finding nothing: an English label, title or meta description is found."""
    kept, whole_texts = allowed
    page = BeautifulSoup('<html lang="zh-Hant-HK"><head><title>申請 Eligibility</title>'
                         '<meta name="description" content="Apply now"></head>'
                         '<body><p>PROcruit C</p><button aria-label="Close">×</button>'
                         '<p hidden>Result</p><span lang="en">Not from the data</span></body></html>', "html.parser")
    problems, _ = set_aside(page, whole_texts)
    assert problems and "Not from the data" in problems[0]
    assert sorted(latin_left(everything_said(page), kept)) == ["Apply", "Close", "Eligibility", "Result", "now"]


def edition_relative(page_file, href: str, site_dir) -> str | None:
    """A link of a page as an address relative to its edition's root: "timeline/" in every edition."""
    from posixpath import normpath
    from urllib.parse import urljoin, urlsplit

    page_url = urlsplit(SITE_URL).path + page_file.relative_to(site_dir).as_posix()  # where it is served
    path = urlsplit(urljoin(page_url, href)).path
    if urlsplit(href).scheme or not path.startswith("/"):
        return None
    path = normpath(path).lstrip("/") + ("/" if path.endswith("/") else "")
    path = path.removeprefix(urlsplit(SITE_URL).path.lstrip("/"))
    for edition in EDITIONS.values():
        if edition.folder and path.startswith(edition.folder + "/"):
            return path.removeprefix(edition.folder + "/")
    return path


def test_every_page_is_in_every_edition_with_the_same_navigation_search_and_edit_link_and_a_switch_to_each(built_site):
    site_dir = built_site.site_dir
    folders = {edition.folder for edition in EDITIONS.values() if edition.folder}
    # The 404 page is the root's alone: a static host serves only that one, and it speaks every edition's language.
    root_pages = sorted(path.relative_to(site_dir) for path in site_dir.rglob("*.html")
                        if path.relative_to(site_dir).parts[0] not in (*folders, "assets", "404.html"))
    assert not any((site_dir / folder / "404.html").exists() for folder in folders)
    assert len(root_pages) >= 10
    for relative in root_pages:
        files = {language: site_dir / edition.folder / relative for language, edition in EDITIONS.items()}
        for language, path in files.items():
            assert path.is_file(), f"no {language} page for {relative}"
        pages = {language: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for language, path in files.items()}
        for language, page in pages.items():
            assert page.html["lang"] == EDITIONS[language].html_lang, (language, relative)
            assert page.select_one("form.md-search__form input[type=text]") is not None, (language, relative)
        navigation = {language: [edition_relative(files[language], link["href"], site_dir)
                                 for link in page.select("nav.md-nav--primary a.md-nav__link[href]")]
                      for language, page in pages.items()}
        assert navigation["en"] and all(links == navigation["en"] for links in navigation.values()), relative
        edits = {language: [link["href"] for link in page.select("a.md-content__button[rel=edit]")]
                 for language, page in pages.items()}
        assert all(links == edits["en"] for links in edits.values()), relative
        if relative.name == "404.html":
            continue  # served at any address, so it cannot name its counterpart
        for language, page in pages.items():
            switches = {switch["lang"]: switch for switch in page.select("a.md-header__language")}
            assert set(switches) == {EDITIONS[other].html_lang for other in EDITIONS if other != language}, (language, relative)
            for other in EDITIONS:
                if other == language:
                    continue
                switch = switches[EDITIONS[other].html_lang]
                target = (files[language].parent / switch["href"]).resolve() / "index.html" \
                    if switch["href"].endswith("/") else (files[language].parent / switch["href"]).resolve()
                assert target == files[other].resolve(), (language, other, relative, switch["href"])
