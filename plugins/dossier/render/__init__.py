"""Stage: render. Every page of the site and every data file, from the pipeline's data."""

from __future__ import annotations

import datetime
import functools
from typing import Callable, Iterator, Mapping

from ..anchor.export import export_annotations, export_jsonld
from ..cache import BuildCache
from ..date import export_events
from ..link import export_entities
from ..model import Source
from . import annotations, chronology, entities
from .export import compact_json, compact_json_array, dossier_json, export_source, joined_json
from .headers import headers_file
from .marks import Mark
from .page import Macros, Page, PageRecipe, ready
from .site import atom_feed, not_found_page, robots, search_page, sitemap
from .sources import HOME_URL, home_page, shorten, source_page, source_summary, source_url, sources_index_page
from .sources import INDEX_URL as SOURCES_INDEX_URL

# The site's sections, in the order the navigation shows them.
NAVIGATION = (
    {"label": "Home", "url": "index.html", "section": "index.html"},
    {"label": "Sources", "url": "sources/index.html", "section": "sources/"},
    {"label": "Entities", "url": "entities/index.html", "section": "entities/"},
    {"label": "Chronology", "url": "chronology.html", "section": "chronology.html"},
    {"label": "Annotations", "url": "annotations.html", "section": "annotations.html"},
    {"label": "Search", "url": "search.html", "section": "search.html"},
    {"label": "About & method", "url": "about.html", "section": "about.html"},
)


def combined_marks(*layers: Mapping[str, Mapping[str, tuple[Mark, ...]]]) -> dict[str, dict[str, list[Mark]]]:
    """{source slug: {block id: marks}} from each stage, joined: links, highlights and dates."""
    joined: dict[str, dict[str, list[Mark]]] = {}
    for layer in layers:
        for slug, blocks in layer.items():
            for block_id, marks in blocks.items():
                joined.setdefault(slug, {}).setdefault(block_id, []).extend(marks)
    return joined


def site_pages(dossier, settings: Mapping, macros: Macros, cache: BuildCache | None = None) -> Iterator[PageRecipe]:
    """One page at a time: the generator writes each before the next is made (memory). Source
    and entity pages, nearly all of a site, come keyed by the corpus digest and their own
    annotations, so a warm build makes only those an edit reached. `macros`: the theme's, for
    fragments many pages show alike."""
    corpus = dossier.corpus
    cache = cache or BuildCache(None, "")
    render_body = annotations.body_renderer(dossier.resolve, cache, corpus)
    # Annotation layers are cheap and part of the keys; the dates' layer is made only when a
    # source page is, and entity links per page (one mark per mention: a large layer).
    highlights = annotations.highlight_marks(dossier.anchored)
    notes = annotations.notes_after(dossier.anchored, render_body)
    dates = functools.cache(lambda: chronology.time_marks(dossier.chronology))

    def make_source_page(source: Source, highlighted: Mapping, noted: Mapping) -> Page:
        links = entities.entity_marks(dossier.linking.mentions_in(source.slug))
        layers = (links, {source.slug: highlighted}, {source.slug: dates().get(source.slug, {})})
        marks = combined_marks(*layers).get(source.slug, {})
        return source_page(source, marks, noted, entities.source_entities(source, dossier.registry, dossier.linking))

    # Lists of every source: keyed by the corpus, not by all they list.
    yield PageRecipe(HOME_URL, (corpus,), lambda: home_page(dossier.sources, settings))
    yield PageRecipe(SOURCES_INDEX_URL, (corpus,), lambda: sources_index_page(dossier.sources))
    for source in dossier.sources:
        highlighted, noted = highlights.get(source.slug, {}), notes.get(source.slug, {})
        yield PageRecipe(
            source_url(source),
            (corpus, source.slug, highlighted, noted),
            functools.partial(make_source_page, source, highlighted, noted),
        )
    yield from entities.pages(
        dossier.sources,
        dossier.registry,
        dossier.linking,
        macros,
        cache.value("events", (corpus,), lambda: chronology.events_by_entity(dossier.chronology)),
        annotations.annotations_by_entity(dossier.anchored, dossier.resolve, render_body),
        corpus,
        cache.value("graph", (corpus,), lambda: entities.shared_paragraphs(dossier.linking)),
    )
    names = {entity.slug: entity.name for entity in dossier.registry.entities}
    yield PageRecipe(chronology.URL, (corpus,), lambda: chronology.page(dossier.chronology, dossier.sources, names))
    yield from map(ready, annotations.pages(dossier.anchored, dossier.sources, render_body))
    yield ready(search_page([s.metadata.title for s in dossier.sources]))
    yield ready(not_found_page(settings["SITEURL"]))
    yield from map(ready, dossier.pages)  # last: the site's own page wins a clash (one_per_file)


def site_files(dossier, settings: Mapping, page_names: list[str], cache: BuildCache | None = None) -> dict[str, Callable[[], list[bytes]]]:
    """Output-relative name -> what makes the bytes, in pieces, of each generated file that is
    not a page: made only as the file is written (by the build process, while workers render
    the pages)."""
    cache = cache or BuildCache(None, "")

    def dossier_export() -> list[bytes]:
        corpus_export = cache.value("export", (dossier.corpus,), lambda: corpus_json(dossier))
        return joined_json({**corpus_export, "annotations": [compact_json(export_annotations(dossier.anchored))]})

    texts = site_texts(dossier, settings, page_names, annotations.body_renderer(dossier.resolve, cache, dossier.corpus))
    return {"dossier.json": dossier_export} | {name: functools.partial(_encoded, text) for name, text in texts.items()}


def _encoded(text: Callable[[], str]) -> list[bytes]:
    return [text().encode()]


def site_texts(dossier, settings: Mapping, page_names: list[str], render_body: annotations.BodyRenderer) -> dict[str, Callable[[], str]]:
    site_url = settings["SITEURL"]

    def feed(name: str, title: str, entries: Callable[[], list[dict]]) -> Callable[[], str]:
        # Pelican's FEED_MAX_ITEMS (100 unless set; None: all): a feed reader fetches the feed
        # again and again, and needs only what is new.
        newest = settings.get("FEED_MAX_ITEMS", 100)
        language = settings.get("DEFAULT_LANG", "en")
        return lambda: atom_feed(f"{settings['SITENAME']}: {title}", site_url, name, entries()[:newest], language)

    return {
        "annotations.jsonld": lambda: dossier_json(export_jsonld(dossier.anchored, dossier.resolve, site_url, render_body)),
        "sitemap.xml": lambda: sitemap(site_url, page_names),
        "robots.txt": lambda: robots(site_url),
        "_headers": lambda: headers_file(search=settings.get("DOSSIER_SEARCH", True)),
        "feeds/sources.atom.xml": feed("feeds/sources.atom.xml", "sources", lambda: sources_feed_entries(dossier.sources)),
        "feeds/annotations.atom.xml": feed(
            "feeds/annotations.atom.xml", "annotations", lambda: annotations_feed_entries(dossier.anchored)
        ),
    }


def corpus_json(dossier) -> dict[str, list[bytes]]:
    """dossier.json's members made from the corpus alone, encoded: all but the annotations."""
    return {
        "sources": compact_json_array(export_source(s) for s in dossier.sources),
        "entities": compact_json_array(export_entities(dossier.registry, dossier.linking)),
        "events": [compact_json(export_events(dossier.chronology))],
    }


def annotations_feed_entries(anchored) -> list[dict]:
    """Newest first, dated by when each annotation was written."""
    entries = [
        {
            "title": f"On “{a.source.metadata.title}”: “{shorten(a.annotation.quote, 80)}”",
            "url": annotations.highlight_url(a),
            "author": a.annotation.author,
            "updated": first_day(a.annotation.date),
            "summary": shorten(" ".join(a.annotation.body.split()), 300),
        }
        for a in anchored
    ]
    return sorted(entries, key=lambda e: (e["updated"], e["url"]), reverse=True)


def first_day(iso: str) -> datetime.date:
    """The start of a date's span: "2024-12" -> 2024-12-01."""
    return datetime.date.fromisoformat((iso + "-01-01")[:10])


def sources_feed_entries(sources: tuple[Source, ...]) -> list[dict]:
    """Newest first. Atom requires a date on every entry and the build time is never used, so
    an undated source carries the dossier's most recent publication date and says it is undated."""
    dates = [s.metadata.published.date for s in sources if s.metadata.published.date]
    latest = max((first_day(d) for d in dates), default=datetime.date(1970, 1, 1))
    entries = []
    for source in sources:
        summary = source_summary(source)
        published = source.metadata.published.date
        entries.append(
            {
                "title": summary["title"],
                "url": source_url(source),
                "author": summary["author"],
                "updated": first_day(published) if published else latest,
                "summary": (
                    f"{summary['publisher'] or 'Publisher not stated'}, {summary['date_text']}"
                    + ("" if published else " (undated source)")
                ),
            }
        )
    return sorted(entries, key=lambda e: (e["updated"], e["url"]), reverse=True)
