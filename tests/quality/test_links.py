"""Every internal link of every page lands on a file of the build, and every #fragment on an id
of the page it points to."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .report import fail_if_any
from .site_pages import broken, ids, links, target


def test_every_internal_link_and_fragment_resolves(site, pages: dict[str, BeautifulSoup], site_url):
    anchors = {page: ids(soup) for page, soup in pages.items()}
    problems = []
    for page, soup in pages.items():
        for link in links(page, soup):
            landing = target(link, site_url)
            reason = broken(landing, site, anchors) if landing else None
            if reason:
                problems.append(f"{link.where()}: {link.url}: {reason}")
    fail_if_any(problems, "broken internal link(s)")
