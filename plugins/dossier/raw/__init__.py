"""Stage 1, raw: read files from the content folder safely, exactly as they are.

Sources are evidence: they are read, never written. Files reached through a symbolic link that
leads outside the content folder are never read (nor published). Bad files end in a `Problem`
naming the file, never in a traceback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..model import RawSource
from ..problems import Problem, error, warning

SOURCES = "sources"


def content_files(root: Path, folder: str, suffix: str) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """(content-relative name, path) of the files of `root/folder` ending in `suffix`, sorted
    by name, that are safe to read."""
    base = root / folder
    if not base.is_dir():
        return [], []
    files, problems = [], []
    real_root = root.resolve()
    base_inside = base.resolve().is_relative_to(real_root)
    with os.scandir(base) as entries:  # each entry knows its type: no stat per file
        found = sorted((e for e in entries if e.name.endswith(suffix) and not e.name.startswith(".")), key=lambda e: e.name)
    for entry in found:
        relative, path = f"{folder}/{entry.name}", Path(entry.path)
        # Only a symbolic link can lead elsewhere than its folder (resolving every path is slow).
        inside = path.resolve().is_relative_to(real_root) if entry.is_symlink() else base_inside
        if not inside:
            problems.append(warning(relative, "symbolic link to a file outside the content folder: not read"))
        elif entry.is_file():
            files.append((relative, path))
    return files, problems


def read_text(relative: str, path: Path) -> tuple[str | None, list[Problem]]:
    """Decode a UTF-8 text file (a BOM is allowed); binary and non-UTF-8 files are refused."""
    data = path.read_bytes()
    if b"\0" in data:
        return None, [error(relative, "binary file (it contains NUL bytes): not a text source")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(relative, f"not UTF-8 text (byte 0x{data[exc.start]:02x}): save it as UTF-8", line)]
    return text, []


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as an editor numbers them: split on newlines only (not on form feeds or U+2028)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if "\r" not in text:  # most files: no line to strip, and 2,000 sources have 80,000 lines
        return tuple(lines)
    return tuple(line.removesuffix("\r") for line in lines)


def slug_of(stem: str) -> str:
    """URL-safe and stable: derived from the file name, never from the (editable) title."""
    return re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-") or "source"


def read_sources(root: Path) -> tuple[list[RawSource], list[Problem]]:
    files, problems = content_files(root, SOURCES, ".txt")
    sources: list[RawSource] = []
    slugs: dict[str, str] = {}
    for relative, path in files:
        text, read_problems = read_text(relative, path)
        problems += read_problems
        if text is None:
            continue
        if not text.strip():
            problems.append(warning(relative, "empty file: nothing to publish"))
            continue
        slug = slug_of(path.stem)
        if slug in slugs:
            problems.append(error(relative, f"its page would be sources/{slug}.html, like {slugs[slug]}'s: rename one"))
            continue
        slugs[slug] = relative
        sources.append(RawSource(relative, path.stem, slug, split_lines(text)))
    return sources, problems


def read_editor_files(root: Path, folder: str) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(content-relative path, text) of each markdown file in `folder`."""
    files, problems = content_files(root, folder, ".md")
    documents = []
    for relative, path in files:
        text, read_problems = read_text(relative, path)
        problems += read_problems
        if text is not None:
            documents.append((relative, text))
    return documents, problems
