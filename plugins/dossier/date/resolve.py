"""What a date expression means, given the source's publication date, with the reasoning in words.

The rules (README.md has them with examples):
- A missing year is the most recent such date not after the publication. When the publication
  is known only to the month or year and both readings remain possible, it is not guessed.
- A weekday is the most recent such day not after the publication: the publication's own
  weekday is that same day.
- A relative expression needs a publication date at least as precise as the expression's unit
  (weekdays, weekends and weeks need a day; "six months" a month; "14 years" a year). Otherwise,
  or when the source has no date at all, it stays unresolved: its statement goes to the
  chronology's undated lane with the reason.
"""

from __future__ import annotations

import functools

import datetime
from dataclasses import dataclass

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from . import expressions as ex
from .span import DAY, MONTH, YEAR, DateSpan, Period, as_precise_as

# dateparser only reads calendar phrases the patterns have already found. Its pitfalls, pinned in
# tests/date/test_dateparser_pitfalls.py: it fills parts the text lacks from RELATIVE_BASE (so we
# read `parts` and decide missing years ourselves), and guesses the language unless told. The base
# is in a leap year so that "February 29" parses before its year is decided.
_LEAP_YEAR_BASE = datetime.datetime(2000, 1, 1)

_UNIT_PRECISION = {"day": DAY, "week": DAY, "month": MONTH, "year": YEAR}
_SATURDAY = 5


@dataclass(frozen=True)
class Resolution:
    span: DateSpan | None  # None: the statement goes to the undated lane
    derivation: str  # how the date was read, or why it could not be


def resolve(expression: ex.Expression, published: Period | None) -> Resolution:
    """`published` is the source's publication date (None when it has none)."""
    if expression.kind == ex.CALENDAR:
        return _calendar(expression, published)
    required = _UNIT_PRECISION[expression.unit] if expression.unit else DAY
    if published is None:
        return Resolution(None, f"'{expression.written}' counts from the publication date, and this source has none")
    if not as_precise_as(published.precision, required):
        return Resolution(
            None,
            f"'{expression.written}' needs a publication {required}, but this source is dated only "
            f"to the {published.precision} ({published.iso})",
        )
    span = _RELATIVE[expression.kind](expression, published)
    same = " the same day," if span == DateSpan.of(published) else ""
    return Resolution(span, f"'{expression.written}' in a source published {describe(published)} →{same} {describe_span(span)}")


# --- calendar dates: "April 1", "April 13-14", "in January", "May 9, 2020", "since 2011" -----


def _calendar(expression: ex.Expression, published: Period | None) -> Resolution:
    parsed = [parse_calendar_phrase(phrase) for phrase in expression.dates]
    if None in parsed:
        return Resolution(None, f"'{expression.written}' is not a real date")
    (first, has_year), (last, _) = parsed[0], parsed[-1]
    since = " (where what it describes begins)" if expression.written.lower().startswith("since") else ""
    if has_year:
        span = DateSpan(first, last)
        return Resolution(span, f"'{expression.written}' → {describe_span(span)}{since}")
    if published is None:
        return Resolution(None, f"'{expression.written}' gives no year, and this source has no publication date")
    year = latest_year_not_after(first, published)
    if year is None:
        return Resolution(
            None,
            f"'{expression.written}' gives no year, and this source is dated only to the "
            f"{published.precision} ({published.iso}): it may fall before or after the publication, "
            "so its year is not guessed",
        )
    if _in_year(last, year) is None:
        return Resolution(None, f"'{expression.written}' is not a real date in {year}")
    span = DateSpan(_in_year(first, year), _in_year(last, year))
    return Resolution(
        span,
        f"'{expression.written}' gives no year: the most recent one not after the publication "
        f"({describe(published)}) → {describe_span(span)}{since}",
    )


def load_date_parser() -> None:
    """Have dateparser load its English data and patterns now, which its first parse does
    otherwise (0.2 s): once in the build process (while workers clean the sources) before it
    forks the workers that link and date, which then share them, rather than once in each."""
    parse_calendar_phrase("1 January 2000")


@functools.lru_cache(maxsize=4096)  # a pure function, and dateparser takes milliseconds a call
def parse_calendar_phrase(phrase: str) -> tuple[Period, bool] | None:
    """'April 1' -> (Period 2000-04-01, False): the period, and whether the text gave its year.
    None for impossible dates such as 'April 31'."""
    settings = {"RELATIVE_BASE": _LEAP_YEAR_BASE, "PREFER_DATES_FROM": "current_period"}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    if data.date_obj is None:
        return None
    parts, value = set(data.parts), data.date_obj
    month = value.month if "month" in parts else None
    day = value.day if "day" in parts and month else None
    return Period(value.year, month, day), "year" in parts


def latest_year_not_after(period: Period, published: Period) -> int | None:
    """The year of the most recent such day or month that surely does not start after the
    publication; None when the publication is too coarse to tell (December 5 in "2024-12")."""
    for year in range(published.year, published.year - 8, -1):  # 29 February recurs within 8 years
        candidate = _in_year(period, year)
        if candidate is None or candidate.first_day > published.last_day:
            continue
        return year if candidate.first_day <= published.first_day else None
    return None


def _in_year(period: Period, year: int) -> Period | None:
    try:
        return Period(year, period.month, period.day)
    except ValueError:  # 29 February outside a leap year
        return None


# --- relative dates -------------------------------------------------------------------------


def _weekday(expression: ex.Expression, published: Period) -> DateSpan:
    day = published.first_day
    return DateSpan.of(Period.of_day(day - datetime.timedelta(days=(day.weekday() - expression.weekday) % 7)))


def _this_week(expression: ex.Expression, published: Period) -> DateSpan:
    """From the Monday of the publication's week (ISO 8601 weeks) to the publication day."""
    day = published.first_day
    return DateSpan(Period.of_day(day - datetime.timedelta(days=day.weekday())), published)


def _earlier_this_week(expression: ex.Expression, published: Period) -> DateSpan:
    """This week up to the day before publication; a Monday's "earlier this week" is Monday."""
    day = published.first_day
    monday = day - datetime.timedelta(days=day.weekday())
    return DateSpan(Period.of_day(monday), Period.of_day(max(monday, day - datetime.timedelta(days=1))))


def _weekend(expression: ex.Expression, published: Period) -> DateSpan:
    """The most recent Saturday not after publication, and its Sunday if that is not after it."""
    day = published.first_day
    saturday = day - datetime.timedelta(days=(day.weekday() - _SATURDAY) % 7)
    return DateSpan(Period.of_day(saturday), Period.of_day(min(saturday + datetime.timedelta(days=1), day)))


def _ago(expression: ex.Expression, published: Period) -> DateSpan:
    return DateSpan.of(_before(published, expression.amount, expression.unit))


def _lookback(expression: ex.Expression, published: Period) -> DateSpan:
    return DateSpan(_before(published, expression.amount, expression.unit), published)


def _before(published: Period, amount: int, unit: str) -> Period:
    """About `amount` units before publication, as precise as the unit: years give a year."""
    day = published.first_day - relativedelta(**{f"{unit}s": amount})
    precision = _UNIT_PRECISION[unit]
    return Period(
        day.year,
        day.month if precision != YEAR else None,
        day.day if precision == DAY else None,
        approximate=True,
    )


_RELATIVE = {
    ex.WEEKDAY: _weekday,
    ex.THIS_WEEK: _this_week,
    ex.EARLIER_THIS_WEEK: _earlier_this_week,
    ex.WEEKEND: _weekend,
    ex.AGO: _ago,
    ex.LOOKBACK: _lookback,
}


# --- words ----------------------------------------------------------------------------------


def describe(period: Period) -> str:
    """'Saturday 2024-12-07', '2024-12', 'about 2010'."""
    text = f"{period.first_day:%A} {period.iso}" if period.precision == DAY else period.iso
    return f"about {text}" if period.approximate else text


def describe_span(span: DateSpan) -> str:
    return f"{describe(span.first)} to {describe(span.last)}" if span.is_range else describe(span.first)
