"""Linking sources: mentions in order, spellings, co-mentions, and warnings for unused aliases."""

from __future__ import annotations

from dossier.link import adjacency, co_mentions, link_sources, load_registry
from dossier.model import Mention
from dossier.problems import WARNING

from .helpers import entity_file, make_source, registry_of

SOLEIMANI = {"soleimani": ("Qasem Soleimani", ["Soleimani", "Solemani"]), "iran": ("Iran", [])}


def test_mentions_in_source_then_text_order_with_the_surface_as_written():
    sources = [
        make_source("b", "The death of Solemani, viewed by Iran.", "Soleimani again."),
        make_source("a", "Qasem Soleimani in Iran’s Quds force."),
    ]
    linking = link_sources(sources, registry_of(SOLEIMANI))
    assert linking.mentions == (
        Mention("soleimani", "b", "p1", 13, 21, "Solemani"),
        Mention("iran", "b", "p1", 33, 37, "Iran"),
        Mention("soleimani", "b", "p2", 0, 9, "Soleimani"),
        Mention("soleimani", "a", "p1", 0, 15, "Qasem Soleimani"),
        Mention("iran", "a", "p1", 19, 23, "Iran"),
    )
    assert linking.problems == ()
    assert [(s.text, len(s.mentions)) for s in linking.spellings("soleimani")] == [
        ("Qasem Soleimani", 1),
        ("Soleimani", 1),
        ("Solemani", 1),
    ]
    assert linking.mentions_of("nobody") == ()


def test_an_alias_that_matches_nothing_is_a_warning_at_its_line():
    text = entity_file("name: Qasem Soleimani\nkind: person\naliases:\n  - Soleimani\n  - Soleimany")
    registry, _ = load_registry([("entities/qasem-soleimani.md", text)])
    linking = link_sources([make_source("a", "Soleimani was killed.")], registry)
    assert [(p.path, p.line, p.severity, p.message) for p in linking.problems] == [
        ("entities/qasem-soleimani.md", 6, WARNING, "alias 'Soleimany' matches nothing in the sources' body text")
    ]


def test_an_entity_never_mentioned_is_one_warning_at_its_name():
    text = entity_file("name: Hama\nkind: city\naliases: [Hamah]")
    registry, _ = load_registry([("entities/hama.md", text)])
    linking = link_sources([make_source("a", "Nothing here.")], registry)
    assert [(p.path, p.line, p.severity, p.message) for p in linking.problems] == [
        ("entities/hama.md", 2, WARNING, "Hama is never mentioned in the sources' body text")
    ]


def test_an_alias_matched_with_other_quotes_counts_as_matched():
    registry, _ = load_registry([("entities/x.md", entity_file("name: Xavier\nkind: person\naliases: [\"Xavier's\"]"))])
    assert link_sources([make_source("a", "Xavier’s house and Xavier.")], registry).problems == ()


def test_co_mentions_count_paragraphs_not_mentions():
    registry = registry_of({"iran": ("Iran", []), "syria": ("Syria", []), "iraq": ("Iraq", [])})
    sources = [make_source("a", "Iran, Iran and Syria.", "Syria and Iran.", "Iraq alone.", "Iraq and Iran")]
    counts = co_mentions(link_sources(sources, registry).mentions)
    assert counts == {("iran", "iraq"): 1, ("iran", "syria"): 2}
    assert adjacency(counts) == {"iran": [("syria", 2), ("iraq", 1)], "iraq": [("iran", 1)], "syria": [("iran", 2)]}
