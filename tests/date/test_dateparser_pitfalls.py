"""dateparser 1.5.0 behaviours that shaped resolve.py. If an upgrade changes one, read the note
beside it and check that the chronology still reads dates as README.md says."""

from __future__ import annotations

import datetime

import dateparser
from dateparser.search import search_dates

from dossier.date.resolve import parse_calendar_phrase
from dossier.date.span import Period

THURSDAY = datetime.datetime(2024, 5, 23)


def test_search_dates_finds_dates_that_are_not_there():
    """Why expressions.py has its own patterns: "we" is read as Wednesday, the verb "may" as May,
    and "April 13-14" as 13 April 2014."""

    def search(text: str) -> dict:
        return dict(search_dates(text, languages=["en"], settings={"RELATIVE_BASE": THURSDAY}) or [])

    assert search("In this post, we will break down what this means.") == {"we": datetime.datetime(2024, 5, 22)}
    assert search("Iran may be prioritizing its resources.") == {"may": datetime.datetime(2024, 5, 23)}
    assert search("an attack on April 13-14.") == {"on April 13-14": datetime.datetime(2014, 4, 13)}


def test_prefer_past_moves_the_publication_weekday_a_week_back():
    """Why weekdays are resolved by our own arithmetic: the same weekday must be the same day."""
    assert dateparser.parse("Thursday", settings={"RELATIVE_BASE": THURSDAY, "PREFER_DATES_FROM": "past"}) == (
        datetime.datetime(2024, 5, 16)
    )


def test_current_period_can_resolve_to_a_date_after_publication():
    """Why missing years are decided by our own rule, not by PREFER_DATES_FROM."""
    assert dateparser.parse("May 24", settings={"RELATIVE_BASE": THURSDAY, "PREFER_DATES_FROM": "current_period"}) == (
        datetime.datetime(2024, 5, 24)
    )


def test_missing_parts_are_filled_from_the_relative_base():
    """Why precision comes from `parts`: "January" alone comes back with the base's day."""
    assert dateparser.parse("in January", settings={"RELATIVE_BASE": THURSDAY}) == datetime.datetime(2024, 1, 23)


def test_language_is_guessed_unless_fixed():
    """Why languages=["en"]: otherwise German "Mai 3" is read as 3 May."""
    assert dateparser.parse("Mai 3") is not None
    assert dateparser.parse("Mai 3", languages=["en"]) is None


def test_what_resolve_relies_on():
    assert parse_calendar_phrase("April 1st") == (Period(2000, 4, 1), False)
    assert parse_calendar_phrase("Sept. 3") == (Period(2000, 9, 3), False)
    assert parse_calendar_phrase("February 29") == (Period(2000, 2, 29), False)
    assert parse_calendar_phrase("May 9, 2020") == (Period(2020, 5, 9), True)
    assert parse_calendar_phrase("January") == (Period(2000, 1), False)
    assert parse_calendar_phrase("January 2020") == (Period(2020, 1), True)
    assert parse_calendar_phrase("2011") == (Period(2011), True)
    assert parse_calendar_phrase("April 31") is None
