"""Co-mentions: two entities named in the same paragraph, counted by paragraphs."""

from __future__ import annotations

from collections import Counter
from itertools import chain, combinations
from typing import Mapping, Sequence

from ..model import Mention


def co_mentions(mentions: Sequence[Mention]) -> Counter[tuple[str, str]]:
    """(a, b) with a < b -> the number of paragraphs that name both, in the order the pairs are
    first met. Not sorted: sorting 93,000 pairs (N=2,000) took longer than counting them, and
    every use orders what it shows itself."""
    named: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        named.setdefault((mention.source, mention.paragraph), set()).add(mention.entity)
    return Counter(chain.from_iterable(combinations(sorted(entities), 2) for entities in named.values()))  # counted in C


def adjacency(counts: Mapping[tuple[str, str], int]) -> dict[str, list[tuple[str, int]]]:
    """entity -> the entities named with it and how often, the most often first, then by slug."""
    named_with: dict[str, list[tuple[str, int]]] = {}
    for (a, b), n in counts.items():
        named_with.setdefault(a, []).append((b, n))
        named_with.setdefault(b, []).append((a, n))
    return {slug: sorted(found, key=lambda item: (-item[1], item[0])) for slug, found in sorted(named_with.items())}
