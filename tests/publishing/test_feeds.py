"""The Atom feeds: newest first, as many entries as Pelican's FEED_MAX_ITEMS allows."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.conftest import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ("feeds/sources.atom.xml", "feeds/annotations.atom.xml")


def entries(site: Path, feed: str) -> list[tuple[str, str]]:
    root = ElementTree.parse(site / feed).getroot()
    return [(entry.findtext(f"{ATOM}updated"), entry.findtext(f"{ATOM}id")) for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture(scope="module")
def site_of_two(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("feeds"), FEED_MAX_ITEMS=2, DOSSIER_SEARCH=False)


@pytest.mark.parametrize("feed, member", list(zip(FEEDS, ("sources", "annotations"))))
def test_every_entry_newest_first_when_fewer_than_a_hundred(site, feed, member):
    found = entries(site, feed)
    assert len(found) == len(json.loads((site / "dossier.json").read_text())[member]) > 2
    assert [updated for updated, _ in found] == sorted((updated for updated, _ in found), reverse=True)


@pytest.mark.parametrize("feed", FEEDS)
def test_the_newest_entries_only_when_the_setting_says_so(site, site_of_two, feed):
    assert entries(site_of_two, feed) == entries(site, feed)[:2]
