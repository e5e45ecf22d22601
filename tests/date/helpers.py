"""Sources for date tests: the five seeds as the pipeline makes them, or small ones written inline."""

from __future__ import annotations

import textwrap
from pathlib import Path

from dossier.clean import clean_source
from dossier.date.expressions import find_expressions
from dossier.date.resolve import Resolution, resolve
from dossier.date.span import Period
from dossier.model import UNDATED, Block, CleanedSource, Metadata, Published, RawSource, Source
from dossier.notes import apply_note
from dossier.pipeline import build_dossier
from dossier.raw import read_sources

# The repository's own content: these tests are about the five seed articles themselves.
CONTENT = Path(__file__).resolve().parents[2] / "content"


def seed_sources() -> tuple[Source, ...]:
    """The five seeds with the editors' notes applied (002 dated 2024-12-07, 003 2024-12)."""
    return build_dossier(CONTENT).sources


def seed_sources_without_notes() -> tuple[Source, ...]:
    raws, _ = read_sources(CONTENT)
    return tuple(apply_note(clean_source(raw)[0], None)[0] for raw in raws)


def make_source(slug: str, *paragraphs: str, published: str | None = None) -> Source:
    """A source whose blocks are `paragraphs`, with ids p1, p2, …, published on `published`
    ("2024-12-07", "2024-12", "2024" or None)."""
    precision = {10: "day", 7: "month", 4: "year"}[len(published)] if published else None
    blocks = tuple(Block(f"p{n}", "p", text, (n,)) for n, text in enumerate(paragraphs, 1))
    raw = RawSource(f"sources/{slug}.txt", slug, slug, tuple(paragraphs))
    dates = Published(published, precision, "test") if published else UNDATED
    metadata = Metadata(f"Title of {slug}", "test", None, None, None, dates)
    return Source(CleanedSource(raw, metadata, blocks, ()), metadata, None, None, None)


def resolve_text(text: str, published: str | None) -> Resolution:
    """The resolution of the one date expression in `text`."""
    (expression,) = find_expressions(text)
    return resolve(expression, Period.from_iso(published) if published else None)


def event_file(front_matter: str, body: str = "") -> str:
    return f"---\n{textwrap.dedent(front_matter).strip()}\n---\n{body}"
