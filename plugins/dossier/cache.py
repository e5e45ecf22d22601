"""The warm-build cache: what one build computed, kept for the next build of the same dossier.

An entry's key is a digest of everything its value depends on: the plugin's code and the
theme, every installed package, every setting but those no cached value depends on
(generator.NOT_IN_KEYS), and the step's own inputs (the files it reads; for a page, its
recipe's inputs). An edit changes the key, so a stale entry is never found,
only left behind; saving keeps, of each kind of entry, just those the last build that used the
kind used, so the cache never grows past one build's worth. A missing, unreadable or foreign
cache file means its entries are made again, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Sequence, TypeVar

from .workers import map_forked, nothing, worker_count

logger = logging.getLogger(__name__)

T = TypeVar("T")
FORMAT = 3  # bump when the file's layout changes


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
    """One build's view of the cache: a folder with one file per kind of entry ("clean",
    "page"…), each read when the build first asks for that kind and written again only when
    one of its entries changed, so the large stage results are not rewritten after editing an
    annotation."""

    def __init__(self, path: Path | None, version: str) -> None:
        self.path = path  # a folder; None: no cache, every value is made
        self.version = version  # digest of code, theme and settings: part of every key
        self.found: dict[str, dict[str, object]] = {}  # kind -> key -> value, from the last build
        self.used: dict[str, dict[str, object]] = {}  # kind -> key -> value, this build's
        self.counts: Counter[tuple[str, bool]] = Counter()  # (kind, reused) -> entries
        self.saved: set[str] = set()  # kinds saved already, unchanged since

    def key(self, kind: str, *inputs: object) -> str:
        return digest(self.version, kind, *inputs)

    def value(self, kind: str, inputs: tuple, make: Callable[[], T]) -> T:
        """The cached value for `inputs`, or `make()`'s, remembered for the next build."""
        return self._value(kind, self.key(kind, *inputs), make)

    def values(
        self, kind: str, work: Sequence[tuple[tuple, Callable[[], T]]], processes: int = 1, meanwhile: Callable[[], None] = nothing
    ) -> list[T]:
        """[value(kind, inputs, make) for inputs, make in work], the values missing from the
        cache made on up to `processes` forked workers (workers.py), and the kind saved at once.
        `meanwhile`: what this process does while workers make them (only when there are any).
        A worker sends each value pickled: the build unpickles it as it arrives, while the
        workers go on, and saves those bytes as they are, so the pickling a cache needs is
        shared by the workers too, and the bytes are not held until the end of the build."""
        found, used = self._found(kind), self.used.get(kind, {})
        keyed = [(self.key(kind, *inputs), make) for inputs, make in work]
        missing = {key: make for key, make in keyed if key not in found and key not in used}
        processes = worker_count(processes, len(missing))
        pickled: dict[str, bytes] = {}
        if processes > 1:
            made = map_forked(
                lambda make: pickle.dumps(make(), pickle.HIGHEST_PROTOCOL),
                list(missing.values()),
                processes,
                receive=lambda data: (data, pickle.loads(data)),
                meanwhile=meanwhile,
            )
            for key, (data, value) in zip(missing, made):
                pickled[key] = data
                self.keep(kind, key, value, reused=False)
        results = [self._value(kind, key, make) for key, make in keyed]
        self._save_kind(kind, pickled)
        self.saved.add(kind)
        return results

    def preload(self, kind: str) -> None:
        """Read the kind's entries now, so that forked workers share them instead of each
        reading the file again."""
        self._found(kind)

    def recall(self, kind: str, key: str) -> object | None:
        """The value the last build kept under `key` (a key from `key()`), if any."""
        return self._found(kind).get(key)

    def keep(self, kind: str, key: str, value: object, reused: bool) -> None:
        self.saved.discard(kind)
        self._found(kind).pop(key, None)
        self.used.setdefault(kind, {})[key] = value
        self.counts[kind, reused] += 1

    def summary(self) -> str:
        """What was reused, e.g. "clean 2000/2000, page 3/3009"."""
        kinds = sorted({kind for kind, _ in self.counts})
        return ", ".join(f"{kind} {self.counts[kind, True]}/{self.counts[kind, True] + self.counts[kind, False]}" for kind in kinds)

    def save(self) -> None:
        """Write each kind that changed (a new entry, or one the last build had and this one did
        not use) since it was last saved: a build may save as it goes, to pickle large values
        while less else is in memory, and again at the end. A kind this build did not use at
        all keeps its file for a later build (the sources' readings, when linking and dating
        came whole from the cache), unless other code or settings wrote it."""
        if self.path is None:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        for unused in self.path.glob("*.pickle"):
            if unused.stem not in self.used and not self._current(unused):
                unused.unlink()
        for kind in sorted(self.used.keys() - self.saved):
            self._save_kind(kind)
            self.saved.add(kind)

    def _save_kind(self, kind: str, pickled: dict[str, bytes] | None = None) -> None:
        """Write the kind's entries if it changed; `pickled`: some of them, already pickled."""
        if self.path is None or not (self.counts[kind, False] or self.found.get(kind)):
            return
        self.path.mkdir(parents=True, exist_ok=True)
        path = self.path / f"{kind}.pickle"
        entries = self.used.get(kind, {})
        partial = path.with_name(path.name + ".partial")
        with partial.open("wb") as file:
            pickle.dump((FORMAT, self.version, len(entries)), file, protocol=pickle.HIGHEST_PROTOCOL)
            for key, value in entries.items():  # a pickle each: a pickler's memo of them all is as large as they are
                pickle.dump(key, file, protocol=pickle.HIGHEST_PROTOCOL)
                if pickled and key in pickled:
                    file.write(pickled[key])
                else:
                    pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)  # to the file: a large value is never in memory twice
        os.replace(partial, path)  # a build stopped while saving leaves the old file whole

    def _value(self, kind: str, key: str, make: Callable[[], T]) -> T:
        used = self.used.get(kind, {})
        if key in used:
            return used[key]  # type: ignore[return-value]
        found = self._found(kind)
        reused = key in found
        value = found[key] if reused else make()
        self.keep(kind, key, value, reused)
        return value  # type: ignore[return-value]

    def _current(self, path: Path) -> bool:
        try:
            with path.open("rb") as file:
                return pickle.load(file)[:2] == (FORMAT, self.version)
        except Exception:
            return False

    def _found(self, kind: str) -> dict[str, object]:
        if kind not in self.found:
            self.found[kind] = self._read(kind) if self.path else {}
        return self.found[kind]

    def _read(self, kind: str) -> dict[str, object]:
        path = self.path / f"{kind}.pickle"  # type: ignore[operator]
        try:
            with path.open("rb") as file:
                layout, version, count = pickle.load(file)
                if layout != FORMAT or version != self.version:
                    return {}  # other code or settings: no entry could match
                entries = {}
                for _ in range(count):
                    key = pickle.load(file)  # then its value: two pickles, so a worker's bytes are saved as they are
                    entries[key] = pickle.load(file)
                return entries
        except FileNotFoundError:
            return {}
        except Exception as exc:  # truncated, or written by another version of Python or the plugin
            logger.info("Dossier cache %s unreadable (%s): making its entries again", path, exc)
            return {}
