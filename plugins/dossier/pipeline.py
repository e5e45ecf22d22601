"""The pipeline, in one place: raw -> clean -> notes -> link -> date -> anchor -> render.

Each stage is a pure function over frozen data that returns its result and its problems;
`build_dossier` runs them in order. Nothing here knows about Pelican. The costly stages go
through the build cache, keyed by the files they read: a warm build after editing an
annotation cleans, links and dates nothing again.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NamedTuple

from .anchor.anchoring import Anchored, Placement, anchor_annotations, find_place
from .anchor.annotation import Annotation, load_annotations
from .anchor.links import Resolver
from .cache import BuildCache, digest
from .clean import clean_source
from .date import Chronology, DatedStatement, chronology_of, find_statements, load_curated_events, load_date_parser
from .link import Candidates, Linking, Registry, find_mentions, linking_of, load_registry, name_candidates
from .model import Mention, Source
from .notes import apply_note, load_notes
from .problems import Problem
from .raw import read_editor_files, read_sources
from .render.annotations import cached_body
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
    # A digest of the files all but the annotations' share of the site is made of (sources,
    # notes, entities, events): a page keyed by it and its own annotations is rebuilt exactly
    # when one of those changes.
    corpus: str = ""


def publication_order(source: Source) -> tuple:
    date = source.metadata.published.date
    return (date is None, date or "", source.cleaned.raw.stem)


class Reading(NamedTuple):
    """A source's share of linking and dating, which needs no other source."""

    mentions: tuple[Mention, ...]
    candidates: Candidates  # runs of capitalised words outside mentions: maybe unlinked names
    statements: tuple[DatedStatement, ...]


def read_source(source: Source, registry: Registry) -> Reading:
    mentions = find_mentions(source, registry)
    return Reading(mentions, name_candidates(source, mentions), find_statements(source, mentions))


def build_dossier(content: Path, cache: BuildCache | None = None, processes: int = 1) -> Dossier:
    """`processes`: how many the per-source stages may share their work among (forked)."""
    cache = cache or BuildCache(None, "")
    problems: list[Problem] = []

    def editor_files(folder: str) -> list[tuple[str, str]]:
        files, found = read_editor_files(content, folder)
        problems.extend(found)
        return files

    # raw -> clean
    raws, found = read_sources(content)
    problems += found
    cleaned = []
    raw_read = {raw.path: digest(raw) for raw in raws}  # once: three keys below hold each raw file
    # While workers clean, this process loads the date parser, which the workers that link and
    # date will then share rather than each load it.
    made = cache.values("clean", [((raw_read[raw.path],), partial(clean_source, raw)) for raw in raws], processes, meanwhile=load_date_parser)
    for source, found in made:
        cleaned.append(source)
        problems += found

    # notes
    note_files = editor_files("notes")
    notes, found = load_notes(note_files, {c.raw.stem for c in cleaned})
    problems += found
    sources = []
    for source in cleaned:
        noted, found = apply_note(source, notes.get(source.raw.stem))
        sources.append(noted)
        problems += found
    ordered = tuple(sorted(sources, key=publication_order))

    sources_read = cache.key("sources", list(raw_read.values()), note_files)  # all that `ordered` is made of

    # link, and date: what each source holds alone (its mentions, the names it may hold, its
    # dated statements) is found on every core and kept per source; what takes every source
    # (which names are unlinked, the chronology) is put together after.
    entity_files = editor_files("entities")
    registry, found = load_registry(entity_files)
    problems += found
    entities_read = cache.key("entities", entity_files)

    @functools.cache
    def readings() -> list[Reading]:  # only if linking or dating is not in the cache
        work = [((raw_read[s.cleaned.raw.path], s.note, entities_read), partial(read_source, s, registry)) for s in ordered]
        return cache.values("read", work, processes)

    def put_together() -> Linking:
        read = readings()
        return linking_of(ordered, [r.mentions for r in read], [r.candidates for r in read], registry)

    linking = cache.value("link", (sources_read, entities_read), put_together)
    problems += linking.problems

    # date
    entity_slugs = {entity.slug for entity in registry.entities}
    event_files = editor_files("events")
    corpus = cache.key("corpus", sources_read, entities_read, event_files)
    curation, found = cache.value("curate", (corpus,), partial(load_curated_events, event_files, ordered, entity_slugs))
    problems += found
    chronology = cache.value(
        "date", (corpus,), lambda: chronology_of(ordered, [s for r in readings() for s in r.statements], curation)
    )
    problems += chronology.problems

    # anchor
    annotations, found = load_annotations(editor_files("annotations"))
    problems += found

    def place(annotation: Annotation, source: Source) -> tuple[Placement | None, list[Problem]]:
        # Kept per annotation and its source's own files: an edit anchors again only what it touched.
        inputs = (annotation, raw_read[source.cleaned.raw.path], source.note)
        return cache.value("anchor", inputs, partial(find_place, annotation, source))

    anchored, found = anchor_annotations(annotations, ordered, place)
    problems += found
    resolve = site_resolver(ordered, registry, chronology)
    for annotation in annotations:  # one by one: an edit re-checks only the annotation edited
        # The body's HTML, made to check its links, is kept for the pages (render.annotations).
        problems += cached_body(annotation, resolve, cache, corpus)[1]

    pages, found = editorial_pages(editor_files("pages"))
    problems += found

    return Dossier(
        ordered, registry, linking, chronology, tuple(anchored), resolve, tuple(pages), tuple(sorted(problems)), corpus
    )
