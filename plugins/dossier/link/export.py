"""`"entities"` in dossier.json: every entity with its mentions, as the issue's Export section says."""

from __future__ import annotations

from typing import Iterator

from .linker import Linking
from .registry import Registry, entity_url


def export_entities(registry: Registry, linking: Linking) -> Iterator[dict]:
    """By slug; mentions in the order of the sources (by publication date) and of their text.
    One entity at a time: the caller encodes each before the next is made (memory)."""
    return (
        {
            "slug": entity.slug,
            "name": entity.name,
            "kind": entity.kind,
            "aliases": [alias.text for alias in entity.aliases],
            "wikidata": entity.wikidata,
            "url": entity_url(entity.slug),
            "mentions": [
                {"source": m.source, "paragraph": m.paragraph, "surface": m.surface}
                for m in linking.mentions_of(entity.slug)
            ],
        }
        for entity in registry.entities
    )
