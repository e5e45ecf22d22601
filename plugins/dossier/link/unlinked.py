"""Unlinked names: capitalised names in body text that no entity matches, for editors to add.

A name is a run of capitalised words joined by single spaces or hyphens, with particles inside
("Hayat Tahrir al-Sham", "Bank of England"), outside any mention; a possessive ends it. Not
reported:

- headings, whose every word is capitalised;
- runs made only of words English capitalises that are not names (lexicon.py) and of the
  entities' demonyms: "Iranian", "President"; inside a run they stay ("Syrian Arab Army");
- the first word of a run that opens a sentence (or a quotation, or follows a colon) when the
  dossier never capitalises it mid-sentence: "However", "Observers". What follows is reported
  if it is capitalised mid-sentence somewhere ("Then Ahmad Vahidi…"), or always after "The",
  "In"… ("The Syrian Observatory…"); "Military Strain:" is not reported. A name capitalised
  mid-sentence somewhere ("Ghaani is not…" once "Ismail Ghaani" appears) is reported even as
  the first word of a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Collection, NamedTuple, Sequence

from ..model import HEADING, Mention, Source
from .lexicon import LEADING_WORDS, NOT_NAMES, PARTICLES

# A word, or an acronym written with full stops ("U.S."), which is one word, not two sentences.
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
# Splitting on WORD keeps it: gap, word, gap, word, …, gap.
WORDS_AND_GAPS = re.compile(f"({WORD.pattern})")
SENTENCE_OPENING = re.compile(r"[.!?…:“‘\"(\[]")  # in the gap before a word: it may be capitalised anyway
POSSESSIVES = ("'s", "’s")
JOINERS = (" ", "-")


@dataclass(frozen=True)
class UnlinkedName:
    text: str
    source: str  # source slug
    paragraph: str  # block id
    start: int
    end: int


class Word(NamedTuple):  # a tuple, not a dataclass: a worker sends thousands back pickled
    start: int
    end: int
    text: str  # without a possessive "’s"
    joined: bool  # follows the previous word after one space or hyphen, and that word can go on
    opening: bool  # opens a sentence, a quotation or what follows a colon
    ends_name: bool  # a possessive ("Russia’s"), or an acronym's full stop that may end the sentence

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


Candidates = list[tuple[int, list[list[Word]]]]  # (block index, runs of capitalised words) of a source


def name_candidates(source: Source, mentions: Sequence[Mention]) -> Candidates:
    """The runs of capitalised words outside `mentions` (the source's) in each body block: what
    may be a name, before the whole dossier says which are. Needs no other source."""
    linked: dict[str, list[Mention]] = {}
    for mention in mentions:
        linked.setdefault(mention.paragraph, []).append(mention)
    return [
        (index, name_runs(words_of(block.text, linked.get(block.id, ()))))
        for index, block in enumerate(source.blocks)
        if block.kind != HEADING
    ]


def unlinked_names(
    sources: Sequence[Source], candidates: Sequence[Candidates], known: Collection[str] = frozenset()
) -> tuple[UnlinkedName, ...]:
    """`candidates`: each source's, from `name_candidates`, in the order of `sources`."""
    body = [(source, source.blocks[index], runs) for source, found in zip(sources, candidates) for index, runs in found]
    # Evidence that a word is a name: a run that does not open a sentence holds it.
    capitalised_inside = {word.text for _, _, runs in body for run in runs if not run[0].opening for word in run}
    not_names = NOT_NAMES | set(known)
    names = []
    for source, block, runs in body:
        for run in runs:
            reported = judged(run, capitalised_inside, not_names)
            if reported:
                start, end = reported[0].start, reported[-1].end
                names.append(UnlinkedName(block.text[start:end], source.slug, block.id, start, end))
    return tuple(names)


def words_of(text: str, mentions: Sequence[Mention]) -> list[Word]:
    """The capitalised words and particles of `text` outside mentions, the only ones a name can
    hold; any other word, or a mention, between two of them shows as `joined=False`. `mentions`:
    this block's, in text order."""
    # One split in C, not a match object per word: most words are skipped at once.
    pieces = WORDS_AND_GAPS.split(text)  # gap, word, gap, word, …, gap
    ends = list(accumulate(map(len, pieces)))  # where each piece ends in `text`
    words: list[Word] = []
    last_word: Word | None = None  # the last word kept, and its place in `pieces`
    last_index = 0
    upcoming = 0  # the first mention that does not end before the current word
    for index in range(1, len(pieces), 2):
        token = pieces[index]
        if not (token[0].isupper() or token in PARTICLES):
            continue
        start, end = ends[index - 1], ends[index]
        while upcoming < len(mentions) and mentions[upcoming].end <= start:
            upcoming += 1
        if upcoming < len(mentions) and mentions[upcoming].start < end:  # inside a mention
            continue
        bare = token[:-2] if token.endswith(POSSESSIVES) else token
        gap = pieces[index - 1]
        previous = pieces[index - 2] if index > 1 else None  # the word before, of any kind
        word = Word(
            start,
            start + len(bare),
            bare,
            joined=last_index == index - 2 and last_word is not None and not last_word.ends_name and gap in JOINERS,
            # "U.S. The…": an acronym's full stop may end the sentence too.
            opening=previous is None or SENTENCE_OPENING.search(gap) is not None or previous.endswith("."),
            ends_name=bare != token or bare.endswith("."),
        )
        words.append(word)
        last_word, last_index = word, index
    return words


def name_runs(words: Sequence[Word]) -> list[list[Word]]:
    """Runs of capitalised words (particles allowed inside)."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        if current and word.joined and (word.capitalised or word.text in PARTICLES):
            current.append(word)
            continue
        runs.append(current)
        current = [word] if word.capitalised else []
    runs.append(current)
    return [run for run in (_without_trailing_particles(r) for r in runs) if run]


def judged(run: list[Word], capitalised_inside: Collection[str], not_names: Collection[str]) -> list[Word] | None:
    """The run as reported, or None when it is no name, or its capital only the sentence's."""
    if run[0].opening and (run[0].text in LEADING_WORDS or run[0].text not in capitalised_inside):
        opener, run = run[0], _without_leading_particles(run[1:])
        # "The Syrian Observatory…": what follows "The" is a name. "Then Ahmad Vahidi…": it is
        # one if capitalised mid-sentence somewhere. "Military Strain:": neither word is.
        if run and opener.text not in LEADING_WORDS and run[0].text not in capitalised_inside:
            return None
    if all(word.text in not_names or word.text in PARTICLES for word in run):
        return None
    return run


def _without_leading_particles(run: list[Word]) -> list[Word]:
    while run and run[0].text in PARTICLES:
        run = run[1:]
    return run


def _without_trailing_particles(run: list[Word]) -> list[Word]:
    while run and run[-1].text in PARTICLES:
        run = run[:-1]
    return run


def describe(names: Sequence[UnlinkedName]) -> list[str]:
    """One line per distinct name, for the end of the build: where it first appears and how often."""
    first: dict[str, UnlinkedName] = {}
    counts: dict[str, int] = {}
    for name in names:
        first.setdefault(name.text, name)
        counts[name.text] = counts.get(name.text, 0) + 1
    return [
        f"unlinked name '{text}' ({counts[text]}×), first in sources/{first[text].source}.html#{first[text].paragraph}"
        for text in sorted(first, key=lambda t: (t.casefold(), t))
    ]
