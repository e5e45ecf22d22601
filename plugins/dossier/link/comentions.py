"""Co-mentions: two entities named in the same paragraph, counted by paragraphs."""

from __future__ import annotations

from itertools import combinations
from typing import Mapping, Sequence

from ..model import Mention


def co_mentions(mentions: Sequence[Mention]) -> dict[tuple[str, str], int]:
    """(a, b) with a < b -> the number of paragraphs that name both, in the order the pairs are
    first met. Not sorted: sorting 93,000 pairs (N=2,000) took longer than counting them, and
    every use orders what it shows itself."""
    named: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        named.setdefault((mention.source, mention.paragraph), set()).add(mention.entity)
    counts: dict[tuple[str, str], int] = {}
    for entities in named.values():
        for pair in combinations(sorted(entities), 2):
            counts[pair] = counts.get(pair, 0) + 1
    return counts


def adjacency(counts: Mapping[tuple[str, str], int]) -> dict[str, list[tuple[str, int]]]:
    """entity -> the entities named with it and how often, the most often first, then by slug."""
    named_with: dict[str, list[tuple[str, int]]] = {}
    for (a, b), n in counts.items():
        named_with.setdefault(a, []).append((b, n))
        named_with.setdefault(b, []).append((a, n))
    return {slug: sorted(found, key=lambda item: (-item[1], item[0])) for slug, found in sorted(named_with.items())}
