"""Editors' per-source notes: `content/notes/<source file stem>.md`.

Front matter overrides or completes what the cleaner found; the body is shown on the source
page as "Editor's notes". A note for a source that does not exist is an error.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any, Sequence

from .editorial import Field, one_of, optional_text, read_document, render_markdown, text_value
from .model import CleanedSource, Note, Published, Source
from .problems import Problem, error, warning

RELIABILITY = ("high", "medium", "low", "unknown")
FALLBACK_TITLE_WORDS = 10

_DATE_FORMATS = ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d", "day"), (r"\d{4}-\d{2}", "%Y-%m", "month"), (r"\d{4}", "%Y", "year"))


def date_value(value: Any) -> tuple[str, str]:
    """'2024-12-07', '2024-12' or '2024' -> (ISO text, precision); an impossible date is refused."""
    text = text_value(value)
    for pattern, fmt, precision in _DATE_FORMATS:
        if re.fullmatch(pattern, text):
            try:
                datetime.datetime.strptime(text, fmt)
            except ValueError:
                raise ValueError(f"'{text}' is not a real date") from None
            return text, precision
    raise ValueError(f"'{text}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def language_value(value: Any) -> str:
    text = text_value(value)
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
        raise ValueError(f"'{text}' is not a language tag like 'en' or 'en-GB'")
    return text


NOTE_FIELDS = {
    "title": Field(text_value),
    "date": Field(date_value),
    "date_basis": Field(text_value),
    "author": Field(optional_text),
    "publisher": Field(optional_text),
    "original_source": Field(optional_text),
    "reliability": Field(one_of(*RELIABILITY)),
    "language": Field(language_value),
}


def load_notes(files: Sequence[tuple[str, str]], stems: set[str]) -> tuple[dict[str, Note], list[Problem]]:
    notes: dict[str, Note] = {}
    problems: list[Problem] = []
    for path, text in files:
        stem = path.rsplit("/", 1)[-1].removesuffix(".md")
        if stem not in stems:
            problems.append(error(path, f"note for a source that does not exist (no sources/{stem}.txt)"))
            continue
        document, found = read_document(path, text, NOTE_FIELDS)
        problems += found
        if document is None:
            continue
        overrides = dict(document.meta)
        if "date" in overrides and "date_basis" not in overrides:
            problems.append(error(path, "'date' needs 'date_basis': say in words how the date is known", document.line_of("date")))
            del overrides["date"]  # an unexplained date is not published
        notes[stem] = Note(path, stem, overrides, render_markdown(document.body, f"note-{stem}"))
    return notes, problems


def apply_note(cleaned: CleanedSource, note: Note | None) -> tuple[Source, list[Problem]]:
    """The source as published: the cleaner's metadata, completed by the editor's note."""
    found = cleaned.metadata
    overrides = note.overrides if note else {}
    published = found.published
    if "date" in overrides:
        iso, precision = overrides["date"]
        published = Published(iso, precision, f"editor's note: {overrides['date_basis']}")
    metadata = dataclasses.replace(
        found,
        author=overrides.get("author", found.author),
        publisher=overrides.get("publisher", found.publisher),
        original_source=overrides.get("original_source", found.original_source),
        published=published,
    )
    problems: list[Problem] = []
    if "title" in overrides:
        metadata = dataclasses.replace(metadata, title=overrides["title"], title_basis="Set in the editor's note")
    elif found.title is None:
        metadata = dataclasses.replace(metadata, **fallback_title(cleaned))
        problems.append(
            warning(
                cleaned.raw.path,
                f"no headline found: titled '{metadata.title}' from its opening words; "
                f"set 'title' in notes/{cleaned.raw.stem}.md",
            )
        )
    source = Source(cleaned, metadata, note, overrides.get("reliability"), overrides.get("language"))
    return source, problems


def fallback_title(cleaned: CleanedSource) -> dict[str, str]:
    if not cleaned.blocks:
        return {"title": cleaned.raw.stem, "title_basis": "No headline and no body: the file name"}
    words = cleaned.blocks[0].text.split()
    title = " ".join(words[:FALLBACK_TITLE_WORDS]) + ("…" if len(words) > FALLBACK_TITLE_WORDS else "")
    return {"title": title, "title_basis": "No headline in the raw text: the opening words of its first paragraph"}
