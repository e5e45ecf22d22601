"""The entity registry: one markdown file per entity in content/entities/ -> `Registry`.

Front matter (see README.md beside this file): `name` and `kind` are required; `aliases`,
`demonyms`, `wikidata` and `coordinates` are optional; the body is a short description. The file
name gives the slug and so the page address: entities/iran.md -> entities/iran.html.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Sequence


from ..editorial import Field, one_of, read_document, render_markdown, text_list, text_value
from ..problems import Problem, error, warning
from .matcher import Matcher, build_matcher, normalise

# In the order the entity index shows them.
KINDS = (
    "person",
    "organization",
    "armed force",  # a state's forces or one of their branches: IRGC, Syrian Arab Army
    "armed group",  # a non-state armed movement: Hezbollah, Hayat Tahrir al-Sham
    "news outlet",
    "country",
    "city",  # city, town or suburb
    "region",  # province, border area, sea, part of the world
    "site",  # a single place: air base, embassy, shrine
    "conflict",  # a war or military campaign
)
PLACE_KINDS = frozenset({"country", "city", "region", "site"})

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
QID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class Alias:
    text: str
    line: int | None  # where the editor wrote it, for problems


@dataclass(frozen=True)
class Entity:
    slug: str
    path: str  # content-relative, e.g. "entities/iran.md"
    name: str
    name_line: int | None
    kind: str
    aliases: tuple[Alias, ...]  # besides the name, which always links too
    demonyms: tuple[str, ...]  # "Iranian": known words, never linked, never reported as unlinked
    wikidata: str | None
    coordinates: tuple[float, float] | None  # (latitude, longitude)
    description_html: str


@dataclass(frozen=True)
class Registry:
    entities: tuple[Entity, ...]  # by slug
    matcher: Matcher

    @cached_property
    def by_slug(self) -> dict[str, Entity]:
        return {entity.slug: entity for entity in self.entities}

    @cached_property
    def demonyms(self) -> frozenset[str]:
        return frozenset(word for entity in self.entities for word in entity.demonyms)


def entity_url(slug: str) -> str:
    return f"entities/{slug}.html"


def wikidata_id(value: Any) -> str:
    text = text_value(value)
    if not QID.fullmatch(text):
        raise ValueError(f"'{text}' is not a Wikidata id such as Q794")
    return text


def coordinates(value: Any) -> tuple[float, float]:
    numbers = value if isinstance(value, list) and len(value) == 2 else None
    if numbers is None or not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers):
        raise ValueError("must be [latitude, longitude] in decimal degrees, e.g. [33.51, 36.29]")
    latitude, longitude = float(numbers[0]), float(numbers[1])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError("latitude must lie within ±90 and longitude within ±180")
    return latitude, longitude


FIELDS = {
    "name": Field(text_value, required=True),
    "kind": Field(one_of(*KINDS), required=True),
    "aliases": Field(text_list),
    "demonyms": Field(text_list),
    "wikidata": Field(lambda value: None if value is None else wikidata_id(value)),
    "coordinates": Field(lambda value: None if value is None else coordinates(value)),
}


def load_registry(files: Sequence[tuple[str, str]]) -> tuple[Registry, list[Problem]]:
    """`files`: (content-relative path, text) of each entity file. Files are read in path order,
    so when two entities claim one alias, the first keeps it and the second gets the error."""
    problems: list[Problem] = []
    entities = []
    for path, text in sorted(files):
        entity, found = read_entity(path, text)
        problems += found
        if entity is not None:
            entities.append(entity)
    owners: dict[str, tuple[Entity, Alias]] = {}

    def claim(entity: Entity, alias: Alias) -> bool:
        """Whether `alias` is free for `entity`; if not, the problem is reported."""
        key = normalise(alias.text)
        if key not in owners:
            owners[key] = (entity, alias)
            return True
        owner, first = owners[key]
        if owner.slug == entity.slug:
            problems.append(warning(entity.path, f"'{alias.text}' is listed twice (first on line {first.line})", alias.line))
        else:
            problems.append(
                error(
                    entity.path,
                    f"'{alias.text}' already names {owner.name} ({owner.path}, line {first.line}): "
                    "an alias must name one entity only",
                    alias.line,
                )
            )
        return False

    registered = []
    for entity in entities:
        claim(entity, Alias(entity.name, entity.name_line))
        # An alias lost to another entity links there, so this entity's page must not list it.
        registered.append(replace(entity, aliases=tuple(a for a in entity.aliases if claim(entity, a))))
    matcher = build_matcher((key, entity.slug) for key, (entity, _) in owners.items())
    return Registry(tuple(sorted(registered, key=lambda e: e.slug)), matcher), problems


def read_entity(path: str, text: str) -> tuple[Entity | None, list[Problem]]:
    slug = path.rsplit("/", 1)[-1].removesuffix(".md")
    if not SLUG.fullmatch(slug):
        return None, [
            error(path, "rename the file with lower-case letters, digits and hyphens only: it becomes the page address", 1)
        ]
    document, problems = read_document(path, text, FIELDS)
    if document is None or "name" not in document.meta or "kind" not in document.meta:
        return None, problems
    meta = document.meta
    aliases = []
    for alias, line in zip(meta.get("aliases", ()), document.lines_of_items("aliases")):
        if any(character.isalnum() for character in alias):
            aliases.append(Alias(alias, line))
        else:
            problems.append(error(path, f"alias '{alias}' has no letter or digit: it would match punctuation", line))
    if meta.get("coordinates") and meta["kind"] not in PLACE_KINDS:
        problems.append(warning(path, f"coordinates given, but kind '{meta['kind']}' is not a place", document.line_of("coordinates")))
    entity = Entity(
        slug=slug,
        path=path,
        name=meta["name"],
        name_line=document.line_of("name"),
        kind=meta["kind"],
        aliases=tuple(aliases),
        demonyms=meta.get("demonyms", ()),
        wikidata=meta.get("wikidata"),
        coordinates=meta.get("coordinates"),
        description_html=render_markdown(document.body, f"entity-{slug}") if document.body.strip() else "",
    )
    return entity, problems
