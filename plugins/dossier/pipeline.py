"""The pipeline, in one place: raw -> clean -> notes -> link -> date -> anchor -> render.

Each stage is a pure function over frozen data that returns its result and its problems;
`build_dossier` runs them in order. Nothing here knows about Pelican.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .anchor.anchoring import Anchored, anchor_annotations
from .anchor.annotation import load_annotations
from .anchor.links import Resolver, check_links
from .clean import clean_source
from .date import Chronology, build_chronology, load_curated_events
from .link import Linking, Registry, link_sources, load_registry
from .model import Source
from .notes import apply_note, load_notes
from .problems import Problem
from .raw import read_editor_files, read_sources
from .render.links import site_resolver
from .render.page import Page
from .render.site import editorial_pages


@dataclass(frozen=True)
class Dossier:
    sources: tuple[Source, ...]  # by publication date, undated last
    registry: Registry  # entities, from content/entities/
    linking: Linking  # every entity mention in body text
    chronology: Chronology  # dated events, from the text and content/events/
    anchored: tuple[Anchored, ...]  # annotations from content/annotations/, anchored to quotes
    resolve: Resolver  # editors' `source:`, `entity:` and `event:` links -> site-relative URLs
    pages: tuple[Page, ...]  # editors' pages from content/pages/ (about, method)
    problems: tuple[Problem, ...]


def publication_order(source: Source) -> tuple:
    date = source.metadata.published.date
    return (date is None, date or "", source.cleaned.raw.stem)


def build_dossier(content: Path) -> Dossier:
    problems: list[Problem] = []

    def editor_files(folder: str) -> list[tuple[str, str]]:
        files, found = read_editor_files(content, folder)
        problems.extend(found)
        return files

    # raw -> clean
    raws, found = read_sources(content)
    problems += found
    cleaned = []
    for raw in raws:
        source, found = clean_source(raw)
        cleaned.append(source)
        problems += found

    # notes
    notes, found = load_notes(editor_files("notes"), {c.raw.stem for c in cleaned})
    problems += found
    sources = []
    for source in cleaned:
        noted, found = apply_note(source, notes.get(source.raw.stem))
        sources.append(noted)
        problems += found
    ordered = tuple(sorted(sources, key=publication_order))

    # link
    registry, found = load_registry(editor_files("entities"))
    problems += found
    linking = link_sources(ordered, registry)
    problems += linking.problems

    # date
    entity_slugs = {entity.slug for entity in registry.entities}
    curation, found = load_curated_events(editor_files("events"), ordered, entity_slugs)
    problems += found
    chronology = build_chronology(ordered, linking.mentions, curation)
    problems += chronology.problems

    # anchor
    annotations, found = load_annotations(editor_files("annotations"))
    problems += found
    anchored, found = anchor_annotations(annotations, ordered)
    problems += found
    resolve = site_resolver(ordered, registry, chronology)
    problems += check_links(annotations, resolve)

    pages, found = editorial_pages(editor_files("pages"))
    problems += found

    return Dossier(
        ordered, registry, linking, chronology, tuple(anchored), resolve, tuple(pages), tuple(sorted(problems))
    )
