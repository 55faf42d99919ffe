"""Each cohort's timeline as an iCalendar file (RFC 5545), made with the `icalendar` library.

Only dates the source gives to the day become events, as all-day events. A month ("February 2021") or a
day given only as an upper bound ("by 16 December 2020") would have to be guessed to a day, so such entries are
left out, and the timeline page names them. Each event's UID is made from the programme's website and the
cohort's and event's ids, so re-importing a changed file updates the event instead of adding a second one.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

import icalendar

from programme.site.escaping import one_line

from programme.data.model import Cohort, Event, Programme


@dataclass(frozen=True)
class CohortCalendar:
    """One cohort's calendar file: where it is published, the events in it and the entries left out."""

    cohort: Cohort
    events: tuple[Event, ...]
    left_out: tuple[Event, ...]

    @property
    def published_as(self) -> str:
        return f"calendars/{self.cohort.id}.ics"


def cohort_calendars(programme: Programme) -> dict[str, CohortCalendar]:
    """Every cohort's calendar, by cohort id."""
    calendars = {}
    for cohort in programme.cohorts:
        exact = tuple(event for event in cohort.timeline if _known_to_the_day(event))
        calendars[cohort.id] = CohortCalendar(cohort, exact, tuple(e for e in cohort.timeline if e not in exact))
    return calendars


def calendar_file(programme: Programme, calendar: CohortCalendar, language: str, timeline_url: str | None) -> bytes:
    """The `.ics` file of one cohort: all-day events with stable UIDs, stamped with the day staff last reviewed."""
    name = one_line(f"{programme.name}: {calendar.cohort.name.in_language(language)}")
    ics = icalendar.Calendar()
    # Every value through icalendar's own escaping (vText escapes line breaks, commas and semicolons), names on one line.
    ics.add("prodid", icalendar.vText(one_line(f"-//{programme.name}//Timeline//{language.upper()}")))
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("x-wr-calname", icalendar.vText(name))
    stamp = datetime.datetime.combine(programme.reviewed.first_day, datetime.time(), tzinfo=datetime.timezone.utc)
    for event in calendar.events:
        day = event.date.first_day
        entry = icalendar.Event()
        entry.add("uid", event_uid(programme, calendar.cohort, event))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", day)
        entry.add("dtend", day + datetime.timedelta(days=1))
        entry.add("summary", icalendar.vText(one_line(f"{programme.name}: {event.label.in_language(language)}")))
        if event.note:
            entry.add("description", icalendar.vText(event.note.in_language(language)))
        if timeline_url:
            entry.add("url", timeline_url)
        entry.add("transp", "TRANSPARENT")  # a date to remember, not a time when the reader is busy
        ics.add_component(entry)
    return ics.to_ical()


def event_uid(programme: Programme, cohort: Cohort, event: Event) -> str:
    """A UID that stays the same while the programme's website and the cohort's and event's ids do."""
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'{programme.website.url}#{cohort.id}/{event.id}')}"


def _known_to_the_day(event: Event) -> bool:
    return event.date.precision == "day" and not event.no_later_than
