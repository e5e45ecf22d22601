"""Stage 2, clean: a raw scraped article -> body blocks, metadata, and every removed line with
its reason. See classify.py for the rules and lexicon.py for the words they use."""

from __future__ import annotations

from ..model import METADATA, UNDATED, CleanedSource, LineVerdict, Metadata, Published, RawSource
from ..problems import Problem, warning
from . import lexicon
from .blocks import build_blocks
from .classify import classify
from .dates import parse_date_line
from .features import measure


def clean_source(raw: RawSource) -> tuple[CleanedSource, list[Problem]]:
    verdicts = classify([measure(number, text) for number, text in enumerate(raw.lines, 1)])
    blocks = build_blocks(verdicts)
    problems = [] if blocks else [warning(raw.path, "no body text found: every line looks like site boilerplate")]
    return CleanedSource(raw, extract_metadata(verdicts), blocks, verdicts), problems


def extract_metadata(verdicts: tuple[LineVerdict, ...]) -> Metadata:
    """The first metadata line of each kind wins: a header's byline before an author box."""
    first: dict[str, LineVerdict] = {}
    for verdict in verdicts:
        if verdict.role == METADATA:
            first.setdefault(verdict.kind, verdict)

    def value(kind: str) -> str | None:
        return _value_of(first[kind]) if kind in first else None

    headline = first.get("headline")
    return Metadata(
        title=headline.text if headline else None,
        title_basis=f"The headline, raw line {headline.number}" if headline else None,
        author=value("author"),
        publisher=value("publisher"),
        original_source=value("original_source"),
        published=_published(first.get("date")),
        caption=value("caption"),
    )


def _published(verdict: LineVerdict | None) -> Published:
    if verdict is None:
        return UNDATED
    iso, precision = parse_date_line(verdict.text)
    return Published(iso, precision, f"raw line {verdict.number} ('{verdict.text}')")


def _value_of(verdict: LineVerdict) -> str:
    if match := lexicon.BYLINE.match(verdict.text):
        return match.group("name")
    if match := lexicon.ORIGINAL_SOURCE.match(verdict.text):
        return match.group("value").strip()
    if verdict.kind == "publisher" and (match := lexicon.ABOUT_HEADER.match(verdict.text)):
        return match.group("name")
    return verdict.text
