"""Names that must be unique, and names that must name something: every id another part of the data refers to."""

from __future__ import annotations

from collections.abc import Iterator

from programme.data.checks.walk import at, ids, items, listing
from programme.data.errors import Path, Problem, shown


def duplicate_ids(data: dict) -> Iterator[Problem]:
    """Ids (and question keys, option values) given twice in one list."""
    lists: list[tuple[Path, str]] = [((), name) for name in ("sources", "organisations", "people", "tracks", "roles", "cohorts",
                                                             "related_programmes")]
    lists += [(("programme",), "figures"), (("eligibility",), "criteria")]
    lists += [(path, "timeline") for path, _ in items(data, "cohorts", ())]
    for base, name in lists:
        yield from _duplicates(at(data, base), name, base, "id")
    yield from _duplicates(data.get("self_check"), "questions", ("self_check",), "key")
    for path, question in items(data.get("self_check"), "questions", ("self_check",)):
        yield from _duplicates(question, "options", path, "value")


def _duplicates(container: object, key: str, base: Path, field: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for path, item in items(container, key, base):
        value = item.get(field)
        if not isinstance(value, str):
            continue
        if value in seen:
            yield Problem((*path, field), f"duplicate {field} {shown(value)}; {key}[{seen[value]}] already uses it")
        else:
            seen[value] = path[-1]


# The site's own page addresses and folders, which another programme's page (/<id>/) must not take; the page table
# (programme/site/pages.py) uses them, and a test keeps the two agreeing.
SITE_ADDRESSES = frozenset({"eligibility", "self-check", "how-to-apply", "timeline", "contact", "about", "tracks",
                            "roles", "assets", "search", "calendars"})


def page_addresses(data: dict) -> Iterator[Problem]:
    """A related programme's page address is its own: not one of the site's pages or an edition's folder."""
    languages = at(data, ("site", "languages"))
    folders = {language.lower() for language in languages if isinstance(language, str)} if isinstance(languages, list) else set()
    for path, related in items(data, "related_programmes", ()):
        address = related.get("id")
        if isinstance(address, str) and (address in SITE_ADDRESSES or address in folders):
            yield Problem((*path, "id"), f"/{address}/ is already one of the site's addresses; choose another id")


def dangling_references(data: dict) -> Iterator[Problem]:
    """Every reference by id to a source, organisation, person, track or cohort that the data does not have."""
    known = {
        "source": ids(data, "sources"), "organisation": ids(data, "organisations"),
        "person": ids(data, "people"), "track": ids(data, "tracks"), "cohort": ids(data, "cohorts"),
    }
    for path, kind in _reference_paths(data):
        value = at(data, path)
        if isinstance(value, str) and value not in known[kind]:
            yield Problem(path, f"unknown {kind} {shown(value)}; known {kind}s: {listing(known[kind])}")


def _reference_paths(data: dict) -> Iterator[tuple[Path, str]]:
    """Every place that names another thing by id, with the kind of thing it names."""
    yield from ((path, "source") for path in _ref_source_paths(data, ()))
    yield from ((path + ("publisher",), "organisation") for path, _ in items(data, "sources", ()))
    yield from ((path + ("organisation",), "organisation") for path, _ in items(data, "people", ()))
    yield from ((path + ("track",), "track") for path, _ in items(data, "roles", ()))
    yield from ((path + ("convenor", "organisation"), "organisation") for path, _ in items(data, "tracks", ()))
    for path, track in items(data, "tracks", ()):
        yield from _each(track, ("host_companies", "organisations"), path, "organisation")
    for path, criterion in items(data.get("eligibility"), "criteria", ("eligibility",)):
        yield from _each(criterion, ("cohorts",), path, "cohort")
        yield from _each(criterion, ("tracks",), path, "track")
    for path in [("programme", "created_and_funded_by", "organisation"), ("contact", "media_enquiries", "organisation")]:
        yield path, "organisation"
    yield ("programme", "quote", "by"), "person"
    yield ("how_to_apply", "source"), "source"
    for path, related in items(data, "related_programmes", ()):
        yield (*path, "run_by"), "organisation"
        yield (*path, "part_of", "organisation"), "organisation"
        yield from _each(related, ("celebrated_by", "people"), path, "person")


def _each(item: dict, key: Path, base: Path, kind: str) -> Iterator[tuple[Path, str]]:
    """Each entry of the list at `key` in `item`, as a reference to a `kind`."""
    values = at(item, key)
    if isinstance(values, list):
        yield from (((*base, *key, index), kind) for index in range(len(values)))


def _ref_source_paths(value: object, path: Path) -> Iterator[Path]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "ref" and isinstance(item, dict):
                yield (*path, "ref", "source")
            else:
                yield from _ref_source_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _ref_source_paths(item, (*path, index))


