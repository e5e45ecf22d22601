"""The dossier's own annotations: every one anchors exactly in the real sources, and every
link and tag in them resolves."""

from pathlib import Path

import pytest

from dossier.anchor.anchoring import EXACT, anchor_annotations
from dossier.anchor.annotation import load_annotations
from dossier.anchor.links import checked_body
from dossier.raw import read_editor_files
from dossier.render.annotations import link_resolver

from .helpers import CONTENT, seed_sources


@pytest.fixture(scope="module")
def sources():
    return seed_sources()


@pytest.fixture(scope="module")
def annotations():
    files, problems = read_editor_files(CONTENT, "annotations")
    assert problems == []
    loaded, problems = load_annotations(files)
    assert problems == []
    return loaded


def stems(folder: str) -> list[str]:
    return sorted(path.stem for path in (CONTENT / folder).glob("*.md"))


def test_there_are_at_least_eight_annotations_across_all_five_sources(sources, annotations):
    assert len(annotations) >= 8
    assert {a.source for a in annotations} == {source.slug for source in sources}


def test_every_annotation_anchors_exactly(sources, annotations):
    anchored, problems = anchor_annotations(annotations, sources)
    assert [str(p) for p in problems] == []
    assert [a.annotation.id for a in anchored if a.status != EXACT] == []
    assert len(anchored) == len(annotations)


def site_resolver(sources):
    """Entities and events as their files name them (the site's resolver is built from the
    entity registry and the chronology, whose ids are these file names)."""
    return link_resolver(
        sources,
        {slug: f"entities/{slug}.html" for slug in stems("entities")},
        {event: f"chronology.html#{event}" for event in stems("events")},
    )


def test_every_link_and_entity_tag_resolves(sources, annotations):
    resolve = site_resolver(sources)
    assert [str(p) for annotation in annotations for p in checked_body(annotation, resolve)[1]] == []


def test_the_readme_example_is_a_working_annotation(sources):
    readme = (Path(__file__).resolve().parents[2] / "plugins/dossier/anchor/README.md").read_text()
    example = readme.split("```markdown\n", 1)[1].split("```", 1)[0]
    (annotation,), problems = load_annotations([("annotations/readme-example.md", example)])
    assert problems == []
    (anchored,), problems = anchor_annotations([annotation], sources)
    assert problems == [] and anchored.status == EXACT
    assert checked_body(annotation, site_resolver(sources))[1] == []
