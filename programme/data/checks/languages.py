"""The language editions the data asks for, and a text in each of them wherever the data has text."""

from __future__ import annotations

from collections.abc import Iterator

from programme.data.checks.walk import at, word
from programme.data.errors import Path, Problem, shown
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
    languages = [language for language in listed if _is_edition(language, territory)]  # others are reported at their place
    problems = []
    for path in text_paths:
        value = at(data, path)
        present = {DEFAULT_LANGUAGE} if isinstance(value, str) else set(value) if isinstance(value, dict) else None
        if present is None:
            continue  # the schema has said what is wrong with it
        problems += [Problem(path, f"missing {language} text") for language in languages if language not in present]
        if isinstance(value, dict) and listed and languages == listed:  # (with a language refused, its texts wait)
            problems += [Problem((*path, key), f"a text in {shown(key)}, which is not one of site.languages "
                                               f"({', '.join(listed)})", at_key=True)
                         for key in value if key not in listed and key != DEFAULT_LANGUAGE]
    return problems
