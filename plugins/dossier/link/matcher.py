"""Find every alias in a text in one pass, whatever the number of aliases.

An Aho–Corasick automaton (ahocorasick-rs, Rust's `aho-corasick` crate) reports every alias
found in a text, overlapping ones included, in a single scan. Its transitions are table lookups,
so the cost per character does not grow with the number of aliases; what does grow is the
automaton, which outgrows the processor's caches (README, Benchmark). Then:

- whole words only: a match touching a letter or digit on either side is dropped ("Iran" in
  "Iranian"); punctuation is a boundary, so possessives need nothing ("Assad’s", "IRGC's");
- leftmost wins, then longest: of overlapping matches the one that starts first is kept, and of
  those starting together the longest ("Islamic Revolutionary Guard Corps" over "Revolutionary
  Guard"); the result never depends on the order aliases were listed in;
- case is exact ("US" never matches "us"); typographic variants are not: curly and straight
  quotes, non-breaking and ordinary spaces, and Unicode and ASCII hyphens are the same character.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

import ahocorasick_rs

# One character for one character, so offsets in the normalised text are offsets in the original.
EQUIVALENT_CHARACTERS = (
    ("\u2018", "'"),  # ‘
    ("\u2019", "'"),  # ’
    ("\u02bc", "'"),  # ʼ modifier letter apostrophe
    ("\u201c", '"'),  # “
    ("\u201d", '"'),  # ”
    ("\u00a0", " "),  # no-break space
    ("\u202f", " "),  # narrow no-break space
    ("\u2007", " "),  # figure space
    ("\u2010", "-"),  # hyphen
    ("\u2011", "-"),  # non-breaking hyphen
)


def normalise(text: str) -> str:
    # Not str.translate, which looks every character up in a dict (raising a KeyError for each
    # one not there): ten replace() scans are several times faster. ASCII has nothing to replace.
    if text.isascii():
        return text
    for variant, plain in EQUIVALENT_CHARACTERS:
        text = text.replace(variant, plain)
    return text


def is_word_character(character: str) -> bool:
    if character.isascii():  # most often: no Unicode category to look up
        return character.isalnum() or character == "_"
    # Combining marks belong to the letter before them: "Ré" written with U+0301 is one word.
    return character.isalnum() or unicodedata.category(character).startswith("M")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity: str  # entity slug


@dataclass(frozen=True)
class Matcher:
    """Normalised aliases, compiled, and the entity slug of each. Never mutated once built."""

    automaton: ahocorasick_rs.AhoCorasick | None = field(compare=False, repr=False)  # None: no aliases
    entities: tuple[str, ...] = ()  # the slug of the automaton's alias number i

    def find(self, text: str) -> list[Match]:
        if self.automaton is None:
            return []
        found = []  # (start, -length, entity): sorted, the leftmost come first, then the longest
        # Overlapping: a match dropped for touching a letter must not hide one inside it.
        for alias, start, end in self.automaton.find_matches_as_indexes(normalise(text), overlapping=True):
            if _whole_word(text, start, end):
                found.append((start, start - end, self.entities[alias]))
        found.sort()
        chosen: list[Match] = []
        end = 0
        for start, negative_length, entity in found:
            if start >= end:
                end = start - negative_length
                chosen.append(Match(start, end, entity))
        return chosen


def build_matcher(aliases: Iterable[tuple[str, str]]) -> Matcher:
    """`aliases`: (alias text, entity slug) pairs, each alias already unique once normalised."""
    keys = [(normalise(alias), entity) for alias, entity in aliases]
    if not keys:
        return Matcher(None)
    # Character offsets, and overlapping matches (MATCHKIND_STANDARD, the default).
    automaton = ahocorasick_rs.AhoCorasick([key for key, _ in keys])
    return Matcher(automaton, tuple(entity for _, entity in keys))


def _whole_word(text: str, start: int, end: int) -> bool:
    before = start == 0 or not is_word_character(text[start - 1])
    after = end == len(text) or not is_word_character(text[end])
    return before and after
