"""The contract between the pipeline and the Pelican writer: one `Page` per output HTML file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

# What a page is, for search: its "kind" metadata, which the search page filters on
# (themes/dossier/static/js/search.js lists the same kinds).
SOURCE, ENTITY, EVENT, ANNOTATION, PAGE = "Source", "Entity", "Event", "Annotation", "Page"

# The theme's macros, for a fragment many pages show alike, rendered once and printed by each:
# macros(template, save_as) is the partial `template` (a name as in `Page.template`) as the page
# `save_as` sees it, with that page's SITEURL. The generator's come from its Jinja environment.
Macros = Callable[[str, str], Any]


@dataclass(frozen=True)
class Page:
    save_as: str  # output-relative path, e.g. "entities/qasem-soleimani.html"
    template: str  # theme template name without ".html", e.g. "entity"
    title: str  # <title> and Open Graph title
    description: str  # meta description: one plain-text sentence
    context: dict = field(default_factory=dict)  # the template's own variables


@dataclass(frozen=True)
class PageRecipe:
    """A page before it is made: what its HTML depends on (besides the code, theme and
    settings) and how to make it. The generator makes and renders it only when no earlier
    build rendered the same `inputs`, which must therefore cover everything `make` reads."""

    save_as: str
    inputs: tuple
    make: Callable[[], Page] = field(compare=False, repr=False)


def ready(page: Page) -> PageRecipe:
    """A page already made: its whole self is its inputs."""
    return PageRecipe(page.save_as, (page,), lambda: page)
