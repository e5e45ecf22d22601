"""Run the cleaner on text written inline in a test."""

from __future__ import annotations

import textwrap

from dossier.clean import clean_source
from dossier.model import CleanedSource, RawSource
from dossier.raw import split_lines


def clean_text(text: str, name: str = "sample") -> CleanedSource:
    raw = RawSource(f"sources/{name}.txt", name, name, split_lines(textwrap.dedent(text).strip("\n")))
    cleaned, _ = clean_source(raw)
    return cleaned


def kinds(cleaned: CleanedSource) -> dict[int, tuple[str, str]]:
    """Line number -> (role, kind), blank lines left out."""
    return {v.number: (v.role, v.kind) for v in cleaned.verdicts if v.role != "blank"}
