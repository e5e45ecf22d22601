"""Which words are date expressions, and exactly which words."""

from __future__ import annotations

import pytest

from dossier.date import expressions as ex
from dossier.date.expressions import find_expressions


@pytest.mark.parametrize(
    "text, found",
    [
        ("a strike on April 1 that", [(ex.CALENDAR, "on April 1")]),
        ("attack on April 13-14.", [(ex.CALENDAR, "on April 13-14")]),
        ("Thursday, May 23, 2024", [(ex.CALENDAR, "Thursday, May 23, 2024")]),
        ("published 9 May 2020 and", [(ex.CALENDAR, "9 May 2020")]),
        ("Sept. 3 and Dec 7", [(ex.CALENDAR, "Sept. 3"), (ex.CALENDAR, "Dec 7")]),
        ("killed in January and", [(ex.CALENDAR, "in January")]),
        ("since the civil war erupted in 2011.", [(ex.CALENDAR, "in 2011")]),
        ("revealed Wednesday.", [(ex.WEEKDAY, "Wednesday")]),
        ("north on Monday night.", [(ex.WEEKDAY, "on Monday night")]),
        ("Earlier this week senior", [(ex.EARLIER_THIS_WEEK, "Earlier this week")]),
        ("As of the weekend, the", [(ex.WEEKEND, "As of the weekend")]),
        ("as he was 14 years ago.", [(ex.AGO, "14 years ago")]),
        ("left Syria over the past six months,", [(ex.LOOKBACK, "over the past six months")]),
        ("In just over a week, rebels", [(ex.LOOKBACK, "In just over a week")]),
        ("Over recent weeks, attacks", [(ex.LOOKBACK, "Over recent weeks")]),
        (
            "has been going for close to 10 years but has increased its pace over the past three years",
            [(ex.LOOKBACK, "for close to 10 years"), (ex.LOOKBACK, "over the past three years")],
        ),
        # Not dates.
        ("Iran may be prioritizing its resources", []),
        ("as many as 3,000 Iranian troops", []),
        ("we will break down what this means", []),
        ("For years, Tehran’s involvement", []),
        ("during over a decade of fighting", []),
        ("within 12 miles of Damascus", []),
        ("on April 14-13", []),
        ("the 14-13 April typo", []),
    ],
)
def test_found_expressions(text, found):
    assert [(e.kind, e.written) for e in find_expressions(text)] == found


@pytest.mark.parametrize(
    "text, kind",
    [
        ("EARLIER THIS WEEK, senior", ex.EARLIER_THIS_WEEK),
        ("Over The Weekend, the", ex.WEEKEND),
        ("as he was Fourteen Years Ago.", None),  # "Fourteen" is no number we read
        ("as he was 14 YEARS AGO.", ex.AGO),
        ("left Syria Over The Last Six Months,", ex.LOOKBACK),
        ("Has Been Going For Ten Years", ex.LOOKBACK),
        ("Over Recent Weeks, attacks", ex.LOOKBACK),
    ],
)
def test_words_other_than_names_are_found_in_any_case(text, kind):
    """Only month and weekday names must be capitalised: the cheap tests that decide which
    patterns run on a sentence (`_WORD_CLUES`) must not miss a headline's capitals."""
    assert [e.kind for e in find_expressions(text)] == ([kind] if kind else [])


def test_offsets_point_at_the_words():
    text = "The retreat follows a strike on April 1 that pulverized it."
    (expression,) = find_expressions(text)
    assert text[expression.start : expression.end] == "on April 1"


def test_fields_for_resolution():
    (days,) = find_expressions("on April 13-14")
    (weekday,) = find_expressions("Monday night")
    (length,) = find_expressions("over the past six months")
    (recent,) = find_expressions("over recent weeks")
    assert days.dates == ("April 13", "April 14")
    assert weekday.weekday == 0
    assert (length.amount, length.unit) == (6, "month")
    assert (recent.amount, recent.unit) == (1, "month")
