"""What Pagefind indexes of the built pages (README, "What search finds"): an entity page's own
text, not its lists of sources, passages and co-mentioned entities; a source without the
boilerplate removed from it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag


def indexed(page: Path) -> Tag | None:
    """The part of the page Pagefind indexes, or None for a page it skips."""
    main = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("main", attrs={"data-pagefind-body": True})
    if main is not None:
        for ignored in main.select("[data-pagefind-ignore]"):
            ignored.decompose()
    return main


def test_an_entity_page_is_searched_by_its_own_text_only(site):
    searched = [main for page in sorted((site / "entities").glob("*.html")) if (main := indexed(page))]
    assert len(searched) > 10
    for main in searched:
        assert not main.select(".mention-group, .passages, .co-mentions, .spellings a"), main.h1
    soleimani = indexed(site / "entities" / "qasem-soleimani.html").get_text()
    assert "Qasem Soleimani" in soleimani and "Solemani" in soleimani  # a spelling found, as a reader may type it


def test_a_source_is_searched_without_its_boilerplate(site):
    pages = [page for page in sorted((site / "sources").glob("*.html")) if page.name != "index.html"]
    assert pages
    for page in pages:
        main = indexed(page)
        assert main.select(".source-body p") and not main.select("details.removed"), page.name
