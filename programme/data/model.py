"""The programme as validated, immutable objects: the types. programme/data/building.py builds them, only from data
the loader has checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from programme.words.derive import Derivation, derivations
from programme.words.languages import DEFAULT_LANGUAGE, Edition, editions
from selfcheck import rules
from selfcheck.dates import PartialDate


@dataclass(frozen=True)
class Text:
    """Localisable text: English always, other languages where staff have added them."""

    by_language: tuple[tuple[str, str], ...]

    @classmethod
    def from_data(cls, value: str | dict[str, str]) -> Text:
        if isinstance(value, str):
            return cls(((DEFAULT_LANGUAGE, value),))
        return cls(tuple(value.items()))

    def in_language(self, language: str) -> str:
        texts = dict(self.by_language)
        return texts.get(language) or texts[DEFAULT_LANGUAGE]

    def format(self, **values: object) -> Text:
        """Fill `{placeholders}` in every language."""
        return Text(tuple((language, text.format(**values)) for language, text in self.by_language))

    def __str__(self) -> str:
        return self.in_language(DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    called: Text  # what a sentence calls it: "the press release"
    language: str  # the language it is written in: its own words there, a translation in any other
    publisher_id: str
    kind: Text | None
    date: PartialDate
    document: str | None
    url: str | None


@dataclass(frozen=True)
class Ref:
    source: Source
    quote: str | None


@dataclass(frozen=True)
class OfficialName:
    """An organisation's established name in another language, and the official document that uses it."""

    language: str
    name: str
    source: str
    url: str | None
    converted_from: str | None = None  # a derived language's name, converted from this language's official name


@dataclass(frozen=True)
class Organisation:
    id: str
    name: Text  # as the source gives it, and its official name in each language that has one
    short_name: str | None
    website: str | None
    official_names: tuple[OfficialName, ...]
    ref: Ref


@dataclass(frozen=True)
class Person:
    id: str
    honorific: Text | None
    name: str
    position: Text
    organisation: Organisation | None
    ref: Ref


@dataclass(frozen=True)
class Fact:
    text: Text
    ref: Ref


@dataclass(frozen=True)
class Link:
    url: str
    text: Text | None  # what the source says about it
    ref: Ref


@dataclass(frozen=True)
class Figure:
    """A number as the source states it: exactly, at least, or more than `value`."""

    id: str | None
    value: int
    qualifier: str
    label: Text
    purpose: Text | None
    ref: Ref


@dataclass(frozen=True)
class Quote:
    by: Person
    text: Text
    ref: Ref


@dataclass(frozen=True)
class Funder:
    organisation: Organisation
    ref: Ref


@dataclass(frozen=True)
class Convenor:
    organisation: Organisation
    role: Text
    ref: Ref


@dataclass(frozen=True)
class Placement:
    """A stretch of months somewhere: a traineeship, an internship, an R&D role."""

    months: int
    what: Text
    at: Text
    purpose: Text | None
    ref: Ref


@dataclass(frozen=True)
class Role:
    id: str
    name: Text
    track_id: str
    description: Text | None
    responsibilities: tuple[Text, ...]
    ref: Ref


@dataclass(frozen=True)
class Track:
    id: str
    name: Text
    ref: Ref
    convenor: Convenor | None
    positions: Figure | None
    for_whom: Fact | None
    training: Fact | None
    traineeship: Placement | None
    roles: tuple[Role, ...]
    roles_note: Text | None
    host_companies: HostCompanies | None


@dataclass(frozen=True)
class HostCompanies:
    """The companies that host a track's trainees, as the source names them (perhaps only as examples)."""

    organisations: tuple[Organisation, ...]
    complete_list: bool
    ref: Ref


# The self-check's rules are the engine's own types, holding a text in every language (selfcheck.rules).
Criterion = rules.Criterion[Text]
Question = rules.Question[Text]
Option = rules.Option[Text]


@dataclass(frozen=True)
class Eligibility:
    scope_note: Text | None
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Event:
    id: str
    label: Text
    date: PartialDate
    no_later_than: bool
    note: Text | None
    ref: Ref


@dataclass(frozen=True)
class Window:
    opens: Event
    closes: Event


@dataclass(frozen=True)
class Cohort:
    id: str
    name: Text
    timeline: tuple[Event, ...]
    window: Window

    @property
    def rule_window(self) -> rules.Window[Text]:
        """The application window as the self-check's rules say it: its first and last days."""
        return rules.Window(self.id, self.name, self.window.opens.date.first_day, self.window.opens.no_later_than,
                            self.window.closes.date.first_day)


@dataclass(frozen=True)
class PartOf:
    organisation: Organisation
    as_: Text
    ref: Ref


@dataclass(frozen=True)
class PartnerCompanies:
    complete_list: bool
    names: tuple[str, ...]
    ref: Ref


@dataclass(frozen=True)
class GraduatedCohort:
    name: Text
    graduates: int
    announced: PartialDate | None
    next_step: Fact | None
    ref: Ref
    announced_no_later_than: bool = False  # the source says only that it had been announced by then
    note: Text | None = None


@dataclass(frozen=True)
class Celebration:
    people: tuple[Person, ...]
    ref: Ref


@dataclass(frozen=True)
class RelatedProgramme:
    """Another programme the site presents, on a page of its own: who runs it and what a participant does."""

    id: str
    name: Text
    short_name: str | None
    run_by: Organisation
    part_of: PartOf | None
    placements: tuple[Placement, ...]
    partner_companies: PartnerCompanies | None
    cohorts: tuple[GraduatedCohort, ...]
    celebrated_by: Celebration | None
    statement: Fact | None


@dataclass(frozen=True)
class HowToApply:
    """What a source leaves out about applying, and what it says, in one sentence."""

    says_only: Text | None
    not_said: tuple[Text, ...]
    ref: Ref  # the source the statements are about; no quote: they say what it does not say


@dataclass(frozen=True)
class MediaContact:
    email: str
    organisation: Organisation
    ref: Ref


@dataclass(frozen=True)
class Titles:
    eligibility: Text
    self_check: Text
    timeline: Text
    contact: Text
    tracks: Text
    how_to_apply: Text


@dataclass(frozen=True)
class Programme:
    name: str
    website: Link
    funder: Funder
    goal: Fact
    figures: tuple[Figure, ...]
    quote: Quote
    tracks: tuple[Track, ...]
    roles: tuple[Role, ...]
    eligibility: Eligibility
    cohorts: tuple[Cohort, ...]
    related_programmes: tuple[RelatedProgramme, ...]
    media_contact: MediaContact
    how_to_apply: HowToApply | None
    questions: tuple[Question, ...]
    languages: tuple[str, ...]  # the editions to publish, English first
    territory: str | None  # where the site's readers are: HK
    derivations: dict[str, Derivation]  # languages converted from another (site.derive)
    reviewed: PartialDate
    notice: Text | None  # shown at the top of every page
    titles: Titles
    sources: tuple[Source, ...]
    organisations: tuple[Organisation, ...]
    people: tuple[Person, ...]

    @cached_property
    def editions(self) -> dict[str, Edition]:
        """The language editions, by tag, the first at the site's root (programme.words.languages)."""
        return editions(self.languages, self.territory, self.derivations)

    def track(self, track_id: str) -> Track:
        return next(track for track in self.tracks if track.id == track_id)

    def organisation(self, organisation_id: str) -> Organisation:
        return next(organisation for organisation in self.organisations if organisation.id == organisation_id)
