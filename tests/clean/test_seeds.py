"""The five seed articles: every body line kept, no junk kept, every line accounted for.

The expected body lines and metadata below were checked by hand against the raw files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean import clean_source
from dossier.raw import read_sources

REPO = Path(__file__).resolve().parents[2]
ODD = lambda first, last: list(range(first, last + 1, 2))  # noqa: E731 - the seeds' paragraphs alternate with blank lines

EXPECTED = {
    "000_fa7f6ba4e0365f97": {
        "body": [7, 9, 11, 15, 17, 19, 23, 25, 27, 31, 33],
        "title": "Iran Pulls Back Troops from Syria After Suspected Israeli Attacks",
        "published": "2024-05-23",
        "author": "Mezhar Alee",
        "original_source": None,
    },
    "001_75408ef5341a84fe": {
        "body": ODD(11, 49),
        "title": "Iran Begins Military Evacuation in Syria Amid Rebel Advancements",
        "published": None,
        "author": None,
        "original_source": None,
    },
    "002_b7e9b36f6a788740": {
        "body": [2, 3, 4, 5, 6],
        "title": "Iran Begins Withdrawal of Military Personnel from Syria Amid Rebel Resurgence",
        "published": None,
        "author": None,
        "original_source": "www.nytimes.com",
    },
    "003_29497bab403b2bdf": {
        "body": ODD(5, 51),
        "title": "Iran Begins to Evacuate Military Commanders as Syrian Rebels Gain Ground",
        "published": None,
        "author": None,
        "original_source": None,
    },
    "004_3194f4e90b592db8": {
        "body": ODD(7, 41),
        "title": None,
        "published": "2020-05-09",
        "author": "Anna Ahronheim",
        "original_source": "The Jerusalem Post",
    },
}


@pytest.fixture(scope="module")
def cleaned():
    raws, problems = read_sources(REPO / "content")
    assert problems == []
    return {raw.stem: clean_source(raw)[0] for raw in raws}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_body_lines_are_exactly_the_article(cleaned, stem):
    body = [n for block in cleaned[stem].blocks for n in block.lines]
    assert body == EXPECTED[stem]["body"]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_metadata_is_what_the_raw_text_states(cleaned, stem):
    metadata = cleaned[stem].metadata
    expected = EXPECTED[stem]
    assert metadata.title == expected["title"]
    assert metadata.published.date == expected["published"]
    assert metadata.author == expected["author"]
    assert metadata.original_source == expected["original_source"]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_every_non_blank_line_is_accounted_for(cleaned, stem):
    source = cleaned[stem]
    assert [v.number for v in source.verdicts] == list(range(1, len(source.raw.lines) + 1))
    for verdict in source.verdicts:
        assert (verdict.role == "blank") == (not verdict.text.strip())
        assert verdict.reason


def test_the_seed_lists_are_numbered_lists(cleaned):
    items = [b for b in cleaned["001_75408ef5341a84fe"].blocks if b.kind == "li"]
    assert [b.marker for b in items] == ["1.", "2.", "3.", "4."]
    assert items[0].text.startswith("Military Strain:")


def test_004_names_its_site_and_caption(cleaned):
    metadata = cleaned["004_3194f4e90b592db8"].metadata
    assert metadata.publisher == "Track Persia"
    assert metadata.caption == "Iranian revolutionary guard forces during fighting in Aleppo, Syria. undated. (Fars)"
