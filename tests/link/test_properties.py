"""Property tests: the matcher finds what a slow, literal search finds; linking never changes the
visible text and never nests or overlaps links."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.link.matcher import build_matcher
from dossier.render import marks as marks_module
from dossier.render.marks import Mark, render_marked

WORDS = ["Iran", "Iranian", "Quds", "Force", "Quds Force", "al-Assad", "Assad", "US", "us", "Deir", "ez-Zor"]
SEPARATORS = [" ", "  ", "-", "’s ", "'s ", ", ", ". ", "\u00a0", "“", "”", "(", ")", "é", "\u0301", ""]

aliases = st.lists(st.sampled_from(WORDS + ["Quds Force", "Deir ez-Zor", "Bashar al-Assad", "Assad’s"]), min_size=1, max_size=8, unique=True)
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), st.text(max_size=3)), max_size=40).map("".join)

# The typographic variants the matcher treats as the same character, and that character.
PLAIN = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"', "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2010": "-", "\u2011": "-"})


def searched_slowly(pairs: list[tuple[str, str]], text: str) -> list[tuple[int, int, str]]:
    """(start, end, entity): the matcher's rules as its documentation states them, each alias tried
    at every position of the text."""

    def word_character(character: str) -> bool:
        return character.isalnum() or character == "_" or unicodedata.category(character).startswith("M")

    def whole_word(start: int, end: int) -> bool:
        return (start == 0 or not word_character(text[start - 1])) and (end == len(text) or not word_character(text[end]))

    found = sorted(
        (start, -len(alias), entity)
        for alias, entity in pairs
        for start in range(len(text))
        if text.translate(PLAIN).startswith(alias.translate(PLAIN), start) and whole_word(start, start + len(alias))
    )
    chosen: list[tuple[int, int, str]] = []
    for start, negative_length, entity in found:  # the leftmost first, then the longest
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, start - negative_length, entity))
    return chosen


@settings(max_examples=300)
@given(aliases=aliases, text=texts)
def test_the_matcher_finds_what_a_slow_literal_search_finds(aliases, text):
    pairs = [(alias, f"e{i}") for i, alias in enumerate(aliases)]
    assert [(m.start, m.end, m.entity) for m in build_matcher(pairs).find(text)] == searched_slowly(pairs, text)


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


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["a", "mark", "time"])), max_size=6)


@given(texts, spans)
def test_marks_apart_render_as_the_general_algorithm_renders_them(text, chosen):
    """render_marked's one-pass path for marks that neither overlap nor nest gives the very
    HTML of the general, nesting algorithm."""
    marks, end = [], 0
    for gap, length, tag in chosen:
        start = end + gap
        marks.append(Mark(start, start + length, tag, (("id", f"m{start}"), ("title", "<&>"))))
        end = start + length
    marks = [m for m in marks if m.end <= len(text)]
    assert render_marked(text, marks) == marks_module._render_nested(text, marks)


def test_text_is_escaped_around_and_inside_marks_apart():
    text = 'Tom & "Jerry" <b>'
    assert str(render_marked(text, [Mark(6, 13, "mark")])) == "Tom &amp; <mark>&#34;Jerry&#34;</mark> &lt;b&gt;"
    assert str(render_marked("Tom and Jerry", [Mark(8, 13, "mark")])) == "Tom and <mark>Jerry</mark>"
