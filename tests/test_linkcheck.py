"""The build's own link check: broken internal links are errors naming the page and line."""

from __future__ import annotations

from dossier.render.linkcheck import broken_links

PAGES = {
    "index.html": '<a href="sources/a.html#p1">ok</a>\n<a href="sources/a.html#nope">bad id</a>\n<a href="#top" id="top">self</a>',
    "sources/a.html": '<p id="p1">x</p>\n<a href="../missing.html">gone</a>\n<a href="/abs.html">root</a>\n<a href="../../up.html">up</a>',
}
FILES = {"index.html", "sources/a.html", "sources/a.txt"}


def test_broken_internal_links_are_errors_with_page_and_line():
    found = [str(p) for p in broken_links(PAGES, PAGES.__getitem__, FILES.__contains__)]
    assert found == [
        "output/index.html:2: error: link to 'sources/a.html#nope': sources/a.html has no id 'nope'",
        "output/sources/a.html:2: error: link to '../missing.html': no such file in the site",
        "output/sources/a.html:3: error: link to '/abs.html': a root-relative link breaks under a sub-path and from disk",
        "output/sources/a.html:4: error: link to '../../up.html': it leaves the site",
    ]


def test_other_sites_and_absolute_urls_are_not_checked():
    pages = {"index.html": '<a href="https://example.org/x">x</a> <a href="mailto:a@b.c">m</a> <img src="data:image/png;base64,AA">'}
    assert broken_links(pages, pages.__getitem__, lambda name: False) == []
