"""The cleaner's lexicon: the words and shapes of site junk, documented in one place.

Everything here is matched against a whole line (stripped, case-folded, whitespace collapsed)
unless a pattern says otherwise. The lexicon only *labels* lines; whether a labelled line is
removed, or what it tells about the article, is decided in `classify.py` by position and
neighbours. Add variants here when a new site's junk gets through: the tests in
tests/clean/ show each family.
"""

from __future__ import annotations

import re

# Words so common that their share of a line says "this is running prose" (a sentence has
# many; a headline, a name or a menu has few). Deliberately small and English-only.
STOP_WORDS = frozenset(
    """a about after against all also an and any are as at be because been before being but by
    can could did do does for from had has have he her him his how i if in into is it its itself
    may might more most much must no not now of on once only or other our out over said says
    she should since so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why will
    with would you your""".split()
)

# Comment forms: the prompts a CMS prints around its reply box.
COMMENT_FORM = frozenset(
    {
        "please enter your comment!",
        "please enter your name here",
        "you have entered an incorrect email address!",
        "please enter your email address here",
        "leave a reply",
        "leave a comment",
        "leave a reply cancel reply",
        "post a comment",
        "post comment",
        "add comment",
        "comments",
        "comments are closed.",
        "you must be logged in to post a comment.",
        "save my name, email, and website in this browser for the next time i comment.",
    }
)

# Share / subscribe / follow widgets.
SHARE_WIDGETS = frozenset(
    {
        "share",
        "share post:",
        "share this:",
        "share this article",
        "share on facebook",
        "share on twitter",
        "tweet",
        "subscribe",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "follow us",
        "print",
        "email",
        "whatsapp",
        "telegram",
        "copy link",
    }
)

# Section labels of widgets that list *other* articles: after one of them comes no more article.
RELATED_SECTIONS = frozenset(
    {
        "related",
        "related posts",
        "related articles",
        "related stories",
        "related news",
        "more like this",
        "more stories",
        "more from this author",
        "popular",
        "popular posts",
        "most popular",
        "most read",
        "trending",
        "trending now",
        "latest",
        "latest post",
        "latest posts",
        "latest news",
        "recent posts",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "editor's picks",
        "don't miss",
    }
)

# Site chrome: menus, buttons, ad slots.
SITE_CHROME = frozenset(
    {
        "ad code",
        "advertisement",
        "advertisements",
        "ads",
        "sponsored",
        "sponsored content",
        "close menu",
        "open menu",
        "menu",
        "search",
        "skip to content",
        "skip to main content",
        "home",
        "read more",
        "continue reading",
        "load more",
        "next post",
        "previous post",
        "back to top",
        "all rights reserved",
    }
)

# "0 Comments", "1.2k shares", "356 views": counters, alone on a line.
COUNTER = re.compile(r"^[\d.,]+\s*[km]?\s+(comments?|shares?|views?|likes?|reads?|replies)$")

# In-body inserts pointing at another article: ">>Related  Title", "Read also: Title".
RELATED_INSERT = re.compile(r"^(>>|»|(related|read also|also read|see also|read more)\s*[:|»>–-])\s*\S")

# Template or markup residue: one "word" joined with underscores, e.g. "spot_imgspot_img".
MARKUP_RESIDUE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")

# A field label whose value the scraper lost: "Date:", "Tags:".
EMPTY_LABEL = re.compile(
    r"^(date|author|by|source|tags?|categor(y|ies)|posted|published|updated|filed under)\s*:$"
)

# Taxonomy lines: "Tags: Syria, Iran", "Filed under: World".
TAXONOMY = re.compile(r"^(tags?|labels?|categor(y|ies)|filed under|topics?)\s*:\s*\S")

# Headers of link lists, e.g. "Relevant Links for Further Reading:".
LINK_LIST_HEADER = re.compile(
    r"(further reading|relevant links|related links|useful links|see also|read next|sources)\s*:?$"
)

# "About Track Persia", "About the author", "About us": a blurb about the site or author follows.
ABOUT_HEADER = re.compile(r"^about\s+(?P<name>.{2,60})$", re.IGNORECASE)

ABOUT_NOT_A_SITE = frozenset({"us", "me", "the author", "the authors", "this site", "the site", "this article"})

# "Original Source: www.nytimes.com", "Originally published in The Guardian".
ORIGINAL_SOURCE = re.compile(
    r"^(original source|source|originally published (at|in|on|by)|first published (at|in|on|by))"
    r"\s*:?\s+(?P<value>\S.{1,100})$",
    re.IGNORECASE,
)

# "By Anna Ahronheim", "Written by A and B": 1-4 capitalised words per name.
_NAME = r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|al-\w+|de|van|von|bin|ibn)){0,3}"
BYLINE = re.compile(rf"^(?:by|written by|words by|author:)\s+(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)$", re.IGNORECASE)

# Photo captions: a credit at the end, "(Fars)", "(Photo: Reuters)", or a "Photo:" lead.
CAPTION = re.compile(
    r"(\((photo|image|credit|picture|file photo)[^)]*\)|\([A-Z][\w .&/-]{1,30}\))\.?$"
    r"|^(photo|image|credit|picture|photograph)\s*:",
    re.IGNORECASE,
)

# Breadcrumbs: "Home > World > Middle East", or "HomeWAR<headline>" once the links are gone.
# Matched against the line as written (case matters: "Home" is a link label here).
BREADCRUMB = re.compile(r"^Home(?=[\s>»›/|A-Z])|\s(>|»|›|/|\|)\s")

# Truncated teasers in "related" lists end with an ellipsis.
TEASER_END = re.compile(r"(\.\.\.|…)$")

# List item markers: "1. ", "2) ", "- ", "* ", "• ".
LIST_MARKER = re.compile(r"^(?P<marker>\d{1,3}[.)]|[-*•·–])\s+(?P<text>\S.*)$")

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
