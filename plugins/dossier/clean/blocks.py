"""Body verdicts -> `Block`s with permalink ids derived from each block's own text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from itertools import islice
from typing import Sequence

from ..model import BODY, LIST_ITEM, Block, LineVerdict
from . import lexicon

ID_WORDS = 4  # leading words shown in an id: enough to recognise the paragraph in a URL
_ID_WORD = re.compile(r"[a-z0-9]+")


def block_id(text: str) -> str:
    """A readable, stable id: the first words plus a short hash of the whole text.

    It depends on nothing but the block's text, so a permalink survives edits elsewhere."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [word.group() for word in islice(_ID_WORD.finditer(ascii_text.lower().replace("'", "")), ID_WORDS)]
    digest = hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:6]
    stem = "-".join(words)
    return f"{stem}-{digest}" if stem and stem[0].isalpha() else f"p-{stem + '-' if stem else ''}{digest}"


def build_blocks(verdicts: Sequence[LineVerdict]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    used: dict[str, int] = {}
    for verdict in verdicts:
        if verdict.role != BODY:
            continue
        marker, text = None, verdict.text
        if verdict.kind == LIST_ITEM:
            item = lexicon.LIST_MARKER.match(verdict.text)
            marker, text = (item.group("marker"), item.group("text")) if item else ("-", verdict.text)
        base = block_id(text)
        used[base] = used.get(base, 0) + 1
        unique = base if used[base] == 1 else f"{base}-{used[base]}"
        blocks.append(Block(unique, verdict.kind, text, (verdict.number,), marker))
    return tuple(blocks)
