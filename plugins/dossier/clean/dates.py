"""Publication dates written alone on a line: "Thursday, May 23, 2024", "May 9, 2020"."""

from __future__ import annotations

import calendar
import datetime
import re

# "Published:", "Posted on", "Updated" …: words a CMS puts before the date.
_LEAD = re.compile(r"^(published|posted|updated|date|dated|last updated)(\s+on)?\s*:?\s*", re.IGNORECASE)
# A trailing time of day ("10:45 AM", "at 14:03 GMT") says nothing about the day.
_TIME = re.compile(r"\s*(at\s+)?\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?(\s+[A-Z]{2,4})?$", re.IGNORECASE)

# (strptime format, precision). Days before months and months before years: the most precise
# format that matches the whole line wins.
_FORMATS = (
    ("%A, %B %d, %Y", "day"),
    ("%A %B %d, %Y", "day"),
    ("%A, %d %B %Y", "day"),
    ("%A %d %B %Y", "day"),
    ("%B %d, %Y", "day"),
    ("%b %d, %Y", "day"),
    ("%d %B %Y", "day"),
    ("%d %b %Y", "day"),
    ("%Y-%m-%d", "day"),
    ("%B %Y", "month"),
    ("%Y-%m", "month"),
)
_ISO = {"day": "%Y-%m-%d", "month": "%Y-%m"}
# Every format has a year, which strptime reads as four digits: a line without four digits in a
# row is no date line. Most lines have none, and this search is far cheaper than strptime.
_YEAR = re.compile(r"\d\d\d\d")
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")  # "23rd" -> "23": strptime reads no ordinals


def parse_date_line(text: str) -> tuple[str, str] | None:
    """(ISO date, precision) when the whole line is one date, else None. Never guesses."""
    if not _YEAR.search(text):
        return None
    candidate = _TIME.sub("", _LEAD.sub("", text.strip())).strip().rstrip(".")
    if not candidate or len(candidate) > 40:
        return None
    candidate = _ORDINAL.sub(r"\1", candidate)
    first_word = candidate.split()[0].strip(",").lower()
    # A weekday format is no use unless the line starts with a weekday's name: skip its strptime.
    starts_with_weekday = first_word in {name.lower() for name in calendar.day_name}
    for fmt, precision in _FORMATS:
        if fmt.startswith("%A") and not starts_with_weekday:
            continue
        try:
            parsed = datetime.datetime.strptime(candidate, fmt)
        except ValueError:
            continue
        if fmt.startswith("%A") and parsed.strftime("%A").lower() != first_word:
            continue
        return parsed.strftime(_ISO[precision]), precision
    return None
