"""The build's own link check: broken internal links are errors naming the page and line."""

from __future__ import annotations

from dossier.render.linkcheck import broken_links, page_links


def check(pages: dict[str, str], exists, read=None):
    """The check as the build runs it: each page's links found once, the HTML read on demand."""
    return broken_links({name: page_links(html) for name, html in pages.items()}, read or pages.__getitem__, exists)


def reported(pages: dict[str, str]) -> list[str]:
    """The problems of a site made of `pages` alone, as the build prints them."""
    return [str(p) for p in check(pages, set(pages).__contains__)]

PAGES = {
    "index.html": '<a href="sources/a.html#p1">ok</a>\n<a href="sources/a.html#nope">bad id</a>\n<a href="#top" id="top">self</a>',
    "sources/a.html": '<p id="p1">x</p>\n<a href="../missing.html">gone</a>\n<a href="/abs.html">root</a>\n<a href="../../up.html">up</a>',
}
FILES = {"index.html", "sources/a.html", "sources/a.txt"}


def test_broken_internal_links_are_errors_with_page_and_line():
    found = [str(p) for p in check(PAGES, FILES.__contains__)]
    assert found == [
        "output/index.html:2: error: link to 'sources/a.html#nope': sources/a.html has no id 'nope'",
        "output/sources/a.html:2: error: link to '../missing.html': no such file in the site",
        "output/sources/a.html:3: error: link to '/abs.html': a root-relative link breaks under a sub-path and from disk",
        "output/sources/a.html:4: error: link to '../../up.html': it leaves the site",
    ]


def test_other_sites_and_absolute_urls_are_not_checked():
    pages = {"index.html": '<a href="https://example.org/x">x</a> <a href="mailto:a@b.c">m</a> <img src="data:image/png;base64,AA">'}
    assert check(pages, lambda name: False) == []


def test_a_broken_link_is_reported_at_each_of_its_lines_on_each_page():
    """Links are judged once per folder, but every place that has a broken one is listed."""
    pages = {
        "sources/a.html": '<a href="gone.html">1</a>\n<a href="b.html">2</a>\n<a href="gone.html">3</a>',
        "sources/b.html": '<a href="a.html">1</a>\n\n<a href="gone.html">3</a>',
        "sources/c.html": '<a href="a.html">fine</a>',
    }
    found = reported(pages)
    assert found == [
        "output/sources/a.html:1: error: link to 'gone.html': no such file in the site",
        "output/sources/a.html:3: error: link to 'gone.html': no such file in the site",
        "output/sources/b.html:3: error: link to 'gone.html': no such file in the site",
    ]


def test_a_page_is_read_only_for_the_lines_of_its_broken_links():
    pages = {
        "index.html": '<a href="sources/a.html#p1">ok</a>',
        "sources/a.html": '<p id="p1"><a href="../gone.html">gone</a></p>',
        "entities/x.html": '<a href="../sources/a.html">ok</a>',
    }
    reads = []

    def read(name):
        reads.append(name)
        return pages[name]

    check(pages, set(pages).__contains__, read)
    assert reads == ["sources/a.html"]


def test_a_fragment_is_checked_against_a_page_read_later():
    pages = {"index.html": '<a href="a.html#p2">x</a>', "a.html": '<p id="p1">'}
    found = reported(pages)
    assert found == ["output/index.html:1: error: link to 'a.html#p2': a.html has no id 'p2'"]


def test_links_without_a_path_point_into_their_own_page():
    """'#x', '?query#x' and ' #x' are judged on each page, not once for its folder."""
    pages = {
        "a.html": '<p id="x"><a href="?q#x">1</a> <a href=" #x">2</a> <a href="#x">3</a>',
        "b.html": '<a href="?q#x">1</a> <a href=" #x">2</a> <a href="#x">3</a> <a href="">4</a>',
    }
    found = reported(pages)
    assert found == [
        "output/b.html:1: error: link to '?q#x': b.html has no id 'x'",
        "output/b.html:1: error: link to ' #x': b.html has no id 'x'",
        "output/b.html:1: error: link to '#x': b.html has no id 'x'",
    ]


def test_paths_and_fragments_are_read_as_a_browser_would():
    """Percent-escapes are decoded; an id needs a space before it (data-id is not one)."""
    pages = {
        "index.html": '<a href="caf%C3%A9.html#r%C3%A9f">ok</a> <a href="caf%C3%A9.html#other">bad</a>',
        "café.html": '<p data-id="other">\n<p\nid="réf">',
    }
    found = reported(pages)
    assert found == ["output/index.html:1: error: link to 'caf%C3%A9.html#other': café.html has no id 'other'"]


def test_links_are_href_and_src_attributes_after_any_space():
    """data-href and data-src are not links; a newline or tab before an attribute is a space."""
    html = '<a href="a.html">\n<img\tsrc="b.png"><img\nhref="c.html" data-src="x.png" data-href="y.html"><a\rhref="">'
    assert page_links(html).url_set() == {"a.html", "b.png", "c.html"}


def test_a_fragment_is_tried_as_written_then_decoded_as_browsers_do():
    pages = {"index.html": '<a href="#50%25">ok</a> <a href="#caf%C3%A9">ok</a> <a href="#50%">bad</a>', "other.html": ""}
    pages["index.html"] += ' <p id="50%25"></p><p id="café"></p>'
    assert reported(pages) == ["output/index.html:1: error: link to '#50%': index.html has no id '50%'"]
