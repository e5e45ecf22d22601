"""Stage: render. Every page of the site and every data file, from the pipeline's data."""

from __future__ import annotations

import datetime
from typing import Mapping

from ..date import export_events
from ..model import Source
from .chronology import pages as chronology_pages
from .chronology import time_marks
from .export import dossier_json, export_source
from .headers import headers_file
from .marks import Mark
from .page import Page
from .site import atom_feed, not_found_page, robots, search_page, sitemap
from .sources import home_page, source_page, source_summary, source_url, sources_index_page

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


def site_pages(dossier, settings: Mapping) -> list[Page]:
    marks = combined_marks(time_marks(dossier.chronology))
    return [
        home_page(dossier.sources, settings),
        sources_index_page(dossier.sources),
        *(source_page(s, marks.get(s.slug, {})) for s in dossier.sources),
        *chronology_pages(dossier.chronology, dossier.sources),
        *dossier.pages,
        search_page([s.metadata.title for s in dossier.sources]),
        not_found_page(settings["SITEURL"]),
    ]


def site_files(dossier, settings: Mapping, pages: list[Page]) -> dict[str, str]:
    """Output-relative name -> text of every generated file that is not a page."""
    site_url = settings["SITEURL"]
    return {
        "dossier.json": dossier_json(
            {
                "sources": [export_source(s) for s in dossier.sources],
                "events": export_events(dossier.chronology),
            }
        ),
        "sitemap.xml": sitemap(site_url, pages),
        "robots.txt": robots(site_url),
        "_headers": headers_file(search=settings.get("DOSSIER_SEARCH", True)),
        "feeds/sources.atom.xml": atom_feed(
            f"{settings['SITENAME']}: sources",
            site_url,
            "feeds/sources.atom.xml",
            sources_feed_entries(dossier.sources),
            settings.get("DEFAULT_LANG", "en"),
        ),
    }


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
