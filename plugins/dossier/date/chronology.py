"""The master chronology: dated statements from every source, with the editors' curation applied.

Each extracted statement is an event of its own unless an editor's file merges it into a
curated event (several citations, possibly several dates) or suppresses it. Events with a date
are in chronological order; the others form the undated lane, each with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Mention, Source
from ..problems import Problem, error
from .curated import CuratedEvent, Curation, Reference
from .span import DateSpan, covering
from .statements import DatedStatement, statements_of


@dataclass(frozen=True)
class Citation:
    source: str  # slug
    paragraph: str  # block id
    quote: str  # exactly as the source writes it
    written: str | None  # the date as the passage writes it ("On Friday"); None if it gives none
    span: DateSpan | None  # what this passage's date resolves to
    derivation: str  # how the passage's date was read, in words


@dataclass(frozen=True)
class Event:
    id: str  # the anchor on chronology.html
    label: str
    date: DateSpan | None  # None: in the undated lane
    citations: tuple[Citation, ...]
    entities: tuple[str, ...]  # entity slugs, sorted
    undated_reason: str | None = None
    date_basis: str | None = None  # the editors' words, when they set the date
    notes_html: str = ""  # the editors' notes
    merged_ids: tuple[str, ...] = ()  # ids of the extracted events merged in: their anchors still work

    @property
    def cited_dates(self) -> tuple[DateSpan, ...]:
        """The distinct dates its passages give: more than one when sources disagree."""
        return tuple(sorted({c.span for c in self.citations if c.span}, key=DateSpan.sort_key))


@dataclass(frozen=True)
class Chronology:
    events: tuple[Event, ...]  # dated, in chronological order
    undated: tuple[Event, ...]  # the undated lane, in source and reading order
    statements: tuple[DatedStatement, ...]  # every statement found, except suppressed ones
    problems: tuple[Problem, ...]


def build_chronology(sources: Sequence[Source], mentions: Sequence[Mention], curation: Curation) -> Chronology:
    return chronology_of(sources, statements_of(sources, mentions), curation)


def chronology_of(sources: Sequence[Source], statements: Sequence[DatedStatement], curation: Curation) -> Chronology:
    """`statements`: every source's, from `find_statements`, in the order of `sources`."""
    by_id = {statement.id: statement for statement in statements}
    problems: list[Problem] = []
    claimed: dict[str, Reference] = {}  # statement id -> the editor's reference that took it

    def claim(reference: Reference, verb: str) -> bool:
        if reference.id not in by_id:
            problems.append(error(reference.path, f"{verb}: no extracted event has the id '{reference.id}'", reference.line))
            return False
        if reference.id in claimed:
            earlier = claimed[reference.id]
            problems.append(
                error(reference.path, f"{verb}: '{reference.id}' is already merged or suppressed by {earlier.path}", reference.line)
            )
            return False
        claimed[reference.id] = reference
        return True

    suppressed = {reference.id for reference in curation.suppressed if claim(reference, "suppress")}
    events: list[Event] = []
    used_ids = set(by_id)
    for curated in curation.events:
        if curated.id in used_ids:
            problems.append(error(curated.path, f"the event id '{curated.id}' (from the file name) is taken: rename the file", 1))
            continue
        used_ids.add(curated.id)
        event = _curated_event(curated, [by_id[r.id] for r in curated.merge if claim(r, "merge")])
        if event.citations:  # without any, the errors above say why
            events.append(event)
    events += [_extracted_event(statement) for statement in statements if statement.id not in claimed]

    reading_order = {(s.slug, b.id): (i, j) for i, s in enumerate(sources) for j, b in enumerate(s.blocks)}
    dated = sorted((e for e in events if e.date), key=lambda e: (e.date.sort_key(), e.label, e.id))
    undated = sorted(
        (e for e in events if not e.date),
        key=lambda e: (reading_order.get((e.citations[0].source, e.citations[0].paragraph), (len(sources), 0)), e.id),
    )
    kept = tuple(s for s in statements if s.id not in suppressed)
    return Chronology(tuple(dated), tuple(undated), kept, tuple(sorted(problems)))


def _statement_citation(statement: DatedStatement) -> Citation:
    return Citation(
        statement.source,
        statement.paragraph,
        statement.sentence,
        statement.expression.written,
        statement.resolution.span,
        statement.resolution.derivation,
    )


def _extracted_event(statement: DatedStatement) -> Event:
    span = statement.resolution.span
    return Event(
        id=statement.id,
        label=statement.sentence,
        date=span,
        citations=(_statement_citation(statement),),
        entities=statement.entities,
        undated_reason=None if span else statement.resolution.derivation,
    )


def _curated_event(curated: CuratedEvent, merged: list[DatedStatement]) -> Event:
    spans = [s.resolution.span for s in merged if s.resolution.span]
    date = curated.date or (covering(spans) if spans else None)
    editors = "cited by the editors for this event; the passage gives no date of its own"
    return Event(
        id=curated.id,
        label=curated.label,
        date=date,
        citations=(
            *(_statement_citation(s) for s in merged),
            *(Citation(c.source, c.paragraph, c.quote, None, None, editors) for c in curated.citations),
        ),
        entities=tuple(sorted(set(curated.entities).union(*(s.entities for s in merged)))),
        undated_reason=None if date else "; ".join(s.resolution.derivation for s in merged),
        date_basis=curated.date_basis,
        notes_html=curated.notes_html,
        merged_ids=tuple(s.id for s in merged),
    )
