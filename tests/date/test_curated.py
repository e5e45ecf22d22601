"""Editors' event files: what they can do, and every mistake reported with its file and line."""

from __future__ import annotations

import pytest

from dossier.date import Curation, build_chronology, load_curated_events
from dossier.date.statements import find_statements
from dossier.problems import Problem

from .helpers import event_file, make_source

SOURCE = make_source(
    "s1",
    "On Friday, Iran began the evacuation. One analyst said it was “urgent”,  an  understatement.",
    "Rebels advanced on Damascus.",
    "The strike came on April 1 and was followed by another on Monday. Rebels advanced on Damascus by night.",
    published="2024-12-07",
)
FRIDAY, APRIL, MONDAY = (s.id for s in find_statements(SOURCE, []))


def load(*files: tuple[str, str], entities=None):
    return load_curated_events(list(files), [SOURCE], entities)


def problems_of(*files: tuple[str, str], entities=None) -> list[Problem]:
    curation, problems = load(*files, entities=entities)
    return problems + list(build_chronology([SOURCE], [], curation).problems)


def only(problems: list[Problem]) -> tuple[str, int | None, str]:
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.severity == "error"
    return problem.path, problem.line, problem.message


# --- what editors can do ----------------------------------------------------------------------


def test_a_relabelled_and_merged_event_keeps_every_citation():
    text = event_file(
        f"""
        label: Iran begins the evacuation
        merge:
          - {FRIDAY}
        citations:
          - source: s1
            quote: One analyst said it was "urgent", an understatement
        """,
        "Editors' *notes*.",
    )
    curation, problems = load(("events/evacuation.md", text))
    assert problems == []
    (event,) = build_chronology([SOURCE], [], curation).events[-1:]
    assert (event.id, event.label, event.date.edtf) == ("evacuation", "Iran begins the evacuation", "2024-12-06")
    assert event.merged_ids == (FRIDAY,)
    assert [(c.paragraph, c.quote) for c in event.citations] == [
        ("p1", "On Friday, Iran began the evacuation."),
        # Straight quotes and single spaces find the source's curly quotes and double spaces; the
        # citation keeps the source's own text.
        ("p1", "One analyst said it was “urgent”,  an  understatement"),
    ]
    assert "<em>notes</em>" in event.notes_html


def test_suppressed_events_leave_the_chronology():
    curation, problems = load(("events/not-events.md", event_file(f"suppress: [{MONDAY}]", "Not an event.")))
    chronology = build_chronology([SOURCE], [], curation)
    assert problems == [] and chronology.problems == ()
    assert [e.id for e in chronology.events] == [APRIL, FRIDAY]
    assert MONDAY not in {s.id for s in chronology.statements}


def test_an_event_the_text_states_vaguely_gets_the_editors_date():
    text = event_file(
        """
        label: Rebels advance on Damascus
        date: 2024-11~/2024-12
        date_basis: The source dates it only by its own publication.
        citations:
          - source: s1
            quote: Rebels advanced on Damascus by night.
        """
    )
    curation, problems = load(("events/advance.md", text))
    assert problems == []
    (event,) = [e for e in build_chronology([SOURCE], [], curation).events if e.id == "advance"]
    assert (event.date.edtf, event.date_basis) == ("2024-11~/2024-12", "The source dates it only by its own publication.")
    assert event.citations[0].paragraph == "p3"


# --- mistakes: each one a Problem naming the file and the line --------------------------------


@pytest.mark.parametrize(
    "front_matter, line, message",
    [
        (
            "label: X\nmerge: [{FRIDAY}]\ncitations:\n  - source: s1\n    quote: Iran began the withdrawal",
            5,
            "quote not found in s1's cleaned text (a quote must lie within one paragraph): 'Iran began the withdrawal'",
        ),
        (
            "label: X\nmerge: [{FRIDAY}]\ncitations:\n  - source: s1\n    quote: On Friday\n  - source: s9\n    quote: On Friday",
            7,
            "unknown source 's9' (known: s1)",
        ),
        (
            "label: X\nmerge: [{FRIDAY}]\ncitations:\n  - source: s1\n    quote: Rebels advanced on Damascus",
            5,
            "quote found in 2 paragraphs of s1: quote more words to choose one: 'Rebels advanced on Damascus'",
        ),
        (
            "label: X\nmerge: [{FRIDAY}]\ncitations:\n  - source: s1\n    quote: the evacuation. One analyst",
            5,
            None,  # across sentences but within one paragraph: fine
        ),
        (
            "label: X\nmerge: [{FRIDAY}]\ncitations:\n  - source: s1\n    quote: the evacuation. Rebels advanced",
            5,
            "quote not found in s1's cleaned text (a quote must lie within one paragraph): 'the evacuation. Rebels advanced'",
        ),
        ("label: X\ndate: 2024-02-30\ndate_basis: b\nmerge: [{FRIDAY}]", 3, "'date': '2024-02-30' is not a real date"),
        ("label: X\ndate: 2024-12-06/2024-12-05\ndate_basis: b\nmerge: [{FRIDAY}]", 3, "'date': '2024-12-06/2024-12-05' ends before it starts"),
        ("label: X\ndate: 2024-12-06\nmerge: [{FRIDAY}]", 3, "'date' needs 'date_basis': say in words how the date is known"),
        ("label: X\ndate_basis: b\nmerge: [{FRIDAY}]", 3, "'date_basis' without 'date': the merged events' own dates are used"),
        ("label: X\nmerge: [{FRIDAY}]\nwhen: 2024", 4, "unknown front-matter key 'when' (allowed: citations, date, date_basis, entities, label, merge, suppress)"),
        ("label: X\nmerge: [{FRIDAY}]\ncitations:\n  - source: s1", 4, "'citations': citation 1 must have exactly the keys 'source' and 'quote'"),
        ("label: X\ncitations:\n  - source: s1\n    quote: On Friday", 1, "an event needs a 'date', or 'merge' of extracted events that have one"),
        ("label: X\ndate: 2024\ndate_basis: b", 1, "an event needs 'citations' (or 'merge' of extracted events, which bring theirs)"),
        ("date: 2024\ndate_basis: b\nsuppress: [{MONDAY}]", 1, "needs a 'label' (an event) or only 'suppress' (ids of extracted events that are not events)"),
        ("title: X", 2, "unknown front-matter key 'title' (allowed: citations, date, date_basis, entities, label, merge, suppress)"),
        ("label: [unclosed", 2, None),  # malformed YAML: checked below
        # Ids checked against the extracted events.
        ("label: X\nmerge:\n  - {FRIDAY}\n  - on-april-2-000000", 5, "merge: no extracted event has the id 'on-april-2-000000'"),
        ("suppress:\n  - on-friday", 3, "suppress: no extracted event has the id 'on-friday'"),
        ("label: X\nmerge: [{FRIDAY}]\nsuppress: [{FRIDAY}]", 3, "merge: '{FRIDAY}' is already merged or suppressed by events/x.md"),
    ],
)
def test_mistakes_name_the_file_and_line(front_matter, line, message):
    problems = problems_of(("events/x.md", event_file(front_matter.format(FRIDAY=FRIDAY, MONDAY=MONDAY))))
    if message is None and "unclosed" not in front_matter:
        assert problems == []
        return
    path, found_line, found_message = only(problems)
    assert (path, found_line) == ("events/x.md", line)
    if message is None:
        assert found_message.startswith("malformed front matter")
    else:
        assert found_message == message.format(FRIDAY=FRIDAY)


def test_unknown_entities_are_errors_when_the_entities_are_known():
    text = event_file(f"label: X\nmerge: [{FRIDAY}]\nentities:\n  - iran\n  - atlantis")
    assert only(problems_of(("events/x.md", text), entities={"iran"})) == (
        "events/x.md",
        6,
        "unknown entity 'atlantis' (no entities/atlantis.md or extracted entity)",
    )
    assert problems_of(("events/x.md", text)) == []


def test_an_id_merged_by_two_files_is_an_error_in_the_second():
    first = event_file(f"label: A\nmerge: [{FRIDAY}]")
    second = event_file(f"label: B\nmerge:\n  - {APRIL}\n  - {FRIDAY}")
    assert only(problems_of(("events/b.md", second), ("events/a.md", first))) == (
        "events/b.md",
        5,
        f"merge: '{FRIDAY}' is already merged or suppressed by events/a.md",
    )


def test_a_file_name_that_clashes_with_an_extracted_id_is_an_error():
    text = event_file(f"label: A\nmerge: [{APRIL}]")
    assert only(problems_of((f"events/{FRIDAY}.md", text))) == (
        f"events/{FRIDAY}.md",
        1,
        f"the event id '{FRIDAY}' (from the file name) is taken: rename the file",
    )


def test_a_file_with_mistakes_changes_nothing_and_raises_nothing():
    text = event_file(f"label: X\ndate: 2024-12-06\nmerge: [nothing]\nsuppress: [{MONDAY}]")
    curation, problems = load(("events/x.md", text))
    assert curation == Curation((), ()) and len(problems) == 1
    assert build_chronology([SOURCE], [], curation).problems == ()
