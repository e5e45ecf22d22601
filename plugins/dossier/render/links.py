"""Where editors' links point: `source:`, `entity:` and `event:` targets -> site-relative URLs."""

from __future__ import annotations

from typing import Sequence

from ..anchor.links import Resolver
from ..date import Chronology
from ..link import Registry, entity_url
from ..model import Source
from .annotations import link_resolver
from .chronology import URL as CHRONOLOGY_URL


def site_resolver(sources: Sequence[Source], registry: Registry, chronology: Chronology) -> Resolver:
    events = (*chronology.events, *chronology.undated)
    return link_resolver(
        sources,
        {entity.slug: entity_url(entity.slug) for entity in registry.entities},
        {event_id: f"{CHRONOLOGY_URL}#{event_id}" for event in events for event_id in (event.id, *event.merged_ids)},
    )
