"""Finding a quote in one paragraph's text: exactly, after normalising, or approximately.

Pure string functions; anchoring.py decides what a build does with what they find. Every
position returned counts in the paragraph's own text, whatever normalising did to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

# The lowest similarity (0–100) an approximate match may have. At 90, a quote with one wrong
# letter anchors (with a warning) if it is at least 10 characters long ("Hmeimim airbase"
# scores 93.3 against "Hmeimin airbase"); two wrong letters need 20 characters.
MIN_SCORE = 90.0

# Typewriter and typographic forms of the same character, as editors and sources mix them.
_FOLDED = (
    dict.fromkeys("‘’‚‛′`´", "'")
    | dict.fromkeys("“”„‟″«»", '"')
    | dict.fromkeys("‐‑‒–—―−", "-")
)


@dataclass(frozen=True)
class Match:
    start: int  # within the searched text
    end: int
    score: float  # similarity of the normalised quote and text[start:end], 0–100


@dataclass(frozen=True)
class Normalised:
    """Text with quotes, dashes, whitespace runs and case folded, and where each character
    came from, so a match in it can be mapped back to the original text."""

    text: str
    origin: tuple[int, ...]  # for each character of `text`, its index in the original

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        folded = _FOLDED.get(char, char).lower()  # lower() may give two characters ("İ")
        chars.extend(folded)
        origin.extend([index] * len(folded))
    return Normalised("".join(chars), tuple(origin))


def similarity(quote: str, text: str) -> float:
    """How closely `text` reads like `quote` once both are normalised, 0–100."""
    return fuzz.ratio(normalise(quote).text, normalise(text).text)


def _starts(text: str, quote: str) -> list[int]:
    """Every start of `quote` in `text`, overlapping ones included ("aa" twice in "aaa")."""
    starts, at = [], text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def exact_matches(text: str, quote: str) -> list[Match]:
    return [Match(start, start + len(quote), 100.0) for start in _starts(text, quote)]


def normalised_matches(text: str, quote: str) -> list[Match]:
    """Matches once quotes, dashes, whitespace and case are folded: the words are the same."""
    folded, wanted = normalise(text), normalise(quote).text
    if not wanted:
        return []
    return [
        Match(*folded.original_span(start, start + len(wanted)), 100.0)
        for start in _starts(folded.text, wanted)
    ]


def closest_match(text: str, quote: str) -> Match | None:
    """The passage of `text` most like `quote`, however unlike: a candidate to show or judge."""
    folded, wanted = normalise(text), normalise(quote).text
    if not wanted or not folded.text:
        return None
    found = fuzz.partial_ratio_alignment(wanted, folded.text)
    if found is None or found.dest_end <= found.dest_start:
        return None
    # Scored with ratio, not the partial score: a quote longer than the paragraph "contains" it
    # completely, and must not count as a match for it.
    score = fuzz.ratio(wanted, folded.text[found.dest_start : found.dest_end])
    return Match(*folded.original_span(found.dest_start, found.dest_end), score)


def shown_score(score: float) -> float:
    """One decimal, rounded down: 89.96 must not read as the minimum of 90 it missed."""
    return math.floor(score * 10) / 10


def approximate_matches(text: str, quote: str) -> list[Match]:
    match = closest_match(text, quote)
    return [match] if match is not None and match.score >= MIN_SCORE else []
