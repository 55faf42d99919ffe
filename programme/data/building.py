"""The programme's objects built from its checked data: what the loader does once the data has passed every check
(programme/data/model.py holds the types)."""

from __future__ import annotations

from programme.data.model import (
    Celebration,
    Cohort,
    Convenor,
    Criterion,
    Eligibility,
    Event,
    Fact,
    Figure,
    Funder,
    GraduatedCohort,
    HostCompanies,
    HowToApply,
    Link,
    MediaContact,
    OfficialName,
    Option,
    Organisation,
    PartOf,
    PartnerCompanies,
    Person,
    Placement,
    Programme,
    Question,
    Quote,
    Ref,
    RelatedProgramme,
    Role,
    Source,
    Text,
    Titles,
    Track,
    Window,
)
from programme.words.derive import Derivation, derivations
from programme.words.formats import format_date
from programme.words.languages import DEFAULT_LANGUAGE, editions
from selfcheck import kinds, rules
from selfcheck.dates import PartialDate, parse_day


def build_programme(data: dict) -> Programme:
    """Turn checked data into objects; the loader has already refused anything this would trip on."""
    sources = {item["id"]: _source(item) for item in data["sources"]}

    def ref(item: dict) -> Ref:
        return Ref(sources[item["ref"]["source"]], item["ref"].get("quote"))

    organisations = {
        item["id"]: _organisation(item, ref(item), derivations(data))
        for item in data["organisations"]
    }
    people = {
        item["id"]: Person(item["id"], Text.from_data(item["honorific"]) if "honorific" in item else None, item["name"], Text.from_data(item["position"]),
                           organisations.get(item.get("organisation")), ref(item))
        for item in data["people"]
    }

    def fact(item: dict | None) -> Fact | None:
        return Fact(Text.from_data(item["text"]), ref(item)) if item else None

    def figure(item: dict | None) -> Figure | None:
        if not item:
            return None
        return Figure(item.get("id"), item["value"], item["qualifier"], Text.from_data(item["label"]),
                      text(item.get("purpose")), ref(item))

    def placement(item: dict | None) -> Placement | None:
        if not item:
            return None
        purpose = Text.from_data(item["purpose"]) if "purpose" in item else None
        return Placement(item["months"], Text.from_data(item["what"]), Text.from_data(item["at"]), purpose, ref(item))

    def text(value: object) -> Text | None:
        return Text.from_data(value) if value is not None else None

    roles = tuple(
        Role(item["id"], Text.from_data(item["name"]), item["track"], text(item.get("description")),
             tuple(Text.from_data(value) for value in item.get("responsibilities", ())), ref(item))
        for item in data["roles"]
    )

    def host_companies(item: dict | None) -> HostCompanies | None:
        if not item:
            return None
        return HostCompanies(tuple(organisations[organisation] for organisation in item["organisations"]),
                             item["complete_list"], ref(item))

    tracks = tuple(
        Track(
            id=item["id"], name=Text.from_data(item["name"]), ref=ref(item),
            convenor=Convenor(organisations[item["convenor"]["organisation"]], Text.from_data(item["convenor"]["role"]),
                              ref(item["convenor"])) if "convenor" in item else None,
            positions=figure(item.get("positions")), for_whom=fact(item.get("for_whom")),
            training=fact(item.get("training")), traineeship=placement(item.get("traineeship")),
            roles=tuple(role for role in roles if role.track_id == item["id"]),
            roles_note=text(item.get("roles_note")), host_companies=host_companies(item.get("host_companies")),
        )
        for item in data["tracks"]
    )
    locales = {edition.language: edition.locale for edition in editions(tuple(data["site"]["languages"]),
                                                                         data["site"].get("territory")).values()}
    criteria = tuple(_criterion(item, ref(item), locales) for item in data["eligibility"]["criteria"])
    cohorts = tuple(_cohort(item, ref) for item in data["cohorts"])
    programme = data["programme"]
    return Programme(
        name=programme["name"],
        website=Link(programme["website"]["url"], text(programme["website"].get("text")), ref(programme["website"])),
        funder=Funder(organisations[programme["created_and_funded_by"]["organisation"]], ref(programme["created_and_funded_by"])),
        goal=fact(programme["goal"]),
        figures=tuple(figure(item) for item in programme["figures"]),
        quote=Quote(people[programme["quote"]["by"]], Text.from_data(programme["quote"]["text"]), ref(programme["quote"])),
        tracks=tracks,
        roles=roles,
        eligibility=Eligibility(text(data["eligibility"].get("scope_note")), criteria),
        cohorts=cohorts,
        related_programmes=tuple(_related(item, organisations, people, ref, fact, placement) for item in data.get("related_programmes", ())),
        media_contact=MediaContact(data["contact"]["media_enquiries"]["email"],
                                   organisations[data["contact"]["media_enquiries"]["organisation"]],
                                   ref(data["contact"]["media_enquiries"])),
        how_to_apply=HowToApply(text(data["how_to_apply"].get("says_only")),
                                tuple(Text.from_data(item) for item in data["how_to_apply"]["not_said"]),
                                Ref(sources[data["how_to_apply"]["source"]], None)) if "how_to_apply" in data else None,
        questions=tuple(_question(item) for item in data["self_check"]["questions"]),
        languages=tuple(data["site"]["languages"]),
        territory=data["site"].get("territory"),
        derivations=derivations(data),
        reviewed=PartialDate.parse(data["site"]["reviewed"]),
        notice=text(data["site"].get("notice")),
        titles=Titles(**{key: Text.from_data(value) for key, value in data["site"]["titles"].items()}),
        sources=tuple(sources.values()),
        organisations=tuple(organisations.values()),
        people=tuple(people.values()),
    )


def criterion_parameters(item: dict) -> dict[str, object]:
    """A criterion's parameters, as its kind names them (selfcheck.kinds), from the flat keys the data writes them in."""
    kind = kinds.KINDS.get(item.get("kind")) if isinstance(item.get("kind"), str) else None
    names = [parameter.name for parameter in kind.parameters] if kind else []
    return {name: item[name] for name in names if name in item}


def statement_values(item: dict) -> dict[str, object]:
    """The parameters a statement may show as `{placeholder}`: its numbers and its dates."""
    return {name: value for name, value in criterion_parameters(item).items()
            if (isinstance(value, int) and not isinstance(value, bool)) or name == "date"}


def _criterion(item: dict, source: Ref, locales: dict[str, str]) -> Criterion:
    """A criterion as the engine's type, its statement's numbers and dates written as each language writes them."""
    values = statement_values(item)
    template = Text.from_data(item["statement"])
    statement = Text(tuple(
        (language, text.format(**{name: format_date(parse_day(value), locales[language]) if name == "date" else value
                                  for name, value in values.items()}))
        for language, text in template.by_language
    ))
    return Criterion(
        id=item["id"], kind=item["kind"], question=item["question"], statement=statement,
        parameters=kinds.KINDS[item["kind"]].read_parameters(criterion_parameters(item)),
        cohorts=tuple(item["cohorts"]) if "cohorts" in item else None,
        tracks=tuple(item["tracks"]) if "tracks" in item else None,
        explain={key: Text.from_data(value) for key, value in item.get("explain", {}).items()}, ref=source,
    )


def _organisation(item: dict, source: Ref, rules: dict[str, Derivation]) -> Organisation:
    """An organisation, named as the source gives it, and by its own official name in each language that has one: a
    derived language (site.derive) takes its official name where one is given, else its source language's, converted
    and marked so."""
    official = [OfficialName(name["language"], name["name"], name["source"], name.get("url"))
                for name in item.get("official_names", ())]
    given = {name.language: name for name in official}
    for rule in rules.values():
        if rule.language not in given and rule.source in given:
            name = given[rule.source]
            official.append(OfficialName(rule.language, rule.convert(name.name), name.source, name.url, rule.source))
    names = Text(((DEFAULT_LANGUAGE, item["name"]), *((name.language, name.name) for name in official)))
    return Organisation(item["id"], names, item.get("short_name"), item.get("website"), tuple(official), source)


def _source(item: dict) -> Source:
    return Source(
        id=item["id"], title=Text.from_data(item["title"]), called=Text.from_data(item["called"]),
        language=item.get("language", DEFAULT_LANGUAGE),
        publisher_id=item["publisher"],
        kind=Text.from_data(item["kind"]) if "kind" in item else None, date=PartialDate.parse(item["date"]),
        document=item.get("document"), url=item.get("url"),
    )


def _cohort(item: dict, ref) -> Cohort:
    events = tuple(
        Event(
            id=event["id"], label=Text.from_data(event["event"]), date=PartialDate.parse(event["date"]),
            no_later_than=event.get("date_accuracy") == "no_later_than",
            note=Text.from_data(event["note"]) if "note" in event else None, ref=ref(event),
        )
        for event in item["timeline"]
    )
    by_id = {event.id: event for event in events}
    window = item["application_window"]
    return Cohort(item["id"], Text.from_data(item["name"]), events, Window(by_id[window["opens"]], by_id[window["closes"]]))


def _related(item: dict, organisations: dict, people: dict, ref, fact, placement) -> RelatedProgramme:
    part_of, partners, celebrated = item.get("part_of"), item.get("partner_companies"), item.get("celebrated_by")
    return RelatedProgramme(
        id=item["id"], name=Text.from_data(item["name"]), short_name=item.get("short_name"),
        run_by=organisations[item["run_by"]],
        part_of=PartOf(organisations[part_of["organisation"]], Text.from_data(part_of["as"]), ref(part_of)) if part_of else None,
        placements=tuple(placement(entry) for entry in item["placements"]),
        partner_companies=PartnerCompanies(partners["complete_list"], tuple(partners["names"]), ref(partners)) if partners else None,
        cohorts=tuple(
            GraduatedCohort(Text.from_data(entry["name"]), entry["graduates"],
                            PartialDate.parse(entry["announced"]) if "announced" in entry else None,
                            fact(entry.get("next_step")), ref(entry),
                            entry.get("date_accuracy") == "no_later_than",
                            Text.from_data(entry["note"]) if "note" in entry else None)
            for entry in item.get("cohorts", ())
        ),
        celebrated_by=Celebration(tuple(people[person] for person in celebrated["people"]), ref(celebrated)) if celebrated else None,
        statement=fact(item.get("statement")),
    )


def _question(item: dict) -> Question:
    return Question(
        key=item["key"], kind=item["kind"], prompt=Text.from_data(item["prompt"]),
        hint=Text.from_data(item["hint"]) if "hint" in item else None,
        options=tuple(Option(option["value"], Text.from_data(option["label"])) for option in item.get("options", ())),
        employed_question=item.get("employed_question"),
        name=Text.from_data(item["name"]) if "name" in item else None,
    )
