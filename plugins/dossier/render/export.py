"""`output/dossier.json`: the public, machine-readable contract.

Its shape is documented by schema/dossier.schema.json (the tests validate every build against
it). Later stages add their top-level keys here, and only as the issues say.
"""

from __future__ import annotations

import json
from typing import Iterable

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
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def compact_json(value: object) -> bytes:
    """`dossier_json`'s encoding of one value, as UTF-8: in a str, one curly quote makes every
    character of a large export take two bytes or four."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def compact_json_array(items: Iterable[object]) -> list[bytes]:
    """`compact_json` of a list, in pieces, one item encoded at a time: a large export never
    exists as Python objects all at once, nor as one joined copy."""
    pieces = [b"["]
    for item in items:
        pieces += (compact_json(item), b",")
    pieces[-1:] = [b"]"] if len(pieces) > 1 else [b"[", b"]"]
    return pieces


def joined_json(members: dict[str, list[bytes]]) -> list[bytes]:
    """`dossier_json` of an object whose members are already encoded, in pieces (the file is
    written from them): the same bytes, so an unchanged part of the export is not encoded again."""
    pieces = [b"{"]
    for key, value in members.items():
        pieces += (compact_json(key), b":", *value, b",")
    pieces[-1] = b"}\n"
    return pieces
