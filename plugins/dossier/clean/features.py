"""Measurements of one raw line that the classifier decides by: no decisions here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based raw line number
    text: str  # stripped
    key: str  # case-folded and whitespace-collapsed: for the lexicon and for repetition
    words: int
    stop_density: float  # share of words that are stop words: high in prose
    title_case: float  # share of non-stop words that start with a capital: high in headlines
    ends_sentence: bool
    list_marker: str | None  # "1." or "-" when the line is a list item

    @property
    def blank(self) -> bool:
        return not self.text


def measure(number: int, raw: str) -> Line:
    text = raw.strip()
    if not text:  # a blank line, some two in five of a scraped page: nothing to measure
        return Line(number, "", "", words=0, stop_density=0.0, title_case=0.0, ends_sentence=False, list_marker=None)
    item = lexicon.LIST_MARKER.match(text)
    words = _WORD.findall(text)
    is_stop = [word.lower() in lexicon.STOP_WORDS for word in words]
    stops = sum(is_stop)
    initials = [word[0] for word, stop in zip(words, is_stop) if not stop and word[0].isalpha()]
    capitals = sum([initial.isupper() for initial in initials])
    return Line(
        number=number,
        text=text,
        key=" ".join(text.casefold().split()),
        words=len(words),
        stop_density=stops / len(words) if words else 0.0,
        title_case=capitals / len(initials) if initials else 0.0,
        ends_sentence=bool(lexicon.SENTENCE_END.search(text)),
        list_marker=item.group("marker") if item else None,
    )


def is_prose(line: Line) -> bool:
    """Running text: a sentence of some length with ordinary function words.

    A short line counts only when it ends like a sentence; a long one even without (scrapers cut
    paragraphs mid-sentence)."""
    if line.stop_density < 0.15:
        return False
    return (line.words >= 4 and line.ends_sentence) or line.words >= 20


def is_title_like(line: Line) -> bool:
    """A headline or heading: short, mostly capitalised, not ending like a sentence."""
    if not 2 <= line.words <= 20 or line.text.endswith((".", ",", ";")):
        return False
    return line.title_case >= 0.6 or (line.text.endswith("?") and line.words <= 12)


def is_name_like(line: Line) -> bool:
    """A person's name alone on a line: 2-4 capitalised words, no stop words or punctuation."""
    parts = line.text.split()
    return (
        2 <= len(parts) <= 4
        and line.stop_density == 0
        and all(p[0].isupper() and p.replace("-", "").replace("’", "").isalpha() for p in parts)
    )
