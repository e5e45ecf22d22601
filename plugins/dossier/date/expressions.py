"""Finding date expressions in body text: "on April 1", "Wednesday", "over the past six months".

Only finding: what each expression means is decided in resolve.py. The patterns are our own
rather than `dateparser.search.search_dates`, which reads the pronoun "we" as Wednesday, the verb
"may" as May and "April 13-14" as 2014-04-13 (see tests/date/test_dateparser_pitfalls.py).

Month and weekday names must be capitalised, so "Iran may withdraw" is not a date; every other
word matches in any case. Where two expressions overlap, the one that starts first wins, then
the longer one: "May 9, 2020" is one date, not "May 9" and "2020".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Kinds of expression.
CALENDAR = "calendar"  # a day, a run of days, a month or a year, with or without its year
WEEKDAY = "weekday"  # "on Friday", "Monday night"
THIS_WEEK = "this week"
EARLIER_THIS_WEEK = "earlier this week"
WEEKEND = "weekend"  # "as of the weekend"
AGO = "ago"  # "14 years ago": one period, that long before publication
LOOKBACK = "lookback"  # "over the past six months": from that long before publication up to it

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# "Recent weeks" states no length: it is read as about the next larger unit (documented in README).
RECENT = {"days": (1, "week"), "weeks": (1, "month"), "months": (1, "year")}

_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = rf"(?-i:{'|'.join(WEEKDAYS)})"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_NUMBER = rf"(?:\d{{1,3}}|{'|'.join(NUMBERS)})"
_UNIT = r"(?:day|week|month|year)s?"
_ABOUT = r"(?:(?:just |well )?(?:over|under|more than|less than|nearly|almost|about|around|some|close to) )?"
_LEAD = r"(?:(?:on|in|since|by|until|from|during|of|(?:early|late|mid)[- ]?) )"

# Clues: what a pattern cannot match without. Each takes one cheap search and most sentences
# have none, so a pattern runs only on a sentence that has all of its clues: a sentence with a
# number but no month name is never searched for "April 13-14". Names are searched as plain
# words, which `re` skips to far faster than anything behind a \b; a number is no clue, as
# every pattern that takes one also needs a unit of time. Words matched in any case are
# looked for in the casefolded text with `in`, many times faster than a case-blind pattern
# (a looser test, "day" in "today", but a clue only has to let every match through).
_DIGIT, _MONTH_NAME, _WEEKDAY_NAME = "digit", "month name", "weekday name"
_CLUES = {
    _DIGIT: re.compile(r"\d"),
    _MONTH_NAME: re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),  # how every month name begins
    _WEEKDAY_NAME: re.compile("|".join(WEEKDAYS)),
}
_TIME_WORD, _AGO, _WEEKEND, _THIS_WEEK, _PAST, _BEEN, _RECENT = "time word", "ago", "weekend", "this week", "past", "been", "recent"
_WORD_CLUES = {  # clue: any of these words, casefolded
    _TIME_WORD: ("day", "week", "month", "year"),
    _AGO: ("ago",),
    _WEEKEND: ("weekend",),
    _THIS_WEEK: ("this week",),
    _PAST: ("the past", "the last"),
    _BEEN: ("been",),
    _RECENT: ("recent",),
}

# (kind, clues, pattern). Named groups: "date" and "until" are calendar phrases for dateparser,
# "n"/"unit" a length of time, "recent" a vague one; "x", where present, is the expression
# itself and the rest of the match only context ("been going for 10 years").
_PATTERNS = (
    (CALENDAR, {_MONTH_NAME, _DIGIT}, rf"\b{_LEAD}?(?P<date>(?P<m>{_MONTH}) (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?)\s?[-–]\s?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?P<y>,? {_YEAR})?\b"),
    (CALENDAR, {_MONTH_NAME, _DIGIT}, rf"\b{_LEAD}?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s?[-–]\s?(?P<date>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{_MONTH})(?P<y>,? {_YEAR})?)\b"),
    (CALENDAR, {_MONTH_NAME, _DIGIT}, rf"\b{_LEAD}?(?:{_WEEKDAY},? )?(?P<date>{_MONTH} {_DAY}(?:,? {_YEAR})?)\b(?!\s?[-–]\s?\d)"),
    (CALENDAR, {_MONTH_NAME, _DIGIT}, rf"(?<![-–])\b{_LEAD}?(?:{_WEEKDAY},? )?(?P<date>{_DAY} {_MONTH}(?:,? {_YEAR})?)\b"),
    (CALENDAR, {_MONTH_NAME, _DIGIT}, rf"\b{_LEAD}?(?P<date>{_MONTH},? {_YEAR})\b"),
    (CALENDAR, {_MONTH_NAME}, rf"\b(?:{_LEAD}|last |this past )(?P<date>{_MONTH})\b(?!\s?\d)"),
    (CALENDAR, {_DIGIT}, rf"\b{_LEAD}(?:(?:early|late|mid)[- ]?)?(?P<date>{_YEAR})\b(?![,.]?\d)"),
    (WEEKDAY, {_WEEKDAY_NAME}, rf"\b(?:(?:on|last|this past) )?{_WEEKDAY}(?: (?:morning|afternoon|evening|night))?\b"),
    (EARLIER_THIS_WEEK, {_THIS_WEEK}, r"\bearlier this week\b"),
    (THIS_WEEK, {_THIS_WEEK}, r"\bthis week\b"),
    (WEEKEND, {_WEEKEND}, r"\b(?:(?:as of|over|at|on|during) )?(?:the|this|last) weekend\b"),
    (AGO, {_TIME_WORD, _AGO}, rf"\b{_ABOUT}(?P<n>{_NUMBER}) (?P<unit>{_UNIT}) ago\b"),
    (LOOKBACK, {_TIME_WORD, _PAST}, rf"\b(?:over|in|during|for|within) the (?:past|last) {_ABOUT}(?:(?P<n>{_NUMBER}) )?(?P<unit>{_UNIT})\b"),
    (LOOKBACK, {_TIME_WORD}, rf"\bin {_ABOUT}(?P<n>{_NUMBER}) (?P<unit>{_UNIT})\b"),
    (LOOKBACK, {_TIME_WORD, _BEEN}, rf"\bbeen(?: \w+)? (?P<x>for {_ABOUT}(?P<n>{_NUMBER}) (?P<unit>{_UNIT}))\b"),
    (LOOKBACK, {_RECENT}, r"\b(?:over|in|during) recent (?P<recent>days|weeks|months)\b"),
)
_COMPILED = tuple((kind, frozenset(clues), re.compile(pattern, re.IGNORECASE)) for kind, clues, pattern in _PATTERNS)


@dataclass(frozen=True)
class Expression:
    kind: str
    start: int  # offsets of `written` in the text searched
    end: int
    written: str  # as in the text, e.g. "On Friday"
    dates: tuple[str, ...] = ()  # CALENDAR: one phrase, or two for a run of days ("April 13", "April 14")
    weekday: int | None = None  # WEEKDAY: 0 is Monday
    amount: int | None = None  # AGO, LOOKBACK: how many units
    unit: str | None = None  # AGO, LOOKBACK: "day", "week", "month" or "year"


def find_expressions(text: str) -> tuple[Expression, ...]:
    folded = text.casefold()
    clues = {clue for clue, pattern in _CLUES.items() if pattern.search(text)}
    clues.update(clue for clue, words in _WORD_CLUES.items() if any(word in folded for word in words))
    if not clues:
        return ()
    found = [
        expression
        for kind, needs, pattern in _COMPILED
        if needs <= clues
        for match in pattern.finditer(text)
        if (expression := _expression(kind, match)) is not None
    ]
    chosen: list[Expression] = []
    for expression in sorted(found, key=lambda e: (e.start, -e.end)):
        if not chosen or expression.start >= chosen[-1].end:
            chosen.append(expression)
    return tuple(chosen)


def _expression(kind: str, match: re.Match) -> Expression | None:
    groups = match.groupdict()
    start, end = match.span("x") if groups.get("x") else match.span()
    common = {"kind": kind, "start": start, "end": end, "written": match.string[start:end]}
    if kind == CALENDAR:
        return _calendar(common, groups)
    if kind == WEEKDAY:
        name = next(day for day in WEEKDAYS if day in common["written"])
        return Expression(**common, weekday=WEEKDAYS.index(name))
    if kind in (AGO, LOOKBACK):
        if groups.get("recent"):
            amount, unit = RECENT[groups["recent"].lower()]
        else:
            amount, unit = _number(groups.get("n")), groups["unit"].lower().removesuffix("s")
        return Expression(**common, amount=amount, unit=unit)
    return Expression(**common)


def _calendar(common: dict, groups: dict) -> Expression | None:
    if groups.get("d2") is None:
        return Expression(**common, dates=(groups["date"],))
    first, last = int(groups["d1"]), int(groups["d2"])
    if first >= last:
        return None  # "April 14-13" is no run of days
    month, year = groups["m"], groups["y"] or ""
    return Expression(**common, dates=(f"{month} {first}{year}", f"{month} {last}{year}"))


def _number(word: str | None) -> int:
    if word is None:  # "over the past year"
        return 1
    return int(word) if word.isdigit() else NUMBERS[word.lower()]
