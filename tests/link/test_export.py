"""`"entities"` in dossier.json: the shape the issue gives, valid against the schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from dossier.link import export_entities, link_sources, load_registry

from .helpers import entity_file, make_source

SCHEMA = Path(__file__).resolve().parents[2] / "plugins/dossier/schema/dossier.schema.json"


def test_export_shape_and_schema():
    registry, _ = load_registry(
        [
            ("entities/iran.md", entity_file("name: Iran\nkind: country\naliases: [Islamic Republic]\nwikidata: Q794")),
            ("entities/assad.md", entity_file("name: Bashar al-Assad\nkind: person\naliases: [Assad]")),
        ]
    )
    sources = [make_source("004_x", "Iran and Assad’s regime."), make_source("000_y", "The Islamic Republic.")]
    exported = list(export_entities(registry, link_sources(sources, registry)))
    assert exported == [
        {
            "slug": "assad",
            "name": "Bashar al-Assad",
            "kind": "person",
            "aliases": ["Assad"],
            "wikidata": None,
            "url": "entities/assad.html",
            "mentions": [{"source": "004_x", "paragraph": "p1", "surface": "Assad"}],
        },
        {
            "slug": "iran",
            "name": "Iran",
            "kind": "country",
            "aliases": ["Islamic Republic"],
            "wikidata": "Q794",
            "url": "entities/iran.html",
            "mentions": [
                {"source": "004_x", "paragraph": "p1", "surface": "Iran"},
                {"source": "000_y", "paragraph": "p1", "surface": "Islamic Republic"},
            ],
        },
    ]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    entity_schema = {"$defs": schema["$defs"], "$ref": "#/$defs/entity"}
    for entity in exported:
        jsonschema.validate(entity, entity_schema)
