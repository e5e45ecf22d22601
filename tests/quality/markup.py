"""What every page's markup must hold, read from the built file: nothing a strict
Content-Security-Policy would block, the metadata a reader and a search engine see first, and the
landmarks a screen reader navigates by. Each check returns its problems, one line each."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag


def inline_code(page: str, soup: BeautifulSoup) -> list[str]:
    """nothing that a strict `script-src 'self'; style-src 'self'` policy would block."""
    problems = []
    for element in soup.find_all(True):
        where = f"{page}:{element.sourceline}: <{element.name}>"
        if element.name == "script" and not element.has_attr("src"):
            problems.append(f"{where} inline script (move it to a file under theme/js)")
        if element.name == "style":
            problems.append(f"{where} <style> element (move it to the theme's CSS)")
        if element.has_attr("style"):
            problems.append(f"{where} style= attribute (use a class)")
        problems += [f"{where} event handler attribute {name}=" for name in element.attrs if name.startswith("on")]
        if element.get("href", "").strip().lower().startswith("javascript:"):
            problems.append(f"{where} javascript: URL")
    return problems


def head_metadata(page: str, soup: BeautifulSoup) -> list[str]:
    """a lang, a <title>, a meta description and exactly one <h1>."""
    problems = []
    html = soup.find("html")
    if html is None or not html.get("lang", "").strip():
        problems.append(f"{page}: <html> has no lang")
    if not text_of(soup.find("title")):
        problems.append(f"{page}: no <title>, or an empty one")
    description = soup.find("meta", attrs={"name": "description"})
    if description is None or not description.get("content", "").strip():
        problems.append(f"{page}: no <meta name=\"description\">, or an empty one")
    headings = soup.find_all("h1")
    if len(headings) != 1:
        lines = ", ".join(str(h.sourceline) for h in headings)
        problems.append(f"{page}: {len(headings)} <h1> elements, not one (lines: {lines or 'none'})")
    return problems


def landmarks(page: str, soup: BeautifulSoup) -> list[str]:
    """one <main id="main">, and a skip link to it as the first link."""
    problems = []
    mains = soup.find_all("main")
    if len(mains) != 1:
        problems.append(f"{page}: {len(mains)} <main> elements, not one")
    elif mains[0].get("id") != "main":
        problems.append(f"{page}:{mains[0].sourceline}: <main> is not id=\"main\", the skip link's target")
    # The skip link must come first, so that the first Tab reaches it.
    first_link = soup.body.find("a", href=True) if soup.body else None
    if first_link is None or first_link["href"] != "#main":
        found = f"line {first_link.sourceline}: {first_link['href']}" if first_link else "no link at all"
        problems.append(f"{page}: the first link in <body> is not a skip link to #main ({found})")
    return problems


def text_of(element: Tag | None) -> str:
    return element.get_text(" ", strip=True) if element is not None else ""


CHECKS = (inline_code, head_metadata, landmarks)
