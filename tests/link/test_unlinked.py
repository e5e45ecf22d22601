"""Unlinked names: a new person is reported; sentence openers, headings and demonyms are not."""

from __future__ import annotations

from dossier.link import describe, link_sources
from dossier.model import Block

from .helpers import make_source, registry_of

REGISTRY = {"iran": ("Iran", []), "syria": ("Syria", [])}


def unlinked(*paragraphs: str, registry=REGISTRY) -> list[str]:
    return [n.text for n in link_sources([make_source("a", *paragraphs)], registry_of(registry)).unlinked]


def test_a_new_name_is_reported_where_it_stands():
    linking = link_sources([make_source("a", "Iran sent General Ahmad Vahidi to Syria.")], registry_of(REGISTRY))
    ((name),) = linking.unlinked
    assert (name.text, name.source, name.paragraph, name.start, name.end) == ("General Ahmad Vahidi", "a", "p1", 10, 30)


def test_sentence_initial_common_words_are_not_reported():
    assert unlinked("However, Iran left. Observers noted it. Independently, Syria agreed.") == []
    assert unlinked("Military Strain: Sustained attacks on Iran.") == []
    assert unlinked("He said, “There is nothing left to offer.”") == []


def test_a_name_opening_a_sentence_is_reported_when_it_is_capitalised_elsewhere():
    assert unlinked("Ghaani is not the same.", "He was replaced by Ismail Ghaani.") == ["Ghaani", "Ismail Ghaani"]
    assert unlinked("Ghaani is not the same.") == []  # only ever opens a sentence: missed, as documented


def test_the_opening_word_is_dropped_before_a_name():
    assert unlinked("The Syrian Observatory for Human Rights said so.") == ["Syrian Observatory for Human Rights"]
    assert unlinked("In Hama, rebels advanced.") == ["Hama"]
    assert unlinked("Then Ahmad Vahidi left.", "It was Ahmad Vahidi.") == ["Ahmad Vahidi", "Ahmad Vahidi"]
    assert unlinked("Then Ahmad Vahidi left.") == []


def test_titles_calendar_words_and_demonyms_alone_are_not_names():
    registry = {**REGISTRY, "israel": ("Israel", [])}
    text = "On Monday, President Pezeshkian met Iranian and Israeli envoys in April, speaking Hebrew."
    assert unlinked(text, registry=registry) == ["President Pezeshkian", "Iranian", "Israeli"]
    files_with_demonyms = registry_of(REGISTRY)  # demonyms come from the entity files
    assert "Iranian" not in files_with_demonyms.demonyms


def test_demonyms_from_entity_files_are_known():
    from dossier.link import load_registry

    from .helpers import entity_file

    registry, _ = load_registry([("entities/iran.md", entity_file("name: Iran\nkind: country\ndemonyms: [Iranian]"))])
    linking = link_sources([make_source("a", "The Iranian envoy met Iranian Embassy staff.")], registry)
    assert [n.text for n in linking.unlinked] == ["Iranian Embassy"]


def test_particles_possessives_and_acronyms():
    assert unlinked("led by Hayat Tahrir al-Sham in Syria") == ["Hayat Tahrir al-Sham"]
    assert unlinked("to Russia’s Hmeimin airbase") == ["Russia", "Hmeimin"]
    assert unlinked("surveillance by the U.S. and NATO") == ["U.S.", "NATO"]
    assert unlinked("relations with the U.S. The focus is on Iran.") == ["U.S."]


def test_a_mention_splits_a_run_of_capitalised_words():
    assert unlinked("talks with Ahmad Vahidi Syria Hassan Nasrallah attended") == ["Ahmad Vahidi", "Hassan Nasrallah"]
    assert unlinked("the Iran-Syria Friendship Council of Hama") == ["Friendship Council of Hama"]


def test_mentions_and_headings_are_never_reported():
    assert unlinked("Iran and Syria") == []
    source = make_source("a", "Text.")
    heading = Block("h1", "h", "The Strategic Landscape in Syria", (1,))
    source = source.__class__(source.cleaned.__class__(source.cleaned.raw, source.metadata, (heading,), ()), source.metadata, None, None, None)
    assert link_sources([source], registry_of(REGISTRY)).unlinked == ()


def test_describe_lists_each_name_once_with_its_first_place():
    linking = link_sources([make_source("a", "Ahmad Vahidi met Syria.", "It was Ahmad Vahidi.")], registry_of(REGISTRY))
    assert describe(linking.unlinked) == ["unlinked name 'Ahmad Vahidi' (2×), first in sources/a.html#p1"]
