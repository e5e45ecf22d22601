"""Reading annotation files: every mistake is a problem naming the file and line."""

from hypothesis import given
from hypothesis import strategies as st

from dossier.anchor.annotation import load_annotations
from dossier.problems import ERROR

from .helpers import annotation_file


def load_one(text, name="note"):
    return load_annotations([(f"annotations/{name}.md", text)])


COMPLETE = """---
source: 004_3194f4e90b592db8
quote: Hmeimin airbase
prefix: use Russia’s
author: Dossier editors
date: 2026-11-21
entities: [khmeimim-air-base, iran]
---
The body, with a [link](entity:iran).
"""


def test_a_complete_file_loads_with_its_id_from_the_file_name():
    (annotation,), problems = load_one(COMPLETE, "hmeimin-misspelling")
    assert problems == []
    assert annotation.id == "hmeimin-misspelling"
    assert annotation.path == "annotations/hmeimin-misspelling.md"
    assert (annotation.source, annotation.quote, annotation.prefix, annotation.suffix) == (
        "004_3194f4e90b592db8", "Hmeimin airbase", "use Russia’s", None
    )
    assert (annotation.author, annotation.date) == ("Dossier editors", "2026-11-21")
    assert annotation.entities == ("khmeimim-air-base", "iran")
    assert annotation.body.strip() == "The body, with a [link](entity:iran)."
    assert (annotation.line_of("source"), annotation.line_of("quote"), annotation.body_line) == (2, 3, 9)


def test_files_load_in_name_order_whatever_order_they_come_in():
    files = [(f"annotations/{name}.md", annotation_file(quote="q")) for name in ("b", "a", "c")]
    annotations, _ = load_annotations(files)
    assert [a.id for a in annotations] == ["a", "b", "c"]


def test_a_file_name_that_cannot_be_an_id_is_an_error():
    annotations, (problem,) = load_one(annotation_file(quote="q"), "Hmeimin Misspelling")
    assert annotations == []
    assert problem.severity == ERROR
    assert problem.path == "annotations/Hmeimin Misspelling.md"
    assert "id" in problem.message


def test_missing_keys_are_errors_and_leave_the_annotation_out():
    annotations, problems = load_one("---\nsource: s1\n---\nBody\n")
    assert annotations == []
    assert {p.message for p in problems} == {
        "missing required front-matter key 'quote'",
        "missing required front-matter key 'author'",
        "missing required front-matter key 'date'",
    }


def test_an_unknown_key_is_reported_on_its_line():
    annotations, problems = load_one(COMPLETE.replace("prefix:", "prefx:"))
    assert annotations == []
    assert any("unknown front-matter key 'prefx'" in p.message and p.line == 4 for p in problems)


def test_the_date_must_be_a_day():
    annotations, (problem,) = load_one(COMPLETE.replace("2026-11-21", "2026-11"))
    assert annotations == []
    assert problem.line == 6 and "not a day" in problem.message


def test_entity_slugs_must_be_slugs_and_listed_once():
    for entities, expected in ((["Qasem Soleimani"], "not an entity slug"), (["iran", "iran"], "listed twice")):
        text = COMPLETE.replace("[khmeimim-air-base, iran]", str(entities))
        annotations, (problem,) = load_one(text)
        assert annotations == []
        assert expected in problem.message and problem.line == 7


def test_an_empty_body_is_an_error_on_the_body_line():
    annotations, (problem,) = load_one(COMPLETE.replace("The body, with a [link](entity:iran).", "  "))
    assert annotations == []
    assert problem.line == 9 and "no text" in problem.message


def test_malformed_yaml_is_a_problem_not_a_traceback():
    annotations, (problem,) = load_one("---\nsource: s1\nquote: [unclosed\n---\nBody\n")
    assert annotations == []
    assert problem.severity == ERROR and problem.path == "annotations/note.md" and problem.line


@given(st.text(st.characters(blacklist_categories=["Cc", "Cs"])))
def test_no_file_makes_a_traceback(text):
    annotations, problems = load_one(COMPLETE.replace("Hmeimin airbase", text.replace("\n", " ")) if text else text)
    assert len(annotations) + len(problems) >= 1
    assert all(p.path == "annotations/note.md" for p in problems)


def test_a_control_character_in_the_front_matter_is_a_problem():
    annotations, (problem,) = load_one(COMPLETE.replace("Hmeimin airbase", "Hmeimin\x1b airbase"))
    assert annotations == [] and problem.path == "annotations/note.md"
