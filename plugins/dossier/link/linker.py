"""Stage: link. Every alias in the sources' body text -> `Mention`s, with what editors need:
unlinked names, and warnings for aliases (or whole entities) that match nothing."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from ..model import Mention, Source
from ..problems import Problem, warning
from .matcher import normalise
from .registry import Registry
from .unlinked import Candidates, UnlinkedName, name_candidates, unlinked_names


@dataclass(frozen=True)
class Spelling:
    text: str  # as written in the sources, e.g. "Solemani"
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Linking:
    mentions: tuple[Mention, ...]  # in the order of the sources given, then of their text
    unlinked: tuple[UnlinkedName, ...]  # in the same order
    problems: tuple[Problem, ...]

    @cached_property
    def by_entity(self) -> dict[str, tuple[Mention, ...]]:
        grouped: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.entity, []).append(mention)
        return {slug: tuple(found) for slug, found in sorted(grouped.items())}

    @cached_property
    def by_source(self) -> dict[str, tuple[Mention, ...]]:
        grouped: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.source, []).append(mention)
        return {slug: tuple(found) for slug, found in grouped.items()}

    def mentions_of(self, entity: str) -> tuple[Mention, ...]:
        return self.by_entity.get(entity, ())

    def mentions_in(self, source: str) -> tuple[Mention, ...]:
        return self.by_source.get(source, ())

    def spellings(self, entity: str) -> tuple[Spelling, ...]:
        """Each spelling found, the most frequent first."""
        grouped: dict[str, list[Mention]] = {}
        for mention in self.mentions_of(entity):
            grouped.setdefault(mention.surface, []).append(mention)
        ordered = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))
        return tuple(Spelling(text, tuple(found)) for text, found in ordered)


def link_sources(sources: Sequence[Source], registry: Registry) -> Linking:
    mentions = [find_mentions(source, registry) for source in sources]
    candidates = [name_candidates(source, found) for source, found in zip(sources, mentions)]
    return linking_of(sources, mentions, candidates, registry)


def find_mentions(source: Source, registry: Registry) -> tuple[Mention, ...]:
    """Every alias in one source's body text, in reading order."""
    return tuple(
        Mention(match.entity, source.slug, block.id, match.start, match.end, block.text[match.start : match.end])
        for block in source.blocks
        for match in registry.matcher.find(block.text)
    )


def linking_of(
    sources: Sequence[Source], mentions: Sequence[Sequence[Mention]], candidates: Sequence[Candidates], registry: Registry
) -> Linking:
    """Each source's `mentions` (from `find_mentions`) and unlinked name `candidates` (from
    `name_candidates`), in the order of `sources`, put together."""
    found = tuple(mention for of_source in mentions for mention in of_source)
    return Linking(found, unlinked_names(sources, candidates, registry.demonyms), unmatched(registry, found))


def unmatched(registry: Registry, mentions: Sequence[Mention]) -> tuple[Problem, ...]:
    """A warning for each entity never mentioned, and for each alias of a mentioned entity that
    matches nothing: a misspelt alias must not go unnoticed."""
    found = {(m.entity, normalise(m.surface)) for m in mentions}
    mentioned = {m.entity for m in mentions}
    problems = []
    for entity in registry.entities:
        if entity.slug not in mentioned:
            problems.append(warning(entity.path, f"{entity.name} is never mentioned in the sources' body text", entity.name_line))
            continue
        for alias in entity.aliases:
            if (entity.slug, normalise(alias.text)) not in found:
                problems.append(warning(entity.path, f"alias '{alias.text}' matches nothing in the sources' body text", alias.line))
    return tuple(problems)
