"""The warm-build cache: what one build computed, kept for the next build of the same dossier.

An entry's key is a digest of everything its value depends on: the plugin's code and the
theme, the settings, and the step's own inputs (the bytes of the files it reads, or a page's
whole template context). An edit changes the key, so a stale entry is never found, only left
behind; saving keeps just the entries this build used, so the cache never grows past one
build's worth. A missing, unreadable or foreign cache file means a cold build, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")
FORMAT = 2  # bump when the file's layout changes


def digest(*parts: object) -> str:
    """A stable digest of bytes, text or any value whose repr is stable (frozen dataclasses,
    tuples, dicts in insertion order). Each part is length-prefixed, so ("ab", "c") and
    ("a", "bc") differ."""
    hashed = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode() if isinstance(part, str) else repr(part).encode()
        hashed.update(len(data).to_bytes(8, "little"))
        hashed.update(data)
    return hashed.hexdigest()


def files_digest(folders: Iterable[Path]) -> str:
    """Every file under `folders`, by path and bytes: the code and templates a build runs."""
    hashed = hashlib.blake2b(digest_size=20)
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            hashed.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hashed.hexdigest()


class BuildCache:
    """One build's view of the cache file: entries found there, and those this build used."""

    def __init__(self, path: Path | None, version: str) -> None:
        self.path = path  # None: no cache, every value is made
        self.version = version  # digest of code, theme and settings: part of every key
        self.found: dict[str, object] = self._load() if path else {}
        self.used: dict[str, object] = {}
        self.counts: Counter[tuple[str, bool]] = Counter()  # (kind, reused) -> entries

    def key(self, kind: str, *inputs: object) -> str:
        return digest(self.version, kind, *inputs)

    def value(self, kind: str, inputs: tuple, make: Callable[[], T]) -> T:
        """The cached value for `inputs`, or `make()`'s, remembered for the next build."""
        key = self.key(kind, *inputs)
        if key in self.used:
            return self.used[key]  # type: ignore[return-value]
        reused = key in self.found
        value = self.found[key] if reused else make()
        self.keep(kind, key, value, reused)
        return value  # type: ignore[return-value]

    def recall(self, key: str) -> object | None:
        """The value a previous build kept under `key` (a key from `key()`), if any."""
        return self.found.get(key)

    def keep(self, kind: str, key: str, value: object, reused: bool) -> None:
        self.found.pop(key, None)
        self.used[key] = value
        self.counts[kind, reused] += 1

    def summary(self) -> str:
        """What was reused, e.g. "clean 2000/2000, page 3/3009"."""
        kinds = sorted({kind for kind, _ in self.counts})
        return ", ".join(f"{kind} {self.counts[kind, True]}/{self.counts[kind, True] + self.counts[kind, False]}" for kind in kinds)

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        with partial.open("wb") as file:
            pickle.dump((FORMAT, self.version, len(self.used)), file, protocol=pickle.HIGHEST_PROTOCOL)
            for entry in self.used.items():  # one pickle each: a pickler's memo of the whole cache is as large as the cache
                pickle.dump(entry, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)  # a build stopped while saving leaves the old cache whole

    def _load(self) -> dict[str, object]:
        try:
            with self.path.open("rb") as file:  # type: ignore[union-attr]
                layout, version, count = pickle.load(file)
                if layout != FORMAT or version != self.version:
                    return {}  # other code or settings: no entry could match
                return dict(pickle.load(file) for _ in range(count))
        except FileNotFoundError:
            return {}
        except Exception as exc:  # truncated, or written by another version of Python or the plugin
            logger.info("Dossier cache %s unreadable (%s): building cold", self.path, exc)
            return {}
