"""The engine's sentences: one function per message id, each wording that message's facts in a language through the
Wording it is given. Every sentence is a whole gettext message with named placeholders (selfcheck/locale/).

Criteria are worded by kind (`choice_in_met`, `age_between_not_met_too_young`…), unless the data gives a
criterion words of its own (`own_words`), whose placeholders the same facts fill.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Protocol

from selfcheck.dates import DAY, FIRST_YEAR, LAST_YEAR, MONTH, YEAR, PartialDate
from selfcheck.policy import CLOSED, ELIGIBLE, MAY_NOT_BE_OPEN_YET, NOT_ELIGIBLE, NOT_YET_OPEN, OPEN, UNSURE

if TYPE_CHECKING:
    from selfcheck.rules import Citation, Question


class Wording(Protocol):
    """What a sentence needs of the language it is said in: its catalog, and its ways of saying dates, durations,
    lists and values. selfcheck.wording.Wording is one; the sentences never import it, so the imports run one way."""

    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, count: int) -> str: ...
    def pgettext(self, context: str, message: str) -> str: ...
    def date(self, value: date | str) -> str: ...
    def duration(self, months: int, days: int) -> str: ...
    def either(self, items: list[str]) -> str: ...
    def all_of(self, items: list[str]) -> str: ...
    def series(self, items: list[str]) -> str: ...
    def yes_or_no(self, value: bool) -> str: ...
    def found(self, value: object) -> str: ...

_LONGEST_QUOTED_TEXT = 40


def N_(message: str) -> str:
    """Mark a message for the catalog where it is written; it is translated where it is said."""
    return message


# Sentences with no facts in them.
FIXED = {
    "answers_nested_too_deeply": N_(
        "The answers are nested too deeply to read; send an object with the answers at its top level."),
    "answers_number_too_long": N_("The answers hold a number too long to read."),
    "nothing_answered": N_("Answer the questions about yourself: with none answered, there is nothing to check."),
    "longest_stretch_under_unknown": N_("You have not said whether you have ever worked full time."),
}
SENTENCES = {}  # the sentences with facts: the function of each message's id words it


def _sentence(say):
    """Register a function that words the message of its name."""
    SENTENCES[say.__name__] = say
    return say


# Answer errors: each says what is wrong and what was found. Their ids are the errors' codes, which pages rely on.

_ANSWERS_EXAMPLE = '{"application_date": "YYYY-MM-DD"}'
_JOB_EXAMPLE = '{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}'
_TYPED_DATE_EXAMPLE = '{"day": "27", "month": "3", "year": "2021"}'
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
def answers_duplicate_key(words: Wording, key: str) -> str:
    return words.gettext("The answers name {key} twice, so which answer is meant cannot be known; give each answer once.").format(
        key=quote(key))


@_sentence
def answers_unreadable(words: Wording, source: str | None, reason: str) -> str:
    """Answers that cannot be read from the file `source`, or from standard input if it is None."""
    if source is None:
        return words.gettext("Cannot read the answers from standard input: {reason}.").format(reason=reason)
    return words.gettext("Cannot read the answers from {source}: {reason}.").format(source=source, reason=reason)


@_sentence
def answers_too_long(words: Wording, limit: int) -> str:
    return words.gettext("The answers are longer than {limit} bytes, more than any answers to these questions need.").format(
        limit=f"{limit:,}")


@_sentence
def unknown_answer(words: Wording, key: object, known_keys: list[str]) -> str:
    return words.gettext("There is no question {key}. The answers can be: {known_keys}.").format(
        key=quote(key), known_keys=words.series(known_keys))


# A date's errors name it (`named`: the data's `name` for its question, or the `job` number and whether it is the job's
# `end`) and say what to put right, as the GOV.UK Design System's date input does: the parts missing first, then parts
# that cannot be a day, a month or a year, then the years the self-check knows, then a day the month does not have.


def date_name(words: Wording, name: str | None = None, job: int | None = None, end: bool = False) -> str:
    """What a date is called at the start of a sentence: its question's name ("Date you will apply"), a job's start or
    end date ("Start date of full-time job 2"), or, for a question without a name, "Date"."""
    if job is not None:
        called = words.gettext("End date of full-time job {number}") if end else words.gettext(
            "Start date of full-time job {number}")
        return called.format(number=job)
    return name or words.gettext("Date")


def _date_missing(words: Wording, **named) -> str:
    return words.gettext("Enter the {name}.").format(name=within_sentence(date_name(words, **named)))


SENTENCES["application_date_missing"] = SENTENCES["job_start_missing"] = _date_missing

_INCOMPLETE = {
    (DAY,): N_("{name} must include a day."),
    (MONTH,): N_("{name} must include a month."),
    (YEAR,): N_("{name} must include a year."),
    (DAY, MONTH): N_("{name} must include a day and month."),
    (DAY, YEAR): N_("{name} must include a day and year."),
    (MONTH, YEAR): N_("{name} must include a month and year."),
}
_UNREADABLE = {
    (DAY,): N_("{name} must be a real date: the day must be a number from 1 to 31."),
    (MONTH,): N_("{name} must be a real date: the month must be a number from 1 to 12."),
    (YEAR,): N_("{name} must be a real date: the year must include 4 numbers."),
}


@_sentence
def date_incomplete(words: Wording, missing: tuple[str, ...], **named) -> str:
    return words.gettext(_INCOMPLETE[tuple(missing)]).format(name=date_name(words, **named))


@_sentence
def date_part_invalid(words: Wording, unreadable: tuple[str, ...], **named) -> str:
    """A part that cannot be a day, a month or a year is named; with more than one, the date as a whole is."""
    sentence = _UNREADABLE.get(tuple(unreadable), N_("{name} must be a real date."))
    return words.gettext(sentence).format(name=date_name(words, **named))


@_sentence
def no_such_date(words: Wording, day: int, month: int, year: int, last_day: int, **named) -> str:
    return words.gettext("{name}: {date} is not a real date, because {month} has {count} days.").format(
        name=date_name(words, **named), date=words.date(PartialDate(year, month, day)),
        month=words.date(PartialDate(year, month)), count=last_day)


@_sentence
def date_year_out_of_range(words: Wording, **named) -> str:
    return words.gettext("{name} must be between {first} and {last}.").format(
        name=date_name(words, **named), first=FIRST_YEAR, last=LAST_YEAR)


@_sentence
def not_a_date(words: Wording, found: object, **named) -> str:
    return words.gettext("Enter the {name} as YYYY-MM-DD (year, month, day), or as {example}; found {found}.").format(
        name=within_sentence(date_name(words, **named)), example=_TYPED_DATE_EXAMPLE, found=words.found(found))


@_sentence
def date_unknown_part(words: Wording, key: object, known_keys: tuple[str, ...], **named) -> str:
    return words.gettext("{name}: a date has no part {key}. A date can have: {known_keys}.").format(
        name=date_name(words, **named), key=quote(key), known_keys=words.series(known_keys))


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
def job_ends_before_it_starts(words: Wording, number: int, start: date, end: date) -> str:
    return words.gettext("Full-time job {number} ends on {end}, before it starts on {start}.").format(
        number=number, end=words.date(end), start=words.date(start))


@_sentence
def unknown_job_detail(words: Wording, number: int, key: object, known_keys: tuple[str, ...]) -> str:
    return words.gettext("Full-time job {number}: a job has no detail {key}. A job can have: {known_keys}.").format(
        number=number, key=quote(key), known_keys=words.series(known_keys))


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


# Criteria, by kind: why each has its status, and what would change one that is not met. `facts` come from
# selfcheck.kinds (the answer, the parameters, what was worked out) with the application date and the question.


@_sentence
def own_words(words: Wording, text: str, facts: dict) -> str:
    """A criterion's explanation in the data's own words, its placeholders filled from the facts."""
    return text.format_map(worded_facts(words, facts))


@_sentence
def choice_in_met(words: Wording, **facts) -> str:
    return words.gettext("Your answer is {answer}, which this criterion accepts.").format_map(worded_facts(words, facts))


@_sentence
def choice_in_not_met(words: Wording, **facts) -> str:
    return words.gettext("Your answer is {answer}; this criterion accepts only {accepted}.").format_map(
        worded_facts(words, facts))


@_sentence
def choice_in_would_change(words: Wording, **facts) -> str:
    return words.gettext("You would meet this with the answer {accepted}.").format_map(worded_facts(words, facts))


@_sentence
def yes_no_is_met(words: Wording, **facts) -> str:
    return words.gettext("You answered {answer} to “{question}”, as this criterion asks.").format_map(
        worded_facts(words, facts))


@_sentence
def yes_no_is_not_met(words: Wording, **facts) -> str:
    return words.gettext("You answered {answer} to “{question}”; this criterion asks for {must_be}.").format_map(
        worded_facts(words, facts))


@_sentence
def yes_no_is_would_change(words: Wording, **facts) -> str:
    return words.gettext("You would meet this if your answer to “{question}” were {must_be}.").format_map(
        worded_facts(words, facts))


@_sentence
def date_on_or_after_met(words: Wording, **facts) -> str:
    return words.gettext("You answered {answer} to “{question}”: on or after {date}, as this criterion asks.").format_map(
        worded_facts(words, facts))


@_sentence
def date_on_or_after_not_met(words: Wording, **facts) -> str:
    return words.gettext("You answered {answer} to “{question}”: before {date}, and this criterion asks for {date} or later.").format_map(
        worded_facts(words, facts))


@_sentence
def date_on_or_after_would_change(words: Wording, **facts) -> str:
    return words.gettext("You would meet this only with a date on or after {date}.").format_map(worded_facts(words, facts))


@_sentence
def date_on_or_before_met(words: Wording, **facts) -> str:
    return words.gettext("You answered {answer} to “{question}”: on or before {date}, as this criterion asks.").format_map(
        worded_facts(words, facts))


@_sentence
def date_on_or_before_not_met(words: Wording, **facts) -> str:
    return words.gettext("You answered {answer} to “{question}”: after {date}, and this criterion asks for {date} or earlier.").format_map(
        worded_facts(words, facts))


@_sentence
def date_on_or_before_would_change(words: Wording, **facts) -> str:
    return words.gettext("You would meet this only with a date on or before {date}.").format_map(worded_facts(words, facts))


_AGES = {
    "between": N_("from {min_years} to {max_years} years old"),
    "at_least": N_("{min_years} years old or older"),
    "at_most": N_("{max_years} years old or younger"),
}


@_sentence
def age_between_met(words: Wording, **facts) -> str:
    return words.gettext("On {application_date}, the date you will apply, you will be {age} years old: {ages}, as this criterion asks.").format_map(
        worded_facts(words, facts))


def _age_not_met(words: Wording, **facts) -> str:
    return words.gettext("On {application_date}, the date you will apply, you will be {age} years old; this criterion asks for {ages}.").format_map(
        worded_facts(words, facts))


SENTENCES["age_between_not_met_too_young"] = SENTENCES["age_between_not_met_too_old"] = _age_not_met


@_sentence
def age_between_would_change_too_young(words: Wording, **facts) -> str:
    return words.gettext("You would meet this if you apply on or after {from_day}, when you will be {min_years}.").format_map(
        worded_facts(words, facts))


@_sentence
def age_between_would_change_too_old(words: Wording, **facts) -> str:
    return words.gettext("You would meet this only with an application date before {until_day}: from that day you are older than {max_years}.").format_map(
        worded_facts(words, facts))


def _not_answered(words: Wording, **facts) -> str:
    return words.gettext("You have not answered this question yet: {question}").format_map(worded_facts(words, facts))


for _kind in ("choice_in", "yes_no_is", "date_on_or_after", "date_on_or_before", "age_between"):
    SENTENCES[f"{_kind}_unknown"] = _not_answered


@_sentence
def longest_stretch_under_met_never(words: Wording, limit: int, **facts) -> str:
    return words.gettext("You have never worked full time, so you have fewer than {limit} of full-time work.").format(
        limit=words.duration(limit, 0))


@_sentence
def longest_stretch_under_met(words: Wording, limit: int, **facts) -> str:
    return words.gettext(
        "Your longest full-time stretch was {length} ({details}). That is fewer than {limit}."
    ).format(limit=words.duration(limit, 0), **_stretch(words, **facts))


@_sentence
def longest_stretch_under_not_met(words: Wording, limit: int, **facts) -> str:
    return words.gettext(
        "Your longest full-time stretch was {length} ({details}). "
        "That is {limit} or more; the programme asks for fewer than {limit}."
    ).format(limit=words.duration(limit, 0), **_stretch(words, **facts))


@_sentence
def longest_stretch_under_would_change(words: Wording, limit: int, **facts) -> str:
    return words.gettext(
        "You would meet this only if none of your stretches of full-time work lasted {limit} or more. "
        "Check that each job you listed was full time and that its dates are right: "
        "a break of a day or more between two jobs starts a new stretch."
    ).format(limit=words.duration(limit, 0))


def _stretch(words: Wording, months: int, days: int, first_day: date, last_day: date, job_count: int,
             counted_to_application_date: bool, **_: object) -> dict[str, str]:
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


def worded_facts(words: Wording, facts: dict) -> dict[str, str]:
    """Every placeholder an explanation may use, in words: dates as the language writes them, the answer as the
    question shows it, the accepted answers as a list, durations, ages."""
    question: Question | None = facts.get("question")
    worded: dict[str, str] = {"question": question.prompt if question else ""}
    for name in ("application_date", "date", "from_day", "until_day"):
        if facts.get(name) is not None:
            worded[name] = words.date(facts[name])
    if "accepted" in facts and question is not None:
        worded["accepted"] = words.either([within_sentence(question.label_of(value)) for value in facts["accepted"]])
    if "must_be" in facts:
        worded["must_be"] = words.yes_or_no(facts["must_be"])
    if "limit" in facts:
        worded["limit"] = words.duration(facts["limit"], 0)
    for name in ("age", "min_years", "max_years"):
        if facts.get(name) is not None:
            worded[name] = str(facts[name])
    if facts.get("bounds"):
        ages = _AGES[facts["bounds"]]
        worded["ages"] = words.gettext(ages).format_map(worded)
    answer = facts.get("answer")
    if answer is not None and question is not None:
        worded["answer"] = _answer_in_words(words, answer, question)
    return worded


def _answer_in_words(words: Wording, answer: object, question: Question) -> str:
    if question.kind == "choice":
        return within_sentence(question.label_of(answer))
    if question.kind == "yes_no":
        return words.yes_or_no(answer)
    if question.kind == "date":
        return words.date(answer)
    return ""


# Where a criterion applies, and the outcome per cohort and track where the criteria differ between them.


@_sentence
def applies_only_to(words: Wording, cohorts: list[str], tracks: list[str]) -> str:
    if cohorts and tracks:
        return words.gettext("This criterion applies only to {cohorts}, in the tracks {tracks}.").format(
            cohorts=words.all_of(cohorts), tracks=words.all_of(tracks))
    if cohorts:
        return words.gettext("This criterion applies only to {cohorts}.").format(cohorts=words.all_of(cohorts))
    return words.ngettext("This criterion applies only to the {tracks} track.", "This criterion applies only to the tracks {tracks}.",
                          len(tracks)).format(tracks=words.all_of(tracks))


_OUTCOMES_FOR = {
    ELIGIBLE: N_("{place}: you meet every criterion that applies there."),
    NOT_ELIGIBLE: N_("{place}: you do not meet every criterion that applies there."),
    UNSURE: N_("{place}: you meet every criterion you answered that applies there, but some are unanswered."),
}


@_sentence
def result_for(words: Wording, cohort: str, track: str | None, outcome: str) -> str:
    place = cohort if track is None else words.gettext("{cohort}, {track} track").format(cohort=cohort, track=track)
    return words.gettext(_OUTCOMES_FOR[outcome]).format(place=place)


@_sentence
def place_result(words: Wording, cohort: str, tracks: list[str] | None, other_tracks: bool, outcome: str,
                 reasons: list[str]) -> str:
    if other_tracks:
        place = words.gettext("{cohort}, other tracks").format(cohort=cohort)
    elif tracks:
        place = words.ngettext("{cohort}, {tracks} track", "{cohort}, tracks {tracks}", len(tracks)).format(
            cohort=cohort, tracks=words.all_of(tracks))
    else:
        place = cohort
    if outcome == ELIGIBLE or not reasons:
        return words.gettext("{place}: eligible; you meet every criterion that applies there.").format(place=place)
    criteria = words.all_of([words.gettext("“{statement}”").format(statement=statement.rstrip(".。 "))
                             for statement in reasons])
    if outcome == NOT_ELIGIBLE:
        return words.ngettext("{place}: not eligible, because you do not meet {criteria}.",
                              "{place}: not eligible, because you do not meet {criteria}.", len(reasons)).format(
            place=place, criteria=criteria)
    return words.ngettext("{place}: not sure yet; answer the question for {criteria}.",
                          "{place}: not sure yet; answer the questions for {criteria}.", len(reasons)).format(
        place=place, criteria=criteria)


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
def rules_applied(words: Wording, sources: tuple[Citation, ...], reviewed: date) -> str:
    """Which published criteria the check applied, and when programme staff last reviewed them."""
    citations = words.all_of([
        words.gettext("“{title}” ({publisher}, {published})").format(
            title=source.title, publisher=source.publisher, published=words.date(source.published))
        for source in sources
    ])
    return words.gettext(
        "The criteria checked are those published in {citations}, as last reviewed by programme staff on {reviewed}."
    ).format(citations=citations, reviewed=words.date(reviewed))


def within_sentence(label: str) -> str:
    """An answer's label as it reads inside a sentence: "A degree programme" becomes "a degree programme".

    A first word in capitals (an abbreviation such as "HKDSE") keeps its case; a script without case (Chinese) is
    left as it is.
    """
    first_word = label.split(" ", 1)[0]
    if len(first_word) > 1 and first_word.isupper():
        return label
    return label[:1].lower() + label[1:]


def quote(value: object) -> str:
    """Something a person sent (a key, a text), quoted as JSON and cut short: it may be any text of any length."""
    if not isinstance(value, str):
        return repr(value)
    shown = value if len(value) <= _LONGEST_QUOTED_TEXT else value[: _LONGEST_QUOTED_TEXT - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)
