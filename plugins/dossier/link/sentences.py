"""The sentence around a mention, for showing mentions in context on entity pages."""

from __future__ import annotations

import re

# A full stop (or ! ? …), any closing quotes or brackets, then space: a break if the next
# sentence starts as sentences do. "U.S. and NATO" is not broken; "U.S. President" is, and shows
# a shorter context, which is the safe mistake.
BREAK = re.compile(r"[.!?…][”’\"')\]]*\s+")
OPENERS = "“‘\"'(["


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(first, last) offsets of the sentence of `text` that holds text[start:end]; a mention
    running across a break keeps both sentences."""
    first, last = 0, len(text)
    for found in BREAK.finditer(text):
        following = text[found.end() : found.end() + 1]
        if not (following.isupper() or following.isdigit() or following in OPENERS):
            continue
        if found.end() <= start:
            first = found.end()
        elif found.start() >= end:
            last = found.start() + len(found.group().rstrip())  # keep the full stop and quotes
            break
    return first, last
