"""Inline marks over a block's text (entity links, annotation highlights, dates) -> safe HTML.

Marks may overlap (a link that starts inside a highlight and ends after it). HTML cannot
overlap, so where two marks cross, the inner one is closed and reopened: the output is always
well nested, and the visible text is exactly the block's text, escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from .templating import TO_ESCAPE


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    tag: str  # "a", "mark", "time"…
    attributes: tuple[tuple[str, str], ...] = ()
    rank: int = 0  # lower ranks enclose higher ones where both cover the same text


def _open_tag(mark: Mark, first: bool) -> str:
    # An element split in two keeps its id on the first piece only: ids stay unique.
    attributes = "".join(
        f' {name}="{escape(value)}"' for name, value in mark.attributes if first or name != "id"
    )
    return f"<{mark.tag}{attributes}>"


def render_marked(text: str, marks: tuple[Mark, ...] | list[Mark]) -> Markup:
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    if not marks:
        return escape(text)
    in_order = sorted(marks, key=lambda m: (m.start, m.end))
    if all(before.end <= after.start for before, after in zip(in_order, in_order[1:])):
        return _render_apart(text, in_order)
    return _render_nested(text, marks)


def _render_apart(text: str, marks: list[Mark]) -> Markup:
    """Marks that neither overlap nor nest, in order: the common case (a paragraph's entity
    links, a passage's highlighted name), in one pass. The same HTML as `_render_nested`."""
    # A text with nothing to escape (nearly every one: news text has typographic quotes) has
    # none in its slices either: one search instead of an escape() per piece.
    escaped = escape if TO_ESCAPE.search(text) else str
    pieces: list[str] = []
    position = 0
    for mark in marks:
        pieces += (escaped(text[position : mark.start]), _open_tag(mark, True), escaped(text[mark.start : mark.end]), f"</{mark.tag}>")
        position = mark.end
    pieces.append(escaped(text[position:]))
    return Markup("".join(pieces))


def _render_nested(text: str, marks: list[Mark]) -> Markup:
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    for start, end in zip(points, points[1:]):
        active = sorted(
            (m for m in marks if m.start <= start and end <= m.end), key=lambda m: (m.rank, m.start, -m.end)
        )
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
            keep += 1
        pieces.extend(f"</{m.tag}>" for m in reversed(stack[keep:]))
        for mark in active[keep:]:
            pieces.append(_open_tag(mark, mark not in opened))
            opened.add(mark)
        stack = active
        pieces.append(str(escape(text[start:end])))
    pieces.extend(f"</{m.tag}>" for m in reversed(stack))
    return Markup("".join(pieces))
