"""The date model: EDTF strings, start and end days, precision, and chronological order."""

from __future__ import annotations

import datetime

import pytest

from dossier.date.edtf import edtf_value, parse_edtf
from dossier.date.span import DateSpan, Period, covering


@pytest.mark.parametrize(
    "edtf, start, end, precision, approximate",
    [
        ("2024-04-01", "2024-04-01", "2024-04-01", "day", False),
        ("2020-01", "2020-01-01", "2020-01-31", "month", False),
        ("2024-02", "2024-02-01", "2024-02-29", "month", False),
        ("2011", "2011-01-01", "2011-12-31", "year", False),
        ("2010~", "2010-01-01", "2010-12-31", "year", True),
        ("2024-12~", "2024-12-01", "2024-12-31", "month", True),
        ("2024-04-13/2024-04-14", "2024-04-13", "2024-04-14", "range", False),
        ("2023-11~/2024-05-23", "2023-11-01", "2024-05-23", "range", True),
        ("2024-11~/2024-12", "2024-11-01", "2024-12-31", "range", True),
    ],
)
def test_edtf_round_trip(edtf, start, end, precision, approximate):
    span = parse_edtf(edtf)
    assert span.edtf == edtf
    assert (span.start.isoformat(), span.end.isoformat(), span.precision, span.approximate) == (
        start,
        end,
        precision,
        approximate,
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("2024-02-30", "'2024-02-30' is not a real date"),
        ("2023-02-29", "'2023-02-29' is not a real date"),
        ("2024-13", "'2024-13' is not a real date"),
        ("24-04-01", "is not a date: write YYYY-MM-DD"),
        ("April 2024", "is not a date: write YYYY-MM-DD"),
        ("2024?", "uncertain dates"),
        ("2024-04-14/2024-04-13", "ends before it starts"),
        ("2011/..", "open ends are not supported"),
        ("2011/2012/2013", "one date or an interval"),
    ],
)
def test_impossible_or_unsupported_dates_are_refused_with_a_message(text, message):
    with pytest.raises(ValueError, match=message.replace("?", r"\?").replace("(", r"\(")):
        parse_edtf(text)


def test_yaml_values_become_spans():
    assert edtf_value(datetime.date(2024, 12, 6)).edtf == "2024-12-06"
    assert edtf_value(2011).edtf == "2011"
    assert edtf_value(" 2020-01 ").edtf == "2020-01"
    with pytest.raises(ValueError):
        edtf_value(None)
    with pytest.raises(ValueError):
        edtf_value(True)


def test_a_month_does_not_sort_as_its_first_day():
    order = ["2024-04", "2024-04-13", "2024-04-01", "2024", "2024-04-13/2024-04-14", "2023-11~/2024-05-23", "2024-05-22"]
    ordered = sorted((parse_edtf(e) for e in order), key=DateSpan.sort_key)
    assert [s.edtf for s in ordered] == [
        "2023-11~/2024-05-23",  # begins in November 2023
        "2024-04-01",
        "2024-04-13",
        "2024-04-13/2024-04-14",  # same start, later end
        "2024-04",  # "sometime in April" after April's days
        "2024-05-22",
        "2024",  # "sometime in 2024" after 2024's months
    ]


def test_covering_spans_what_several_dates_add_up_to():
    assert covering([parse_edtf("2024-12-06"), parse_edtf("2024-12-05")]).edtf == "2024-12-05/2024-12-06"
    assert covering([parse_edtf("2024-12"), parse_edtf("2024-12-06")]).edtf == "2024-12"
    assert covering([parse_edtf("2024-12-06")]).edtf == "2024-12-06"


def test_html_datetime_values():
    assert [Period(2024, 4, 1).iso, Period(2020, 1).iso, Period(2010, approximate=True).iso] == ["2024-04-01", "2020-01", "2010"]
