"""The five seed articles: every dated statement they make, and the chronology the editors curate
from them (content/events/), with the right spans and citations."""

from __future__ import annotations

import pytest

from dossier.date import build_chronology, export_events, load_curated_events
from dossier.date.statements import statements_of
from dossier.raw import read_editor_files

from .helpers import CONTENT, seed_sources, seed_sources_without_notes

# (source, as written, EDTF or None for the undated lane, paragraph): every statement the
# extraction finds, with the editors' notes applied (002 dated 2024-12-07, 003 to 2024-12).
STATEMENTS = [
    ("000", "Wednesday", "2024-05-22", "in-a-startling-reversal-cac1cc"),
    ("000", "on April 1", "2024-04-01", "the-retreat-from-southern-90b1d6"),
    ("000", "on April 13-14", "2024-04-13/2024-04-14", "that-audacious-strike-prompted-e1c71d"),
    ("000", "over the past six months", "2023-11~/2024-05-23", "many-of-irans-military-ea0c41"),
    ("001", "in 2011", "2011", "syria-has-been-a-a92b91"),
    ("001", "Over recent weeks", None, "however-a-renewed-push-ecc5db"),
    ("002", "On Friday", "2024-12-06", "on-friday-iran-initiated-e1f578"),
    ("003", "As of the weekend", None, "as-of-the-weekend-4d13af"),
    ("003", "In just over a week", None, "whats-more-startling-than-1e0002"),
    ("003", "14 years ago", "2010~", "several-key-factors-are-ba728e"),
    ("003", "in 10 years", "2014~/2024-12", "for-many-in-the-765dea"),
    ("004", "Earlier this week", "2020-05-04/2020-05-08", "earlier-this-week-senior-e9310b"),
    ("004", "in January", "2020-01", "but-the-announcement-also-0b6a87"),
    ("004", "for close to 10 years", "2010~/2020-05-09", "israels-war-between-war-9efcda"),
    ("004", "over the past three years", "2017~/2020-05-09", "israels-war-between-war-9efcda"),
    ("004", "on Monday night", "2020-05-04", "almost-on-a-weekly-05ba68"),
]


@pytest.fixture(scope="module")
def sources():
    return seed_sources()


@pytest.fixture(scope="module")
def curated(sources):
    files, problems = read_editor_files(CONTENT, "events")
    curation, found = load_curated_events(files, sources)
    chronology = build_chronology(sources, [], curation)
    return chronology, problems + found + list(chronology.problems)


def test_every_dated_statement_of_the_seeds(sources):
    found = sorted(
        (s.source[:3], s.expression.written, s.resolution.span.edtf if s.resolution.span else None, s.paragraph)
        for s in statements_of(sources, [])
    )
    assert found == sorted(STATEMENTS)


def test_without_the_notes_undated_sources_resolve_nothing_relative():
    by_written = {(s.source[:3], s.expression.written): s.resolution for s in statements_of(seed_sources_without_notes(), [])}
    assert by_written["002", "On Friday"].span is None
    assert by_written["002", "On Friday"].derivation == "'On Friday' counts from the publication date, and this source has none"
    assert by_written["003", "14 years ago"].span is None
    assert by_written["001", "in 2011"].span.edtf == "2011"  # a full date needs no publication date


def test_the_editors_files_load_without_problems(curated):
    _, problems = curated
    assert problems == []


# "Done when": the events the issue names, on the curated chronology with their spans and citations.
DONE_WHEN = [
    ("consulate-strike-damascus", "2024-04-01", "day", [("000", "the-retreat-from-southern-90b1d6")]),
    ("iran-attack-on-israel", "2024-04-13/2024-04-14", "range", [("000", "that-audacious-strike-prompted-e1c71d")]),
    (
        "withdrawal-from-southern-syria-revealed",
        "2024-05-22",
        "day",
        [("000", "in-a-startling-reversal-cac1cc"), ("000", "iran-withdrew-its-forces-b7c5cc"), ("000", "rami-abdel-rahman-head-6db9f8")],
    ),
    ("soleimani-killed", "2020-01", "month", [("004", "but-the-announcement-also-0b6a87"), ("004", "the-death-of-solemani-e228a7")]),
    ("aleppo-research-facility-strike", "2020-05-04", "day", [("004", "almost-on-a-weekly-05ba68"), ("004", "the-news-came-just-6bea97")]),
    (
        "evacuation-of-commanders-and-personnel",
        "2024-12-06",
        "day",
        [("002", "on-friday-iran-initiated-e1f578"), ("002", "iran-has-begun-evacuating-8e861e"), ("003", "the-landscape-of-the-f2b43b")],
    ),
]


@pytest.mark.parametrize("event_id, edtf, precision, citations", DONE_WHEN)
def test_done_when_events(curated, event_id, edtf, precision, citations):
    chronology, _ = curated
    (event,) = [e for e in chronology.events if e.id == event_id]
    assert (event.date.edtf, event.date.precision) == (edtf, precision)
    assert [(c.source[:3], c.paragraph) for c in event.citations] == citations


def test_the_curated_chronology_in_order(curated):
    chronology, _ = curated
    assert [(e.date.edtf, e.id) for e in chronology.events] == [
        ("2010~", "assad-favourable-to-iran"),
        ("2010~/2020-05-09", "war-between-wars-campaign"),
        ("2011", "syrian-civil-war-erupts"),
        ("2017~/2020-05-09", "war-between-wars-campaign-intensifies"),
        ("2020-01", "soleimani-killed"),
        ("2020-05-04", "aleppo-research-facility-strike"),
        ("2020-05-04/2020-05-05", "israel-announces-iranian-withdrawal"),
        ("2023-11~/2024-05-23", "military-advisers-leave-syria"),
        ("2024-04-01", "consulate-strike-damascus"),
        ("2024-04-13/2024-04-14", "iran-attack-on-israel"),
        ("2024-05-22", "withdrawal-from-southern-syria-revealed"),
        ("2024-11~/2024-12", "rebels-capture-aleppo-and-hama"),
        ("2024-12-06", "evacuation-of-commanders-and-personnel"),
    ]
    # Left undated, with their sources named, in the dossier's source order: 003 is dated only to
    # the month, 001 not at all.
    assert [(e.citations[0].source[:3], e.citations[0].written) for e in chronology.undated] == [
        ("003", "As of the weekend"),
        ("001", "Over recent weeks"),
    ]


def test_every_statement_is_on_the_chronology_or_suppressed(curated, sources):
    chronology, _ = curated
    cited = {(c.source, c.paragraph, c.written) for e in (*chronology.events, *chronology.undated) for c in e.citations}
    kept = {(s.source, s.paragraph, s.expression.written) for s in chronology.statements}
    every = {(s.source, s.paragraph, s.expression.written) for s in statements_of(sources, [])}
    assert kept <= cited
    assert every - kept == {("003_29497bab403b2bdf", "for-many-in-the-765dea", "in 10 years")}


def test_the_export_is_deterministic(curated, sources):
    chronology, _ = curated
    again, _ = load_curated_events(read_editor_files(CONTENT, "events")[0], sources)
    assert export_events(build_chronology(sources, [], again)) == export_events(chronology)
