"""The language editions the data asks for, and a text in each of them wherever the data has text."""

from __future__ import annotations

from collections.abc import Iterator

from programme.data.checks.walk import at, word
from programme.data.errors import Path, Problem, shown
from programme.paths import PROJECT_ROOT
from programme.words.catalogs import missing_catalogs
from programme.words.derive import converters, derivations
from programme.words.languages import DEFAULT_LANGUAGE, LanguageProblem, edition


def site_languages(data: dict) -> Iterator[Problem]:
    languages = at(data, ("site", "languages"))
    if not isinstance(languages, list) or not languages:
        return
    if languages[0] != DEFAULT_LANGUAGE:
        yield Problem(("site", "languages", 0), f"the first language is the site's root edition and must be {DEFAULT_LANGUAGE!r}, "
                                                f"found {shown(languages[0])}; list the others after it")
    territory = word(at(data, ("site", "territory")))
    seen = set()
    for index, language in enumerate(languages):
        if not isinstance(language, str):
            continue  # the schema has said what is wrong with it
        if language in seen:
            yield Problem(("site", "languages", index), f"{shown(language)} is listed twice")
        seen.add(language)
        try:
            edition(language, territory=territory)
        except LanguageProblem as problem:
            yield Problem(("site", "languages", index), str(problem))
            continue
        for missing in missing_catalogs(language, derivations(data)):
            whose = "site" if missing.stem == "site" else "self-check"
            yield Problem(("site", "languages", index), f"no catalog of the {whose}'s words for {language} "
                                                        f"({missing.relative_to(PROJECT_ROOT)}): run `make catalogs` to "
                                                        "start it, then translate it")
    yield from _derivations(data, [language for language in languages if isinstance(language, str)])


def _derivations(data: dict, languages: list[str]) -> Iterator[Problem]:
    """Each derived language is one the site publishes, other than its first, from another it publishes that is
    not itself derived, by a converter OpenCC has."""
    derive = at(data, ("site", "derive"))
    if not isinstance(derive, dict):
        return
    for language, rule in derive.items():
        path = ("site", "derive", language)
        if language not in languages[1:]:
            yield Problem(path, f"{shown(language)} is not one of site.languages after the first ({', '.join(languages)})",
                          at_key=True)
        if not isinstance(rule, dict):
            continue
        source, converter = word(rule.get("from")), word(rule.get("opencc"))
        if source is not None and (source not in languages or source in derive or source == language):
            yield Problem((*path, "from"), f"{shown(source)} is not a language the site publishes and writes itself")
        if converter is not None and converter not in converters():
            yield Problem((*path, "opencc"), f"OpenCC has no configuration {shown(converter)}; it has: {', '.join(converters())}")


def _is_edition(language: object, territory: str | None) -> bool:
    try:
        edition(language, territory=territory)
    except (LanguageProblem, TypeError, AttributeError):
        return False
    return True


def missing_translations(data: object, text_paths: list[Path]) -> list[Problem]:
    """Every text that lacks one of site.languages (a plain string is English only), and every text in a language the
    site does not publish."""
    languages = at(data, ("site", "languages"))
    if not isinstance(languages, list):
        return []
    listed = [language for language in languages if isinstance(language, str)]
    territory = word(at(data, ("site", "territory")))
    derived = derivations(data)
    # A derived language's text is converted where staff write none; others are reported at their place.
    languages = [language for language in listed if _is_edition(language, territory) and language not in derived]
    problems = []
    for path in text_paths:
        value = at(data, path)
        present = {DEFAULT_LANGUAGE} if isinstance(value, str) else set(value) if isinstance(value, dict) else None
        if present is None:
            continue  # the schema has said what is wrong with it
        problems += [Problem(path, f"missing {language} text") for language in languages if language not in present]
        if isinstance(value, dict) and listed and set(languages) | set(derived) == set(listed):  # (with a language refused, its texts wait)
            problems += [Problem((*path, key), f"a text in {shown(key)}, which is not one of site.languages "
                                               f"({', '.join(listed)})", at_key=True)
                         for key in value if key not in listed and key != DEFAULT_LANGUAGE]
    return problems
