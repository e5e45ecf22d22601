"""Table-driven: each date expression, the publication date it is read against, and the EDTF it
resolves to (None: the undated lane)."""

from __future__ import annotations

import pytest

from dossier.date.export import export_date

from .helpers import resolve_text

CASES = [
    # Weekdays: the most recent such day not after publication (Tuesday 2024-10-01 and
    # Wednesday 2025-01-01 reach back across a month end and a year end).
    ("revealed Wednesday.", "2024-05-23", "2024-05-22"),
    ("On Friday, Iran initiated", "2024-12-07", "2024-12-06"),
    ("on Monday night.", "2020-05-09", "2020-05-04"),
    ("on Friday", "2024-10-01", "2024-09-27"),
    ("on Monday", "2025-01-01", "2024-12-30"),
    ("on Saturday", "2026-01-02", "2025-12-27"),
    ("last Sunday", "2024-03-01", "2024-02-25"),
    # The publication's own weekday is that same day, not a week earlier.
    ("Thursday", "2024-05-23", "2024-05-23"),
    ("on Saturday", "2024-12-07", "2024-12-07"),
    # Runs of days.
    ("on April 13-14.", "2024-05-23", "2024-04-13/2024-04-14"),
    ("13–14 April 2024", None, "2024-04-13/2024-04-14"),
    ("between December 30-31", "2025-01-02", "2024-12-30/2024-12-31"),
    # Missing years: the most recent such date not after publication.
    ("on April 1 that", "2024-05-23", "2024-04-01"),
    ("on May 23", "2024-05-23", "2024-05-23"),
    ("on May 24", "2024-05-23", "2023-05-24"),
    ("on December 5", "2025-01-02", "2024-12-05"),
    ("on February 29", "2025-03-01", "2024-02-29"),
    ("on February 29", "2024-02-28", "2020-02-29"),
    ("in January and", "2020-05-09", "2020-01"),
    ("in May", "2020-05-09", "2020-05"),
    ("in June", "2020-05-09", "2019-06"),
    # Full dates need no publication date.
    ("on May 9, 2020", None, "2020-05-09"),
    ("Thursday, May 23, 2024", None, "2024-05-23"),
    ("in January 2020", None, "2020-01"),
    ("erupted in 2011.", None, "2011"),
    ("since 2011", None, "2011"),
    # Weeks and weekends.
    ("Earlier this week senior", "2020-05-09", "2020-05-04/2020-05-08"),
    ("earlier this week", "2024-12-08", "2024-12-02/2024-12-07"),
    ("earlier this week", "2025-01-01", "2024-12-30/2024-12-31"),
    ("earlier this week", "2024-12-02", "2024-12-02"),
    ("this week", "2020-05-09", "2020-05-04/2020-05-09"),
    ("As of the weekend, the", "2024-12-10", "2024-12-07/2024-12-08"),
    ("As of the weekend, the", "2024-12-08", "2024-12-07/2024-12-08"),
    ("As of the weekend, the", "2024-12-07", "2024-12-07"),
    # Lengths of time: as precise as their unit, approximate where they start.
    ("over the past six months", "2024-05-23", "2023-11~/2024-05-23"),
    ("over the past three years", "2020-05-09", "2017~/2020-05-09"),
    ("has been going for close to 10 years", "2020-05-09", "2010~/2020-05-09"),
    ("In just over a week, Syrian", "2024-12-07", "2024-11-30~/2024-12-07"),
    ("Over recent weeks, coordinated", "2024-12-07", "2024-11~/2024-12-07"),
    ("as he was 14 years ago.", "2024-05-23", "2010~"),
    ("two weeks ago", "2024-12-07", "2024-11-23~"),
    # A publication known only to the month: what its month and year settle is resolved ...
    ("as he was 14 years ago.", "2024-12", "2010~"),
    ("over the past six months", "2024-12", "2024-06~/2024-12"),
    ("in January", "2024-12", "2024-01"),
    ("in December", "2024-12", "2024-12"),
    ("in January", "2024", "2024-01"),
    # ... what needs a day, or could fall either side of it, is not.
    ("Wednesday", "2024-12", None),
    ("As of the weekend", "2024-12", None),
    ("earlier this week", "2024-12", None),
    ("In just over a week", "2024-12", None),
    ("on December 5", "2024-12", None),
    ("in March", "2024", None),
    # No publication date: nothing relative resolves.
    ("On Friday, Iran initiated", None, None),
    ("on April 1", None, None),
    ("in January", None, None),
    ("Over recent weeks", None, None),
    ("14 years ago", None, None),
    # Not a date at all.
    ("on April 31", "2024-05-23", None),
]


@pytest.mark.parametrize("text, published, edtf", CASES)
def test_resolution(text, published, edtf):
    resolution = resolve_text(text, published)
    assert (resolution.span.edtf if resolution.span else None) == edtf, resolution.derivation


@pytest.mark.parametrize(
    "text, published, derivation",
    [
        ("On Friday, Iran", "2024-12-07", "'On Friday' in a source published Saturday 2024-12-07 → Friday 2024-12-06"),
        ("Thursday", "2024-05-23", "'Thursday' in a source published Thursday 2024-05-23 → the same day, Thursday 2024-05-23"),
        (
            "on April 13-14.",
            "2024-05-23",
            "'on April 13-14' gives no year: the most recent one not after the publication "
            "(Thursday 2024-05-23) → Saturday 2024-04-13 to Sunday 2024-04-14",
        ),
        ("since 2011", None, "'since 2011' → 2011 (where what it describes begins)"),
        (
            "over the past six months",
            "2024-05-23",
            "'over the past six months' in a source published Thursday 2024-05-23 → about 2023-11 to Thursday 2024-05-23",
        ),
        ("On Friday, Iran", None, "'On Friday' counts from the publication date, and this source has none"),
        (
            "As of the weekend",
            "2024-12",
            "'As of the weekend' needs a publication day, but this source is dated only to the month (2024-12)",
        ),
        ("in January", None, "'in January' gives no year, and this source has no publication date"),
    ],
)
def test_derivations_say_how_in_words(text, published, derivation):
    assert resolve_text(text, published).derivation == derivation


def test_a_year_that_may_fall_either_side_of_a_coarse_publication_is_not_guessed():
    derivation = resolve_text("on December 5", "2024-12").derivation
    assert "dated only to the month (2024-12)" in derivation and "not guessed" in derivation


@pytest.mark.parametrize(
    "text, published, exported",
    [
        ("on April 1", "2024-05-23", ("2024-04-01", "2024-04-01", "day", False)),
        ("in January", "2020-05-09", ("2020-01-01", "2020-01-31", "month", False)),
        ("in 2011", None, ("2011-01-01", "2011-12-31", "year", False)),
        ("on April 13-14", "2024-05-23", ("2024-04-13", "2024-04-14", "range", False)),
        ("14 years ago", "2024-12", ("2010-01-01", "2010-12-31", "year", True)),
        ("over the past six months", "2024-05-23", ("2023-11-01", "2024-05-23", "range", True)),
        ("earlier this week", "2020-05-09", ("2020-05-04", "2020-05-08", "range", False)),
    ],
)
def test_start_end_precision_and_approximate_flag(text, published, exported):
    date = export_date(resolve_text(text, published).span)
    assert (date["start"], date["end"], date["precision"], date["approximate"]) == exported
