"""`"events"` in dossier.json, exactly as issue 4's Export section and the schema define it."""

from __future__ import annotations

from .chronology import Chronology, Citation, Event
from .span import DateSpan

_UNDATED = {"start": None, "end": None, "precision": None, "approximate": False, "edtf": None}


def export_date(span: DateSpan | None) -> dict:
    if span is None:
        return dict(_UNDATED)
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
        "approximate": span.approximate,
        "edtf": span.edtf,
    }


def export_event(event: Event) -> dict:
    return {
        "id": event.id,
        "label": event.label,
        "date": export_date(event.date),
        "citations": [
            {"source": c.source, "paragraph": c.paragraph, "quote": c.quote, "derivation": _derivation(c, event)}
            for c in event.citations
        ],
        "entities": list(event.entities),
    }


def _derivation(citation: Citation, event: Event) -> str:
    """The passage's own reading, and the editors' date where they set the event's date: the
    export has no other place for their reasons."""
    if event.date_basis is None:
        return citation.derivation
    return f"{citation.derivation}; the editors date the event {event.date.edtf}: {event.date_basis}"


def export_events(chronology: Chronology) -> list[dict]:
    """Dated events in chronological order, then the undated lane."""
    return [export_event(event) for event in (*chronology.events, *chronology.undated)]
