"""Anchoring rules: exact, ambiguous, context, moved, normalised, fuzzy, orphan, unknown source."""

from dossier.anchor.anchoring import EXACT, FUZZY, anchor_annotations
from dossier.problems import ERROR, WARNING

from .helpers import annotation_of, make_source

ARTICLE = make_source(
    "s1",
    "Iran has begun to use Russia’s Hmeimin airbase close to the port city of Latakia.",
    "The death of Solemani was a major strike to Iran’s plans.",
    "It’s hard to replace an individual as charismatic as Soleimani. The men know he’s no Soleimani.",
)


def anchor_one(annotation, *sources):
    anchored, problems = anchor_annotations([annotation], sources or [ARTICLE])
    return (anchored[0] if anchored else None), problems


def test_an_exact_unique_quote_is_anchored_exactly():
    anchored, problems = anchor_one(annotation_of("Hmeimin airbase"))
    assert problems == []
    assert (anchored.status, anchored.score) == (EXACT, 100.0)
    assert (anchored.block.id, anchored.text) == ("p1", "Hmeimin airbase")
    assert ARTICLE.text[anchored.offset : anchored.offset + len(anchored.text)] == "Hmeimin airbase"


def test_a_quote_can_be_any_part_of_a_paragraph_of_any_paragraph():
    anchored, problems = anchor_one(annotation_of("a major strike"))
    assert problems == []
    assert anchored.block.id == "p2"
    assert anchored.offset == ARTICLE.block_offsets()[1] + anchored.start


def test_a_repeated_quote_is_an_error_that_shows_every_match():
    anchored, (problem,) = anchor_one(annotation_of("Soleimani"))
    assert anchored is None
    assert problem.severity == ERROR
    assert (problem.path, problem.line) == ("annotations/note.md", 5)
    assert "found 2 times" in problem.message
    assert "as charismatic as [Soleimani]. The men" in problem.message
    assert "he’s no [Soleimani].”" in problem.message
    assert "add 'prefix' or 'suffix'" in problem.message


def test_a_prefix_chooses_between_repeated_quotes():
    anchored, problems = anchor_one(annotation_of("Soleimani", prefix="he’s no"))
    assert problems == []
    assert anchored.status == EXACT
    assert anchored.block.text[anchored.start - 8 : anchored.end] == "he’s no Soleimani"


def test_a_suffix_chooses_between_repeated_quotes():
    anchored, problems = anchor_one(annotation_of("Soleimani", suffix=". The men know"))
    assert problems == []
    assert anchored.block.text[anchored.start :].startswith("Soleimani. The men")


def test_context_is_compared_after_normalising():
    anchored, problems = anchor_one(annotation_of("Soleimani", prefix="HE'S NO"))
    assert problems == [] and anchored.status == EXACT


def test_a_prefix_that_fits_no_match_is_an_error_on_its_line():
    anchored, (problem,) = anchor_one(annotation_of("Soleimani", prefix="unlike"))
    assert anchored is None
    assert problem.severity == ERROR and problem.line == 6
    assert "'prefix' fits none of the 2 place(s)" in problem.message


def test_a_moved_quote_is_found_where_it_now_is():
    before, _ = anchor_one(annotation_of("a major strike"))
    moved = make_source("s1", "A new opening paragraph.", *(block.text for block in reversed(ARTICLE.blocks)))
    after, problems = anchor_one(annotation_of("a major strike"), moved)
    assert problems == []
    assert after.status == EXACT and after.text == before.text
    assert after.block.text == before.block.text and after.block.id != before.block.id
    assert moved.text[after.offset : after.offset + len(after.text)] == "a major strike"


def test_straight_quotes_for_curly_ones_anchor_as_fuzzy_with_a_warning():
    anchored, (problem,) = anchor_one(annotation_of("Iran's plans"))
    assert (anchored.status, anchored.score, anchored.text) == (FUZZY, 100.0, "Iran’s plans")
    assert problem.severity == WARNING and problem.line == 5
    assert "only after normalising quotes, dashes, whitespace and case" in problem.message
    assert "“Iran’s plans”" in problem.message


def test_case_dashes_and_whitespace_are_normalised_too():
    source = make_source("s1", "Quds Force—including military commanders and diplomats—were evacuated.")
    anchored, (problem,) = anchor_one(annotation_of("quds force-including  MILITARY\tcommanders"), source)
    assert anchored.status == FUZZY
    assert anchored.text == "Quds Force—including military commanders"
    assert problem.severity == WARNING


def test_a_typo_anchors_as_fuzzy_with_the_matched_text_and_score():
    anchored, (problem,) = anchor_one(annotation_of("Hmeimim airbase"))
    assert anchored.status == FUZZY and anchored.text == "Hmeimin airbase"
    assert 90 <= anchored.score < 100
    assert problem.severity == WARNING
    assert "only approximately" in problem.message
    assert "(score 93.3, minimum 90) to “Hmeimin airbase” in paragraph p1" in problem.message


def test_a_quote_found_nowhere_is_an_orphan_naming_the_nearest_text():
    anchored, (problem,) = anchor_one(annotation_of("the port city of Tartus in the west"))
    assert anchored is None
    assert problem.severity == ERROR
    assert (problem.path, problem.line) == ("annotations/note.md", 5)
    assert problem.message.startswith("orphan: the quote “the port city of Tartus in the west” is not in sources/s1.txt")
    assert "nearest text" in problem.message and "port city of" in problem.message


def test_a_quote_across_paragraphs_is_an_orphan_that_says_so():
    anchored, (problem,) = anchor_one(annotation_of("Latakia. The death of Solemani"))
    assert anchored is None
    assert "runs across paragraphs" in problem.message and "one paragraph only" in problem.message


def test_an_unknown_source_is_an_error_on_the_source_line():
    anchored, (problem,) = anchor_one(annotation_of("Hmeimin airbase", source="s9"))
    assert anchored is None
    assert problem.severity == ERROR and problem.line == 2
    assert "there is no source 's9' (the sources are: s1)" in problem.message


def test_a_source_is_named_by_its_file_stem_or_its_slug():
    source = make_source("004_3194f4e90b592db8", "Text with Hmeimin airbase.")
    anchored, problems = anchor_one(annotation_of("Hmeimin airbase", source="004_3194f4e90b592db8"), source)
    assert problems == [] and anchored.source is source


def test_results_come_in_reading_order_whatever_the_file_order():
    annotations = [
        annotation_of("Soleimani", name="a", prefix="he’s no"),
        annotation_of("Hmeimin", name="b"),
        annotation_of("The death", name="c"),
    ]
    anchored, problems = anchor_annotations(annotations, [ARTICLE])
    assert problems == []
    assert [a.annotation.id for a in anchored] == ["b", "c", "a"]


def test_ids_for_the_page_come_from_the_annotation_id():
    anchored, _ = anchor_one(annotation_of("Hmeimin airbase", name="hmeimin-misspelling"))
    assert (anchored.highlight_id, anchored.note_id) == ("quote-hmeimin-misspelling", "note-hmeimin-misspelling")


def test_one_wrong_letter_anchors_in_a_quote_of_ten_characters_but_not_nine():
    source = make_source("s1", "The city of Qusair and the town of Yabroud.")
    ten, (warning,) = anchor_one(annotation_of("of Yabrowd"), source)
    assert (ten.status, ten.score, ten.text) == (FUZZY, 90.0, "of Yabroud")
    nine, (problem,) = anchor_one(annotation_of("f Yabrowd"), source)
    assert nine is None and problem.message.startswith("orphan:") and "score 88.8" in problem.message
