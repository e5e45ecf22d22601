"""Editors' events: `content/events/*.md` (format in README.md).

A file with a `label` is an event: it adds one the text states vaguely, or merges and relabels
extracted ones (`merge`). A file may also `suppress` extracted events that are not events. Each
citation's quote must be found in one paragraph of its source's cleaned text; the citation then
keeps the paragraph and the quote exactly as the source writes it. Whether merged and suppressed
ids exist is checked by `chronology_of`, which knows the extracted events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Collection, Sequence


from ..editorial import Document, Field, read_document, render_markdown, text_list, text_value
from ..model import Source
from ..problems import Problem, error
from .edtf import edtf_value
from .span import DateSpan


@dataclass(frozen=True)
class Reference:
    """An extracted event's id as an editor wrote it, with the line, for error messages."""

    id: str
    path: str
    line: int | None


@dataclass(frozen=True)
class CuratedCitation:
    source: str  # slug
    paragraph: str  # block id
    quote: str  # as the source writes it


@dataclass(frozen=True)
class CuratedEvent:
    id: str  # the file name's stem
    path: str
    label: str
    date: DateSpan | None  # None: the date comes from the merged events
    date_basis: str | None  # in words, how the editors know the date
    citations: tuple[CuratedCitation, ...]
    entities: tuple[str, ...]
    merge: tuple[Reference, ...]
    notes_html: str


@dataclass(frozen=True)
class Curation:
    events: tuple[CuratedEvent, ...]
    suppressed: tuple[Reference, ...]


def citation_list(value: Any) -> tuple[tuple[str, str], ...]:
    """[{source, quote}, …] -> ((source, quote), …)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("must be a list of entries, each with 'source' and 'quote'")
    citations = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or set(item) != {"source", "quote"}:
            raise ValueError(f"citation {number} must have exactly the keys 'source' and 'quote'")
        citations.append((text_value(item["source"]), text_value(item["quote"])))
    return tuple(citations)


EVENT_FIELDS = {
    "label": Field(text_value),
    "date": Field(edtf_value),
    "date_basis": Field(text_value),
    "citations": Field(citation_list),
    "entities": Field(text_list),
    "merge": Field(text_list),
    "suppress": Field(text_list),
}
_EVENT_ONLY = ("date", "date_basis", "citations", "entities", "merge")


def load_curated_events(
    files: Sequence[tuple[str, str]], sources: Sequence[Source], entities: Collection[str] | None = None
) -> tuple[Curation, list[Problem]]:
    """`files` are (content-relative path, text). `entities`, when given, are the known entity
    slugs: an event naming another is an error."""
    events: list[CuratedEvent] = []
    suppressed: list[Reference] = []
    problems: list[Problem] = []
    by_slug = {source.slug: source for source in sources}
    for path, text in sorted(files):
        document, found = read_document(path, text, EVENT_FIELDS)
        problems += found
        if document is None or found:
            continue
        if "label" in document.meta:
            event, found = _event(document, text, by_slug, entities)
        else:
            event, found = None, _suppressions_only(document)
        problems += found
        if found:  # a file with mistakes changes nothing
            continue
        suppressed += _references(document, "suppress")
        if event is not None:
            events.append(event)
    return Curation(tuple(events), tuple(suppressed)), problems


def _suppressions_only(document: Document) -> list[Problem]:
    if "suppress" in document.meta and not any(key in document.meta for key in _EVENT_ONLY):
        return []
    return [error(document.path, "needs a 'label' (an event) or only 'suppress' (ids of extracted events that are not events)", 1)]


def _event(
    document: Document, text: str, sources: dict[str, Source], entities: Collection[str] | None
) -> tuple[CuratedEvent | None, list[Problem]]:
    meta, path = document.meta, document.path
    problems = []
    if "date" in meta and "date_basis" not in meta:
        problems.append(error(path, "'date' needs 'date_basis': say in words how the date is known", document.line_of("date")))
    if "date_basis" in meta and "date" not in meta:
        problems.append(error(path, "'date_basis' without 'date': the merged events' own dates are used", document.line_of("date_basis")))
    if "date" not in meta and "merge" not in meta:
        problems.append(error(path, "an event needs a 'date', or 'merge' of extracted events that have one", 1))
    if not meta.get("citations") and not meta.get("merge"):
        problems.append(error(path, "an event needs 'citations' (or 'merge' of extracted events, which bring theirs)", 1))
    citations = []
    for (slug, quote), line in zip(meta.get("citations", ()), document.lines_of_items("citations")):
        citation = _citation(slug, quote, sources)
        if isinstance(citation, str):
            problems.append(error(path, citation, line))
        else:
            citations.append(citation)
    for slug, line in zip(meta.get("entities", ()), document.lines_of_items("entities")):
        if entities is not None and slug not in entities:
            problems.append(error(path, f"unknown entity '{slug}' (no entities/{slug}.md or extracted entity)", line))
    event_id = event_id_of(path)
    if not event_id:
        problems.append(error(path, "the file name must contain letters or digits: it gives the event's id", 1))
    if problems:
        return None, problems
    return (
        CuratedEvent(
            id=event_id,
            path=path,
            label=meta["label"],
            date=meta.get("date"),
            date_basis=meta.get("date_basis"),
            citations=tuple(citations),
            entities=tuple(meta.get("entities", ())),
            merge=_references(document, "merge"),
            notes_html=render_markdown(document.body, f"event-{event_id}") if document.body.strip() else "",
        ),
        [],
    )


def event_id_of(path: str) -> str:
    """'events/Consulate strike.md' -> 'consulate-strike'."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def _citation(slug: str, quote: str, sources: dict[str, Source]) -> CuratedCitation | str:
    """The citation, or the message for the editor."""
    source = sources.get(slug)
    if source is None:
        return f"unknown source '{slug}' (known: {', '.join(sorted(sources))})"
    found = [(block.id, exact) for block in source.blocks if (exact := find_quote(block.text, quote)) is not None]
    if not found:
        return f"quote not found in {slug}'s cleaned text (a quote must lie within one paragraph): '{quote}'"
    if len(found) > 1:
        return f"quote found in {len(found)} paragraphs of {slug}: quote more words to choose one: '{quote}'"
    paragraph, exact = found[0]
    return CuratedCitation(slug, paragraph, exact)


# Editors may type straight quotes and single spaces where the source has curly quotes or runs
# of spaces; nothing else is forgiven.
_TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_UNFORGIVEN = re.compile(r"[\s'\"]+")  # what splits a quote into stretches `text` must hold as they are


def find_quote(text: str, quote: str) -> str | None:
    """The passage of `text` that `quote` cites, as `text` writes it; None if absent."""
    wanted, _ = _normalised(quote.strip())
    if not wanted or max(_UNFORGIVEN.split(wanted), key=len) not in text:
        return None  # a cheap test first: most paragraphs lack the quote's longest plain stretch
    plain, origin = _normalised(text)
    at = plain.find(wanted)
    if at < 0:
        return None
    return text[origin[at] : origin[at + len(wanted) - 1] + 1]


def _normalised(text: str) -> tuple[str, list[int]]:
    """`text` with typographic quotes made straight and whitespace runs made one space, and the
    index in `text` of each character kept."""
    characters, origin = [], []
    for index, character in enumerate(text.translate(_TYPOGRAPHIC)):
        if character.isspace():
            if characters and characters[-1] == " ":
                continue
            character = " "
        characters.append(character)
        origin.append(index)
    return "".join(characters), origin


def _references(document: Document, key: str) -> tuple[Reference, ...]:
    ids = document.meta.get(key, ())
    return tuple(Reference(i, document.path, line) for i, line in zip(ids, document.lines_of_items(key)))
