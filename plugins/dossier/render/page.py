"""The contract between the pipeline and the Pelican writer: one `Page` per output HTML file."""

from __future__ import annotations

from dataclasses import dataclass, field

# What a page is, for search: its "kind" metadata, which the search page filters on
# (themes/dossier/static/js/search.js lists the same kinds).
SOURCE, ENTITY, EVENT, ANNOTATION, PAGE = "Source", "Entity", "Event", "Annotation", "Page"


@dataclass(frozen=True)
class Page:
    save_as: str  # output-relative path, e.g. "entities/qasem-soleimani.html"
    template: str  # theme template name without ".html", e.g. "entity"
    title: str  # <title> and Open Graph title
    description: str  # meta description: one plain-text sentence
    context: dict = field(default_factory=dict)  # the template's own variables
