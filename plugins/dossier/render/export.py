"""`output/dossier.json`: the public, machine-readable contract.

Its shape is documented by schema/dossier.schema.json (the tests validate every build against
it). Later stages add their top-level keys here, and only as the issues say.
"""

from __future__ import annotations

import json

from ..model import Source
from .sources import source_url


def export_source(source: Source) -> dict:
    metadata = source.metadata
    published = metadata.published
    return {
        "slug": source.slug,
        "file": source.cleaned.raw.path,
        "url": source_url(source),
        "title": metadata.title,
        "author": metadata.author,
        "publisher": metadata.publisher,
        "original_source": metadata.original_source,
        "published": {"date": published.date, "precision": published.precision, "basis": published.basis},
        "paragraphs": [
            {"id": block.id, "kind": block.kind, "text": block.text, "lines": list(block.lines)}
            for block in source.blocks
        ],
        "removed": [{"line": v.number, "text": v.text, "reason": v.reason} for v in source.cleaned.removed],
    }


def dossier_json(document: dict) -> str:
    """Stable bytes: sorted keys would scramble the documented order, so keep insertion order
    (which is deterministic) and fix separators and escaping. Compact, because indenting makes
    the json module fall back to its slow pure-Python encoder (a 35 MB export at 2,000 sources)."""
    return compact_json(document) + "\n"


def compact_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def joined_json(members: dict[str, str]) -> str:
    """`dossier_json` of an object whose members' values are already encoded (`compact_json`):
    the same bytes, so an unchanged part of the export is not encoded again."""
    return "{" + ",".join(f"{compact_json(key)}:{text}" for key, text in members.items()) + "}\n"
