"""The sentence around a mention, as entity pages show it."""

from __future__ import annotations

import pytest

from dossier.link import sentence_around

TEXT = "Iran left. “Many advisers have left Syria,” he said. The U.S. and NATO watched. 3,000 stayed."


@pytest.mark.parametrize(
    "word, sentence",
    [
        ("Iran", "Iran left."),
        ("Syria", "“Many advisers have left Syria,” he said."),
        ("NATO", "The U.S. and NATO watched."),  # "U.S. and" is no sentence break
        ("stayed", "3,000 stayed."),
    ],
)
def test_the_sentence_holding_a_word(word, sentence):
    start = TEXT.index(word)
    first, last = sentence_around(TEXT, start, start + len(word))
    assert TEXT[first:last] == sentence


def test_a_mention_across_a_break_keeps_both_sentences():
    start = TEXT.index("left.")
    first, last = sentence_around(TEXT, start, TEXT.index("Many") + 4)
    assert TEXT[first:last] == "Iran left. “Many advisers have left Syria,” he said."
