"""Stage: date. Dated statements in the sources' body text, resolved against each source's
publication date, curated by editors (content/events/*.md), and merged into the master
chronology. The rules are in README.md."""

from .chronology import Chronology, Citation, Event, build_chronology
from .curated import Curation, CuratedEvent, load_curated_events
from .export import export_events
from .span import DateSpan, Period

__all__ = [
    "Chronology",
    "Citation",
    "Curation",
    "CuratedEvent",
    "DateSpan",
    "Event",
    "Period",
    "build_chronology",
    "export_events",
    "load_curated_events",
]
