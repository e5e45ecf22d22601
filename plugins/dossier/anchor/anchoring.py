"""Anchoring: each annotation's quote pinned to one span of one paragraph of its source.

The searches run in order and the first that finds anything decides:

1. the exact text: anchored as "exact";
2. the same text once quotes, dashes, whitespace and case are normalised: "fuzzy";
3. approximate matching with a similarity of at least text.MIN_SCORE: "fuzzy".

A fuzzy anchor is always a warning that shows the text it landed on: the build never moves an
annotation silently. `prefix`/`suffix`, when given, must fit the text around a match; if more
than one match is left, or none, the annotation is an error and is not rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..model import Block, Source
from ..problems import Problem, error, warning
from .annotation import Annotation
from .text import (
    MIN_SCORE,
    Match,
    approximate_matches,
    closest_match,
    exact_matches,
    normalise,
    normalised_matches,
    shown_score,
)

EXACT = "exact"
FUZZY = "fuzzy"
SEARCHES = (
    (EXACT, exact_matches, "exactly"),
    (FUZZY, normalised_matches, "only after normalising quotes, dashes, whitespace and case"),
    (FUZZY, approximate_matches, "only approximately"),
)
SHOWN_CONTEXT = 30  # characters of the paragraph shown either side of a match in messages


@dataclass(frozen=True)
class Anchored:
    """An annotation pinned to `block.text[start:end]` of `source`."""

    annotation: Annotation
    source: Source
    block: Block
    start: int
    end: int
    offset: int  # where the span starts in the cleaned text, `source.text`
    status: str  # EXACT or FUZZY
    score: float  # similarity of quote and span after normalising, 0–100; 100 when exact

    @property
    def text(self) -> str:
        """The span as the source reads: the quote itself when exact."""
        return self.block.text[self.start : self.end]

    @property
    def highlight_id(self) -> str:
        return f"quote-{self.annotation.id}"

    @property
    def note_id(self) -> str:
        return f"note-{self.annotation.id}"


@dataclass(frozen=True)
class Placement:
    """Where an annotation's quote lies in its source, without the source: what a cache keeps."""

    index: int  # of the block in `source.blocks`
    start: int
    end: int
    status: str  # EXACT or FUZZY
    score: float


Placing = Callable[[Annotation, Source], tuple[Placement | None, list[Problem]]]


@dataclass(frozen=True)
class Found:
    """A match in the paragraph `source.blocks[index]`."""

    index: int
    match: Match


def anchor_annotations(
    annotations: Sequence[Annotation], sources: Sequence[Source], place: Placing | None = None
) -> tuple[list[Anchored], list[Problem]]:
    """Anchored annotations in reading order (by source slug, then position), and problems.
    `place`: `find_place`, or one that remembers what it found (the build cache's)."""
    place = place or find_place
    named = {name: source for source in sources for name in (source.slug, source.cleaned.raw.stem)}
    anchored: list[Anchored] = []
    problems: list[Problem] = []
    for annotation in annotations:
        source = named.get(annotation.source)
        if source is None:
            known = ", ".join(sorted(source.slug for source in sources))
            problems.append(
                error(
                    annotation.path,
                    f"'source': there is no source '{annotation.source}' (the sources are: {known})",
                    annotation.line_of("source"),
                )
            )
            continue
        placement, found = place(annotation, source)
        problems += found
        if placement is not None:
            anchored.append(anchored_at(annotation, source, placement))
    anchored.sort(key=lambda a: (a.source.slug, a.offset, a.annotation.id))
    return anchored, problems


def find_place(annotation: Annotation, source: Source) -> tuple[Placement | None, list[Problem]]:
    quote_line = annotation.line_of("quote")
    for status, find, how in SEARCHES:
        found = [
            Found(index, match)
            for index, block in enumerate(source.blocks)
            for match in find(block.text, annotation.quote)
        ]
        if found:
            break
    else:
        return None, [error(annotation.path, orphan_message(annotation, source), quote_line)]

    fitting = [candidate for candidate in found if fits_context(annotation, source, candidate)]
    if not fitting:
        return None, [context_error(annotation, source, found)]
    best = max(candidate.match.score for candidate in fitting)
    top = [candidate for candidate in fitting if candidate.match.score == best]
    if len(top) > 1:
        return None, [error(annotation.path, ambiguity_message(annotation, source, top), quote_line)]

    (chosen,) = top
    placement = Placement(chosen.index, chosen.match.start, chosen.match.end, status, chosen.match.score)
    if status == EXACT:
        return placement, []
    block = source.blocks[chosen.index]
    return placement, [
        warning(
            annotation.path,
            f"the quote “{annotation.quote}” is in {source.cleaned.raw.path} {how}: anchored as fuzzy "
            f"(score {shown_score(placement.score):g}, minimum {MIN_SCORE:g}) to "
            f"“{block.text[placement.start : placement.end]}” in paragraph {block.id}; copy the text "
            f"exactly from the source to anchor it",
            quote_line,
        )
    ]


def anchored_at(annotation: Annotation, source: Source, placement: Placement) -> Anchored:
    return Anchored(
        annotation=annotation,
        source=source,
        block=source.blocks[placement.index],
        start=placement.start,
        end=placement.end,
        offset=source.block_offsets()[placement.index] + placement.start,
        status=placement.status,
        score=placement.score,
    )


def fits_context(annotation: Annotation, source: Source, candidate: Found) -> bool:
    """Does the editor's prefix end just before the match, and the suffix start just after it?

    Compared after normalising, and ignoring the space between: the context only chooses
    between matches, it is not itself anchored."""
    if annotation.prefix is None and annotation.suffix is None:
        return True
    start = source.block_offsets()[candidate.index] + candidate.match.start
    end = start + candidate.match.end - candidate.match.start
    before = normalise(source.text[:start]).text.rstrip()
    after = normalise(source.text[end:]).text.lstrip()
    return (annotation.prefix is None or before.endswith(normalise(annotation.prefix).text)) and (
        annotation.suffix is None or after.startswith(normalise(annotation.suffix).text)
    )


def context_error(annotation: Annotation, source: Source, found: list[Found]) -> Problem:
    key = "prefix" if annotation.prefix is not None else "suffix"
    return error(
        annotation.path,
        f"'{key}' fits none of the {len(found)} place(s) where the quote is found: "
        f"{shown_places(source, found)}; copy the text just before (prefix) or after (suffix) the quote",
        annotation.line_of(key),
    )


def ambiguity_message(annotation: Annotation, source: Source, top: list[Found]) -> str:
    given = " with that prefix/suffix" if annotation.prefix or annotation.suffix else ""
    return (
        f"the quote “{annotation.quote}” is found {len(top)} times in {source.cleaned.raw.path}{given}: "
        f"{shown_places(source, top)}; add 'prefix' or 'suffix' (the text just before or after "
        f"the quote) to say which one is meant"
    )


def orphan_message(annotation: Annotation, source: Source) -> str:
    if normalise(annotation.quote).text in normalise(source.text).text:
        return (
            f"orphan: the quote “{annotation.quote}” runs across paragraphs of {source.cleaned.raw.path}, "
            f"and an annotation can quote one paragraph only: shorten the quote"
        )
    message = f"orphan: the quote “{annotation.quote}” is not in {source.cleaned.raw.path}, not even approximately"
    candidates = [
        Found(index, match)
        for index, block in enumerate(source.blocks)
        if (match := closest_match(block.text, annotation.quote)) is not None
    ]
    if not candidates:
        return f"{message}; the source has no text"
    nearest = max(candidates, key=lambda candidate: candidate.match.score)  # first of equals
    return (
        f"{message}; the nearest text (score {shown_score(nearest.match.score):g}, minimum "
        f"{MIN_SCORE:g}) is {shown_places(source, [nearest])}. Correct the quote or delete the annotation"
    )


def shown_places(source: Source, found: list[Found]) -> str:
    """Each match with some of its paragraph around it: `…text before [match] text after…`."""
    places = []
    for candidate in found:
        block, match = source.blocks[candidate.index], candidate.match
        before = block.text[max(0, match.start - SHOWN_CONTEXT) : match.start]
        after = block.text[match.end : match.end + SHOWN_CONTEXT]
        opening = "…" if match.start > SHOWN_CONTEXT else ""
        closing = "…" if match.end + SHOWN_CONTEXT < len(block.text) else ""
        places.append(
            f"paragraph {block.id}: “{opening}{before}[{block.text[match.start:match.end]}]{after}{closing}”"
        )
    return "; ".join(places)
