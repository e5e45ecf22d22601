"""The cleaner, family by family, on synthetic pages in other sites' styles.

The seeds show one variant of each family of junk; these pages show others, so the rules
stay generic (structure and lexicon, never file names)."""

from __future__ import annotations

import pytest

from dossier.clean.dates import parse_date_line
from dossier.clean.features import is_prose, is_title_like, measure

from .helpers import clean_text, kinds

NEWS_SITE = """
Skip to content
Home > World > Middle East
Turkey Opens Border Crossing as Aid Convoys Wait
Posted on March 3, 2023
By Jane Doe and John Roe
Aid convoys lined up for miles on Friday as Turkish officials opened the crossing for the first time in weeks.
Read also: Five Things to Know About the Earthquake
Officials said the crossing would stay open until further notice, according to a statement.
Photo: Reuters
What Happens Next
Relief groups said they expected more than 200 trucks to pass in the coming days.
Share this article
12 shares
You may also like
Earthquake Survivors Recount Night of Terror
Rescue teams worked through the night as...
About the author
Jane Doe covers Turkey for the site and has reported from the region since 2015.
"""

BLOG = """
Ceasefire Talks Resume in Cairo

Updated 14:05 GMT

Negotiators returned to Cairo on Monday for a new round of talks, diplomats said.

Key points of the proposal:

- A six-week pause in fighting, starting on signature.
- The release of hostages in three phases over the pause.

Only time will tell.

Tags: Middle East, Egypt

0 Comments

Post a Comment
"""


def test_news_site_every_line_has_its_family():
    cleaned = clean_text(NEWS_SITE)
    assert kinds(cleaned) == {
        1: ("boilerplate", "site chrome"),
        2: ("boilerplate", "breadcrumb"),
        3: ("metadata", "headline"),
        4: ("metadata", "date"),
        5: ("metadata", "author"),
        6: ("body", "p"),
        7: ("boilerplate", "related insert"),
        8: ("body", "p"),
        9: ("metadata", "caption"),
        10: ("body", "h"),
        11: ("body", "p"),
        12: ("boilerplate", "share widget"),
        13: ("boilerplate", "counter"),
        14: ("boilerplate", "related list"),
        15: ("boilerplate", "other headline"),
        16: ("boilerplate", "teaser"),
        17: ("boilerplate", "about blurb"),
        18: ("boilerplate", "about blurb"),
    }
    metadata = cleaned.metadata
    assert metadata.title == "Turkey Opens Border Crossing as Aid Convoys Wait"
    assert metadata.author == "Jane Doe and John Roe"
    assert metadata.published.date == "2023-03-03"
    assert metadata.published.basis == "raw line 4 ('Posted on March 3, 2023')"


def test_blog_keeps_lists_and_short_closing_sentences():
    cleaned = clean_text(BLOG)
    assert [(b.kind, b.text) for b in cleaned.blocks] == [
        ("p", "Negotiators returned to Cairo on Monday for a new round of talks, diplomats said."),
        ("p", "Key points of the proposal:"),
        ("li", "A six-week pause in fighting, starting on signature."),
        ("li", "The release of hostages in three phases over the pause."),
        ("p", "Only time will tell."),
    ]
    removed = {v.number: v.kind for v in cleaned.removed}
    assert removed == {3: "site header", 14: "taxonomy", 16: "counter", 18: "comment form"}
    assert cleaned.metadata.published.date is None  # a time of day alone is no date


def test_link_lists_whose_links_are_gone_are_removed_but_sentence_lists_are_kept():
    cleaned = clean_text(
        """
        A Headline About Policy

        The ministry published its plan on Tuesday, officials said, after months of delay.

        See also:

          1. The plan in brief
          2. Who wrote the plan

        Leave a Reply
        """
    )
    assert [b.kind for b in cleaned.blocks] == ["p"]
    assert {v.kind for v in cleaned.removed} == {"link list", "comment form"}


def test_repeated_headlines_and_author_boxes():
    cleaned = clean_text(
        """
        Ad Code
        Rebels Take the Airport
        Rebels Take the Airport
        Rebels seized the airport at dawn, witnesses said, after a night of shelling.
        Please enter your comment!
        Sam Writer
        Sam Writer
        Sam Writer has covered conflicts for twenty years and writes about the region.
        About Example News
        Example News is a site run by volunteers who care about the region.
        """
    )
    assert kinds(cleaned)[3] == ("boilerplate", "repeated headline")
    assert cleaned.metadata.author == "Sam Writer"
    assert cleaned.metadata.publisher == "Example News"
    assert [v.kind for v in cleaned.removed][-3:] == ["repeated line", "author bio", "about blurb"]


def test_original_source_and_trailing_outlet_name():
    with_label = clean_text(
        """
        Minister Resigns After Vote
        The minister resigned on Thursday after losing a confidence vote in parliament.
        Original Source: www.example.com
        """
    )
    assert with_label.metadata.original_source == "www.example.com"
    trailing = clean_text(
        """
        Minister Resigns After Vote
        The minister resigned on Thursday after losing a confidence vote in parliament.
        The Daily Example
        About Reposter
        Reposter shares articles from many outlets for readers in the region.
        """
    )
    assert trailing.metadata.original_source == "The Daily Example"
    assert trailing.metadata.publisher == "Reposter"


def test_markup_residue_and_empty_labels():
    cleaned = clean_text(
        """
        Storm Hits the Coast
        Date:
        The storm reached the coast on Sunday night, cutting power to thousands of homes.
        spot_imgspot_img
        """
    )
    assert {v.number: v.kind for v in cleaned.removed} == {2: "empty label", 4: "markup residue"}


def test_a_page_without_a_headline_has_none():
    cleaned = clean_text(
        """
        Soldiers during an exercise near the border. (AFP)
        By Ann Reporter
        May 9, 2020
        Officials said on Friday that the troops would leave the area within weeks.
        """
    )
    assert cleaned.metadata.title is None
    assert cleaned.metadata.caption.endswith("(AFP)")
    assert cleaned.metadata.author == "Ann Reporter"


def test_all_boilerplate_gives_no_blocks_and_a_warning():
    from dossier.clean import clean_source
    from dossier.model import RawSource

    raw = RawSource("sources/junk.txt", "junk", "junk", ("Ad Code", "", "Post a Comment", "0 Comments"))
    cleaned, problems = clean_source(raw)
    assert cleaned.blocks == ()
    assert [p.path for p in problems] == ["sources/junk.txt"]
    assert "no body text" in problems[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday, May 23, 2024", ("2024-05-23", "day")),
        ("May 9, 2020", ("2020-05-09", "day")),
        ("Published: 9 May 2020 10:45 AM", ("2020-05-09", "day")),
        ("Posted on March 3rd, 2023", ("2023-03-03", "day")),
        ("2024-12-07", ("2024-12-07", "day")),
        ("December 2024", ("2024-12", "month")),
        ("Friday, May 23, 2024", None),  # the weekday contradicts the date: not trusted
        ("February 30, 2024", None),
        ("Date:", None),
        ("On Friday, Iran initiated the evacuation", None),
    ],
)
def test_date_lines(text, expected):
    assert parse_date_line(text) == expected


def test_features_prose_and_titles():
    assert is_prose(measure(1, "Only time will tell."))
    assert not is_prose(measure(1, "Iran Pulls Back Troops from Syria After Suspected Israeli Attacks"))
    assert is_title_like(measure(1, "What’s Next for Syria?"))
    assert not is_title_like(measure(1, "Iranian flags vanished from Damascus."))


def test_a_heading_keeps_its_kind_across_an_insert():
    cleaned = clean_text(
        """
        Talks Resume in Cairo
        Negotiators returned to Cairo on Monday for a new round of talks, diplomats said.
        What Comes Next
        >>Related  Another Story Entirely
        Officials expect a statement by the end of the week, according to two diplomats.
        """
    )
    assert [(b.kind, b.text) for b in cleaned.blocks][1] == ("h", "What Comes Next")
