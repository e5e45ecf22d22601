"""Annotation bodies: markdown whose links name things in the dossier, not URLs.

    [the paragraph](source:002_b7e9b36f6a788740#on-friday-iran-initiated-e1f578)
    [Soleimani](entity:qasem-soleimani)
    [the consulate strike](event:consulate-strike-damascus)

A `Resolver` (given by the site) turns a kind and key into a site-relative URL, or None when
nothing has that key. An unresolved link is an error naming the file and line, and is shown
as plain text; so is any other link but a full http(s):// or mailto: address, since a relative
URL would break on pages at different depths.
"""

from __future__ import annotations

from typing import Callable

from markdown_it.token import Token
from markupsafe import Markup

from ..editorial import markdown_parser
from ..problems import Problem, error
from .annotation import Annotation

Resolver = Callable[[str, str], str | None]

LINK_KINDS = ("source", "entity", "event")
ROOT = "\ue000"  # a private-use character: where a body's dossier links start, until a page says
WEB_ADDRESSES = ("https://", "http://", "mailto:")


def render_body(annotation: Annotation, resolve: Resolver, root: str = "") -> tuple[Markup, list[Problem]]:
    """The body as safe HTML, its dossier links made relative to the page through `root`
    ("" for a page at the site root, "../" one folder down, or an absolute site URL)."""
    parser = markdown_parser()
    env = {"docId": f"annotation-{annotation.id}"}  # footnote ids stay unique on shared pages
    tokens = parser.parse(annotation.body, env)
    problems: list[Problem] = []
    for token in tokens:
        if token.children:
            line = annotation.body_line + (token.map[0] if token.map else 0)
            token.children, found = resolve_links(token.children, resolve, root, annotation.path, line)
            problems += found
    return Markup(parser.renderer.render(tokens, parser.options, env)), problems


def resolve_links(
    children: list[Token], resolve: Resolver, root: str, path: str, line: int
) -> tuple[list[Token], list[Problem]]:
    """Inline tokens with each link's target resolved; a link that cannot be is dropped,
    keeping its text (CommonMark links never nest, so one flag pairs open and close)."""
    kept: list[Token] = []
    problems: list[Problem] = []
    dropping = False
    for token in children:
        if token.type == "link_open":
            target, problem = link_target(str(token.attrGet("href") or ""), resolve, root)
            if target is None:
                problems.append(error(path, problem, line))
                dropping = True
                continue
            token.attrSet("href", target)
        elif token.type == "link_close" and dropping:
            dropping = False
            continue
        kept.append(token)
    return kept, problems


def link_target(href: str, resolve: Resolver, root: str) -> tuple[str | None, str]:
    """(the href to write, "") or (None, what is wrong with the link)."""
    if href.startswith(WEB_ADDRESSES):
        return href, ""
    kind, colon, key = href.partition(":")
    if colon and kind in LINK_KINDS:
        url = resolve(kind, key)
        if url is None:
            return None, f"link '{href}': there is no {kind} '{key}'"
        return root + url, ""
    return None, (
        f"link '{href}' is not allowed: link to source:<slug>, source:<slug>#<paragraph id>, "
        f"entity:<slug>, event:<id>, or a full https:// address"
    )


def checked_body(annotation: Annotation, resolve: Resolver) -> tuple[str, list[Problem]]:
    """The body's HTML with ROOT where its dossier links start, which each page showing it
    replaces with its own way back to the site root (render/annotations.py), and every
    unresolvable body link and `entities` tag: one rendering serves the check and every page."""
    html, problems = render_body(annotation, resolve, ROOT)
    for slug in annotation.entities:
        if resolve("entity", slug) is None:
            problems.append(error(annotation.path, f"'entities': there is no entity '{slug}'", annotation.line_of("entities")))
    return str(html), problems  # not Markup yet: the stand-in is not HTML a page can show
