"""Stage: date. Dated statements in the sources' body text, resolved against each source's
publication date, curated by editors (content/events/*.md), and merged into the master
chronology. The rules are in README.md."""

from .chronology import Chronology, Citation, Event, build_chronology, chronology_of
from .curated import Curation, CuratedEvent, load_curated_events
from .export import export_events
from .resolve import load_date_parser
from .span import DateSpan, Period
from .statements import DatedStatement, find_statements

__all__ = [
    "Chronology",
    "Citation",
    "Curation",
    "CuratedEvent",
    "DateSpan",
    "DatedStatement",
    "Event",
    "Period",
    "build_chronology",
    "chronology_of",
    "export_events",
    "find_statements",
    "load_curated_events",
    "load_date_parser",
]
