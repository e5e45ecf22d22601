"""The chronology page, rendered with the theme as Pelican renders it (its golden fixture is with
every other page's, in tests/regression): the rules every page keeps (StrictUndefined, no inline style or script,
headings in order, an accessible SVG)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.date import build_chronology, load_curated_events
from dossier.model import Mention
from dossier.raw import read_editor_files
from dossier.render.chronology import page as chronology_page

from ..theme import render_page as render
from .helpers import CONTENT, make_source, seed_sources

THEME = Path(__file__).resolve().parents[2] / "themes/dossier"
HTML_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@pytest.fixture(scope="module")
def seed_page():
    sources = seed_sources()
    curation, _ = load_curated_events(read_editor_files(CONTENT, "events")[0], sources)
    page = chronology_page(build_chronology(sources, [], curation), sources)
    return page, render(page), sources


def test_page_rules(seed_page):
    page, html, sources = seed_page
    soup = BeautifulSoup(html, "html.parser")
    assert page.save_as == "chronology.html"
    assert "style=" not in html and "<script" not in html
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert all(HTML_DATE.fullmatch(time["datetime"]) for time in soup.find_all("time"))
    svg = soup.find("svg")
    assert svg["role"] == "img" and svg.find("title").get_text().startswith("Timeline of 13 dated events")
    assert all(soup.find(id=label) for label in svg["aria-labelledby"].split())
    paragraphs = {f"sources/{s.slug}.html#{b.id}" for s in sources for b in s.blocks}
    citations = [a["href"].removeprefix("./") for a in soup.select(".citations a")]
    assert citations and set(citations) <= paragraphs


def test_the_page_shows_dates_as_written_and_resolved(seed_page):
    _, html, _ = seed_page
    soup = BeautifulSoup(html, "html.parser")
    event = soup.find(id="iran-attack-on-israel")
    assert [(t["datetime"], t.get_text()) for t in event.select(".event-when time")] == [
        ("2024-04-13", "13"),
        ("2024-04-14", "14 April 2024"),
    ]
    assert "as written: “on April 13-14”" in event.get_text()
    assert soup.find(id="on-april-13-14-663519").find_parent("li")["id"] == "iran-attack-on-israel"  # old anchor kept
    undated = soup.find(id="undated-lane").find_parent("section")
    assert "As of the weekend" in undated.get_text() and "Over recent weeks" in undated.get_text()


def test_entity_links_and_differing_dates():
    one = make_source("one", "On Friday, Iran began the evacuation.", published="2024-12-07")
    two = make_source("two", "On Thursday, Iran began the evacuation.", published="2024-12-07")
    statements = build_chronology([one, two], [], load_curated_events([], [])[0]).events
    merge = ", ".join(e.id for e in statements)
    text = f"---\nlabel: The evacuation begins\nmerge: [{merge}]\n---\n"
    curation, _ = load_curated_events([("events/evacuation.md", text)], [one, two])
    mentions = [Mention("iran", "one", "p1", 11, 15, "Iran")]
    page = chronology_page(build_chronology([one, two], mentions, curation), [one, two], {"iran": "Iran"})
    soup = BeautifulSoup(render(page), "html.parser")
    assert [(a["href"], a.get_text()) for a in soup.select(".event-entities a")] == [("./entities/iran.html", "Iran")]
    assert [t["datetime"] for t in soup.select(".cited-date time")] == ["2024-12-05", "2024-12-06"]
    assert "The sources give different dates" in soup.get_text()


def test_the_stylesheet_uses_the_theme_colours():
    css = (THEME / "static/css/chronology.css").read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgb\(|hsl\(", css)


def test_timeline_bars_stay_inside_the_strip_and_never_overlap(seed_page):
    page, _, _ = seed_page
    strip = page.context["strip"]
    lanes: dict[float, list[tuple[float, float]]] = {}
    for bar in strip["bars"]:
        assert strip["axis"]["x1"] <= bar["x"] and bar["x"] + bar["width"] <= strip["axis"]["x2"] + 0.1
        lanes.setdefault(bar["y"], []).append((bar["x"], bar["x"] + bar["width"]))
    for bars in lanes.values():
        assert all(end < start for (_, end), (start, _) in zip(bars, bars[1:]))
    assert len(strip["bars"]) == 13 and len(strip["diamonds"]) == 4  # 001 has no publication date
