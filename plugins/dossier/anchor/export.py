"""The annotations for other tools: `"annotations"` in dossier.json, and
`annotations.jsonld`, a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/).

Selectors describe the text as it is, not as the editor typed it: a fuzzy anchor exports the
text it landed on. Positions count Unicode code points in the cleaned text (`Source.text`:
the paragraphs of dossier.json joined by blank lines), as TextPositionSelector requires.
"""

from __future__ import annotations

from typing import Sequence

from ..render.annotations import ANNOTATIONS_PAGE, BodyRenderer, body_renderer, highlight_url
from ..render.sources import source_url
from .anchoring import Anchored
from .links import Resolver
from .text import shown_score

JSONLD_FILE = "annotations.jsonld"
SELECTOR_CONTEXT = 32  # characters of prefix and suffix, as Hypothesis and others use


def export_annotations(anchored: Sequence[Anchored]) -> list[dict]:
    return [
        {
            "id": a.annotation.id,
            "source": a.source.slug,
            "paragraph": a.block.id,
            "quote": a.annotation.quote,
            "status": a.status,
            "score": shown_score(a.score),
            "url": highlight_url(a),
        }
        for a in anchored
    ]


def export_jsonld(
    anchored: Sequence[Anchored], resolve: Resolver, site_url: str = "", render: BodyRenderer | None = None
) -> dict:
    """An AnnotationCollection with every annotation on its one page.

    `site_url` is the absolute address of the site, or "" for IRIs relative to the file
    itself (which is published at the site root). `render`: the build's body renderer, which
    remembers bodies between builds."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    render = render or body_renderer(resolve)
    items = [web_annotation(a, resolve, base, render) for a in anchored]
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"{base}{JSONLD_FILE}",
        "type": "AnnotationCollection",
        "label": "Editors’ annotations",
        "total": len(items),
        "first": {
            "id": f"{base}{JSONLD_FILE}#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def web_annotation(anchored: Anchored, resolve: Resolver, base: str, render: BodyRenderer) -> dict:
    annotation, text = anchored.annotation, anchored.source.text
    start, end = anchored.offset, anchored.offset + len(anchored.text)
    body_html = render(annotation, base)
    tags = [
        {"type": "SpecificResource", "purpose": "tagging", "source": f"{base}{url}"}
        for url in (resolve("entity", slug) for slug in annotation.entities)
        if url is not None
    ]
    return {
        "id": f"{base}{ANNOTATIONS_PAGE}#{annotation.id}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": f"{annotation.date}T00:00:00Z",
        "creator": {"name": annotation.author},
        "body": [{"type": "TextualBody", "value": str(body_html), "format": "text/html"}, *tags],
        "target": {
            "source": f"{base}{source_url(anchored.source)}",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": anchored.text,
                    "prefix": text[max(0, start - SELECTOR_CONTEXT) : start],
                    "suffix": text[end : end + SELECTOR_CONTEXT],
                },
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }
