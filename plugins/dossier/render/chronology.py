"""The chronology page (events by year and month, an SVG timeline strip drawn at build time, the
undated lane, the sources' publication timeline), and what other pages show of the chronology."""

from __future__ import annotations

import datetime
from itertools import groupby
from typing import Callable, Mapping, Sequence

from markupsafe import Markup

from ..date.chronology import Chronology, Event
from ..date.span import DAY, MONTH, DateSpan, Period
from ..model import Source
from .dates import human_date
from .marks import Mark
from .page import EVENT, Page
from .sources import source_summary

URL = "chronology.html"

# Timeline strip geometry, in SVG user units (the SVG scales to the page width).
WIDTH = 720
MARGIN = 20  # room for the first and last year labels
BAR_HEIGHT = 10
ROW = 14  # one lane of bars
MIN_BAR = 3.0  # a day is narrower than a pixel: every event stays visible
TICK_SPACING = 40  # at least this far apart, year labels do not collide


# --- dates in words ---------------------------------------------------------------------------


def date_view(span: DateSpan) -> dict:
    """The span as one or two `<time>` elements ("parts": {"datetime", "text", "about"}) joined
    by "separator"; a run of days reads "13–14 April 2024"."""
    last = _part(span.last, human_date(span.last.iso, span.last.precision))
    parts = [last]
    if span.is_range:
        first = span.first
        text = human_date(first.iso, first.precision)
        if first.precision == span.last.precision == DAY and first.year == span.last.year:
            text = str(first.day) if first.month == span.last.month else text.rsplit(" ", 1)[0]
        parts = [_part(first, text), last]
    compact = " " not in parts[0]["text"] and not parts[0]["about"]
    return {
        "parts": parts,
        "separator": "–" if compact else " – ",
        "precision": span.precision,
        "approximate": span.approximate,
        "edtf": span.edtf,
    }


def _part(period: Period, text: str) -> dict:
    return {"datetime": period.iso, "text": text, "about": period.approximate}


def date_text(span: DateSpan | None) -> str:
    """Plain text: "13–14 April 2024", "about 2010", "undated"."""
    if span is None:
        return "undated"
    view = date_view(span)
    return view["separator"].join(("about " if p["about"] else "") + p["text"] for p in view["parts"])


# --- the page -------------------------------------------------------------------------------


def page(chronology: Chronology, sources: Sequence[Source], entity_names: Mapping[str, str] | None = None) -> Page:
    """`entity_names` (slug -> display name) labels entity links; a missing name shows the slug."""
    titles = {source.slug: source.metadata.title for source in sources}
    names = entity_names or {}

    def view(event: Event) -> dict:
        return event_view(event, titles, names)

    dated = chronology.events
    span_text = f"from {date_text(dated[0].date)} to {date_text(dated[-1].date)}" if dated else "none yet"
    return Page(
        save_as=URL,
        template="chronology",
        title="Chronology",
        description=(
            f"The master chronology: {len(dated)} dated events stated by the sources, {span_text}, "
            f"and {len(chronology.undated)} whose date the sources do not let us resolve."
        ),
        context={
            "years": year_groups(dated, view),
            "undated": [view(e) for e in chronology.undated],
            "strip": timeline_strip(chronology, sources),
            "publications": publication_timeline(chronology, sources),
            "search_kind": EVENT,
            "search_sources": sorted({titles[c.source] for e in (*dated, *chronology.undated) for c in e.citations}),
        },
    )


def event_view(event: Event, titles: Mapping[str, str], names: Mapping[str, str]) -> dict:
    differ = len(event.cited_dates) > 1
    return {
        "id": event.id,
        "label": event.label,
        "merged_ids": list(event.merged_ids),
        "date": date_view(event.date) if event.date else None,
        "date_basis": event.date_basis,
        "undated_reason": event.undated_reason,
        "written": list(dict.fromkeys(c.written for c in event.citations if c.written)),
        "dates_differ": differ,
        "citations": [
            {
                "source_title": titles.get(c.source, c.source),
                "url": f"sources/{c.source}.html#{c.paragraph}",
                "quote": c.quote,
                "derivation": c.derivation,
                "date": date_view(c.span) if differ and c.span else None,
            }
            for c in event.citations
        ],
        "entities": [{"name": names.get(slug, slug), "url": f"entities/{slug}.html"} for slug in event.entities],
        "notes_html": Markup(event.notes_html),
    }


def year_groups(events: Sequence[Event], view: Callable[[Event], dict]) -> list[dict]:
    """Dated events (in chronological order) by the year, then the month, where their span
    begins; events known only to the year come last in their year, under "month not known"."""
    years = []
    for year, in_year in groupby(events, key=lambda e: e.date.first.year):
        months = []
        for month, in_month in groupby(in_year, key=lambda e: e.date.first.month):
            months.append(
                {
                    "id": f"y{year}-{month:02d}" if month else f"y{year}-month-unknown",
                    "heading": human_date(f"{year}-{month:02d}", MONTH) if month else "Month not known",
                    "events": [view(e) for e in in_month],
                }
            )
        years.append({"id": f"y{year}", "heading": str(year), "months": months})
    return years


# --- the timeline strip ---------------------------------------------------------------------


def timeline_strip(chronology: Chronology, sources: Sequence[Source]) -> dict | None:
    """Bars for events and diamonds for publications on one time axis, all geometry computed here
    so the page needs no JavaScript; None when nothing is dated."""
    published = [_publication_span(s) for s in sources if s.metadata.published.date]
    spans = [event.date for event in chronology.events] + published
    if not spans:
        return None
    first_year, last_year = min(s.start.year for s in spans), max(s.end.year for s in spans)
    origin, finish = datetime.date(first_year, 1, 1), datetime.date(last_year + 1, 1, 1)
    scale = (WIDTH - 2 * MARGIN) / (finish - origin).days

    def x(day: datetime.date) -> float:
        return round(MARGIN + (day - origin).days * scale, 1)

    def x_end(span: DateSpan) -> float:  # the end of the span's last day
        return x(span.end + datetime.timedelta(days=1))

    bars, lane_ends = [], []
    for event in chronology.events:
        left = x(event.date.start)
        width = round(max(x_end(event.date) - left, MIN_BAR), 1)
        # The first lane whose last bar ends before this one starts; bars never overlap.
        lane = next((i for i, end in enumerate(lane_ends) if end + 1 < left), len(lane_ends))
        lane_ends[lane : lane + 1] = [left + width]
        bars.append(
            {"x": left, "y": MARGIN + lane * ROW, "width": width, "height": BAR_HEIGHT, "approximate": event.date.approximate}
        )
    diamonds_y = MARGIN + len(lane_ends) * ROW + ROW // 2
    axis_y = diamonds_y + BAR_HEIGHT + ROW
    step = next(n for n in (1, 2, 5, 10, 20, 50, 100) if n * 365 * scale >= TICK_SPACING)
    half = BAR_HEIGHT // 2
    return {
        "width": WIDTH,
        "height": axis_y + 2 * ROW,
        "bars": bars,
        # A diamond at the middle of each publication date: a month-dated source sits mid-month.
        "diamonds": [
            f"M{round((x(s.start) + x_end(s)) / 2, 1)} {diamonds_y}l{half} {half}-{half} {half}-{half}-{half}z"
            for s in published
        ],
        "axis": {"x1": MARGIN, "x2": WIDTH - MARGIN, "y": axis_y},
        "ticks": [
            {"x": x(datetime.date(year, 1, 1)), "y2": axis_y + half, "label_y": axis_y + ROW + half, "label": str(year)}
            for year in range(first_year, last_year + 1, step)
        ],
        "first_year": first_year,
        "last_year": last_year,
        "event_count": len(bars),
        "undated_count": len(chronology.undated),
    }


def _publication_span(source: Source) -> DateSpan:
    return DateSpan.of(Period.from_iso(source.metadata.published.date))


# --- the sources' publication timeline ------------------------------------------------------


def publication_timeline(chronology: Chronology, sources: Sequence[Source]) -> list[dict]:
    """Sources by publication date, undated last, each with the number of events citing it."""
    cited: dict[str, int] = {}
    for event in (*chronology.events, *chronology.undated):
        for slug in {c.source for c in event.citations}:
            cited[slug] = cited.get(slug, 0) + 1
    return [{**source_summary(s), "event_count": cited.get(s.slug, 0)} for s in sorted(sources, key=_publication_order)]


def _publication_order(source: Source) -> tuple:
    """As the chronology sorts: a source dated to a month after those dated to its days."""
    if not source.metadata.published.date:
        return (True, (), source.slug)
    return (False, _publication_span(source).sort_key(), source.slug)


# --- what other pages show ------------------------------------------------------------------


def events_by_entity(chronology: Chronology) -> dict[str, list[dict]]:
    """entity slug -> its events in chronological order (undated last), for the entity pages."""
    involved: dict[str, list[dict]] = {}
    for event in (*chronology.events, *chronology.undated):
        shown = {"label": event.label, "date_text": date_text(event.date), "url": f"{URL}#{event.id}"}  # once per event
        for slug in event.entities:
            involved.setdefault(slug, []).append(shown)
    return dict(sorted(involved.items()))


def time_marks(chronology: Chronology) -> dict[str, dict[str, tuple[Mark, ...]]]:
    """source slug -> block id -> marks around each resolved date expression, for source pages:
    `<time datetime>` for one day, month or year; a `<span>` for a range, which `datetime` cannot
    express. Both carry the EDTF value in `data-edtf`."""
    marks: dict[str, dict[str, list[Mark]]] = {}
    for statement in chronology.statements:
        span = statement.resolution.span
        if span is None:
            continue
        expression = statement.expression
        attributes = (("data-edtf", span.edtf),) if span.is_range else (("datetime", span.first.iso), ("data-edtf", span.edtf))
        mark = Mark(expression.start, expression.end, "span" if span.is_range else "time", attributes)
        marks.setdefault(statement.source, {}).setdefault(statement.paragraph, []).append(mark)
    return {source: {block: tuple(found) for block, found in blocks.items()} for source, blocks in marks.items()}

