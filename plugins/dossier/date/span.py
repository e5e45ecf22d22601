"""The date model: a `Period` is a calendar day, month or year; a `DateSpan` runs from one period
to another (often the same one) and knows its EDTF string and its place in the chronology."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

DAY = "day"
MONTH = "month"
YEAR = "year"
RANGE = "range"

# Coarse to fine, so precisions can be compared.
PRECISIONS = (YEAR, MONTH, DAY)


@dataclass(frozen=True)
class Period:
    """A calendar day, month or year; `approximate` is EDTF's "~" ("about 2010")."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for impossible dates such as 2023-02-29.
        datetime.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def of_day(cls, day: datetime.date, approximate: bool = False) -> Period:
        return cls(day.year, day.month, day.day, approximate)

    @classmethod
    def from_iso(cls, iso: str) -> Period:
        """'2024-05-23', '2024-12' or '2024' (as stored in `Published.date`)."""
        return cls(*(int(part) for part in iso.split("-")))

    @property
    def precision(self) -> str:
        return DAY if self.day is not None else MONTH if self.month is not None else YEAR

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def iso(self) -> str:
        """The HTML `<time datetime>` value: "2024", "2024-04" or "2024-04-13"."""
        return self.first_day.isoformat()[: {YEAR: 4, MONTH: 7, DAY: 10}[self.precision]]

    @property
    def edtf(self) -> str:
        return self.iso + ("~" if self.approximate else "")

    def sort_key(self) -> tuple[int, int, int]:
        # A period known only to the month sorts after that month's days, and one known only to
        # the year after that year's months: "April 2024" is not "1 April 2024".
        return (self.year, self.month or 13, self.day or 32)


@dataclass(frozen=True)
class DateSpan:
    """From `first` to `last`, both included; a single day, month or year has first == last."""

    first: Period
    last: Period

    def __post_init__(self) -> None:
        if self.last.last_day < self.first.first_day:
            raise ValueError(f"'{self.edtf}' ends before it starts")

    @classmethod
    def of(cls, period: Period) -> DateSpan:
        return cls(period, period)

    @property
    def is_range(self) -> bool:
        return self.first != self.last

    @property
    def precision(self) -> str:
        return RANGE if self.is_range else self.first.precision

    @property
    def approximate(self) -> bool:
        return self.first.approximate or self.last.approximate

    @property
    def start(self) -> datetime.date:
        return self.first.first_day

    @property
    def end(self) -> datetime.date:
        return self.last.last_day

    @property
    def edtf(self) -> str:
        return f"{self.first.edtf}/{self.last.edtf}" if self.is_range else self.first.edtf

    def sort_key(self) -> tuple:
        """Chronological order: by the first period (coarse periods after the finer ones they
        contain), then by the end, so "Monday" comes before "Monday to Friday"."""
        return (self.first.sort_key(), self.end)


def as_precise_as(precision: str, required: str) -> bool:
    """Whether a DAY, MONTH or YEAR precision is at least as fine as `required`."""
    return PRECISIONS.index(precision) >= PRECISIONS.index(required)


def covering(spans: list[DateSpan]) -> DateSpan:
    """The smallest span that contains all of `spans`: what several sources' dates add up to."""
    first = min((span.first for span in spans), key=lambda period: (period.first_day, period.last_day))
    last = max((span.last for span in spans), key=lambda period: (period.last_day, period.first_day))
    return DateSpan(first, last)
