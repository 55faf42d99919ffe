"""Every word the self-check shows a person, in each of its languages: the wording of its messages (selfcheck/
sentences.py), the dates, durations, lists and values inside them, and the text report.

The rest of the engine decides and returns messages (an id and its facts); this module only says them. Each message
is one whole sentence with named placeholders, written in English and translated in a gettext catalog
(locale/<language>/LC_MESSAGES/selfcheck.po beside this file, compiled to .mo). Dates, durations and lists are made
from patterns in the same catalog, so that a translator decides their order too: "3 January 2021", "2021年1月3日".
"""

from __future__ import annotations

import json
from datetime import date
from gettext import GNUTranslations, NullTranslations
from typing import TYPE_CHECKING

from selfcheck.dates import PartialDate
from selfcheck.languages import DEFAULT_LANGUAGE, DOMAIN, LOCALE_DIR, catalog_folder, languages
from selfcheck.policy import ELIGIBLE, MET, NOT_ELIGIBLE, NOT_MET, UNKNOWN, UNSURE
from selfcheck.sentences import FIXED, SENTENCES, N_, quote

if TYPE_CHECKING:
    from selfcheck.messages import Message

# The languages the engine speaks, by the data's tags: English, the messages' own, and each with a catalog.
LANGUAGES = languages()
_LARGEST_QUOTED_NUMBER = 10**15


_MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"), N_("August"),
           N_("September"), N_("October"), N_("November"), N_("December"))


class LanguageError(ValueError):
    """The engine cannot speak the language asked for."""


class UnknownLanguage(LanguageError):
    """A language the engine has no words for."""


class CatalogMissing(LanguageError):
    """A language the engine has words for, but whose catalog was not compiled (the .mo file is made, not kept)."""


_WORDINGS: dict[str, Wording] = {}


def for_language(language: str) -> Wording:
    """The wording of `language` (a tag of LANGUAGES), its catalog read once."""
    if language not in _WORDINGS:
        _WORDINGS[language] = Wording(_translations(language))
    return _WORDINGS[language]


def _translations(language: str) -> NullTranslations:
    if language not in LANGUAGES:
        raise UnknownLanguage(f"the self-check has no language {language!r}; it has {', '.join(LANGUAGES)}")
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    path = LOCALE_DIR / catalog_folder(language) / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as catalog:
            return GNUTranslations(catalog)
    except FileNotFoundError:
        raise CatalogMissing(
            f"the self-check has no compiled catalog for {language}: {path} is missing. Compile the catalogs with "
            "`make setup` in the project (or `python -m programme.words.catalogs`), and install the engine with its locale/."
        ) from None


class Wording:
    """One language's words: says a message, and the dates, durations, lists and values inside it."""

    def __init__(self, translations: NullTranslations) -> None:
        self.gettext = translations.gettext
        self.ngettext = translations.ngettext
        self.pgettext = translations.pgettext

    def say(self, message: Message) -> str:
        """The message as a sentence of this language."""
        if message.id in FIXED:
            return self.gettext(FIXED[message.id])
        return SENTENCES[message.id](self, **message.facts)

    def date(self, value: date | str) -> str:
        """A date as people write it, to its precision: 3 January 2021; from ISO text also February 2021, 2021."""
        parts = value if isinstance(value, (date, PartialDate)) else PartialDate.parse(value)
        year, month, day = parts.year, parts.month, parts.day
        if month is None:
            return self.pgettext("date: a year alone", "{year}").format(year=year)
        month_name = self.gettext(_MONTHS[month - 1])
        if day is None:
            return self.pgettext("date: a month of a year", "{month} {year}").format(month=month_name, year=year)
        return self.pgettext("date: a day", "{day} {month} {year}").format(day=day, month=month_name, year=year)

    def duration(self, months: int, days: int) -> str:
        """2 months and 30 days; 3 months; 5 days."""
        months_text = self.ngettext("{count} month", "{count} months", months).format(count=months)
        days_text = self.ngettext("{count} day", "{count} days", days).format(count=days)
        if months and days:
            return self.pgettext("duration", "{months} and {days}").format(months=months_text, days=days_text)
        return months_text if months else days_text

    def either(self, items: list[str]) -> str:
        """A, B or C."""
        return self._join(items, self.pgettext("list of alternatives: the last item", "{items} or {item}"))

    def all_of(self, items: list[str]) -> str:
        """A, B and C."""
        return self._join(items, self.pgettext("list of things together: the last item", "{items} and {item}"))

    def series(self, items: list[str]) -> str:
        """A, B, C: a plain enumeration, such as the keys an answer may have."""
        return self._join(items, self.pgettext("list: each item after the first", "{items}, {item}"))

    def _join(self, items: list[str], last: str) -> str:
        items = list(items)
        joined = items[0]
        for item in items[1:-1]:
            joined = self.pgettext("list: each item after the first", "{items}, {item}").format(items=joined, item=item)
        return last.format(items=joined, item=items[-1]) if len(items) > 1 else joined

    def yes_or_no(self, value: bool) -> str:
        """A yes/no answer, as the self-check's form says it."""
        return self.pgettext("an answer", "Yes") if value else self.pgettext("an answer", "No")

    def found(self, value: object) -> str:
        """What a person sent, in plain words: the text "yes", the number 3, a list, nothing."""
        if value is None:
            return self.gettext("nothing")
        if isinstance(value, bool):
            return self.gettext("the value {value}").format(value=json.dumps(value))
        if isinstance(value, str):
            return self.gettext("the text {text}").format(text=quote(value)) if value else self.gettext("empty text")
        if isinstance(value, int) and abs(value) >= _LARGEST_QUOTED_NUMBER:
            return self.gettext("a very large number")
        if isinstance(value, (int, float)):
            return self.gettext("the number {number}").format(number=json.dumps(value))
        if isinstance(value, list):
            return self.gettext("a list")
        if isinstance(value, dict):
            return self.gettext("an object")
        return self.gettext("a value of type {type}").format(type=type(value).__name__)

    def result_as_text(self, result: dict) -> str:
        """A result of selfcheck.evaluate as plain text: applications first, then the outcome, each criterion, the rules."""
        outcomes = {
            ELIGIBLE: self.gettext("Eligible: you meet every criterion."),
            NOT_ELIGIBLE: self.gettext("Not eligible: you do not meet every criterion."),
            UNSURE: self.gettext("Not sure yet: answer every question to find out."),
        }
        marked = {
            MET: self.gettext("✓ Met: {criterion}"),
            NOT_MET: self.gettext("✗ Not met: {criterion}"),
            UNKNOWN: self.gettext("? Not answered: {criterion}"),
        }
        lines = [result["applications"]["summary"]]
        lines += [f"  {window['explanation']}" for window in result["windows"]]
        lines += ["", outcomes[result["outcome"]], ""]
        if len({tuple(item["id"] for item in part["criteria"]) for part in result["results"]}) > 1:
            lines += [place["summary"] for place in result["places"]] + [""]
        for criterion in result["criteria"]:
            lines.append(marked[criterion["status"]].format(criterion=criterion["label"]))
            if "applies_to" in criterion:
                lines.append(f"  {criterion['applies_to']}")
            lines.append(f"  {criterion['explanation']}")
            if "what_would_change" in criterion:
                change = self.gettext("What would change it: {change}").format(change=criterion["what_would_change"])
                lines.append(f"  {change}")
        lines += ["", result["rules_applied"]["explanation"]]
        return "\n".join(lines)

    def errors_as_text(self, errors: list[dict], more: int = 0) -> str:
        """Answer errors as plain text, one line each, named by field; how many more there are, past the first few."""
        lines = [self.gettext("Some answers need changing before they can be checked:")]
        for error in errors:
            if error["field"]:
                line = self.gettext("{field}: {message}").format(field=error["field"], message=error["message"])
            else:
                line = self.pgettext("an error about the answers as a whole", "answers: {message}").format(
                    message=error["message"])
            lines.append(f"  {line}")
        if more:
            lines.append("  " + self.ngettext("… and {count} more.", "… and {count} more.", more).format(count=f"{more:,}"))
        return "\n".join(lines)
