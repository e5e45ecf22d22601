"""Every internal link of the built pages must land: on a file of the site and, with a
#fragment, on an element with that id. Broken links are errors, so `make check` fails on them
(an editor's note or page can link anywhere; templates can drift from the pages they link)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import AbstractSet, Callable, Container, Iterable, Iterator, Mapping
from urllib.parse import unquote, urlsplit

from ..problems import Problem, error

_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')  # in page order, for the lines of broken links
# What _LINK and \sid="([^"]*)" find, one attribute per pattern: a literal start lets the regex
# engine skip from one `href="` to the next instead of trying at every space, four times faster
# over a large site's 150 MB.
_LINKS = (re.compile(r'href="(?<=\shref=")([^"]*)"'), re.compile(r'src="(?<=\ssrc=")([^"]*)"'))
_ID = re.compile(r'id="(?<=\sid=")([^"]*)"')
# A URL with no scheme, host or path ("#fragment", "?query", ""): it points into its own page.
# urlsplit ignores leading control characters and spaces, so this does too.
_INTO_ITS_OWN_PAGE = re.compile(r"[\x00-\x20]*(?:[#?]|\Z)")
_TABS_AND_NEWLINES = str.maketrans("", "", "\t\r\n")  # urlsplit drops them anywhere in a URL

_Landing = tuple[str | None, str | None]  # (the file a link lands on, or why it does not); (None, None): another site


@dataclass(frozen=True)
class PageLinks:
    """What the check needs of a page: its ids, and the distinct URLs it links to, each joined
    into one string (NUL never occurs in HTML): a large site keeps these for every page, and
    a set of separate strings per page took three times the memory."""

    ids: str
    urls: str

    def id_set(self) -> frozenset[str]:
        return frozenset(self.ids.split("\0")) - {""}

    def url_set(self) -> frozenset[str]:
        return frozenset(self.urls.split("\0")) - {""}  # an empty href cannot be broken


def page_links(html: str) -> PageLinks:
    urls = {url for pattern in _LINKS for url in pattern.findall(html)}
    return PageLinks("\0".join(sorted(set(_ID.findall(html)))), "\0".join(sorted(urls)))


def broken_links(pages: Mapping[str, PageLinks], read: Callable[[str], str], exists: Callable[[str], bool]) -> list[Problem]:
    """`pages`: each written page's output-relative name and `page_links` (which a warm build
    keeps for the pages it did not write again); `read`: a page's HTML, read only for the lines
    of the links that turn out broken; `exists`: whether an output-relative file exists (raw
    files, feeds and assets are links' targets too)."""
    ids = {name: links.id_set() for name, links in pages.items()}
    # A link with a path lands the same from every page of a folder, and the navigation and the
    # links to sources repeat on many pages: each is judged once per folder, after every page's
    # ids are known. Links into the page itself are judged against its own ids.
    urls_by_folder: dict[str, set[str]] = {}
    broken_by_page: dict[str, dict[str, str]] = {}  # page -> url -> why, for links into the page itself
    for name, links in pages.items():
        urls = links.url_set()
        into_itself = set(filter(_INTO_ITS_OWN_PAGE.match, urls))
        broken_by_page[name] = {
            url: why for url in into_itself if (why := _why_no_element(name, url.partition("#")[2], ids))
        }
        urls_by_folder.setdefault(posixpath.dirname(name), set()).update(urls - into_itself)
    broken_by_folder = {folder: _broken_from(folder, urls, ids, exists) for folder, urls in urls_by_folder.items()}
    problems = []
    for name in sorted(ids):
        broken = {**broken_by_folder[posixpath.dirname(name)], **broken_by_page[name]}
        if broken:  # only now the lines: few pages have a broken link, and every page has hundreds of links
            problems.extend(
                error(f"output/{name}", f"link to '{url}': {broken[url]}", line)
                for url, line in _links_with_lines(read(name), broken)
            )
    return problems


def _broken_from(
    folder: str, urls: Iterable[str], ids: Mapping[str, AbstractSet[str]], exists: Callable[[str], bool]
) -> dict[str, str]:
    """Which of `urls`, links with a path (or to another site) on pages in `folder`, do not land, and why."""
    landings: dict[str, _Landing] = {}  # the links to one page often differ only by their #fragment
    broken = {}
    for url in urls:
        address, _, fragment = url.partition("#")
        if address not in landings:
            landings[address] = _land(folder, address, exists)
        target, why = landings[address]
        if target:
            why = _why_no_element(target, fragment, ids)
        if why:
            broken[url] = why
    return broken


def _land(folder: str, address: str, exists: Callable[[str], bool]) -> _Landing:
    """Where `address`, a URL without its #fragment on a page in `folder`, lands."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith("//"):
        return None, None  # another site, or an absolute URL of this one (canonical, feeds)
    if parts.path.startswith("/"):
        return None, "a root-relative link breaks under a sub-path and from disk"
    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    if target.startswith("../"):
        return None, "it leaves the site"
    if not exists(target):
        return None, "no such file in the site"
    return target, None


def _why_no_element(target: str, fragment: str, ids: Mapping[str, AbstractSet[str]]) -> str | None:
    known = ids.get(target)  # None: not a page, whose ids are not known
    if known is None or fragment in known:  # as browsers do, the fragment as written first
        return None
    fragment = unquote(fragment.translate(_TABS_AND_NEWLINES))
    if fragment and fragment not in known:
        return f"{target} has no id '{fragment}'"
    return None


def _links_with_lines(html: str, urls: Container[str]) -> Iterator[tuple[str, int]]:
    """The links to `urls` in `html`, in order, each with its line."""
    line, counted = 1, 0
    for match in _LINK.finditer(html):
        if match.group(1) in urls:
            line += html.count("\n", counted, match.start())
            counted = match.start()
            yield match.group(1), line
