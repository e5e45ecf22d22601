"""Registries and sources for link tests, written inline."""

from __future__ import annotations

import textwrap

from dossier.link import Registry, load_registry

from ..date.helpers import make_source  # noqa: F401  (re-exported: sources with blocks p1, p2, …)


def entity_file(front_matter: str, body: str = "A description.") -> str:
    return f"---\n{textwrap.dedent(front_matter).strip()}\n---\n{body}\n"


def registry_of(entities: dict[str, tuple[str, list[str]]]) -> Registry:
    """slug -> (name, aliases), every entity a country; fails on any problem."""
    files = [
        (f"entities/{slug}.md", entity_file(f"name: {name}\nkind: country\naliases: {aliases!r}"))
        for slug, (name, aliases) in entities.items()
    ]
    registry, problems = load_registry(files)
    assert not problems, problems
    return registry


def found(registry: Registry, text: str) -> list[tuple[str, str]]:
    """(entity slug, text as written) of each match, in order."""
    return [(m.entity, text[m.start : m.end]) for m in registry.matcher.find(text)]
