"""Entity pages, the entity index (with the co-mention graph drawn at build time as SVG and the
same data as a table), the unlinked-names report, and what source pages show of entities."""

from __future__ import annotations

import functools
import math
from typing import Iterable, Iterator, Mapping, NamedTuple, Sequence

from markupsafe import Markup

from ..link import KINDS, Entity, Linking, Registry, Spelling, UnlinkedName, adjacency, co_mentions, entity_url, sentence_around
from ..model import Mention, Source
from .marks import Mark, render_marked
from .page import ENTITY, Macros, Page, PageRecipe
from .sources import source_summary, source_url

INDEX_URL = "entities/index.html"
UNLINKED_URL = "entities/unlinked.html"

KIND_HEADINGS = {
    "person": "People",
    "organization": "Organisations",
    "armed force": "Armed forces",
    "armed group": "Armed groups",
    "news outlet": "News outlets",
    "country": "Countries",
    "city": "Cities and towns",
    "region": "Regions",
    "site": "Sites",
    "conflict": "Wars and campaigns",
}
MAP_ZOOM = {"country": 5, "region": 7, "city": 12, "site": 16}  # OpenStreetMap zoom levels

# Co-mention graph geometry, in SVG user units (the SVG scales to the page width).
GRAPH_SIZE = 880  # a square: labels run outwards from the circle, as long on every side
GRAPH_RADIUS = 220  # of the circle the nodes sit on; the rest is room for the labels
NODE_RADII = (3, 10)  # smallest and largest node, by mention count
EDGE_WIDTHS = (0.6, 4.0)  # thinnest and thickest line, by shared paragraphs
LABEL_GAP = 8
GRAPH_LIMIT = 80  # the most mentioned entities drawn: more would be unreadable, and a heavy page


def pages(
    sources: Sequence[Source],
    registry: Registry,
    linking: Linking,
    macros: Macros,
    events_by_entity: Mapping[str, list[dict]] | None = None,
    annotations_by_entity: Mapping[str, list[dict]] | None = None,
    corpus: str = "",
    graph: Graph | None = None,
) -> Iterator[PageRecipe]:
    """`sources` in publication order (as the pipeline gives them): mentions are grouped by
    source in that order. Events and annotations are those other stages list per entity slug.
    `macros` renders what entity pages show alike (partials/entity_page.html), once per process.
    `corpus` is the digest of what `sources`, `registry`, `linking` and the events were made
    from (`Dossier.corpus`): with an entity's annotations, all its page depends on.
    `graph`: `shared_paragraphs(linking)`, if already made (the build cache keeps it).
    One page at a time, so a large dossier never holds every entity page at once."""
    named = shared_paragraphs(linking) if graph is None else graph

    @functools.cache
    def shown():
        return macros("partials/entity_page", INDEX_URL)  # as every entity page sees it: all are in entities/

    @functools.cache
    def catalogue() -> dict[str, Listed]:
        return {s.slug: listed(position, s, shown()) for position, s in enumerate(sources)}

    @functools.cache  # few distinct (entity, count) pairs: 3,718 of 186,118 co-mentions at N=2,000
    def named_with(slug: str, count: int) -> Markup:
        return shown().named_with(entity_url(slug), registry.by_slug[slug].name, count)

    def make_entity_page(entity: Entity, events: list[dict], annotations: list[dict]) -> Page:
        co_mentions = [named_with(slug, n) for slug, n in named.get(entity.slug, [])]
        return entity_page(entity, catalogue(), linking, co_mentions, events, annotations)

    for entity in registry.entities:
        events = (events_by_entity or {}).get(entity.slug, [])
        annotations = (annotations_by_entity or {}).get(entity.slug, [])
        yield PageRecipe(
            entity_url(entity.slug),
            (corpus, entity.slug, annotations),
            functools.partial(make_entity_page, entity, events, annotations),
        )
    yield PageRecipe(INDEX_URL, (corpus,), lambda: index_page(sources, registry, linking, named))
    yield PageRecipe(UNLINKED_URL, (corpus,), lambda: unlinked_page(sources, linking))


Graph = Mapping[str, Sequence[tuple[str, int]]]  # entity -> (entity named with it, in how many paragraphs)


def shared_paragraphs(linking: Linking) -> Graph:
    """Each entity's co-mentions, the most frequent first (`adjacency`)."""
    return adjacency(co_mentions(linking.mentions))


# --- one entity ---------------------------------------------------------------------------


class Listed(NamedTuple):
    """A source as entity pages list it: made once per process, shown on many pages."""

    position: int  # in publication order
    source: Source
    url: str
    texts: dict[str, str]  # block id -> text
    heading: Markup  # above its passages
    link: Markup  # in the spellings table


def listed(position: int, source: Source, shown) -> Listed:
    """`shown`: partials/entity_page.html's macros."""
    summary = source_summary(source)
    texts = {block.id: block.text for block in source.blocks}
    return Listed(position, source, summary["url"], texts, shown.heading(summary), shown.link(summary))


def entity_page(
    entity: Entity,
    catalogue: Mapping[str, Listed],
    linking: Linking,
    co_mentions: list[Markup],
    events: Sequence[dict],
    annotations: Sequence[dict],
) -> Page:
    """`catalogue`: every source by slug, to list those mentioning the entity in publication
    order; `co_mentions`: the entities named in the same paragraphs, as the page shows them."""
    mentions = linking.mentions_of(entity.slug)
    by_source: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_source.setdefault(mention.source, []).append(mention)
    listed = sorted((catalogue[slug] for slug in by_source), key=lambda entry: entry.position)
    mentioning = [entry.source for entry in listed]
    return Page(
        save_as=entity_url(entity.slug),
        template="entity",
        title=entity.name,
        description=(
            f"{entity.name} ({entity.kind}): {plural(len(mentions), 'mention')} in "
            f"{plural(len(mentioning), 'source')} of the dossier, with every spelling and passage."
        ),
        context={
            "entity": entity_view(entity),
            "mention_count": len(mentions),
            "source_count": len(mentioning),
            "spellings": [spelling_view(spelling, listed) for spelling in linking.spellings(entity.slug)],
            "groups": [
                {"slug": e.source.slug, "heading": e.heading, "passages": passages(by_source[e.source.slug], e)} for e in listed
            ],
            "co_mentions": co_mentions,
            "events": list(events),
            "annotations": [{**a, "body_html": Markup(a["body_html"])} for a in annotations],
            "search_kind": ENTITY,
            "search_sources": [s.metadata.title for s in mentioning],
        },
    )


def spelling_view(spelling: Spelling, listed: Sequence[Listed]) -> dict:
    found_in = {mention.source for mention in spelling.mentions}
    return {
        "text": spelling.text,
        "count": len(spelling.mentions),
        "sources": [entry.link for entry in listed if entry.source.slug in found_in],
    }


def neighbour_views(named_with: Sequence[tuple[str, int]], registry: Registry) -> list[dict]:
    return [{"name": registry.by_slug[slug].name, "url": entity_url(slug), "count": n} for slug, n in named_with]


def entity_view(entity: Entity) -> dict:
    return {
        "slug": entity.slug,
        "name": entity.name,
        "kind": entity.kind,
        "description_html": Markup(entity.description_html),
        "wikidata": entity.wikidata,
        "wikidata_url": f"https://www.wikidata.org/wiki/{entity.wikidata}" if entity.wikidata else None,
        "coordinates": coordinates_view(entity) if entity.coordinates else None,
    }


def coordinates_view(entity: Entity) -> dict:
    latitude, longitude = entity.coordinates
    zoom = MAP_ZOOM.get(entity.kind, 10)
    return {
        "text": f"{abs(latitude):g}° {'N' if latitude >= 0 else 'S'}, {abs(longitude):g}° {'E' if longitude >= 0 else 'W'}",
        "map_url": f"https://www.openstreetmap.org/?mlat={latitude:g}&mlon={longitude:g}#map={zoom}/{latitude:g}/{longitude:g}",
    }


def passages(mentions: Sequence[Mention], listed: Listed) -> list[dict]:
    """Each sentence naming the entity once, its mentions highlighted, linked to its paragraph."""
    texts, url = listed.texts, listed.url
    sentences: dict[tuple[str, int, int], list[Mention]] = {}
    for mention in mentions:
        first, last = sentence_around(texts[mention.paragraph], mention.start, mention.end)
        sentences.setdefault((mention.paragraph, first, last), []).append(mention)
    return [
        {
            "html": render_marked(
                texts[paragraph][first:last], [Mark(m.start - first, m.end - first, "mark") for m in found]
            ),
            "url": f"{url}#{paragraph}",
        }
        for (paragraph, first, last), found in sentences.items()
    ]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# --- the index and its graph --------------------------------------------------------------


def index_page(
    sources: Sequence[Source],
    registry: Registry,
    linking: Linking,
    named_with: Graph,
) -> Page:
    rows = {entity.slug: index_row(entity, linking) for entity in registry.entities}
    by_kind = [
        {
            "kind": kind,
            "id": "group-" + kind.replace(" ", "-"),
            "heading": KIND_HEADINGS[kind],
            "entities": sorted((rows[e.slug] for e in registry.entities if e.kind == kind), key=lambda r: r["sort"]),
        }
        for kind in KINDS
    ]
    mentioned = [e for e in registry.entities if rows[e.slug]["mentions"]]
    graphed = most_mentioned(mentioned, rows)
    drawn = {e.slug for e in graphed}
    return Page(
        save_as=INDEX_URL,
        template="entities",
        title="People, organisations and places",
        description=(
            f"The {len(registry.entities)} people, organisations and places named in the dossier’s "
            f"{plural(len(sources), 'source')}, by kind, with mention counts and a co-mention graph."
        ),
        context={
            "groups": [group for group in by_kind if group["entities"]],
            "graph": {**co_mention_graph(graphed, linking, named_with), "omitted": len(mentioned) - len(graphed)},
            "adjacency": [
                {
                    **rows[entity.slug],
                    "neighbours": neighbour_views([(s, n) for s, n in named_with.get(entity.slug, []) if s in drawn], registry),
                }
                for entity in graphed
            ],
            "mention_count": len(linking.mentions),
            "unlinked_count": len({name.text for name in linking.unlinked}),
            "unlinked_url": UNLINKED_URL,
            "search_kind": None,
        },
    )


def most_mentioned(entities: Sequence[Entity], rows: Mapping[str, dict]) -> list[Entity]:
    """At most GRAPH_LIMIT, the most mentioned, by kind then name: each kind fills one arc."""
    kept = sorted(entities, key=lambda e: (-rows[e.slug]["mentions"], e.slug))[:GRAPH_LIMIT]
    return sorted(kept, key=lambda e: (KINDS.index(e.kind), e.name.casefold(), e.slug))


def index_row(entity: Entity, linking: Linking) -> dict:
    mentions = linking.mentions_of(entity.slug)
    return {
        "name": entity.name,
        "url": entity_url(entity.slug),
        "kind": entity.kind,
        "mentions": len(mentions),
        "sources": len({m.source for m in mentions}),
        "sort": (entity.name.casefold(), entity.slug),
    }


def co_mention_graph(entities: Sequence[Entity], linking: Linking, named_with: Graph) -> dict:
    """Nodes on a circle, sized by mentions; a line between two entities named in the same
    paragraph, as thick as the number of such paragraphs. Every coordinate is computed here,
    rounded, so the page needs no JavaScript and builds byte for byte the same."""
    centre = GRAPH_SIZE / 2
    most_mentions = max((len(linking.mentions_of(e.slug)) for e in entities), default=1)
    label_at = GRAPH_RADIUS + NODE_RADII[1] + LABEL_GAP
    positions, nodes = {}, []
    for index, entity in enumerate(entities):
        angle = -math.pi / 2 + 2 * math.pi * index / len(entities)
        cos, sin = math.cos(angle), math.sin(angle)
        share = math.sqrt(len(linking.mentions_of(entity.slug)) / most_mentions)
        positions[entity.slug] = (centre + GRAPH_RADIUS * cos, centre + GRAPH_RADIUS * sin)
        right = cos >= 0
        nodes.append(
            {
                "x": round(positions[entity.slug][0], 1),
                "y": round(positions[entity.slug][1], 1),
                "r": round(NODE_RADII[0] + (NODE_RADII[1] - NODE_RADII[0]) * share, 1),
                "kind_class": "kind-" + entity.kind.replace(" ", "-"),
                "label": entity.name,
                "label_x": round(centre + label_at * cos, 1),
                "label_y": round(centre + label_at * sin, 1),
                # Along the radius, outwards, and never upside down: labels on a circle never
                # collide while the nodes are farther apart than a line of text is high.
                "rotate": round(math.degrees(angle) + (0 if right else 180), 1),
                "anchor": "start" if right else "end",
            }
        )
    edges = [((a, b), n) for a in positions for b, n in named_with.get(a, ()) if a < b and b in positions]
    heaviest = max((n for _, n in edges), default=1)
    thinnest, thickest = EDGE_WIDTHS
    return {
        "size": GRAPH_SIZE,
        "nodes": nodes,
        # Heaviest last, so they are drawn on top.
        "edges": [
            {
                "x1": round(positions[a][0], 1),
                "y1": round(positions[a][1], 1),
                "x2": round(positions[b][0], 1),
                "y2": round(positions[b][1], 1),
                "width": round(thinnest + (thickest - thinnest) * (n - 1) / max(heaviest - 1, 1), 2),
            }
            for (a, b), n in sorted(edges, key=lambda item: (item[1], item[0]))
        ],
        "node_count": len(nodes),
        "edge_count": len(edges),
        "kinds": [
            {"kind": kind, "heading": KIND_HEADINGS[kind], "kind_class": "kind-" + kind.replace(" ", "-")}
            for kind in KINDS
            if any(e.kind == kind for e in entities)
        ],
    }


# --- unlinked names -----------------------------------------------------------------------


def unlinked_page(sources: Sequence[Source], linking: Linking) -> Page:
    by_slug = {source.slug: source for source in sources}
    names: dict[str, list[UnlinkedName]] = {}
    for name in linking.unlinked:
        names.setdefault(name.text, []).append(name)
    return Page(
        save_as=UNLINKED_URL,
        template="unlinked",
        title="Unlinked names",
        description=(
            f"{plural(len(names), 'capitalised name')} in the sources’ body text that no entity file matches yet, "
            "for editors to add to the registry."
        ),
        context={
            "names": [
                {"text": text, "occurrences": [occurrence(n, by_slug[n.source]) for n in found]}
                for text, found in sorted(names.items(), key=lambda item: (item[0].casefold(), item[0]))
            ],
            "index_url": INDEX_URL,
            "search_kind": None,
        },
    )


def occurrence(name: UnlinkedName, source: Source) -> dict:
    text = next(block.text for block in source.blocks if block.id == name.paragraph)
    first, last = sentence_around(text, name.start, name.end)
    return {
        "html": render_marked(text[first:last], [Mark(name.start - first, name.end - first, "mark")]),
        "url": f"{source_url(source)}#{name.paragraph}",
        "source_title": source.metadata.title,
    }


# --- what other pages show ----------------------------------------------------------------


def source_entities(source: Source, registry: Registry, linking: Linking) -> list[dict]:
    """The entities a source mentions, the most mentioned first, for its page."""
    counted: dict[str, int] = {}
    for mention in linking.mentions_in(source.slug):
        counted[mention.entity] = counted.get(mention.entity, 0) + 1
    return [
        {"name": registry.by_slug[slug].name, "kind": registry.by_slug[slug].kind, "url": entity_url(slug), "count": n}
        for slug, n in sorted(counted.items(), key=lambda item: (-item[1], registry.by_slug[item[0]].name.casefold()))
    ]


def entity_marks(mentions: Iterable[Mention]) -> dict[str, dict[str, tuple[Mark, ...]]]:
    """source slug -> block id -> an `<a class="entity">` mark per mention, for source pages
    (`render.combined_marks` joins them with the other stages' marks). The links are relative
    to a source page, which lives in sources/."""
    marks: dict[str, dict[str, list[Mark]]] = {}
    for mention in mentions:
        attributes = (("class", "entity"), ("href", f"../{entity_url(mention.entity)}"))
        marks.setdefault(mention.source, {}).setdefault(mention.paragraph, []).append(
            Mark(mention.start, mention.end, "a", attributes)
        )
    return {source: {block: tuple(found) for block, found in blocks.items()} for source, blocks in marks.items()}
