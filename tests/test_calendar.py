"""Each cohort's timeline as an iCalendar file: it parses back, matches the data, and keeps its UIDs."""

from __future__ import annotations

import dataclasses
import datetime

import icalendar

from programme import load_programme
from programme.site.calendar import calendar_file, cohort_calendars
from selfcheck.dates import PartialDate
from fixture_data import FIXTURE_DATA

PROGRAMME = load_programme(FIXTURE_DATA)
TIMELINE = "https://example.org/procruit-c/timeline/"


def parsed(programme=PROGRAMME, cohort_id="first-cohort") -> icalendar.Calendar:
    calendar = cohort_calendars(programme)[cohort_id]
    return icalendar.Calendar.from_ical(calendar_file(programme, calendar, "en", TIMELINE))


def test_dates_known_to_the_day_become_all_day_events_and_nothing_else_does():
    for cohort in PROGRAMME.cohorts:
        events = parsed(cohort_id=cohort.id).walk("VEVENT")
        exact = [event for event in cohort.timeline if event.date.precision == "day" and not event.no_later_than]
        assert [str(entry["SUMMARY"]) for entry in events] == [f"{PROGRAMME.name}: {event.label}" for event in exact]
        for entry, event in zip(events, exact):
            start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
            assert type(start) is datetime.date and start == event.date.first_day
            assert end - start == datetime.timedelta(days=1)
            assert str(entry["URL"]) == TIMELINE


def test_month_and_by_dates_are_left_out_and_listed_as_left_out():
    calendar = cohort_calendars(PROGRAMME)["first-cohort"]
    left_out = {event.id for event in calendar.left_out}
    assert left_out == {event.id for event in PROGRAMME.cohorts[0].timeline
                        if event.date.precision != "day" or event.no_later_than}
    assert {"applications-open", "training-begins", "traineeships-commence"} <= left_out


def test_the_file_is_a_calendar_that_says_what_it_is():
    calendar = parsed()
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]).startswith(f"-//{PROGRAMME.name}//")
    assert str(calendar["X-WR-CALNAME"]) == f"{PROGRAMME.name}: {PROGRAMME.cohorts[0].name}"
    for entry in calendar.walk("VEVENT"):
        assert entry.decoded("DTSTAMP") == datetime.datetime(2026, 11, 26, tzinfo=datetime.timezone.utc)


def test_a_changed_date_keeps_its_uid_so_re_importing_updates_the_event():
    cohort = PROGRAMME.cohorts[0]
    closes = next(event for event in cohort.timeline if event.id == "applications-close")
    moved = dataclasses.replace(closes, date=PartialDate(2021, 1, 10))
    changed = dataclasses.replace(PROGRAMME, cohorts=(dataclasses.replace(
        cohort, timeline=tuple(moved if event is closes else event for event in cohort.timeline)),))
    before, after = parsed().walk("VEVENT"), parsed(changed).walk("VEVENT")
    assert [str(entry["UID"]) for entry in before] == [str(entry["UID"]) for entry in after]
    assert [entry.decoded("DTSTART") for entry in after] == [datetime.date(2021, 1, 10)]


def test_the_file_is_the_same_on_every_build():
    calendar = cohort_calendars(PROGRAMME)["first-cohort"]
    assert calendar_file(PROGRAMME, calendar, "en", TIMELINE) == calendar_file(PROGRAMME, calendar, "en", TIMELINE)
