"""The plain data that flows through the pipeline: frozen dataclasses, no behaviour.

raw file -> `RawSource` -> (clean) -> `CleanedSource` -> (notes) -> `Source`
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

# Roles of a raw line.
BODY = "body"
METADATA = "metadata"
BOILERPLATE = "boilerplate"
BLANK = "blank"

# Kinds of body block, as exported in dossier.json.
PARAGRAPH = "p"
HEADING = "h"
LIST_ITEM = "li"


@dataclass(frozen=True, slots=True)
class RawSource:
    path: str  # content-relative, e.g. "sources/000_fa7f6ba4e0365f97.txt"
    stem: str  # file name without ".txt"; notes are keyed by it
    slug: str  # URL-safe stem; stable whatever the title says
    lines: tuple[str, ...]  # decoded text lines, without line endings


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What the cleaner decided about one raw line, and why."""

    number: int  # 1-based raw line number
    text: str
    role: str  # BODY, METADATA, BOILERPLATE or BLANK
    kind: str  # body: p/h/li; metadata: headline/date/author/...; boilerplate: its family
    reason: str  # in words, for editors: shown in "Removed from the raw text"


@dataclass(frozen=True, slots=True)
class Block:
    """One body paragraph, heading or list item of the cleaned article."""

    id: str  # permalink id, derived from the block's own text
    kind: str  # PARAGRAPH, HEADING or LIST_ITEM
    text: str  # the raw line's text, stripped (and without its list marker)
    lines: tuple[int, ...]  # raw line numbers it comes from
    marker: str | None = None  # list items: "1." or "-" as written; None otherwise

    def __reduce__(self) -> tuple:
        # Made again by a call: dataclasses' own __setstate__ looks the fields up for each of
        # the 27,000 blocks a warm build of 2,000 sources loads, a third of their loading time.
        return Block, (self.id, self.kind, self.text, self.lines, self.marker)


@dataclass(frozen=True, slots=True)
class Published:
    date: str | None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None when undated
    precision: str | None  # "day", "month", "year" or None
    basis: str | None  # how the date is known, e.g. "raw line 5"


UNDATED = Published(None, None, None)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None
    title_basis: str | None
    author: str | None
    publisher: str | None
    original_source: str | None
    published: Published
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class CleanedSource:
    raw: RawSource
    metadata: Metadata
    blocks: tuple[Block, ...]
    verdicts: tuple[LineVerdict, ...]  # one per raw line, blank lines included

    @property
    def removed(self) -> tuple[LineVerdict, ...]:
        return tuple(v for v in self.verdicts if v.role == BOILERPLATE)

    def __reduce__(self) -> tuple:
        # Workers send each cleaned source back pickled, and a warm build loads them all: the
        # verdicts go as five columns rather than as a pickled object each, which unpickles in
        # half the time, and the few strings all verdicts repeat (roles, kinds, reasons) come
        # back interned, one string for all sources rather than a copy per source.
        v = self.verdicts
        columns = ([x.number for x in v], [x.text for x in v], [x.role for x in v], [x.kind for x in v], [x.reason for x in v])
        return _cleaned_from_columns, (self.raw, self.metadata, self.blocks, columns)


def _cleaned_from_columns(raw: RawSource, metadata: Metadata, blocks: tuple[Block, ...], columns: tuple) -> CleanedSource:
    numbers, texts, *repeated = columns
    shared = [map(sys.intern, column) for column in repeated]
    return CleanedSource(raw, metadata, blocks, tuple(map(LineVerdict, numbers, texts, *shared)))


@dataclass(frozen=True, slots=True)
class Note:
    """An editor's per-source note: metadata overrides plus a markdown body."""

    path: str
    stem: str
    overrides: dict  # keys of Metadata (and reliability, language) set by the editor
    html: str


@dataclass(frozen=True, slots=True)
class Source:
    """A cleaned source with its editor's note applied: what pages and exports show."""

    cleaned: CleanedSource
    metadata: Metadata
    note: Note | None
    reliability: str | None
    language: str | None
    slug: str = field(init=False)  # the raw file's; a field, not a property: it is read millions of times

    def __post_init__(self) -> None:
        object.__setattr__(self, "slug", self.cleaned.raw.slug)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.cleaned.blocks

    @property
    def text(self) -> str:
        """The cleaned text: blocks joined by blank lines. Annotation positions count in it."""
        return "\n\n".join(block.text for block in self.blocks)

    def block_offsets(self) -> tuple[int, ...]:
        """Start offset of each block within `text`."""
        offsets, position = [], 0
        for block in self.blocks:
            offsets.append(position)
            position += len(block.text) + 2
        return tuple(offsets)


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in a body block: `text[start:end]` of that block is `surface`."""

    entity: str  # entity slug
    source: str  # source slug
    paragraph: str  # block id
    start: int
    end: int
    surface: str  # the text as written, e.g. "Solemani" or "Assad’s" minus the possessive

    def __reduce__(self) -> tuple:
        # Each source's mentions come back from a worker pickled on their own, and the entity
        # slugs, few, would come back as a copy per mention: they come back interned.
        return _mention, (self.entity, self.source, self.paragraph, self.start, self.end, self.surface)


def _mention(entity: str, *rest: object) -> Mention:
    return Mention(sys.intern(entity), *rest)
