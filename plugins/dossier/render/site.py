"""Site-wide pages and files: editors' pages (about/method), sources index, search, 404,
sitemap.xml, robots.txt and Atom feeds."""

from __future__ import annotations

import datetime
from typing import Iterable, Sequence
from xml.sax.saxutils import escape as xml_escape

import feedgenerator
from markupsafe import Markup

from ..editorial import Field, read_document, render_markdown, text_value
from ..problems import Problem
from .page import PAGE, Page

PAGE_FIELDS = {"title": Field(text_value, required=True), "description": Field(text_value, required=True)}


def editorial_pages(files: Sequence[tuple[str, str]]) -> tuple[list[Page], list[Problem]]:
    """`content/pages/<name>.md` -> `<name>.html`, e.g. the about/method page."""
    pages, problems = [], []
    for path, text in files:
        document, found = read_document(path, text, PAGE_FIELDS)
        problems += found
        if document is None or found:
            continue
        name = path.rsplit("/", 1)[-1].removesuffix(".md")
        pages.append(
            Page(
                save_as=f"{name}.html",
                template="page",
                title=document.meta["title"],
                description=document.meta["description"],
                context={"body_html": Markup(render_markdown(document.body, name)), "search_kind": PAGE},
            )
        )
    return pages, problems


def search_page(source_titles: Sequence[str]) -> Page:
    return Page(
        save_as="search.html",
        template="search",
        title="Search",
        description="Search the sources, entities, events and annotations of the dossier.",
        context={"search_kind": None, "search_sources": list(source_titles)},
    )


def not_found_page(site_url: str) -> Page:
    """Hosts serve it for a missing URL at any depth, so its links are absolute."""
    return Page(
        save_as="404.html",
        template="404",
        title="Page not found",
        description="This page does not exist in the dossier.",
        context={"search_kind": None, "SITEURL": site_url.rstrip("/")},
    )


def absolute(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}"


def sitemap(site_url: str, page_names: Iterable[str]) -> str:
    locations = sorted(absolute(site_url, name) for name in page_names if name != "404.html")
    urls = "".join(f"  <url><loc>{xml_escape(loc)}</loc></url>\n" for loc in locations)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n"
    )


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {absolute(site_url, 'sitemap.xml')}\n"


def atom_feed(title: str, site_url: str, feed_path: str, entries: Sequence[dict], language: str) -> str:
    """An Atom feed. Every entry must carry a date derived from the content (`updated`, a
    datetime.date), never the build time: feeds are rebuilt byte for byte."""
    feed = feedgenerator.Atom1Feed(
        title=title,
        link=absolute(site_url, "index.html"),
        description="",
        language=language,
        feed_url=absolute(site_url, feed_path),
        feed_guid=absolute(site_url, feed_path),
    )
    for entry in entries:
        moment = datetime.datetime.combine(entry["updated"], datetime.time(), datetime.timezone.utc)
        link = absolute(site_url, entry["url"])
        feed.add_item(
            title=entry["title"],
            link=link,
            unique_id=link,
            description=entry["summary"],
            author_name=entry.get("author"),
            pubdate=moment,
            updateddate=moment,
        )
    return feed.writeString("utf-8")
