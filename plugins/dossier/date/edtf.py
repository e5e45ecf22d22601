"""Reading the EDTF dates editors write in `content/events/*.md`.

The subset of the Library of Congress Extended Date/Time Format the chronology uses: a day, a
month or a year ("2024-04-13", "2024-04", "2024"), each optionally approximate ("2010~"), and
intervals of two of them ("2024-04-13/2024-04-14", "2023-11~/2024-05-23").
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .span import DateSpan, Period

_PERIOD = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<approximate>~)?")


def parse_period(text: str) -> Period:
    match = _PERIOD.fullmatch(text)
    if match is None:
        if "?" in text or "%" in text:
            raise ValueError(f"'{text}': uncertain dates ('?', '%') are not supported; use '~' for approximate")
        raise ValueError(f"'{text}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, with '~' if approximate")
    year, month, day = (int(part) if part else None for part in match.group("year", "month", "day"))
    try:
        return Period(year, month, day, bool(match.group("approximate")))
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None


def parse_edtf(text: str) -> DateSpan:
    """An EDTF date or interval -> `DateSpan`; ValueError with a message for the editor."""
    parts = text.strip().split("/")
    if len(parts) > 2 or ".." in parts or "" in parts:
        raise ValueError(f"'{text}': write one date or an interval of two dates 'start/end' (open ends are not supported)")
    first = parse_period(parts[0])
    return DateSpan(first, parse_period(parts[-1]))


def edtf_value(value: Any) -> DateSpan:
    """A front-matter check: YAML may hand over 2024-04-13 as a date and 2010 as an integer."""
    if isinstance(value, datetime.date):
        return DateSpan.of(Period.of_day(value))
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a date in EDTF, e.g. 2024-04-13, 2020-01, 2010~ or 2024-04-13/2024-04-14")
    return parse_edtf(value)
