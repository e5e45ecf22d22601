"""The built site as the gates read it: every HTML page it holds, parsed, and where each of its
links lands. Pure functions; pages are named by their path inside the site, e.g.
"sources/000_fa7f6ba4e0365f97.html"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# The attributes that make a browser follow or fetch a URL.
URL_ATTRIBUTES = ("href", "src", "action")
# Relative links are resolved under this made-up root, so a link that climbs out of the site
# (too many "../", or a root-relative "/x.html" that breaks under a sub-path and from disk)
# lands outside it and is caught.
ROOT = "http://site.invalid/root/"


def html_pages(site: Path) -> list[str]:
    """Every HTML page in the build, discovered rather than listed: pages are added in parallel."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def parse(site: Path, page: str) -> BeautifulSoup:
    # html.parser keeps each tag's source line, which failure messages quote.
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@dataclass(frozen=True)
class Link:
    page: str
    line: int | None
    url: str

    def where(self) -> str:
        return f"{self.page}:{self.line}"


@dataclass(frozen=True)
class Target:
    """Where an internal link lands: a file of the site (None when the link leaves it) and a
    fragment ("" for none)."""

    path: str | None
    fragment: str


def links(page: str, soup: BeautifulSoup) -> list[Link]:
    return [
        Link(page, element.sourceline, element[attribute].strip())
        for element in soup.find_all(True)
        for attribute in URL_ATTRIBUTES
        if element.has_attr(attribute)
    ]


def target(link: Link, site_url: str) -> Target | None:
    """Where `link` lands in the site, or None for a link to another site. Absolute URLs under the
    build's SITEURL (canonical, Open Graph, feeds) count as internal."""
    prefix = site_url.rstrip("/") + "/"
    parts = urlsplit(link.url)
    if link.url.startswith(prefix):
        absolute = urljoin(ROOT, link.url.removeprefix(prefix))
    elif parts.scheme or parts.netloc:
        return None
    else:
        absolute = urljoin(ROOT + link.page, link.url)
    if not absolute.startswith(ROOT):
        return Target(None, "")
    inside = urlsplit(absolute.removeprefix(ROOT))
    path = unquote(inside.path)
    if path == "" or path.endswith("/"):
        path += "index.html"
    return Target(path, unquote(inside.fragment))


def broken(landing: Target, site: Path, anchors: dict[str, set[str]]) -> str | None:
    """Why a link landing there does not resolve, or None when it does. `anchors`: the ids of
    every HTML page of the site."""
    if landing.path is None:
        return "leaves the site (a root-relative URL or too many ../ break under a sub-path and from disk)"
    if not (site / landing.path).is_file():
        return f"no such file: {landing.path}"
    if not landing.fragment:
        return None
    if landing.path not in anchors:
        return f"a #fragment on {landing.path}, which is not an HTML page"
    if landing.fragment not in anchors[landing.path]:
        return f"{landing.path} has no id=\"{landing.fragment}\""
    return None


def ids(soup: BeautifulSoup) -> set[str]:
    return {element["id"] for element in soup.find_all(id=True)}

