"""Every internal link of the built pages must land: on a file of the site and, with a
#fragment, on an element with that id. Broken links are errors, so `make check` fails on them
(an editor's note or page can link anywhere; templates can drift from the pages they link)."""

from __future__ import annotations

import posixpath
import re
from typing import Callable, Iterable, Mapping
from urllib.parse import unquote, urlsplit

from ..problems import Problem, error

_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


def broken_links(pages: Iterable[tuple[str, str]], exists: Callable[[str], bool]) -> list[Problem]:
    """`pages`: (output-relative name, HTML) of each written page, read one at a time; `exists`:
    whether an output-relative file exists (raw files, feeds and assets are links' targets too)."""
    ids: dict[str, set[str]] = {}
    links: dict[str, list[tuple[str, int]]] = {}  # page -> (url, line); the HTML is not kept
    for name, html in pages:
        ids[name] = set(_ID.findall(html))
        links[name] = list(_links_with_lines(html))
    verdicts: dict[tuple[str, str], str | None] = {}  # (folder, url): the navigation repeats on every page
    problems = []
    for name in sorted(links):
        folder = posixpath.dirname(name)
        for url, line in links[name]:
            key = (folder, url)
            if key not in verdicts or url.startswith("#"):
                verdicts[key] = _why_broken(name, url, ids, exists)
            if verdicts[key]:
                problems.append(error(f"output/{name}", f"link to '{url}': {verdicts[key]}", line))
    return problems


def _links_with_lines(html: str) -> Iterable[tuple[str, int]]:
    line, counted = 1, 0
    for match in _LINK.finditer(html):
        line += html.count("\n", counted, match.start())
        counted = match.start()
        yield match.group(1), line


def _why_broken(page: str, url: str, ids: Mapping[str, set[str]], exists: Callable[[str], bool]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None  # another site, or an absolute URL of this one (canonical, feeds)
    target = page
    if parts.path:
        if parts.path.startswith("/"):
            return "a root-relative link breaks under a sub-path and from disk"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target.startswith("../"):
            return "it leaves the site"
        if not exists(target):
            return "no such file in the site"
    fragment = unquote(parts.fragment)
    if fragment and target in ids and fragment not in ids[target]:
        return f"{target} has no id '{fragment}'"
    return None
