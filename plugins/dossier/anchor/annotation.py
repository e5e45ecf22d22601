"""Annotation files: `content/annotations/<id>.md`, front matter plus a markdown body.

The file name is the annotation's id: it is the anchor on the annotations page and in every
export, so it must stay stable and be usable in a URL ("hmeimin-misspelling").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..editorial import Field, optional_text, read_document, text_list, text_value
from ..notes import date_value
from ..problems import Problem, error

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Annotation:
    id: str  # from the file name, e.g. "hmeimin-misspelling"
    path: str  # content-relative, e.g. "annotations/hmeimin-misspelling.md"
    source: str  # the source's slug or file stem, as the editor wrote it
    quote: str  # text of one paragraph of the cleaned article
    prefix: str | None  # text just before the quote, to tell repeated quotes apart
    suffix: str | None  # text just after it
    author: str
    date: str  # "YYYY-MM-DD": when the annotation was written
    entities: tuple[str, ...]  # entity slugs the annotation is about
    body: str  # markdown
    body_line: int  # 1-based line of the file where the body starts
    key_lines: dict[str, int]  # front-matter key -> 1-based line, for problems

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)


def day_value(value: Any) -> str:
    """Web Annotation's `created` is a timestamp: a month or a year is not precise enough."""
    iso, precision = date_value(value)
    if precision != "day":
        raise ValueError(f"'{iso}' is not a day: write YYYY-MM-DD")
    return iso


def slug_list(value: Any) -> tuple[str, ...]:
    slugs = text_list(value)
    for slug in slugs:
        if not SLUG.fullmatch(slug):
            raise ValueError(f"'{slug}' is not an entity slug like 'qasem-soleimani'")
        if slugs.count(slug) > 1:
            raise ValueError(f"'{slug}' is listed twice")
    return slugs


ANNOTATION_FIELDS = {
    "source": Field(text_value, required=True),
    "quote": Field(text_value, required=True),
    "prefix": Field(optional_text),
    "suffix": Field(optional_text),
    "author": Field(text_value, required=True),
    "date": Field(day_value, required=True),
    "entities": Field(slug_list),
}


def load_annotations(files: Sequence[tuple[str, str]]) -> tuple[list[Annotation], list[Problem]]:
    """(content-relative path, text) of each file -> the annotations that can be anchored.

    A file with any problem is left out (and its problems say why): half an annotation would
    be a silently wrong page."""
    annotations: list[Annotation] = []
    problems: list[Problem] = []
    for path, text in sorted(files):
        annotation, found = load_annotation(path, text)
        problems += found
        if annotation is not None:
            annotations.append(annotation)
    return annotations, problems


def load_annotation(path: str, text: str) -> tuple[Annotation | None, list[Problem]]:
    annotation_id = path.rsplit("/", 1)[-1].removesuffix(".md")
    if not SLUG.fullmatch(annotation_id):
        return None, [
            error(path, "the file name is the annotation's id: use lowercase letters, digits and hyphens, e.g. 'hmeimin-misspelling.md'")
        ]
    document, problems = read_document(path, text, ANNOTATION_FIELDS)
    if document is None or problems:
        return None, problems
    if not document.body.strip():
        return None, [error(path, "the annotation has no text: write it below the front matter", document.body_line)]
    meta = document.meta
    annotation = Annotation(
        id=annotation_id,
        path=path,
        source=meta["source"],
        quote=meta["quote"],
        prefix=meta.get("prefix"),
        suffix=meta.get("suffix"),
        author=meta["author"],
        date=meta["date"],
        entities=meta.get("entities", ()),
        body=document.body,
        body_line=document.body_line,
        key_lines=document.key_lines,
    )
    return annotation, []
