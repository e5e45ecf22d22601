"""Dated statements: each date expression in a source's body, with the sentence that carries it,
its resolution against the publication date, and the entities that sentence mentions."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import Sequence

from ..model import Mention, Source
from .expressions import Expression, find_expressions
from .resolve import Resolution, resolve
from .span import Period

# A sentence ends at . ! or ? (and any closing quote) followed by a space and a capital or an
# opening quote; "U.S. and" does not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')]*\s+(?=[A-Z“‘\"'])")


@dataclass(frozen=True)
class DatedStatement:
    id: str  # stable: derived from the source, paragraph and expression, never from a counter
    source: str  # source slug
    paragraph: str  # block id
    expression: Expression  # offsets are within the block's text
    sentence: str  # the sentence containing the expression, exactly as in the block
    resolution: Resolution
    entities: tuple[str, ...]  # slugs of entities mentioned in the sentence, sorted


def publication_period(source: Source) -> Period | None:
    published = source.metadata.published.date
    return Period.from_iso(published) if published else None


def find_statements(source: Source, mentions: Sequence[Mention]) -> tuple[DatedStatement, ...]:
    """Every dated statement of one source, in reading order; `mentions`: that source's."""
    published = publication_period(source)
    by_block: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.paragraph, []).append(mention)
    statements = []
    for block in source.blocks:
        in_block = by_block.get(block.id, [])
        for start, end in sentence_spans(block.text):
            sentence = block.text[start:end]
            expressions = find_expressions(sentence)
            if not expressions:  # most sentences: no need to gather their entities
                continue
            entities = tuple(sorted({m.entity for m in in_block if start <= m.start and m.end <= end}))
            for found in expressions:
                expression = _shifted(found, start)
                statements.append(
                    DatedStatement(
                        statement_id(source.slug, block.id, expression),
                        source.slug,
                        block.id,
                        expression,
                        sentence,
                        resolve(expression, published),
                        entities,
                    )
                )
    return tuple(statements)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for boundary in _SENTENCE_END.finditer(text):
        spans.append((start, boundary.start() + len(boundary.group().rstrip())))
        start = boundary.end()
    spans.append((start, len(text)))
    return spans


def statement_id(source: str, paragraph: str, expression: Expression) -> str:
    """'on-april-1-3f9c2a': the words as written, and a digest of where they are. A paragraph id
    already changes with the paragraph's text, so the id changes only if the statement does."""
    words = "-".join(re.findall(r"[a-z0-9]+", expression.written.lower()))
    digest = hashlib.sha1(f"{source}#{paragraph}@{expression.start}".encode()).hexdigest()[:6]
    return f"{words}-{digest}" if words[:1].isalpha() else f"d-{words}-{digest}"


def _shifted(expression: Expression, offset: int) -> Expression:
    """Offsets within the sentence -> offsets within the block."""
    return replace(expression, start=expression.start + offset, end=expression.end + offset)


def statements_of(sources: Sequence[Source], mentions: Sequence[Mention]) -> tuple[DatedStatement, ...]:
    by_source: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_source.setdefault(mention.source, []).append(mention)
    return tuple(
        statement for source in sources for statement in find_statements(source, by_source.get(source.slug, ()))
    )
