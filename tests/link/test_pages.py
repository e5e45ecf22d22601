"""Entity pages, the index and the unlinked-names report of a small dossier, rendered with the
theme as Pelican renders them, and the rules every page keeps. (The seed dossier's pages have
their golden fixtures in tests/regression.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.link import KINDS, link_sources, load_registry
from dossier.raw import read_editor_files
from dossier.render.entities import KIND_HEADINGS, entity_marks, pages, source_entities

from ..date.helpers import CONTENT, seed_sources
from ..theme import macros, render_page
from .helpers import entity_file, make_source

THEME = Path(__file__).resolve().parents[2] / "themes/dossier"


def small_dossier():
    registry, _ = load_registry(
        [
            ("entities/iran.md", entity_file("name: Iran\nkind: country\nwikidata: Q794\ncoordinates: [32.0, 53.0]", "A *country*.")),
            ("entities/soleimani.md", entity_file("name: Qasem Soleimani\nkind: person\naliases: [Soleimani, Solemani]", "A general.")),
            ("entities/hama.md", entity_file("name: Hama\nkind: city")),
        ]
    )
    sources = [
        make_source("004_a", "Iran mourned Qasem Soleimani. Then it moved on.", "The death of Solemani hurt Iran’s plans.", published="2020-05-09"),
        make_source("002_b", "Soleimani’s successor, General Esmail Qaani, met Iran’s <envoys>.", published="2024-12"),
    ]
    return sources, registry, link_sources(sources, registry)


@pytest.fixture(scope="module")
def small_pages():
    sources, registry, linking = small_dossier()
    events = {"iran": [{"label": "Soleimani killed", "date_text": "3 January 2020", "url": "chronology.html#killed"}]}
    annotations = {"soleimani": [{"quote": "The death of Solemani", "source_title": "Title of 004_a", "url": "annotations.html#a1", "body_html": "<p>A <em>misspelling</em>.</p>"}]}
    return {recipe.save_as: recipe.make() for recipe in pages(sources, registry, linking, macros, events, annotations)}


def test_an_entity_page_shows_spellings_mentions_in_context_and_co_mentions(small_pages):
    soup = BeautifulSoup(render_page(small_pages["entities/soleimani.html"]), "html.parser")
    assert [row.th.get_text() for row in soup.select(".spellings tbody tr")] == ["Qasem Soleimani", "Soleimani", "Solemani"]
    # Grouped by source in the order given (publication order), each sentence once, marked.
    assert [h.get_text(strip=True) for h in soup.select(".mention-group h3")] == ["Title of 004_a", "Title of 002_b"]
    passages = soup.select(".passages li")
    assert [p.mark.get_text() for p in passages] == ["Qasem Soleimani", "Solemani", "Soleimani"]
    assert passages[0].get_text().startswith("Iran mourned Qasem Soleimani. ¶")
    assert "Then it moved on" not in passages[0].get_text()
    assert passages[0].select_one("a.pilcrow")["href"] == "../sources/004_a.html#p1"
    assert [a.get_text() for a in soup.select(".co-mentions a")] == ["Iran"]
    assert soup.select_one(".entity-annotation em").get_text() == "misspelling"


def test_every_page_keeps_the_rules(small_pages):
    for page in small_pages.values():
        html = render_page(page)
        soup = BeautifulSoup(html, "html.parser")
        assert "style=" not in html and "<script" not in html, page.save_as
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), page.save_as
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), page.save_as
        assert all(th.get("scope") in ("col", "row") for th in soup.find_all("th")), page.save_as
        assert "&lt;envoys&gt;" in html or "envoys" not in html  # source text is escaped


def test_the_index_graph_is_accessible_and_matches_its_table(small_pages):
    soup = BeautifulSoup(render_page(small_pages["entities/index.html"]), "html.parser")
    svg = soup.find("svg")
    assert svg["role"] == "img" and all(soup.find(id=i) for i in svg["aria-labelledby"].split())
    assert svg.find("title").get_text() == "Co-mention graph of 2 entities and 1 pair"
    assert len(svg.select(".graph-nodes circle")) == len(soup.select(".co-mention-table tbody tr")) == 2
    assert len(svg.select(".graph-edges line")) == 1
    assert [h.get_text() for h in soup.select("section > h2")][:3] == ["People", "Countries", "Cities and towns"]


def test_every_kind_has_a_heading():
    assert set(KIND_HEADINGS) == set(KINDS)


def test_source_entities_and_entity_marks():
    sources, registry, linking = small_dossier()
    assert source_entities(sources[0], registry, linking) == [
        {"name": "Iran", "kind": "country", "url": "entities/iran.html", "count": 2},
        {"name": "Qasem Soleimani", "kind": "person", "url": "entities/soleimani.html", "count": 2},
    ]
    marks = entity_marks(linking.mentions)
    (first, second) = marks["004_a"]["p1"]
    assert (first.start, first.end, first.tag, dict(first.attributes)) == (0, 4, "a", {"class": "entity", "href": "../entities/iran.html"})
    assert second.end - second.start == len("Qasem Soleimani")


def test_the_seed_pages_link_only_to_paragraphs_and_entities_that_exist():
    files, _ = read_editor_files(CONTENT, "entities")
    registry, _ = load_registry(files)
    sources = seed_sources()
    linking = link_sources(sources, registry)
    built = [recipe.make() for recipe in pages(sources, registry, linking, macros)]
    assert len(built) == len(registry.entities) + 2
    paragraphs = {f"sources/{s.slug}.html#{b.id}" for s in sources for b in s.blocks}
    entity_pages = {page.save_as for page in built}
    for page in built:
        soup = BeautifulSoup(render_page(page), "html.parser")
        for link in soup.select("main a[href]"):
            href = link["href"]
            if href.startswith("../sources/") and "#" in href:
                assert href.removeprefix("../") in paragraphs, (page.save_as, href)
            elif href.startswith("../entities/"):
                assert href.removeprefix("../") in entity_pages, (page.save_as, href)


def test_the_graph_draws_only_the_most_mentioned_entities(monkeypatch):
    import dossier.render.entities as entities

    monkeypatch.setattr(entities, "GRAPH_LIMIT", 1)
    sources, registry, linking = small_dossier()
    index = next(recipe.make() for recipe in pages(sources, registry, linking, macros) if recipe.save_as == "entities/index.html")
    assert [node["label"] for node in index.context["graph"]["nodes"]] == ["Iran"]
    assert index.context["graph"]["omitted"] == 1 and index.context["graph"]["edges"] == []
    assert [row["name"] for row in index.context["adjacency"]] == ["Iran"]
    assert index.context["adjacency"][0]["neighbours"] == []
