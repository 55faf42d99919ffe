"""What is true on a given day: build date, window and event statuses, and the phases a page publishes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sitebuild import data_with_second_cohort, source_date_epoch

import selfcheck
from programme import load_programme, selfcheck_rules
from selfcheck.dates import PartialDate
from programme.site.status import (
    CURRENT,
    PAST,
    UNCONFIRMED,
    UPCOMING,
    InvalidBuildDate,
    Phase,
    applications_status,
    build_date,
    event_changes,
    event_status,
    phases,
    window_changes,
)

ONE_DAY = timedelta(days=1)


def test_the_build_date_is_source_date_epochs_day_when_set_else_today():
    assert build_date({"SOURCE_DATE_EPOCH": str(source_date_epoch(date(2021, 1, 3)))}) == date(2021, 1, 3)
    assert build_date({"SOURCE_DATE_EPOCH": "0"}) == date(1970, 1, 1)
    assert build_date({}) == date.today()


@pytest.mark.parametrize("value", ["yesterday", "1.5", "", "9" * 30])
def test_a_source_date_epoch_that_is_not_whole_seconds_is_a_clear_error(value):
    with pytest.raises(InvalidBuildDate, match=f"SOURCE_DATE_EPOCH must be a whole number of seconds.*found {value!r}"):
        build_date({"SOURCE_DATE_EPOCH": value})


def event(programme, event_id: str):
    return next(item for item in programme.cohorts[0].timeline if item.id == event_id)


@pytest.mark.parametrize(("day", "expected"), [
    (date(2021, 1, 31), UPCOMING), (date(2021, 2, 1), CURRENT), (date(2021, 2, 28), CURRENT), (date(2021, 3, 1), PAST),
])
def test_an_event_dated_to_a_month_is_current_through_that_month(programme, day, expected):
    training = event(programme, "training-begins")
    assert training.date == PartialDate(2021, 2)
    assert event_status(training, day) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (date(2020, 12, 1), UNCONFIRMED), (date(2020, 12, 16), CURRENT), (date(2020, 12, 17), PAST),
])
def test_an_event_known_only_as_no_later_than_a_day_is_unconfirmed_before_it(programme, day, expected):
    opening = event(programme, "applications-open")
    assert opening.no_later_than
    assert event_status(opening, day) == expected


def test_each_events_status_changes_only_on_its_change_days(programme):
    for item in programme.cohorts[0].timeline:
        changes = event_changes(item)
        days = [item.date.first_day + timedelta(days=offset) for offset in range(-40, 80)]
        changed_on = [day for day in days[1:] if event_status(item, day) != event_status(item, day - ONE_DAY)]
        assert set(changed_on) <= set(changes), item.id


def test_phases_cover_every_day_once_between_and_around_the_change_days():
    changes = [date(2021, 1, 4), date(2020, 12, 16), date(2021, 1, 4)]
    assert phases(changes) == [
        Phase(None, date(2020, 12, 15)), Phase(date(2020, 12, 16), date(2021, 1, 3)), Phase(date(2021, 1, 4), None),
    ]
    for day in (date(2000, 1, 1), date(2020, 12, 15), date(2020, 12, 16), date(2021, 1, 3), date(2021, 1, 4)):
        assert sum(phase.includes(day) for phase in phases(changes)) == 1
    assert [phase.sample_day for phase in phases(changes)] == [date(2020, 12, 15), date(2020, 12, 16), date(2021, 1, 4)]


@pytest.fixture(scope="module")
def two_cohorts(tmp_path_factory):
    return load_programme(data_with_second_cohort(tmp_path_factory.mktemp("two-cohorts")))


@pytest.mark.parametrize("which", ["real data", "with a second cohort"])
def test_a_page_and_a_self_check_result_agree_on_applications_every_day(programme, two_cohorts, which):
    """The site's status and the engine's come from the same policy, so they agree on every day around every change."""
    subject = programme if which == "real data" else two_cohorts
    rules = selfcheck_rules(subject)
    for change in window_changes(subject.cohorts):
        for day in (change - ONE_DAY, change, change + ONE_DAY):
            result = selfcheck.evaluate({"application_date": day.isoformat(), "hk_resident": True}, rules)
            assert applications_status(subject.cohorts, day) == result["applications"]["status"], day


def test_with_a_closed_first_cohort_and_an_open_second_one_applications_are_open(two_cohorts):
    first, second = two_cohorts.cohorts
    day = second.window.opens.date.first_day + ONE_DAY
    assert day > first.window.closes.date.first_day
    assert applications_status(two_cohorts.cohorts, day) == "open"
    assert applications_status(two_cohorts.cohorts, second.window.closes.date.first_day + ONE_DAY) == "closed"
