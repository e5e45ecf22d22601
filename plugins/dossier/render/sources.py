"""The home page and one page per source."""

from __future__ import annotations

from typing import Mapping, Sequence

from markupsafe import Markup

from ..model import HEADING, LIST_ITEM, Block, Source
from .dates import human_date
from .marks import Mark, render_marked
from .page import SOURCE, Page

HOME_URL = "index.html"
INDEX_URL = "sources/index.html"


def source_url(source: Source) -> str:
    return f"sources/{source.slug}.html"


def raw_url(source: Source) -> str:
    return source.cleaned.raw.path  # published unchanged at the same path


def source_summary(source: Source) -> dict:
    """What lists of sources show: enough to recognise and date a source."""
    published = source.metadata.published
    return {
        "slug": source.slug,
        "title": source.metadata.title,
        "url": source_url(source),
        "author": source.metadata.author,
        "publisher": source.metadata.publisher,
        "original_source": source.metadata.original_source,
        "date_text": human_date(published.date, published.precision),
        "date_iso": published.date,
        "precision": published.precision,
        "date_basis": published.basis,
    }


def body_items(
    blocks: Sequence[Block], marks: Mapping[str, Sequence[Mark]], after: Mapping[str, Sequence[dict]]
) -> list[dict]:
    """Blocks as the template walks them: consecutive list items gathered into one list."""
    items: list[dict] = []
    for block in blocks:
        entry = {
            "id": block.id,
            "kind": block.kind,
            "html": render_marked(block.text, tuple(marks.get(block.id, ()))),
            "after": list(after.get(block.id, ())),
        }
        if block.kind != LIST_ITEM:
            items.append(entry)
            continue
        ordered = block.marker is not None and block.marker[0].isdigit()
        if not items or items[-1]["kind"] != "list" or items[-1]["ordered"] != ordered:
            start = int(block.marker[:-1]) if ordered else 1
            items.append({"kind": "list", "ordered": ordered, "start": start, "items": []})
        items[-1]["items"].append(entry)
    return items


def home_page(sources: Sequence[Source], settings: Mapping) -> Page:
    return Page(
        save_as=HOME_URL,
        template="index",
        title=settings.get("SITENAME", "Dossier"),
        description=settings.get("DOSSIER_DESCRIPTION", ""),
        context={
            "sources": [source_summary(s) for s in sources],
            "dossier_description": settings.get("DOSSIER_DESCRIPTION", ""),
            "search_kind": None,
        },
    )


def sources_index_page(sources: Sequence[Source]) -> Page:
    return Page(
        save_as=INDEX_URL,
        template="sources",
        title="Sources",
        description=f"The {len(sources)} raw articles of the dossier, by publication date, with publisher and author.",
        context={"sources": [source_summary(s) for s in sources], "search_kind": None},
    )


def source_page(
    source: Source,
    marks: Mapping[str, Sequence[Mark]],
    after: Mapping[str, Sequence[dict]],
    entities: Sequence[dict] = (),
) -> Page:
    """`marks` and `after` by block id: inline marks (entity links, highlights, dates) and the
    annotation notes shown after the block; `entities`: those the source names, for its header."""
    summary = source_summary(source)
    first_paragraph = next((b.text for b in source.blocks if b.kind != HEADING), "")
    return Page(
        save_as=source_url(source),
        template="source",
        title=source.metadata.title,
        description=shorten(first_paragraph, 160),
        context={
            "source": summary,
            "title_basis": source.metadata.title_basis,
            "caption": source.metadata.caption,
            "reliability": source.reliability,
            "language": source.language,
            "note_html": Markup(source.note.html) if source.note else None,
            "items": body_items(source.blocks, marks, after),
            "removed": source.cleaned.removed,
            "raw_url": raw_url(source),
            "raw_file": source.cleaned.raw.path.rsplit("/", 1)[-1],
            "line_count": len(source.cleaned.raw.lines),
            "search_kind": SOURCE,
            "search_sources": [source.metadata.title],
            "entities": list(entities),
        },
    )


def shorten(text: str, limit: int) -> str:
    """The opening of a text, cut at a word boundary: for descriptions and feed titles."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
