"""Every word the self-check shows a person, in each of its languages: explanations, answer errors and the text report.

The rest of the engine decides and returns messages (an id and its facts); this module only says them. Each message
is one whole sentence with named placeholders, written here in English and translated in a gettext catalog
(locale/<locale>/LC_MESSAGES/selfcheck.po beside this file, compiled to .mo). Dates, durations and lists are made
from patterns in the same catalog, so that a translator decides their order too: "3 January 2021", "2021年1月3日".
"""

from __future__ import annotations

import json
from datetime import date
from gettext import GNUTranslations, NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.policy import (
    CLOSED,
    ELIGIBLE,
    MAY_NOT_BE_OPEN_YET,
    MET,
    NOT_ELIGIBLE,
    NOT_MET,
    NOT_YET_OPEN,
    OPEN,
    UNKNOWN,
    UNSURE,
)

if TYPE_CHECKING:
    from selfcheck.messages import Message
    from selfcheck.rules import Source

# The languages the engine speaks, by the data's tags, each with the locale of its catalog; English is the
# messages' own language and needs none.
LANGUAGES = {"en": None, "zh-Hant": "zh_Hant_HK"}
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "selfcheck"
_LONGEST_QUOTED_TEXT = 40
_LARGEST_QUOTED_NUMBER = 10**15


def N_(message: str) -> str:
    """Mark a message for the catalog where it is written; it is translated where it is said."""
    return message


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
    locale = LANGUAGES[language]
    if locale is None:
        return NullTranslations()
    path = LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"
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
        if message.id in _FIXED:
            return self.gettext(_FIXED[message.id])
        return _SENTENCES[message.id](self, **message.facts)

    def date(self, value: date | str) -> str:
        """A date as people write it, to its precision: 3 January 2021; from ISO text also February 2021, 2021."""
        year, month, day = ([int(part) for part in str(value).split("-")] + [None, None])[:3]
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

    def found(self, value: object) -> str:
        """What a person sent, in plain words: the text "yes", the number 3, a list, nothing."""
        if value is None:
            return self.gettext("nothing")
        if isinstance(value, bool):
            return self.gettext("the value {value}").format(value=json.dumps(value))
        if isinstance(value, str):
            return self.gettext("the text {text}").format(text=_quote(value)) if value else self.gettext("empty text")
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
        for criterion in result["criteria"]:
            lines.append(marked[criterion["status"]].format(criterion=criterion["label"]))
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


# Sentences with no facts in them.
_FIXED = {
    "answers_nested_too_deeply": N_(
        "The answers are nested too deeply to read; send an object with the answers at its top level."),
    "answers_number_too_long": N_("The answers hold a number too long to read."),
    "application_date_missing": N_("Enter the date you will apply, written as YYYY-MM-DD; there is none."),
    "nothing_answered": N_("Answer the questions about yourself: with none answered, there is nothing to check."),
    "qualification_not_said": N_("You have not said which programme you graduated from."),
    "hk_resident_not_said": N_("You have not said whether you have Hong Kong resident status."),
    "hk_resident_status_held": N_("You have Hong Kong resident status."),
    "hk_resident_status_not_held": N_("You do not have Hong Kong resident status."),
    "hk_resident_would_change": N_("You would meet this once you have Hong Kong resident status."),
    "employment_would_change": N_(
        "You would meet this if you apply on a day when you have no job at all, for example after your job ends."),
    "experience_not_said": N_("You have not said whether you have ever worked full time."),
}
_SENTENCES = {}  # the sentences with facts: the function of each message's id words it


def _sentence(say):
    """Register a function that words the message of its name."""
    _SENTENCES[say.__name__] = say
    return say


# Answer errors: each says what is wrong and what was found. Their ids are the errors' codes, which pages rely on.

_ANSWERS_EXAMPLE = '{"application_date": "YYYY-MM-DD"}'
_JOB_EXAMPLE = '{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}'
# What Python's json module says is wrong, for the catalog: json says it in English, and a page may show it.
_JSON_PROBLEMS = (N_("Expecting value"), N_("Expecting ',' delimiter"), N_("Expecting ':' delimiter"),
                  N_("Expecting property name enclosed in double quotes"), N_("Extra data"),
                  N_("Unterminated string starting at"), N_("Invalid control character at"), N_("Invalid \\escape"),
                  N_("Invalid \\uXXXX escape"), N_("Illegal trailing comma before end of object"),
                  N_("Illegal trailing comma before end of array"))


@_sentence
def answers_not_an_object(words: Wording, found: object) -> str:
    return words.gettext("The answers must be a JSON object such as {example}; found {found}.").format(
        example=_ANSWERS_EXAMPLE, found=words.found(found))


@_sentence
def answers_not_json(words: Wording, problem: str, line: int, column: int) -> str:
    return words.gettext("The answers are not valid JSON: {problem} at line {line}, column {column}.").format(
        problem=words.gettext(problem), line=line, column=column)


@_sentence
def answers_unreadable(words: Wording, source: str | None, reason: str) -> str:
    """Answers that cannot be read from the file `source`, or from standard input if it is None."""
    if source is None:
        return words.gettext("Cannot read the answers from standard input: {reason}.").format(reason=reason)
    return words.gettext("Cannot read the answers from {source}: {reason}.").format(source=source, reason=reason)


@_sentence
def unknown_answer(words: Wording, key: object, known_keys: list[str]) -> str:
    return words.gettext("There is no question {key}. The answers can be: {known_keys}.").format(
        key=_quote(key), known_keys=words.series(known_keys))


@_sentence
def not_a_date(words: Wording, found: object) -> str:
    return words.gettext("Enter a date written as YYYY-MM-DD (year, month, day); found {found}.").format(
        found=words.found(found))


@_sentence
def no_such_date(words: Wording, found: str) -> str:
    return words.gettext("There is no such date as {found}: check the month and the day.").format(found=found)


@_sentence
def not_an_option(words: Wording, found: object, values: list[str]) -> str:
    return words.gettext("Choose one of {values}; found {found}.").format(
        values=words.series(values), found=words.found(found))


@_sentence
def not_yes_or_no(words: Wording, found: object) -> str:
    return words.gettext("Answer true or false; found {found}.").format(found=words.found(found))


@_sentence
def jobs_not_a_list(words: Wording, found: object) -> str:
    return words.gettext(
        "List the full-time jobs as {example}, or [] if you have never worked full time; found {found}."
    ).format(example=f"[{_JOB_EXAMPLE}, ...]", found=words.found(found))


@_sentence
def job_not_an_object(words: Wording, number: int, found: object) -> str:
    return words.gettext("Full-time job {number}: write each job as {example}; found {found}.").format(
        number=number, example=_JOB_EXAMPLE, found=words.found(found))


@_sentence
def job_start_missing(words: Wording, number: int) -> str:
    return words.gettext("Enter the start date of full-time job {number}; there is none.").format(number=number)


@_sentence
def job_ends_before_it_starts(words: Wording, number: int, start: date, end: date) -> str:
    return words.gettext("Full-time job {number} ends on {end}, before it starts on {start}.").format(
        number=number, end=words.date(end), start=words.date(start))


@_sentence
def unknown_job_detail(words: Wording, number: int, key: object, known_keys: tuple[str, ...]) -> str:
    return words.gettext("Full-time job {number}: a job has no detail {key}. A job can have: {known_keys}.").format(
        number=number, key=_quote(key), known_keys=words.series(known_keys))


@_sentence
def job_starts_after_application(words: Wording, number: int, start: date, application_date: date) -> str:
    return words.gettext(
        "Full-time job {number} starts on {start}, after the date you will apply ({application_date}). "
        "List only jobs that start by then."
    ).format(number=number, start=words.date(start), application_date=words.date(application_date))


@_sentence
def job_covers_application_while_not_employed(words: Wording, number: int, end: date | None, application_date: date) -> str:
    if end is None:
        sentence = words.gettext(
            "Full-time job {number} has no end date, so you would still have it on the date you will apply "
            "({application_date}), but you said you will not be employed then. "
            "Enter the day it ends, or change your answer about being employed."
        )
    else:
        sentence = words.gettext(
            "Full-time job {number} ends on {end}, so you would still have it on the date you will apply "
            "({application_date}), but you said you will not be employed then. "
            "Enter the day it ends, or change your answer about being employed."
        )
    return sentence.format(number=number, end=end and words.date(end), application_date=words.date(application_date))


@_sentence
def rules_unusable(words: Wording, problem: str) -> str:
    """The rules made from the data are refused by the engine: a developer's problem, told in the person's language."""
    return words.gettext("The self-check rules made from the programme data are not usable: {problem}").format(
        problem=problem)


# Criteria: why each has its status, and what would change one that is not met.


@_sentence
def qualification_accepted(words: Wording, programme: str) -> str:
    return words.gettext("You graduated from {programme}, which is accepted.").format(
        programme=_within_sentence(programme))


@_sentence
def qualification_not_accepted(words: Wording, accepted: list[str]) -> str:
    return words.gettext("You have not graduated from {accepted}.").format(
        accepted=words.either([_within_sentence(label) for label in accepted]))


@_sentence
def qualification_would_change(words: Wording, accepted: list[str]) -> str:
    return words.gettext("You would meet this once you have graduated from {accepted}.").format(
        accepted=words.either([_within_sentence(label) for label in accepted]))


@_sentence
def employment_not_said(words: Wording, day: date) -> str:
    return words.gettext("You have not said whether you will be employed on {day}, the date you will apply.").format(
        day=words.date(day))


@_sentence
def not_employed_on_application_date(words: Wording, day: date) -> str:
    return words.gettext("You will not be employed on {day}, the date you will apply.").format(day=words.date(day))


@_sentence
def employed_on_application_date(words: Wording, day: date, hint: str | None) -> str:
    """With the question's hint, from the data, where there is one: it says what counts as employed."""
    if hint is None:
        return words.gettext("You will be employed on {day}, the date you will apply.").format(day=words.date(day))
    return words.gettext("You will be employed on {day}, the date you will apply. {hint}").format(
        day=words.date(day), hint=hint)


@_sentence
def never_worked_full_time(words: Wording, limit: int) -> str:
    return words.gettext("You have never worked full time, so you have fewer than {limit} of full-time work.").format(
        limit=words.duration(limit, 0))


@_sentence
def longest_stretch_short_enough(words: Wording, limit: int, **stretch) -> str:
    return words.gettext(
        "Your longest full-time stretch was {length} ({details}). That is fewer than {limit}."
    ).format(limit=words.duration(limit, 0), **_stretch(words, **stretch))


@_sentence
def longest_stretch_too_long(words: Wording, limit: int, **stretch) -> str:
    return words.gettext(
        "Your longest full-time stretch was {length} ({details}). "
        "That is {limit} or more; the programme asks for fewer than {limit}."
    ).format(limit=words.duration(limit, 0), **_stretch(words, **stretch))


@_sentence
def experience_would_change(words: Wording, limit: int) -> str:
    return words.gettext(
        "You would meet this only if none of your stretches of full-time work lasted {limit} or more. "
        "Check that each job you listed was full time and that its dates are right: "
        "a break of a day or more between two jobs starts a new stretch."
    ).format(limit=words.duration(limit, 0))


def _stretch(words: Wording, months: int, days: int, first_day: date, last_day: date, job_count: int,
             counted_to_application_date: bool) -> dict[str, str]:
    """A stretch's length, and its dates with how it was counted when that is not obvious."""
    joined = job_count > 1
    if joined and counted_to_application_date:
        details = words.ngettext(
            "{first_day} – {last_day}, {count} job with no gap between them, counted up to the date you will apply",
            "{first_day} – {last_day}, {count} jobs with no gap between them, counted up to the date you will apply",
            job_count)
    elif joined:
        details = words.ngettext("{first_day} – {last_day}, {count} job with no gap between them",
                                 "{first_day} – {last_day}, {count} jobs with no gap between them", job_count)
    elif counted_to_application_date:
        details = words.gettext("{first_day} – {last_day}, counted up to the date you will apply")
    else:
        details = words.pgettext("a stretch of days, both included", "{first_day} – {last_day}")
    return {
        "length": words.duration(months, days),
        "details": details.format(first_day=words.date(first_day), last_day=words.date(last_day), count=job_count),
    }


# Applications: where the application date falls in each cohort's window, told beside the outcome, never changing it.


_APPLICATIONS_ON = {
    OPEN: N_("On {day}, applications are open."),
    CLOSED: N_("On {day}, applications are closed."),
    NOT_YET_OPEN: N_("On {day}, applications are not open yet."),
    MAY_NOT_BE_OPEN_YET: N_("On {day}, applications may not be open yet."),
}
_WINDOW_ON_THE_DAY = {
    OPEN: N_("{cohort}: applications are open until {closes}."),
    CLOSED: N_("{cohort}: applications closed on {closes}."),
    NOT_YET_OPEN: N_("{cohort}: applications open on {opens} and close on {closes}."),
    MAY_NOT_BE_OPEN_YET: N_("{cohort}: applications open by {opens} (the exact day is not known) and close on {closes}."),
}


@_sentence
def applications(words: Wording, status: str, day: date) -> str:
    return words.gettext(_APPLICATIONS_ON[status]).format(day=words.date(day))


@_sentence
def window(words: Wording, status: str, cohort: str, opens: date, closes: date) -> str:
    return words.gettext(_WINDOW_ON_THE_DAY[status]).format(
        cohort=cohort, opens=words.date(opens), closes=words.date(closes))


@_sentence
def rules_applied(words: Wording, sources: tuple[Source, ...], reviewed: date) -> str:
    """Which published criteria the check applied, and when programme staff last reviewed them."""
    citations = words.all_of([
        words.gettext("“{title}” ({publisher}, {published})").format(
            title=source.title, publisher=source.publisher, published=words.date(source.published))
        for source in sources
    ])
    return words.gettext(
        "The criteria checked are those published in {citations}, as last reviewed by programme staff on {reviewed}."
    ).format(citations=citations, reviewed=words.date(reviewed))


def _within_sentence(label: str) -> str:
    """An answer's label as it reads inside a sentence: "A degree programme" becomes "a degree programme".

    A first word in capitals (an abbreviation such as "HKDSE") keeps its case; a script without case (Chinese) is
    left as it is.
    """
    first_word = label.split(" ", 1)[0]
    if len(first_word) > 1 and first_word.isupper():
        return label
    return label[:1].lower() + label[1:]


def _quote(value: object) -> str:
    """Something a person sent (a key, a text), quoted as JSON and cut short: it may be any text of any length."""
    if not isinstance(value, str):
        return repr(value)
    shown = value if len(value) <= _LONGEST_QUOTED_TEXT else value[: _LONGEST_QUOTED_TEXT - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)
