"""Whatever the text and the quote: an anchored span reads as the quote, exactly or closely,
and lies where its offsets say; anchoring never raises."""

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.anchor.anchoring import EXACT, anchor_annotations
from dossier.anchor.text import MIN_SCORE, similarity

from .helpers import annotation_of, make_source

# Letters, spaces and the characters normalising folds, so every search path gets exercised.
ALPHABET = "abcdeIRAN  .,’'“”—-"
paragraphs = st.lists(st.text(ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool), min_size=1, max_size=4)


@st.composite
def text_and_quote(draw):
    texts = draw(paragraphs)
    text = draw(st.sampled_from(texts))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    edit = draw(st.sampled_from(["none", "replace", "insert", "delete", "upper"]))
    at = draw(st.integers(0, len(quote) - 1))
    letter = draw(st.sampled_from("xyz"))
    quote = {
        "none": quote,
        "replace": quote[:at] + letter + quote[at + 1 :],
        "insert": quote[:at] + letter + quote[at:],
        "delete": quote[:at] + quote[at + 1 :],
        "upper": quote.upper(),
    }[edit]
    return texts, quote


@settings(max_examples=400, deadline=None)
@given(text_and_quote())
def test_an_anchored_span_equals_or_closely_matches_the_quote(case):
    texts, quote = case
    quote = quote.strip()
    if not quote:
        return  # the loader refuses empty quotes
    source = make_source("s1", *texts)
    anchored, problems = anchor_annotations([annotation_of(quote)], [source])
    if not anchored:
        assert problems and problems[0].path == "annotations/note.md"
        return
    (result,) = anchored
    assert result.block.text[result.start : result.end] == result.text
    assert source.text[result.offset : result.offset + len(result.text)] == result.text
    if result.status == EXACT:
        assert result.text == quote and problems == []
    else:
        assert similarity(quote, result.text) >= MIN_SCORE
        assert len(problems) == 1 and result.text in problems[0].message


@settings(max_examples=200, deadline=None)
@given(paragraphs, st.data())
def test_a_quote_copied_from_the_text_anchors_exactly_unless_repeated(texts, data):
    text = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(text) - 1))
    quote = text[start : data.draw(st.integers(start + 1, len(text)))].strip()
    if not quote:
        return
    anchored, problems = anchor_annotations([annotation_of(quote)], [make_source("s1", *texts)])
    occurrences = sum(
        text.startswith(quote, at) for text in texts for at in range(len(text))
    )
    if occurrences == 1:
        assert problems == [] and anchored[0].status == EXACT and anchored[0].text == quote
    else:
        assert anchored == [] and "found" in problems[0].message
