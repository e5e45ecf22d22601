"""The markup and link gates fail where they should: each is shown a page with the fault it
exists to catch (a gate that passes everything would pass silently)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .markup import head_metadata, inline_code, landmarks
from .site_pages import Link, Target, broken, target

SITEURL = "https://example.org/dossier"


def soup(body: str, head: str = "<title>T</title><meta name='description' content='D'>") -> BeautifulSoup:
    return BeautifulSoup(f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>", "html.parser")


def landing(url: str, page: str = "sources/a.html") -> Target | None:
    return target(Link(page, 1, url), SITEURL)


def test_links_resolve_relative_to_their_page_and_under_siteurl():
    assert landing("../entities/iran.html#p-3") == Target("entities/iran.html", "p-3")
    assert landing("#p%2D1") == Target("sources/a.html", "p-1")
    assert landing("./") == Target("sources/index.html", "")
    assert landing(f"{SITEURL}/chronology.html#e1") == Target("chronology.html", "e1")


def test_links_to_other_sites_are_not_followed():
    assert landing("https://example.com/x.html") is None
    assert landing("mailto:editors@example.org") is None


def test_links_that_climb_out_of_the_site_are_caught():
    assert landing("/index.html") == Target(None, "")
    assert landing("../../index.html") == Target(None, "")


def test_a_missing_file_or_fragment_is_broken(tmp_path):
    (tmp_path / "a.html").write_text("")
    (tmp_path / "data.json").write_text("{}")
    anchors = {"a.html": {"p-1"}}
    assert broken(Target("a.html", "p-1"), tmp_path, anchors) is None
    assert "no id=\"p-2\"" in broken(Target("a.html", "p-2"), tmp_path, anchors)
    assert "no such file" in broken(Target("b.html", ""), tmp_path, anchors)
    assert "not an HTML page" in broken(Target("data.json", "x"), tmp_path, anchors)
    assert "leaves the site" in broken(Target(None, ""), tmp_path, anchors)


def test_inline_code_is_caught():
    page = soup("<script>x()</script><style>p{}</style><p style='x' onclick='y()'><a href='javascript:z()'>z</a></p>")
    found = "\n".join(inline_code("p.html", page))
    for fault in ("inline script", "<style> element", "style= attribute", "onclick=", "javascript: URL"):
        assert fault in found
    assert inline_code("p.html", soup("<script src='a.js'></script>")) == []


def test_missing_metadata_and_landmarks_are_caught():
    good = soup("<a href='#main'>Skip</a><main id='main'><h1>T</h1></main>")
    assert head_metadata("p.html", good) == [] and landmarks("p.html", good) == []
    bare = soup("<a href='x.html'>x</a><a href='#main'>Skip</a><main><h1>A</h1><h1>B</h1></main>", head="")
    assert len(head_metadata("p.html", bare)) == 3  # no <title>, no description, two <h1>
    assert len(landmarks("p.html", bare)) == 2  # <main> without id, skip link not first
