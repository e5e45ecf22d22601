"""Search, as a reader uses it on the served site: misspellings and aliases find their entity,
and the kind and source filters narrow the results."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def results(tab, base_url, query: str) -> list[tuple[str, str]]:
    """(kind, link) of each result for `query`, once the search has answered."""
    tab.goto(base_url + "search.html")
    tab.fill("#search-input", query)
    tab.wait_for_selector(".search-status:not(:empty)")
    return [
        (item.locator(".search-kind").text_content(), item.locator("a").get_attribute("href"))
        for item in tab.locator(".search-results li").all()
    ]


def test_a_misspelling_finds_the_entity(tab, base_url):
    found = results(tab, base_url, "Solemani")
    assert ("Entity", "/entities/qasem-soleimani.html") in found, found


def test_results_can_be_narrowed_by_kind_and_source(tab, base_url):
    everything = results(tab, base_url, "Hmeimin")
    assert {kind for kind, _ in everything} >= {"Source", "Entity", "Annotation"}, everything
    tab.uncheck("#kind-source")
    assert all(kind != "Source" for kind, _ in current(tab)), current(tab)
    tab.check("#kind-source")
    tab.select_option("#search-source", label="Israeli defense officials say Iran is withdrawing from Syria")
    narrowed = current(tab)
    assert narrowed and all(kind != "Page" for kind, _ in narrowed)
    assert ("Source", "/sources/004_3194f4e90b592db8.html") in narrowed


def current(tab) -> list[tuple[str, str]]:
    tab.wait_for_timeout(300)  # the form re-runs the search on every change
    return [
        (item.locator(".search-kind").text_content(), item.locator("a").get_attribute("href"))
        for item in tab.locator(".search-results li").all()
    ]


def test_boilerplate_finds_nothing(tab, base_url):
    """A word only in the lines the cleaner removed as site boilerplate (test_search_scope.py)."""
    assert results(tab, base_url, "Cryptos") == []
