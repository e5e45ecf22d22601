"""Stage: render. Every page of the site and the dossier.json document, from the pipeline's data."""

from __future__ import annotations

from typing import Mapping

from .export import export_source
from .page import Page
from .sources import home_page, source_page


def site_pages(dossier, settings: Mapping) -> list[Page]:
    return [home_page(dossier.sources, settings), *(source_page(s) for s in dossier.sources)]


def site_export(dossier) -> dict:
    return {"sources": [export_source(s) for s in dossier.sources]}
