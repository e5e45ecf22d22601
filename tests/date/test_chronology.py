"""Building the chronology: order, the undated lane, merging, ids, entities, export."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from dossier.date import build_chronology, export_events, load_curated_events
from dossier.date.curated import Curation
from dossier.date.statements import find_statements
from dossier.model import Mention
from dossier.render.chronology import events_by_entity, time_marks

from .helpers import event_file, make_source

SCHEMA = Path(__file__).resolve().parents[2] / "plugins/dossier/schema/dossier.schema.json"
NOTHING = Curation((), ())

DATED = make_source(
    "dated",
    "Iran struck on April 13-14. The consulate was hit on April 1.",
    "Sometime in April the talks stalled.",
    "On Friday, Iran began the evacuation from Damascus.",
    published="2024-12-07",
)
UNDATED = make_source("undated", "On Friday, Iran began the evacuation.", "Over recent weeks, rebels advanced.")


def chronology(*sources, mentions=(), curation=NOTHING):
    return build_chronology(list(sources), list(mentions), curation)


def test_events_in_chronological_order_and_the_undated_lane_last():
    built = chronology(DATED, UNDATED)
    assert [(e.date.edtf, e.citations[0].paragraph) for e in built.events] == [
        ("2024-04-01", "p1"),
        ("2024-04-13/2024-04-14", "p1"),
        ("2024-04", "p2"),  # "in April": after April's days
        ("2024-12-06", "p3"),
    ]
    assert [(e.citations[0].source, e.citations[0].paragraph, e.date) for e in built.undated] == [
        ("undated", "p1", None),
        ("undated", "p2", None),
    ]
    assert built.undated[0].undated_reason == "'On Friday' counts from the publication date, and this source has none"
    assert built.problems == ()


def test_an_event_is_labelled_by_its_sentence_and_cites_it():
    (event,) = [e for e in chronology(DATED).events if e.date.edtf == "2024-04-01"]
    assert event.label == "The consulate was hit on April 1."
    (citation,) = event.citations
    assert (citation.source, citation.paragraph, citation.quote, citation.written) == (
        "dated",
        "p1",
        "The consulate was hit on April 1.",
        "on April 1",
    )


def test_ids_are_stable_and_survive_edits_elsewhere():
    ids = [s.id for s in find_statements(DATED, [])]
    assert ids == [s.id for s in find_statements(DATED, [])]
    assert len(set(ids)) == len(ids)
    edited = make_source("dated", "Iran struck on April 13-14. The consulate was hit on April 1.", "Another paragraph.", published="2024-01-01")
    assert [s.id for s in find_statements(edited, [])][:2] == ids[:2]
    assert ids[0].startswith("on-april-13-14-")


def test_entities_are_those_mentioned_in_the_sentence():
    mentions = [
        Mention("iran", "dated", "p1", 0, 4, "Iran"),  # first sentence only
        Mention("damascus", "dated", "p3", 42, 50, "Damascus"),
        Mention("iran", "dated", "p3", 11, 15, "Iran"),
    ]
    built = chronology(DATED, mentions=mentions)
    assert {e.date.edtf: e.entities for e in built.events} == {
        "2024-04-01": (),
        "2024-04-13/2024-04-14": ("iran",),
        "2024-04": (),
        "2024-12-06": ("damascus", "iran"),
    }
    assert {slug: [e["date_text"] for e in events] for slug, events in events_by_entity(built).items()} == {
        "damascus": ["6 December 2024"],
        "iran": ["13–14 April 2024", "6 December 2024"],
    }
    assert events_by_entity(built)["damascus"][0]["url"] == f"chronology.html#{built.events[-1].id}"


def test_merged_sources_with_different_dates_show_both():
    other = make_source("other", "On Thursday, Iran began the evacuation.", published="2024-12-07")
    ids = [s.id for s in (*find_statements(DATED, []), *find_statements(other, [])) if "friday" in s.id or "thursday" in s.id]
    files = [("events/evacuation.md", event_file(f"label: Evacuation begins\nmerge: [{', '.join(ids)}]"))]
    curation, problems = load_curated_events(files, [DATED, other])
    built = chronology(DATED, other, curation=curation)
    (event,) = [e for e in built.events if e.id == "evacuation"]
    assert problems == [] and built.problems == ()
    assert event.date.edtf == "2024-12-05/2024-12-06"
    assert [d.edtf for d in event.cited_dates] == ["2024-12-05", "2024-12-06"]
    assert [c.source for c in event.citations] == ["dated", "other"]
    assert event.merged_ids == tuple(ids)


def test_export_follows_the_schema():
    files = [("events/talks.md", event_file(
        "label: Talks stall\ndate: 2024-04~\ndate_basis: The source says only April.\n"
        "citations:\n  - source: dated\n    quote: Sometime in April the talks stalled."
    ))]
    curation, _ = load_curated_events(files, [DATED])
    exported = export_events(chronology(DATED, UNDATED, curation=curation))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/event"})
    for event in exported:
        validator.validate(event)
    by_date = {e["date"]["edtf"]: e for e in exported}
    assert by_date["2024-04-13/2024-04-14"]["date"] == {
        "start": "2024-04-13", "end": "2024-04-14", "precision": "range", "approximate": False, "edtf": "2024-04-13/2024-04-14",
    }  # fmt: skip
    assert exported[-1]["date"] == {"start": None, "end": None, "precision": None, "approximate": False, "edtf": None}
    assert by_date["2024-04~"]["citations"][0]["derivation"] == (
        "cited by the editors for this event; the passage gives no date of its own; "
        "the editors date the event 2024-04~: The source says only April."
    )
    assert list(exported[0]) == ["id", "label", "date", "citations", "entities"]


def test_time_marks_wrap_the_resolved_expressions():
    marks = time_marks(chronology(DATED, UNDATED))
    assert "undated" not in marks  # nothing resolved there
    first = marks["dated"]["p1"]
    text = DATED.blocks[0].text
    assert [(text[m.start : m.end], m.tag, dict(m.attributes)) for m in first] == [
        ("on April 13-14", "span", {"data-edtf": "2024-04-13/2024-04-14"}),
        ("on April 1", "time", {"datetime": "2024-04-01", "data-edtf": "2024-04-01"}),
    ]
