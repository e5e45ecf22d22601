"""Dossier: a Pelican plugin that turns raw scraped articles into an annotated dossier.

The pipeline (pipeline.py) runs raw -> clean -> notes -> link -> date -> anchor -> render over
plain frozen data; generator.py is the only module that talks to Pelican.
"""

from pelican import signals

from .generator import DossierGenerator


def get_generators(pelican):
    return DossierGenerator


def register():
    signals.get_generators.connect(get_generators)
