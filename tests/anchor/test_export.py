"""The exports: W3C Web Annotation JSON-LD and the "annotations" of dossier.json."""

import json
from pathlib import Path

import jsonschema

from dossier.anchor.anchoring import anchor_annotations
from dossier.anchor.export import export_annotations, export_jsonld
from dossier.render.annotations import link_resolver

from .helpers import annotation_of, make_source

SCHEMA = Path(__file__).resolve().parents[2] / "plugins/dossier/schema/dossier.schema.json"
SOURCE = make_source(
    "004_3194f4e90b592db8",
    "Iran has begun to use Russia’s Hmeimin airbase close to the port city of Latakia.",
    "The death of Solemani was a major strike to Iran’s plans.",
)
RESOLVE = link_resolver([SOURCE], {"khmeimim-air-base": "entities/khmeimim-air-base.html"}, {})
ANCHORED, PROBLEMS = anchor_annotations(
    [
        annotation_of(
            "Hmeimim airbase",  # a typo: fuzzy
            name="hmeimin-misspelling",
            source="004_3194f4e90b592db8",
            entities=["khmeimim-air-base"],
            body="[The base](entity:khmeimim-air-base).",
        ),
        annotation_of("The death of Solemani", name="solemani-misspelling", source="004_3194f4e90b592db8"),
    ],
    [SOURCE],
)


def test_the_collection_has_the_web_annotation_shape():
    collection = export_jsonld(ANCHORED, RESOLVE, "https://dossier.example/")
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["id"] == "https://dossier.example/annotations.jsonld"
    assert collection["total"] == 2
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    fuzzy, exact = page["items"]
    assert exact["id"] == "https://dossier.example/annotations.html#solemani-misspelling"
    assert exact["type"] == "Annotation" and exact["motivation"] == "commenting"
    assert exact["created"] == "2026-11-21T00:00:00Z"
    assert exact["creator"] == {"name": "An Editor"}
    assert exact["target"]["source"] == "https://dossier.example/sources/004_3194f4e90b592db8.html"
    text_body, tag = fuzzy["body"]
    assert text_body["type"] == "TextualBody" and text_body["format"] == "text/html"
    assert 'href="https://dossier.example/entities/khmeimim-air-base.html"' in text_body["value"]
    assert tag == {
        "type": "SpecificResource",
        "purpose": "tagging",
        "source": "https://dossier.example/entities/khmeimim-air-base.html",
    }


def test_selectors_describe_the_cleaned_text_as_it_is():
    for item in export_jsonld(ANCHORED, RESOLVE)["first"]["items"]:
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert SOURCE.text[start:end] == quote["exact"]
        assert SOURCE.text[:start].endswith(quote["prefix"]) and len(quote["prefix"]) <= 32
        assert SOURCE.text[end:].startswith(quote["suffix"]) and len(quote["suffix"]) <= 32
    fuzzy_quote = export_jsonld(ANCHORED, RESOLVE)["first"]["items"][0]["target"]["selector"][0]
    assert fuzzy_quote["exact"] == "Hmeimin airbase"  # the source's text, not the editor's typo
    assert fuzzy_quote["suffix"] == " close to the port city of Latak"


def test_without_a_site_url_iris_are_relative_to_the_file_at_the_site_root():
    collection = export_jsonld(ANCHORED, RESOLVE)
    assert collection["id"] == "annotations.jsonld"
    assert collection["first"]["items"][1]["target"]["source"] == "sources/004_3194f4e90b592db8.html"


def test_dossier_json_annotations_follow_the_schema():
    exported = export_annotations(ANCHORED)
    assert exported == [
        {
            "id": "hmeimin-misspelling",
            "source": "004_3194f4e90b592db8",
            "paragraph": "p1",
            "quote": "Hmeimim airbase",
            "status": "fuzzy",
            "score": 93.3,
            "url": "sources/004_3194f4e90b592db8.html#quote-hmeimin-misspelling",
        },
        {
            "id": "solemani-misspelling",
            "source": "004_3194f4e90b592db8",
            "paragraph": "p2",
            "quote": "The death of Solemani",
            "status": "exact",
            "score": 100.0,
            "url": "sources/004_3194f4e90b592db8.html#quote-solemani-misspelling",
        },
    ]
    schema = json.loads(SCHEMA.read_text())
    annotations_schema = {"$defs": schema["$defs"], **schema["properties"]["annotations"]}
    jsonschema.validate(exported, annotations_schema)
