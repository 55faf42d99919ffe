"""schema.org JSON-LD for the two programmes and the organisations behind them, with only what the data says.

Left out on purpose (README, "Design decisions"): `timeToComplete`, because the data gives the length of parts (a
traineeship, an internship, a role), never of a whole programme; the programme's `provider`, because the data says
who created and funded it, not who runs it; and any date the source gives only as "by" a day.
"""

from __future__ import annotations

from datetime import date

from programme.data.model import Event, Organisation, Programme, RelatedProgramme, Role, Track
from programme.site.status import cohort_to_speak_of


def programme_graph(programme: Programme, language: str, *, site_url: str | None, page_url: str | None,
                    description: str, today: date, **_: object) -> dict:
    """The programme as an EducationalOccupationalProgram, its funding as a MonetaryGrant, and every organisation.

    Its application dates are those of the cohort the site speaks of on the day it is built (programme.status)."""
    window = cohort_to_speak_of(programme.cohorts, today).window
    programme_id = f"{page_url or ''}#programme"
    node = {
        "@type": "EducationalOccupationalProgram",
        "@id": programme_id,
        "name": programme.name,
        "description": description,
        "url": programme.website.url,
        "programPrerequisites": [criterion.statement.in_language(language) for criterion in programme.eligibility.criteria],
        "occupationalCategory": [role.name.in_language(language) for role in programme.roles],
        **_known_date("applicationStartDate", window.opens),
        **_known_date("applicationDeadline", window.closes),
    }
    funding = {
        "@type": "MonetaryGrant",
        "@id": f"{page_url or ''}#funding",
        "funder": {"@id": _organisation_id(programme.funder.organisation, site_url)},
        "fundedItem": {"@id": programme_id},
    }
    organisations = [_organisation(organisation, language, site_url) for organisation in programme.organisations]
    return {"@context": "https://schema.org", "@graph": [node, funding, *organisations]}


def related_graph(programme: Programme, language: str, *, site_url: str | None, page_url: str | None,
                  description: str, related: RelatedProgramme, **_: object) -> dict:
    """Another programme as an EducationalOccupationalProgram, provided by the organisation that runs it."""
    node = {
        "@type": "EducationalOccupationalProgram",
        "@id": f"{page_url or ''}#programme",
        "name": related.name.in_language(language),
        **({"alternateName": related.short_name} if related.short_name else {}),
        "description": description,
        "provider": {"@id": _organisation_id(related.run_by, site_url)},
    }
    return {"@context": "https://schema.org", "@graph": [node, _organisation(related.run_by, language, site_url)]}


def track_graph(programme: Programme, language: str, *, site_url: str | None, track: Track, **_: object) -> dict | None:
    """The organisations that host the track's trainees, where the data names them."""
    if track.host_companies is None:
        return None
    return {"@context": "https://schema.org",
            "@graph": [_organisation(host, language, site_url) for host in track.host_companies.organisations]}


def role_graph(programme: Programme, language: str, *, page_url: str | None, description: str, role: Role,
               **_: object) -> dict:
    """The role as an Occupation: its name, what it is, and what it does, where the data says."""
    node = {
        "@type": "Occupation",
        "@id": f"{page_url or ''}#occupation",
        "name": role.name.in_language(language),
        "description": role.description.in_language(language) if role.description else description,
        **({"responsibilities": [item.in_language(language) for item in role.responsibilities]} if role.responsibilities else {}),
    }
    return {"@context": "https://schema.org", "@graph": [node]}


def _known_date(name: str, event: Event) -> dict:
    """`{name: date}` at the date's own precision ("2021-01-03", "2021-02"), or nothing for a "by" date."""
    return {} if event.no_later_than else {name: event.date.iso}


def _organisation(organisation: Organisation, language: str, site_url: str | None) -> dict:
    return {
        "@type": "Organization",
        "@id": _organisation_id(organisation, site_url),
        "name": organisation.name.in_language(language),
        **({"alternateName": organisation.short_name} if organisation.short_name else {}),
        **({"url": organisation.website} if organisation.website else {}),
    }


def _organisation_id(organisation: Organisation, site_url: str | None) -> str:
    """Organisations are named once, at the site's root, so every page's graph refers to the same one."""
    return f"{site_url or ''}#organisation-{organisation.id}"
