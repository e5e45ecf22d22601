"""The real registry over the five seed sources' body text: everything links, variants resolve."""

from __future__ import annotations

import pytest

from dossier.link import PLACE_KINDS, link_sources, load_registry
from dossier.raw import read_editor_files

from ..date.helpers import CONTENT, seed_sources


@pytest.fixture(scope="module")
def seeds():
    files, problems = read_editor_files(CONTENT, "entities")
    registry, found = load_registry(files)
    sources = seed_sources()
    return registry, link_sources(sources, registry), sources, problems + found


def test_the_registry_loads_without_problems(seeds):
    registry, linking, _, problems = seeds
    assert problems == []
    assert 40 <= len(registry.entities) <= 60


def test_every_alias_matches_and_every_entity_is_mentioned(seeds):
    _, linking, _, _ = seeds
    assert linking.problems == ()


def test_every_name_in_the_body_text_is_linked(seeds):
    _, linking, _, _ = seeds
    assert [name.text for name in linking.unlinked] == []


@pytest.mark.parametrize(
    "surface, entity",
    [
        ("Solemani", "qasem-soleimani"),
        ("Soleimani", "qasem-soleimani"),
        ("Qasem Soleimani", "qasem-soleimani"),
        ("Deir Ezzor", "deir-ez-zor-governorate"),
        ("Deir ez-Zor", "deir-ez-zor-governorate"),
        ("Quds force", "quds-force"),
        ("Quds Force", "quds-force"),
        ("Quds Forces", "quds-force"),
        ("IRGC", "islamic-revolutionary-guard-corps"),
        ("Islamic Revolutionary Guard Corps", "islamic-revolutionary-guard-corps"),
        ("Revolutionary Guards", "islamic-revolutionary-guard-corps"),
        ("Revolutionary Guard", "islamic-revolutionary-guard-corps"),
        ("Ismail Ghaani", "esmail-qaani"),
        ("Hmeimin airbase", "khmeimim-air-base"),
        ("Al Bukamal", "abu-kamal"),
        ("Sayyida Zeinab", "sayyida-zaynab"),
        ("Rami Abdel Rahman", "rami-abdulrahman"),
        ("AFP", "agence-france-presse"),
        ("MABAM", "campaign-between-the-wars"),
        ("Islamic Republic", "iran"),
        ("Britain", "united-kingdom"),
        ("U.S.", "united-states"),
        ("Supreme Leader", "ali-khamenei"),
    ],
)
def test_variant_spellings_resolve(seeds, surface, entity):
    _, linking, _, _ = seeds
    assert {m.entity for m in linking.mentions if m.surface == surface} == {entity}


def test_possessives_link_the_name_only(seeds):
    _, linking, sources, _ = seeds
    texts = {(s.slug, b.id): b.text for s in sources for b in s.blocks}
    after = {texts[(m.source, m.paragraph)][m.end : m.end + 2] for m in linking.mentions if m.entity == "bashar-al-assad"}
    assert "’s" in after


def test_mentions_are_in_body_text_and_never_overlap(seeds):
    _, linking, sources, _ = seeds
    texts = {(s.slug, b.id): b.text for s in sources for b in s.blocks}
    for mention in linking.mentions:
        assert texts[(mention.source, mention.paragraph)][mention.start : mention.end] == mention.surface
    spans = sorted((m.source, m.paragraph, m.start, m.end) for m in linking.mentions)
    for a, b in zip(spans, spans[1:]):
        assert a[:2] != b[:2] or a[3] <= b[2]


def test_places_have_coordinates_and_others_none(seeds):
    registry, _, _, _ = seeds
    assert [e.slug for e in registry.entities if (e.kind in PLACE_KINDS) != (e.coordinates is not None)] == []
    assert all(e.description_html for e in registry.entities)
