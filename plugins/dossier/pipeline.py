"""The pipeline, in one place: raw -> clean -> notes -> link -> date -> anchor -> render.

Each stage is a pure function over frozen data that returns its result and its problems;
`build_dossier` runs them in order. Nothing here knows about Pelican.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .clean import clean_source
from .date import Chronology, build_chronology, load_curated_events
from .model import Source
from .notes import apply_note, load_notes
from .problems import Problem
from .raw import read_editor_files, read_sources
from .render.page import Page
from .render.site import editorial_pages


@dataclass(frozen=True)
class Dossier:
    sources: tuple[Source, ...]  # by publication date, undated last
    pages: tuple[Page, ...]  # editors' pages from content/pages/ (about, method)
    chronology: Chronology
    problems: tuple[Problem, ...]


def publication_order(source: Source) -> tuple:
    date = source.metadata.published.date
    return (date is None, date or "", source.cleaned.raw.stem)


def build_dossier(content: Path) -> Dossier:
    problems: list[Problem] = []

    raws, found = read_sources(content)
    problems += found

    cleaned = []
    for raw in raws:
        source, found = clean_source(raw)
        cleaned.append(source)
        problems += found

    note_files, found = read_editor_files(content, "notes")
    problems += found
    notes, found = load_notes(note_files, {c.raw.stem for c in cleaned})
    problems += found
    sources = []
    for source in cleaned:
        noted, found = apply_note(source, notes.get(source.raw.stem))
        sources.append(noted)
        problems += found

    ordered = tuple(sorted(sources, key=publication_order))
    mentions = ()

    event_files, found = read_editor_files(content, "events")
    problems += found
    curation, found = load_curated_events(event_files, ordered)
    problems += found
    chronology = build_chronology(ordered, mentions, curation)
    problems += chronology.problems

    page_files, found = read_editor_files(content, "pages")
    problems += found
    pages, found = editorial_pages(page_files)
    problems += found

    return Dossier(ordered, tuple(pages), chronology, tuple(sorted(problems)))
