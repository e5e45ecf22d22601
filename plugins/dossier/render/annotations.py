"""Annotations as readers meet them: the highlighted quote and its note on the source page, the
annotations page (every annotation, grouped by source), and the entries of entity pages.

The highlight and its note point at each other: the `<mark>` names the note in `aria-details`,
and the note's label links back to the mark. Notes follow their paragraph in the HTML, so
screen readers, narrow screens and print meet them in reading order; CSS alone moves them
into the margin on wide screens. A body's links are relative to the page showing it: a body is
rendered once, with a stand-in for the way back to the site root that each page fills in
(`body_renderer`).
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Mapping, Sequence

from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

from ..anchor.anchoring import FUZZY, Anchored
from ..anchor.annotation import Annotation
from ..anchor.links import ROOT, Resolver, checked_body
from ..anchor.text import shown_score
from ..cache import BuildCache
from ..model import Source
from ..problems import Problem
from .dates import human_date
from .marks import Mark, render_marked
from .page import ANNOTATION, Page
from .sources import source_summary, source_url

ANNOTATIONS_PAGE = "annotations.html"

BodyRenderer = Callable[[Annotation, str], Markup]  # (annotation, root) -> its body's HTML


def body_renderer(resolve: Resolver, cache: BuildCache | None = None, corpus: str = "") -> BodyRenderer:
    """`render_body`, remembered: a body appears on its source page, the annotations page and
    every entity page it tags, and its HTML depends only on the annotation, the `corpus` its
    links resolve in (a `Dossier.corpus` digest) and the root its links start from. So it is
    rendered once per build, with a stand-in for the root that each page replaces with its own
    (`checked_body`), and only when it changed since the last build (through the build cache,
    which has it already when the pipeline checked the body's links with the same cache)."""
    cache = cache or BuildCache(None, "")

    def render(annotation: Annotation, root: str) -> Markup:
        html, _ = cached_body(annotation, resolve, cache, corpus)
        # Only in an href: the renderer escapes any quote in text, so text never holds `href="`.
        return Markup(html.replace(f'href="{ROOT}', f'href="{escapeHtml(root)}'))

    return render


def cached_body(annotation: Annotation, resolve: Resolver, cache: BuildCache, corpus: str) -> tuple[str, list[Problem]]:
    """`checked_body` through the build cache: the pipeline's link check and every page that
    shows the body share this one entry."""
    return cache.value("body", (corpus, annotation), partial(checked_body, annotation, resolve))


def relative_root(save_as: str) -> str:
    """The way back to the site root from a page: what a relative SITEURL is, plus "/"."""
    return "../" * save_as.count("/")


def highlight_url(anchored: Anchored) -> str:
    """Site-relative: the highlighted quote on its source page."""
    return f"{source_url(anchored.source)}#{anchored.highlight_id}"


def link_resolver(sources: Sequence[Source], entity_urls: Mapping[str, str], event_urls: Mapping[str, str]) -> Resolver:
    """The site's `Resolver` for body links: sources and their paragraphs from the sources,
    entities and events from {slug: url} and {event id: url} (site-relative URLs)."""
    urls = {
        "source": {source.slug: source_url(source) for source in sources}
        | {f"{source.slug}#{block.id}": f"{source_url(source)}#{block.id}" for source in sources for block in source.blocks},
        "entity": dict(entity_urls),
        "event": dict(event_urls),
    }

    def resolve(kind: str, key: str) -> str | None:
        return urls.get(kind, {}).get(key)

    return resolve


# --- source pages -----------------------------------------------------------------------


def highlight_attributes(anchored: Anchored) -> dict[str, str]:
    """The `<mark>` around the quoted span."""
    return {
        "id": anchored.highlight_id,
        "class": "annotation-highlight",
        "aria-details": anchored.note_id,
        "data-status": anchored.status,
    }


def highlight_marks(anchored: Sequence[Anchored]) -> dict[str, dict[str, tuple[Mark, ...]]]:
    """source slug -> block id -> the highlights in it: a layer for `combined_marks`.
    Rank 0, so a highlight encloses an entity link over the same words rather than splitting."""
    marks: dict[str, dict[str, list[Mark]]] = {}
    for a in anchored:
        mark = Mark(a.start, a.end, "mark", tuple(highlight_attributes(a).items()))
        marks.setdefault(a.source.slug, {}).setdefault(a.block.id, []).append(mark)
    return {slug: {block: tuple(found) for block, found in blocks.items()} for slug, blocks in marks.items()}


def notes_after(anchored: Sequence[Anchored], render: BodyRenderer) -> dict[str, dict[str, list[dict]]]:
    """source slug -> block id -> the notes shown after that block, for `source_page(after=...)`."""
    notes: dict[str, dict[str, list[dict]]] = {}
    for a in anchored:
        note = note_context(a, render, relative_root(source_url(a.source)))
        notes.setdefault(a.source.slug, {}).setdefault(a.block.id, []).append(note)
    return notes


def note_context(anchored: Anchored, render: BodyRenderer, root: str) -> dict:
    """What partials/annotation_note.html shows, on a page `root` away from the site root."""
    annotation = anchored.annotation
    return {
        "id": annotation.id,
        "note_id": anchored.note_id,
        "highlight_id": anchored.highlight_id,
        "quote": annotation.quote,
        "status": anchored.status,
        "status_text": status_text(anchored),
        "author": annotation.author,
        "date_iso": annotation.date,
        "date_text": human_date(annotation.date, "day"),
        "body_html": render(annotation, root),
    }


def status_text(anchored: Anchored) -> str | None:
    """Said on the page, not only in the build log: a fuzzy anchor is never silent."""
    if anchored.status != FUZZY:
        return None
    return (
        f"Approximate anchor (similarity {shown_score(anchored.score):g} of 100): the source reads "
        f"“{anchored.text}”, the annotation quotes “{anchored.annotation.quote}”."
    )


# --- the annotations page ---------------------------------------------------------------


def pages(anchored: Sequence[Anchored], sources: Sequence[Source], render: BodyRenderer) -> list[Page]:
    """annotations.html: sources in the order given (the site's publication order), each with
    its annotations in the order of the text."""
    by_source: dict[str, list[Anchored]] = {}
    for a in anchored:
        by_source.setdefault(a.source.slug, []).append(a)
    groups = []
    for source in sources:
        mine = by_source.get(source.slug)
        if mine:
            groups.append({**source_summary(source), "annotations": [page_entry(a, render) for a in mine]})
    return [
        Page(
            save_as=ANNOTATIONS_PAGE,
            template="annotations",
            title="Annotations",
            description=(
                f"Editors’ annotations on {len(anchored)} quoted passages in {len(groups)} sources, "
                "each checked against the source text at every build."
            ),
            context={
                "groups": groups,
                "total": len(anchored),
                # base.html: the page is indexed for search, faceted by its sources
                "search_kind": ANNOTATION,
                "search_sources": [group["title"] for group in groups],
            },
        )
    ]


def page_entry(anchored: Anchored, render: BodyRenderer) -> dict:
    quoted = Mark(anchored.start, anchored.end, "mark", (("class", "annotation-quote"),))
    return {
        **note_context(anchored, render, relative_root(ANNOTATIONS_PAGE)),
        "paragraph_html": render_marked(anchored.block.text, [quoted]),
        "paragraph_url": f"{source_url(anchored.source)}#{anchored.block.id}",
        "highlight_url": highlight_url(anchored),
    }


# --- entity pages -----------------------------------------------------------------------


def annotations_by_entity(anchored: Sequence[Anchored], resolve: Resolver, render: BodyRenderer) -> dict[str, list[dict]]:
    """Entity slug -> its annotations, for the entity pages. Tags that resolve to no entity are
    left out here and reported by `checked_body`."""
    grouped: dict[str, list[dict]] = {}
    for a in anchored:
        for slug in a.annotation.entities:
            url = resolve("entity", slug)
            if url is None:
                continue
            grouped.setdefault(slug, []).append(
                {
                    "quote": a.annotation.quote,
                    "source_title": a.source.metadata.title,
                    "url": highlight_url(a),
                    "body_html": render(a.annotation, relative_root(url)),
                }
            )
    return dict(sorted(grouped.items()))
