"""The annotations as pages: highlight and note connected, the annotations page, entity entries.
Templates are rendered as the site renders them (StrictUndefined, autoescape)."""

from collections import Counter

from bs4 import BeautifulSoup

from dossier.anchor.anchoring import anchor_annotations
from dossier.render.annotations import (
    annotations_by_entity,
    body_renderer,
    highlight_attributes,
    highlight_marks,
    link_resolver,
    notes_after,
    pages,
)
from dossier.render.sources import source_page

from ..theme import render_page as render
from .helpers import annotation_of, make_source

SOURCE = make_source(
    "004_3194f4e90b592db8",
    "Iran has begun to use Russia’s Hmeimin airbase close to the port city of Latakia.",
    "The death of Solemani was a major strike to Iran’s plans. Soleimani was replaced.",
)
OTHER = make_source("002_b7e9b36f6a788740", "Iran has begun evacuating military officials.")
RESOLVE = link_resolver(
    [SOURCE, OTHER],
    {"khmeimim-air-base": "entities/khmeimim-air-base.html", "qasem-soleimani": "entities/qasem-soleimani.html"},
    {},
)
ANCHORED, PROBLEMS = anchor_annotations(
    [
        annotation_of(
            "Hmeimim airbase",
            name="hmeimin-misspelling",
            source="004_3194f4e90b592db8",
            entities=["khmeimim-air-base"],
            body="A misspelling of [Hmeimim](entity:khmeimim-air-base).[^1]\n\n[^1]: Also written Khmeimim.",
        ),
        annotation_of(
            "The death of Solemani",
            name="solemani-misspelling",
            source="004_3194f4e90b592db8",
            entities=["qasem-soleimani"],
            body="Spelled “Soleimani” [later](source:004_3194f4e90b592db8#p2) & <b>here</b>.",
        ),
        annotation_of("evacuating", name="evacuating", source="002_b7e9b36f6a788740"),
    ],
    [SOURCE, OTHER],
)
BY_ID = {a.annotation.id: a for a in ANCHORED}
def assert_connected(html):
    """Ids are unique, and every reference inside the page names one of them."""
    soup = BeautifulSoup(html, "html.parser")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    for tag in soup.find_all(attrs={"aria-details": True}):
        assert tag["aria-details"] in ids
    for tag in soup.find_all(attrs={"aria-labelledby": True}):
        assert tag["aria-labelledby"] in ids
    for link in soup.find_all("a", href=True):
        if link["href"].startswith("#"):
            assert link["href"][1:] in ids, link
    return soup


def annotated_source_page():
    marks, notes = highlight_marks(ANCHORED), notes_after(ANCHORED, body_renderer(RESOLVE))
    return source_page(SOURCE, marks[SOURCE.slug], notes[SOURCE.slug])


def test_the_highlight_names_its_note():
    assert highlight_attributes(BY_ID["hmeimin-misspelling"]) == {
        "id": "quote-hmeimin-misspelling",
        "class": "annotation-highlight",
        "aria-details": "note-hmeimin-misspelling",
        "data-status": "fuzzy",
    }


def test_highlights_and_notes_are_given_per_source_and_block():
    marks = highlight_marks(ANCHORED)
    assert {
        slug: {block: [(m.start, m.end, m.tag) for m in found] for block, found in blocks.items()}
        for slug, blocks in marks.items()
    } == {
        "002_b7e9b36f6a788740": {"p1": [(15, 25, "mark")]},
        "004_3194f4e90b592db8": {"p1": [(31, 46, "mark")], "p2": [(0, 21, "mark")]},
    }
    notes = notes_after(ANCHORED, body_renderer(RESOLVE))[SOURCE.slug]
    assert [note["id"] for block in ("p1", "p2") for note in notes[block]] == ["hmeimin-misspelling", "solemani-misspelling"]
    assert 'href="../entities/khmeimim-air-base.html"' in notes["p1"][0]["body_html"]
    assert notes["p1"][0]["status_text"].startswith("Approximate anchor (similarity 93.3 of 100)")
    assert notes["p2"][0]["status_text"] is None


def test_annotated_source_page():
    html = render(annotated_source_page())
    soup = assert_connected(html)
    mark = soup.find("mark", id="quote-solemani-misspelling")
    assert mark.get_text() == "The death of Solemani"
    note = soup.find(id=mark["aria-details"])
    assert note.name == "aside" and note["role"] == "note"
    assert note.find("a", href="#quote-solemani-misspelling")  # the note links back
    assert note.find_previous_sibling("p")["id"] == "p2"  # it follows its paragraph
    assert "&lt;b&gt;here&lt;/b&gt;" in html  # editors' raw HTML is text


def test_annotations_page():
    (page,) = pages(ANCHORED, [OTHER, SOURCE], body_renderer(RESOLVE))
    assert (page.save_as, page.template, page.title) == ("annotations.html", "annotations", "Annotations")
    assert [group["slug"] for group in page.context["groups"]] == ["002_b7e9b36f6a788740", "004_3194f4e90b592db8"]
    assert page.context["search_sources"] == ["Title of 002_b7e9b36f6a788740", "Title of 004_3194f4e90b592db8"]
    html = render(page)
    soup = assert_connected(html)
    assert [h.name for h in soup.find_all(["h1", "h2", "h3"])] == ["h1", "h2", "h3", "h2", "h3", "h3"]
    assert soup.find("article", id="hmeimin-misspelling").find("mark").get_text() == "Hmeimin airbase"
    assert 'href="entities/khmeimim-air-base.html"' in html


def test_an_empty_annotations_page_still_renders():
    (page,) = pages([], [SOURCE], body_renderer(RESOLVE))
    assert "No annotations yet." in render(page)


def test_note_links_are_relative_to_the_page():
    html = render(annotated_source_page())
    assert 'href="../annotations.html#hmeimin-misspelling"' in html
    assert 'href="../sources/004_3194f4e90b592db8.html#p2"' in html


def test_entity_pages_get_their_annotations():
    by_entity = annotations_by_entity(ANCHORED, RESOLVE, body_renderer(RESOLVE))
    assert list(by_entity) == ["khmeimim-air-base", "qasem-soleimani"]
    (entry,) = by_entity["khmeimim-air-base"]
    assert set(entry) == {"quote", "source_title", "url", "body_html"}
    assert entry["quote"] == "Hmeimim airbase"
    assert entry["source_title"] == "Title of 004_3194f4e90b592db8"
    assert entry["url"] == "sources/004_3194f4e90b592db8.html#quote-hmeimin-misspelling"
    assert 'href="../entities/khmeimim-air-base.html"' in entry["body_html"]
    assert hasattr(entry["body_html"], "__html__")  # safe: templates print it as HTML


def test_an_unresolvable_entity_tag_is_left_out_of_entity_pages():
    resolve = link_resolver([SOURCE], {}, {})
    assert annotations_by_entity(ANCHORED, resolve, body_renderer(resolve)) == {}
