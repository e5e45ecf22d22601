"""Sources and annotations for anchoring tests, written inline."""

from __future__ import annotations

import yaml

from dossier.anchor.annotation import Annotation, load_annotation

from ..date.helpers import CONTENT, make_source, seed_sources  # noqa: F401  (re-exported)

def annotation_file(body: str = "A note.", **meta) -> str:
    """Front matter in the order source, author, date, then `meta` (quote, prefix, …)."""
    meta = {"source": "s1", "author": "An Editor", "date": "2026-11-21", **meta}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}\n"


def annotation_of(quote: str, name: str = "note", body: str = "A note.", **meta) -> Annotation:
    """An annotation read from its file, as the build reads it (so its lines are real)."""
    annotation, problems = load_annotation(f"annotations/{name}.md", annotation_file(body, quote=quote, **meta))
    assert annotation is not None and not problems, problems
    return annotation
