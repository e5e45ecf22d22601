"""Property tests: linking never changes the visible text and never nests or overlaps links."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link.matcher import build_matcher
from dossier.render.marks import Mark, render_marked

WORDS = ["Iran", "Iranian", "Quds", "Force", "Quds Force", "al-Assad", "Assad", "US", "us", "Deir", "ez-Zor"]
SEPARATORS = [" ", "  ", "-", "’s ", "'s ", ", ", ". ", "\u00a0", "“", "”", "(", ")", "é", "\u0301", ""]

aliases = st.lists(st.sampled_from(WORDS + ["Quds Force", "Deir ez-Zor", "Bashar al-Assad", "Assad’s"]), min_size=1, max_size=8, unique=True)
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=300)
@given(aliases=aliases, text=texts, data=st.data())
def test_matches_never_overlap_and_cover_whole_aliases(aliases, text, data):
    pairs = [(alias, f"e{i}") for i, alias in enumerate(aliases)]
    matches = build_matcher(pairs).find(text)
    assert all(0 <= m.start < m.end <= len(text) for m in matches)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))
    shuffled = data.draw(st.permutations(pairs))
    assert build_matcher(shuffled).find(text) == matches  # alias order never matters


@settings(max_examples=300)
@given(aliases=aliases, text=texts)
def test_links_never_change_the_visible_text_nor_nest(aliases, text):
    matches = build_matcher([(alias, f"e{i}") for i, alias in enumerate(aliases)]).find(text)
    marks = [Mark(m.start, m.end, "a", (("class", "entity"), ("href", f"../entities/{m.entity}.html"))) for m in matches]
    rendered = str(render_marked(text, marks))
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)) == text
    depth = 0
    for tag in re.findall(r"</?a\b", rendered):
        depth += 1 if tag == "<a" else -1
        assert depth in (0, 1)
    assert rendered.count("<a ") == len(matches)
