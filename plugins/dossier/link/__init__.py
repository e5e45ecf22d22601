"""Stage: link. The entity registry (content/entities/*.md), the linker that finds every alias
in body text in one pass, unlinked-name detection, and the "entities" export. See README.md."""

from .comentions import adjacency, co_mentions
from .export import export_entities
from .linker import Linking, Spelling, find_mentions, link_sources, linking_of
from .registry import KINDS, PLACE_KINDS, Alias, Entity, Registry, entity_url, load_registry
from .sentences import sentence_around
from .unlinked import Candidates, UnlinkedName, describe, name_candidates

__all__ = [
    "KINDS",
    "PLACE_KINDS",
    "Alias",
    "Candidates",
    "Entity",
    "Linking",
    "Registry",
    "Spelling",
    "UnlinkedName",
    "adjacency",
    "co_mentions",
    "describe",
    "entity_url",
    "export_entities",
    "find_mentions",
    "link_sources",
    "linking_of",
    "load_registry",
    "name_candidates",
    "sentence_around",
]
