"""Classify every raw line as body, metadata or boilerplate, by structure and the lexicon.

The steps, in order:
1. `label_line`: context-free labels from the lexicon (comment forms, bylines, date lines…).
2. `find_headline`: the first title-like line before the first paragraph of prose.
3. `find_zones`: where the article starts (first prose line), where the site's tail starts
   (the first end-of-article marker after that, e.g. a comment form or a "Related" section),
   and where the body ends (its last line of prose before the tail).
4. Every line gets its verdict from its zone and its neighbours: header lines are metadata or
   site chrome; body lines are paragraphs, headings and list items unless labelled junk; lines
   after the body are an outlet name, a link list or junk; the tail holds author boxes,
   "About <site>" blurbs and lists of other headlines.

Nothing here looks at a file name: the same rules run on any scraped page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import BLANK, BODY, BOILERPLATE, HEADING, LIST_ITEM, METADATA, PARAGRAPH, LineVerdict
from . import lexicon
from .dates import parse_date_line
from .features import Line, is_name_like, is_prose, is_title_like

HEADER_LINES = 8  # a headline stands among the first non-blank lines


@dataclass(frozen=True)
class Label:
    role: str
    kind: str
    reason: str
    ends_article: bool = False  # after the body has started, nothing after this is article


def junk(kind: str, reason: str, ends_article: bool = False) -> Label:
    return Label(BOILERPLATE, kind, reason, ends_article)


def meta(kind: str, reason: str) -> Label:
    return Label(METADATA, kind, reason)


def label_line(line: Line) -> Label | None:
    """Step 1: what the lexicon says of a line on its own."""
    key = line.key
    if key in lexicon.COMMENT_FORM:
        return junk("comment form", "comment form prompt", ends_article=True)
    if key in lexicon.RELATED_SECTIONS:
        return junk("related list", f"label of a list of other articles ('{line.text}')", ends_article=True)
    if key in lexicon.SHARE_WIDGETS:
        return junk("share widget", f"share or subscribe widget ('{line.text}')", ends_article=True)
    if key in lexicon.SITE_CHROME:
        return junk("site chrome", f"menu, button or ad slot ('{line.text}')")
    if lexicon.COUNTER.match(key):
        return junk("counter", f"counter ('{line.text}')", ends_article=True)
    if lexicon.RELATED_INSERT.match(key):
        return junk("related insert", "in-body link to another article ('>>Related …' insert)")
    if lexicon.MARKUP_RESIDUE.match(key):
        return junk("markup residue", "template or markup residue, not text")
    if lexicon.EMPTY_LABEL.match(key):
        return junk("empty label", f"field label with no value ('{line.text}')")
    if line.words <= 12 and lexicon.TAXONOMY.match(key):
        return junk("taxonomy", f"tags or categories ('{line.text}')")
    if line.words <= 12 and lexicon.ORIGINAL_SOURCE.match(line.text):
        return meta("original_source", "original source line")
    if lexicon.BYLINE.match(line.text):
        return meta("author", "byline")
    if parse_date_line(line.text):
        return meta("date", "date line")
    if line.words <= 40 and lexicon.CAPTION.search(line.text):
        return meta("caption", "photo caption (ends with a credit)")
    if line.words <= 8 and lexicon.LINK_LIST_HEADER.search(key):
        return junk("link list", f"heading of a link list whose links are gone ('{line.text}')")
    if line.words <= 6 and not line.ends_sentence and (about := lexicon.ABOUT_HEADER.match(line.text)):
        if about.group("name").casefold() in lexicon.ABOUT_NOT_A_SITE:
            return junk("about blurb", f"'About …' box header ('{line.text}')", ends_article=True)
        return Label(METADATA, "publisher", "'About <site>' box header names the site", ends_article=True)
    return None


def find_headline(lines: Sequence[Line], labels: dict[int, Label]) -> Line | None:
    """Step 2: the first unlabelled title-like line near the top, before any prose."""
    for line in [l for l in lines if not l.blank][:HEADER_LINES]:
        if line.number in labels or lexicon.BREADCRUMB.search(line.text):
            continue
        if is_prose(line):
            return None
        if is_title_like(line):
            return line
    return None


@dataclass(frozen=True)
class Zones:
    start: int | None  # raw line number of the first body line
    end: int | None  # raw line number of the last body line
    tail: int | None  # raw line number of the first end-of-article marker
    tail_marker: str | None


def is_body_like(line: Line) -> bool:
    """Prose, or a list item whose text is a sentence (a link list's items are not)."""
    if line.list_marker:
        return line.words >= 6 and (line.ends_sentence or line.words >= 20)
    return is_prose(line)


def find_zones(lines: Sequence[Line], labels: dict[int, Label]) -> Zones:
    """Step 3: where the article's body starts and ends, and where the site's tail begins."""
    content = [l for l in lines if not l.blank]
    body_like = [l for l in content if l.number not in labels and is_body_like(l)]
    if not body_like:
        return Zones(None, None, None, None)
    start = body_like[0].number
    tail_line = next(
        (l for l in content if l.number > start and l.number in labels and labels[l.number].ends_article),
        None,
    )
    tail = tail_line.number if tail_line else None
    end = max(l.number for l in body_like if tail is None or l.number < tail)
    return Zones(start, end, tail, tail_line.text if tail_line else None)


def classify(lines: Sequence[Line]) -> tuple[LineVerdict, ...]:
    """Steps 1-4: one verdict per raw line."""
    labels = {l.number: label for l in lines if not l.blank and (label := label_line(l))}
    headline = find_headline(lines, labels)
    zones = find_zones(lines, labels)
    content = [l for l in lines if not l.blank]
    decided: dict[int, Label] = {}
    seen: dict[str, int] = {}  # line key -> first line number, for repetitions
    for line, following in zip(content, _following_lines(content, labels)):
        label = (
            labels.get(line.number)
            or _repetition(line, headline, seen)
            or _by_zone(line, following, headline, zones, decided, content)
        )
        decided[line.number] = label
        seen.setdefault(line.key, line.number)
    return tuple(_verdict(line, decided.get(line.number)) for line in lines)


def _following_lines(content: Sequence[Line], labels: dict[int, Label]) -> list[Line | None]:
    """For each line, the next one that is not junk: a heading stays a heading when an ad or a
    ">>Related" insert sits between it and its paragraph. One pass from the end, not one scan
    per line."""
    following: list[Line | None] = []
    after = None
    for line in reversed(content):
        following.append(after)
        if line.number not in labels or labels[line.number].role != BOILERPLATE:
            after = line
    return following[::-1]


def _verdict(line: Line, label: Label | None) -> LineVerdict:
    if label is None:
        return LineVerdict(line.number, line.text, BLANK, "blank", "blank line")
    return LineVerdict(line.number, line.text, label.role, label.kind, label.reason)


def _repetition(line: Line, headline: Line | None, seen: dict[str, int]) -> Label | None:
    if headline and line.number != headline.number:
        if line.key == headline.key:
            return junk("repeated headline", f"repeats the headline (line {headline.number})")
        if line.key.endswith(headline.key) and not is_prose(line):
            return junk("breadcrumb", "breadcrumb navigation ending in the headline")
    if line.key in seen and not is_prose(line):
        return junk("repeated line", f"repeats line {seen[line.key]}")
    return None


def _by_zone(
    line: Line,
    following: Line | None,
    headline: Line | None,
    zones: Zones,
    decided: dict[int, Label],
    content: Sequence[Line],
) -> Label:
    """Step 4 for a line the lexicon did not label."""
    if headline and line.number == headline.number:
        return meta("headline", "headline: first title-like line before the body")
    if zones.start is None or line.number < zones.start:
        if lexicon.BREADCRUMB.search(line.text) and not is_prose(line):
            return junk("breadcrumb", "breadcrumb navigation")
        return junk("site header", "site header before the article's first paragraph")
    if line.number <= zones.end:
        return _body(line, following)
    if zones.tail is None or line.number < zones.tail:
        return _after_body(line, decided, zones)
    names = [l.text for l in content if l.number in decided and decided[l.number].kind == "author"]
    return _tail(line, following, decided, zones, names)


def _body(line: Line, following: Line | None) -> Label:
    if line.list_marker:
        return Label(BODY, LIST_ITEM, "list item")
    if is_title_like(line) and following is not None and is_body_like(following):
        return Label(BODY, HEADING, "heading: short title-like line before a paragraph")
    return Label(BODY, PARAGRAPH, "paragraph")


def _after_body(line: Line, decided: dict[int, Label], zones: Zones) -> Label:
    """Between the last paragraph and the site's tail: an outlet's name, or links that are gone."""
    outlet_found = any(l.kind == "original_source" for l in decided.values())
    if not outlet_found and is_title_like(line) and line.words <= 6 and not line.list_marker:
        return meta("original_source", "outlet name after the article's last paragraph")
    if line.list_marker:
        return junk("link list", "item of a link list whose links are gone")
    return junk("after body", f"after the article's last paragraph (line {zones.end})")


def _tail(line: Line, following: Line | None, decided: dict[int, Label], zones: Zones, names: list[str]) -> Label:
    """After an end-of-article marker: author boxes, 'About' blurbs, other articles' headlines."""
    previous = decided.get(line.number - 1) or decided.get(line.number - 2)
    if is_name_like(line) and following is not None and following.text.startswith(line.text):
        return meta("author", "author's name in the author box")
    if previous is not None and previous.kind in ("about blurb", "publisher"):
        return junk("about blurb", "'About …' blurb describing the site")
    if is_prose(line) and any(line.text.startswith(name) for name in names):
        return junk("author bio", "author biography")
    if lexicon.TEASER_END.search(line.text):
        return junk("teaser", "teaser of another article (truncated with an ellipsis)")
    if following is not None and lexicon.TEASER_END.search(following.text) and is_title_like(line):
        return junk("other headline", "headline of another article (a teaser follows)")
    return junk("tail", f"after the end of the article ('{zones.tail_marker}' on line {zones.tail})")
