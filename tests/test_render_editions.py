"""Every generated page in the Chinese edition: the templates' own words are all in Chinese, quotes keep their
original beside the translation, and the page says once that it is a translation.

To see the templates' words alone, the pages are rendered from a copy of the data in which every text, in every
language, is a placeholder with no Latin letter (〔7〕): whatever Latin is left on a page came from a template, or is
a name, a web address or an e-mail address, which stay as they are in every edition (the allowlist, read from the
data through the schema's `name`, `url` and `email` types). Technical terms a template keeps as they are (Python,
.ics) are marked translate="no". The whole built site is checked the same way elsewhere, with the real texts.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from programme import load_programme
from programme.site.calendar import cohort_calendars
from programme.data.loader import SCHEMA_PATH
from programme.site.pages import plan_pages
from programme.site.render import PageRenderer
from programme.data.yamlsource import parse_yaml
from fixture_data import FIXTURE_DATA
from sitebuild import quote_showing_values, write_data_quoting

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
CHINESE = "zh-Hant"
TODAY = datetime.date(2020, 12, 20)  # applications may be open: the richest state of every status
LATIN_WORD = re.compile(r"[A-Za-z]+")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")  # a criterion's {fewer_than_months}: kept, the loader checks them
KEPT_AS_THEY_ARE = {"name", "url", "email"}  # the schema's types for what every edition shows as written


def definition(schema: dict) -> str | None:
    return schema["$ref"].removeprefix("#/$defs/") if "$ref" in schema else None


def resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["$defs"][definition(schema)]
    return schema


def is_free_text(schema: dict) -> bool:
    """Words someone wrote: a localisable text, or a string that no pattern or list of values holds back."""
    if definition(schema) in KEPT_AS_THEY_ARE:
        return False
    schema = resolve(schema)
    if "anyOf" in schema:
        return any(is_free_text(branch) for branch in schema["anyOf"])
    return schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema




def with_placeholders(value: object, schema: dict, counter: list[int], kept: set[str]) -> object:
    """The data with every free text replaced, in every language; collects the values that stay as written."""
    if definition(schema) in KEPT_AS_THEY_ARE and isinstance(value, str):
        kept.add(value)
        return value
    if is_free_text(schema):
        counter[0] += 1
        placeholder = f"〔{counter[0]}〕" + "".join(PLACEHOLDER.findall(value if isinstance(value, str) else value["en"]))
        return {"en": placeholder, CHINESE: placeholder} if "anyOf" in resolve(schema) else placeholder
    schema = resolve(schema)
    if isinstance(value, list):
        return [with_placeholders(item, schema.get("items", {}), counter, kept) for item in value]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        result = {key: with_placeholders(item, properties.get(key, {}), counter, kept) for key, item in value.items()}
        return quote_showing_values(value, result)
    return value


def placeholder_programme(folder, edit=None):
    """The programme from the data with placeholders, published in English and Chinese (`edit` changes the data
    first); and what stays as written."""
    raw = parse_yaml(FIXTURE_DATA.read_text(encoding="utf-8"), "programme.yaml").value
    kept: set[str] = set()
    data = with_placeholders(raw, SCHEMA, [0], kept)
    data["site"]["languages"] = ["en", CHINESE]
    data["site"].pop("derive", None)
    if edit:
        edit(data)
    return load_programme(write_data_quoting(folder, data)), kept


@pytest.fixture(scope="module")
def placeholder_data(tmp_path_factory):
    return placeholder_programme(tmp_path_factory.mktemp("placeholders"))


def renderer(programme, language: str) -> PageRenderer:
    # What programme.site.build.selfcheck_context gives the page: addresses and hashes, no words.
    selfcheck = {"rules_json": "{}", "pyodide_path": "assets/pyodide/pyodide.mjs", "stdlib_path": "assets/stdlib.zip",
                 "stdlib_integrity": "sha384-0", "lock_path": "assets/lock.json", "lock_integrity": "sha384-0",
                 "package": "selfcheck.whl", "widget_path": "assets/selfcheck/widget.js",
                 "worker_path": "assets/selfcheck/worker.js"}
    return PageRenderer(programme, TODAY, programme.editions[language],
                        {"selfcheck": selfcheck, "calendars": cohort_calendars(programme)})


def rendered(programme, language: str) -> dict[str, BeautifulSoup]:
    pages = renderer(programme, language)
    return {spec.src_uri: BeautifulSoup(pages.render(spec, lambda uri: uri), "html.parser") for spec in plan_pages(programme)}


def latin_left(text: str, kept: set[str]) -> list[str]:
    for value in sorted(kept, key=len, reverse=True):  # "HKSTP InnoAcademy" before "HKSTP"
        text = text.replace(value, " ")
    return LATIN_WORD.findall(text)


def words_of(page: BeautifulSoup) -> str:
    """Everything a visitor or a screen reader may meet: text (of hidden states and templates too) and labels."""
    page = BeautifulSoup(str(page), "html.parser")
    for element in page.select("script, [translate=no]"):
        element.decompose()
    labels = [element[attribute] for attribute in ("aria-label", "alt", "title", "placeholder")
              for element in page.select(f"[{attribute}]")]
    return " ".join([page.get_text(" "), *labels])


def test_placeholders_leave_names_addresses_and_e_mail_as_they_are(placeholder_data):
    programme, kept = placeholder_data
    assert {programme.name, programme.website.url, programme.media_contact.email, programme.tracks[0].name.in_language(CHINESE)} <= kept
    assert programme.eligibility.criteria[0].statement.in_language(CHINESE).startswith("〔")


def test_no_english_word_of_a_template_is_left_on_any_chinese_page(placeholder_data):
    programme, kept = placeholder_data
    left = {uri: latin_left(words_of(page), kept) for uri, page in rendered(programme, CHINESE).items()}
    assert not {uri: words for uri, words in left.items() if words}, left


def test_no_english_word_of_a_template_is_left_in_any_chinese_description(placeholder_data):
    programme, kept = placeholder_data
    pages = renderer(programme, CHINESE)
    left = {spec.src_uri: latin_left(pages.description(spec), kept) for spec in plan_pages(programme)}
    assert not {uri: words for uri, words in left.items() if words}, left


def test_the_same_pages_in_english_have_english_words(placeholder_data):
    """The check above could pass by finding nothing at all: in English it finds the templates' words."""
    programme, kept = placeholder_data
    left = {uri: latin_left(words_of(page), kept) for uri, page in rendered(programme, "en").items()}
    assert all(len(words) > 10 for words in left.values()), left


def test_terms_kept_as_they_are_are_single_terms(placeholder_data):
    """translate="no" marks a technical name, not a sentence that escaped translation."""
    programme, _ = placeholder_data
    terms = {element.get_text() for page in rendered(programme, CHINESE).values() for element in page.select("[translate=no]")}
    assert terms and all(len(term.split()) <= 2 for term in terms), terms


def test_every_chinese_page_says_once_in_its_sources_footer_that_it_is_a_translation(placeholder_data):
    programme, _ = placeholder_data
    for uri, page in rendered(programme, CHINESE).items():
        notes = page.select("footer.sources .translation-note")
        assert len(notes) == 1, uri
        assert "繁體中文版" in notes[0].get_text() and "英文版" in notes[0].get_text(), uri
    assert not any(page.select(".translation-note") for page in rendered(programme, "en").values())


def test_a_chinese_page_says_of_each_english_source_that_it_gives_its_words_in_translation(placeholder_data):
    programme, _ = placeholder_data
    source = rendered(programme, CHINESE)["tracks/technology-for-good/index.md"].select("footer.sources li")
    assert source and all("英文" in item.get_text() and "譯文" in item.get_text() for item in source)


def test_a_quote_from_an_english_source_shows_the_original_beside_the_translation_marked_as_one(placeholder_data):
    programme, _ = placeholder_data
    pages = rendered(programme, CHINESE)
    for uri in ("index.md", "tlt.md", "how-to-apply.md"):
        quote = pages[uri].select_one("blockquote")
        translation, original = quote.select_one(".quote-translation"), quote.select_one(".quote-original")
        assert translation.get_text().startswith("譯文：「") and translation.get_text().endswith("」"), uri
        assert original.get_text().startswith("英文原文："), uri
        assert original.select_one("[lang=en]").get_text().startswith("“〔"), uri  # the English, marked as English
    english = rendered(programme, "en")["index.md"].select_one("blockquote")
    assert not english.select(".quote-translation, .quote-original, [lang]")


def test_a_source_in_the_pages_language_is_given_as_its_own_words(tmp_path):
    def in_chinese(data):
        for source in data["sources"]:
            source["language"] = CHINESE

    programme, _ = placeholder_programme(tmp_path, in_chinese)
    home = rendered(programme, CHINESE)["index.md"]
    assert not home.select("blockquote .quote-translation, blockquote [lang]")
    [source] = home.select("footer.sources li")
    assert "本頁引述的是其原文" in source.get_text()
    assert len(home.select("footer.sources .translation-note")) == 1  # the edition is still a translation
    english = rendered(programme, "en")["index.md"]
    assert "in translation" in english.select_one("footer.sources li").get_text()
    assert english.select_one("blockquote .quote-original [lang=zh-Hant]")


def test_a_quote_with_no_translation_is_shown_in_its_original_only(tmp_path):
    """How to apply quotes the source's own words when the data gives no translation of them (`website.text`)."""
    programme, _ = placeholder_programme(tmp_path, lambda data: data["programme"]["website"].pop("text"))
    quote = rendered(programme, CHINESE)["how-to-apply.md"].select_one("blockquote")
    assert not quote.select(".quote-translation, .quote-original")
    assert quote.select_one("p[lang=en]").get_text() == f"“{programme.website.ref.quote}”"


def test_chinese_word_order_names_the_organisation_then_the_position_then_the_name_and_honorific(placeholder_data):
    programme, _ = placeholder_data
    someone = programme.quote.by
    caption = rendered(programme, CHINESE)["index.md"].select_one("figure.quote figcaption").get_text()
    order = [caption.index(part) for part in (someone.organisation.name.in_language(CHINESE), someone.position.in_language(CHINESE),
                                              someone.name, someone.honorific.in_language(CHINESE))]
    assert order == sorted(order), caption


def test_in_chinese_a_person_with_no_organisation_is_named_before_their_position(placeholder_data):
    """So that in a list 「香港科技園公司行政總裁Albert Wong先生及Claudia Xu博士（首席商務總監）」 the organisation
    before does not read as theirs too."""
    programme, _ = placeholder_data
    people = [person for person in programme.related_programmes[0].celebrated_by.people if person.organisation is None and person.position]
    assert people
    text = rendered(programme, CHINESE)["tlt.md"].get_text()
    for person in people:
        position = person.position.in_language(CHINESE)
        assert f"{person.name}{person.honorific.in_language(CHINESE)}（{position}）" in text, person.name


def test_numbers_and_dates_are_written_the_hong_kong_chinese_way(placeholder_data):
    programme, _ = placeholder_data
    pages = rendered(programme, CHINESE)
    track = pages["tracks/technology-for-good/index.md"].get_text()
    positions = programme.track("technology-for-good").positions
    assert f"最少{positions.value}個" in track
    assert "2020年12月16日或之前" in pages["timeline.md"].get_text()
    assert "2021年2月" in pages["timeline.md"].get_text()
    assert f"為期{programme.related_programmes[0].placements[0].months}個月的" in pages["tlt.md"].get_text()


def test_the_about_page_gives_each_official_chinese_name_with_its_source(placeholder_data):
    programme, _ = placeholder_data
    official = [(organisation, name) for organisation in programme.organisations for name in organisation.official_names]
    assert official
    for language in ("en", CHINESE):
        items = rendered(programme, language)["about.md"].select("ul.official-names li")
        assert len(items) == len(official), language
        for item, (organisation, name) in zip(items, official):
            assert item.select_one("[lang=zh-Hant]").get_text() == name.name
            assert organisation.name.in_language("en") in item.get_text()
            if name.url:
                assert item.select_one(f'a[href="{name.url}"]'), language


def test_the_themes_templates_get_the_editions_words():
    """overrides/404.html is rendered by Material's environment, which does not autoescape: hooks/site.py's on_env
    gives it the catalog; values put into a message stay as the template escaped them."""
    import jinja2

    from programme.site.render import install_translations

    theme = jinja2.Environment()
    install_translations(theme, CHINESE)
    page = theme.from_string("""{{ _("Page not found") }} {{ _('<a href="%(search)s">Search this site</a>.', search='?q=&' | e) }}""")
    assert page.render() == '找不到網頁 <a href="?q=&amp;">搜尋本網站</a>。'
    install_translations(theme, "en")  # the same environment, another build's edition
    assert page.render().startswith("Page not found")


def test_a_limited_criterion_names_its_cohort_in_chinese_right_after_its_statement(tmp_path):
    """「…少於3個月。只適用於第一期。」: the cohort by its Chinese name, not its English one, and no space after 。; the
    same in the hint of the question the criterion reads."""
    def limit(data):
        data["eligibility"]["criteria"][3]["cohorts"] = [data["cohorts"][0]["id"]]
        data["cohorts"][0]["name"] = {"en": "First cohort", CHINESE: "第一期"}
    programme, _ = placeholder_programme(tmp_path, limit)
    criterion = programme.eligibility.criteria[3]
    cohort = programme.cohorts[0].name.in_language(CHINESE)
    pages = rendered(programme, CHINESE)
    item = pages["eligibility.md"].select("ul.criteria li")[3].get_text()
    assert item == f"{criterion.statement.in_language(CHINESE)}只適用於{cohort}。", item
    question = next(question for question in programme.questions if question.key == criterion.question)
    hint = pages["self-check.md"].select_one(f"#q-{question.key}-hint").get_text()
    assert hint == f"{question.hint.in_language(CHINESE)}只適用於{cohort}。", hint
