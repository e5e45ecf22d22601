"""A synthetic dossier for the benchmark, the same for the same seed.

`generate(n_sources, n_entities, seed)` makes the articles and entities; `write_dossier` writes
them as the dossier's content (raw sources in the five seeds' site styles, entity, annotation,
event and note files, an about page); `write_vanilla` writes the same texts as plain markdown
articles for vanilla Pelican. Randomness comes only from `random.Random` seeded with strings,
so nothing depends on PYTHONHASHSEED, the clock or the order of a directory listing.
"""

from __future__ import annotations

import datetime
import json
import random
import re
from dataclasses import dataclass
from itertools import count, islice
from pathlib import Path
from typing import Iterator

# Kinds in the proportions a news dossier has (mostly people and places), cycled so that any
# 20 consecutive entities hold every kind the templates ask for.
KIND_CYCLE = (
    "person", "city", "armed group", "person", "region", "organization", "person", "city",
    "country", "person", "site", "armed force", "person", "city", "news outlet", "person",
    "region", "armed group", "person", "organization",
)  # fmt: skip

# Template slot -> the kinds of entity that can fill it.
SLOT_KINDS = {
    "person": ("person",),
    "group": ("armed group", "armed force", "organization"),
    "outlet": ("news outlet",),
    "country": ("country",),
    "city": ("city",),
    "region": ("region",),
    "site": ("site",),
}

SYLLABLES = (
    "ka", "ra", "bad", "mir", "zan", "tal", "hu", "del", "sha", "qar", "ben", "lo", "vi", "dor",
    "nes", "um", "ar", "el", "ti", "mas", "ruz", "fa", "gon", "sel", "dah", "kir", "no", "bar",
)  # fmt: skip
FIRST_NAMES = (
    "Ali", "Anna", "Omar", "Leila", "Yusuf", "Mariam", "Hassan", "Sara", "Karim", "Nadia",
    "Samir", "Rania", "Tariq", "Huda", "Farid", "Dina", "Walid", "Lina", "Ziad", "Noor",
)  # fmt: skip
GROUP_WORDS = ("Brigade", "Front", "Movement", "Council", "Battalion", "Corps", "Committee", "Alliance")
OUTLET_WORDS = ("News", "Times", "Post", "Herald", "Agency", "Tribune", "Monitor")
REGION_WORDS = ("Governorate", "Province", "Valley", "Heights")
SITE_WORDS = ("Air Base", "Shrine", "Barracks", "Airport")

# Body paragraphs: an opening sentence, then a comment. Openings differ from each other, so the
# first words of a paragraph are unique within an article and can be quoted by annotations and
# events. A third of them carry a date phrase the date stage resolves (a weekday, a range or a
# month without a year, a relative span), which with the seeds' paragraph length (about 40
# words) gives the seeds' density: about one dated statement in 200 words.
OPENINGS = (
    "{person}, a senior commander of the {group}, was seen leaving {city} on Friday, according to two officials who spoke on condition of anonymity.",
    "In a statement released in January, the {group} said its forces had withdrawn from {region} after weeks of airstrikes blamed on {country}.",
    "Convoys carrying troops and equipment were observed moving toward {city} on April 13-14, residents told {outlet}, as fighting spread across {region}.",
    "Analysts in {city} said the decision reflected a broader recalibration by {country}, which has spent years building influence with the help of the {group}.",
    "Reporters for {outlet} learned that {person} had met officials from {country} at {site} to discuss the future of the bases near {city}.",
    "According to {person}, the {group} lost more than 300 fighters over the past six months, most of them in strikes near {site}.",
    "The withdrawal from {region} follows a devastating strike on May 9, 2020 that destroyed a depot near {city} and killed several members of the {group}.",
    "Residents of {city} said the checkpoints set up by the {group} had been abandoned, and that the offices near {site} were empty.",
    "Officials in {country} denied the reports, insisting that advisers remained in {region} at the request of {person}.",
    "Speaking to {outlet}, {person} claimed that the {group} had begun moving weapons to {site}, a claim that could not be independently verified.",
    "Some fighters have reportedly been sent back to {country} and {country}, while others remain in {region} and around {city}.",
    "The campaign against positions held by the {group} in {region} has not stopped, and its pace has increased according to local monitors.",
    "Diplomats in {city} said talks between {country} and {country} would resume soon, though neither side has confirmed it.",
    "Satellite images published by {outlet} show new construction at {site}, about 40 kilometres from {city}, where the {group} once kept its headquarters.",
    "For {country}, the retreat marks a stunning reversal after 14 years of spending blood and treasure to keep its allies in power in {city}.",
    "A spokesman for the {group} rejected the account, saying that its fighters were still deployed along the border with {country}.",
    "Humanitarian groups warned that thousands of civilians had fled {region}, many of them heading for camps near {city}.",
    "Whether the pullback is temporary remains unclear, but {person} said in an interview with {outlet} that the {group} would not return to {region}.",
)
COMMENTS = (
    "The account could not be independently verified, and officials in {country} declined to comment when asked about the movements.",
    "Observers cautioned that the picture on the ground remains confused, with rival groups issuing contradictory statements about who controls the area.",
    "People close to the leadership of the {group} said the decision had been discussed at length, although no public announcement was made.",
    "Local journalists said they had seen fewer fighters at the checkpoints around {city}, although heavy weapons were still visible nearby.",
    "Such claims are difficult to confirm, because independent reporters have had little access to {region} and its surroundings.",
    "For residents, the change has brought little relief so far, as prices keep rising and basic services remain scarce.",
)
HEADINGS = (
    "The Strategic Landscape",
    "Evacuation in Motion",
    "What Comes Next",
    "A Critical Juncture",
    "Reactions on the Ground",
    "Potential Reasons Behind the Withdrawal",
)
LIST_INTRO = "Observers point to several pressures that may explain the decision:"
LIST_ITEMS = (
    "Military Strain: sustained attacks on positions held by the {group} have stretched its capacity.",
    "Diplomatic Realignment: talks between {country} and {country} could be shaping the decision.",
    "Domestic Concerns: economic hardship in {country} may be forcing its leaders to spend less abroad.",
    "External Pressure: airstrikes near {site} and surveillance over {region} raised the cost of staying.",
)
HEADLINES = (
    "{country} Pulls Back Troops from {region} After Suspected Strikes",
    "{group} Begins Evacuation of {city} Amid Rebel Advance",
    "Convoys Leave {city} as {country} Scales Back Its Presence",
    "What the Fall of {city} Means for {country}",
    "{person} Says the {group} Will Not Return to {region}",
    "Strikes Near {site} Push {country} Toward a Retreat",
)

SLOT = re.compile(r"\{([a-z]+)\}")


@dataclass(frozen=True)
class Entity:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...]  # short forms, acronyms and misspellings


@dataclass(frozen=True)
class Block:
    kind: str  # "p", "h" or "li", as the cleaner will find it
    text: str
    entities: tuple[str, ...]  # slugs of the entities named in it, in text order


@dataclass(frozen=True)
class Article:
    stem: str  # the source's file name without ".txt", e.g. "00042_9f3c2a1b7d6e5f40"
    title: str
    published: datetime.date | None
    author: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Synthetic:
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]


def generate(n_sources: int, n_entities: int, seed: int) -> Synthetic:
    entities = tuple(islice(entity_stream(seed), n_entities))
    by_slot = {slot: [e for e in entities if e.kind in kinds] or list(entities) for slot, kinds in SLOT_KINDS.items()}
    rng = random.Random(f"{seed}-articles")
    articles = tuple(make_article(rng, index, by_slot) for index in range(n_sources))
    return Synthetic(articles, entities)


def entity_stream(seed: int) -> Iterator[Entity]:
    """Entities with unique names, aliases and slugs, for as long as asked: the dossier takes the
    first M, the linking benchmark as many as it needs for 10,000 aliases (the same first M)."""
    rng = random.Random(f"{seed}-entities")
    taken: set[str] = set()  # every spelling and slug so far: a shared alias is an editor's error
    for index in count():
        kind = KIND_CYCLE[index % len(KIND_CYCLE)]
        name, aliases = invent_name(rng, kind)
        slug = slugify(name)
        if name in taken or slug in taken:
            continue
        fresh = tuple(alias for alias in dict.fromkeys(aliases) if alias not in taken and alias != name)
        taken.update((name, slug, *fresh))
        yield Entity(slug, name, kind, fresh)


def invent_name(rng: random.Random, kind: str) -> tuple[str, tuple[str, ...]]:
    """A name of the kind, and its other spellings, the way the seeds write them."""
    word = coined_word(rng)
    if kind == "person":  # "Qasem Soleimani", "Soleimani", "Solemani"
        return f"{rng.choice(FIRST_NAMES)} {word}", (word, misspelt(word))
    if kind in SLOT_KINDS["group"]:  # "Quds Force", "Quds force", "IRGC"
        suffix = rng.choice(GROUP_WORDS)
        return f"{word} {suffix}", (f"{word} {suffix.lower()}", acronym(word, suffix))
    if kind == "news outlet":  # "Agence France-Presse", "AFP"
        suffix = rng.choice(OUTLET_WORDS)
        return f"{word} {suffix}", (acronym(word, suffix),)
    if kind == "country":  # "Iran", "Islamic Republic"
        country = word + rng.choice(("ia", "stan", "land"))
        return country, (f"Republic of {country}",)
    if kind == "city":  # "Sayyida Zaynab", "Sayyida Zeinab"
        return word, (misspelt(word),)
    if kind == "region":  # "Deir ez-Zor Governorate", "Deir Ezzor province"
        suffix = rng.choice(REGION_WORDS)
        return f"{word} {suffix}", (f"{word} {suffix.lower()}",)
    suffix = rng.choice(SITE_WORDS)  # site: "Khmeimim Air Base", "Hmeimin airbase"
    return f"{word} {suffix}", (f"{misspelt(word)} {suffix.lower().replace(' ', '')}",)


def coined_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def misspelt(word: str) -> str:
    """One doubled letter, the commonest slip in transliterated names: "Karabad" -> "Karrabad"."""
    return word[:3] + word[2] + word[3:]


def acronym(word: str, suffix: str) -> str:
    return (word[0] + word[2] + suffix[0]).upper()


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def make_article(rng: random.Random, index: int, by_slot: dict[str, list[Entity]]) -> Article:
    dated = rng.random() < 0.7  # the seeds: three of five dated in the raw text
    published = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365)) if dated else None
    title = fill(rng, rng.choice(HEADLINES), by_slot, names_only=True).text
    blocks = []
    templates = [f"{opening} {rng.choice(COMMENTS)}" for opening in rng.sample(OPENINGS, rng.randint(8, 14))]
    headed = set(rng.sample(range(1, len(templates)), 2)) if rng.random() < 0.5 else set()
    headings = iter(rng.sample(HEADINGS, 2))
    for position, template in enumerate(templates):
        if position in headed:
            blocks.append(Block("h", next(headings), ()))
        blocks.append(fill(rng, template, by_slot))
    if rng.random() < 0.3:
        items = [fill(rng, item, by_slot, kind="li") for item in LIST_ITEMS]
        blocks[1:1] = [Block("p", LIST_INTRO, ()), *items]  # after the first paragraph
    stem = f"{index:05d}_{rng.getrandbits(64):016x}"
    author = f"{rng.choice(FIRST_NAMES)} {coined_word(rng)}"
    return Article(stem, title, published, author, tuple(blocks))


def fill(rng: random.Random, template: str, by_slot: dict[str, list[Entity]], kind: str = "p", names_only: bool = False) -> Block:
    """The template with an entity in each slot, written by its name, an alias or a misspelling."""
    named: list[str] = []

    def spelling(slot: re.Match) -> str:
        entity = rng.choice(by_slot[slot.group(1)])
        named.append(entity.slug)
        if names_only or not entity.aliases or rng.random() < 0.6:
            return entity.name
        return rng.choice(entity.aliases)

    return Block(kind, SLOT.sub(spelling, template), tuple(named))


# Raw pages. Each style imitates one seed's site (or a family from tests/clean/): the junk the
# cleaner must remove, around the article's own lines.


def body_lines(article: Article) -> list[str]:
    lines, number = [], 0
    for block in article.blocks:
        number = number + 1 if block.kind == "li" else 0
        lines.append(f"  {number}. {block.text}" if block.kind == "li" else block.text)
    return lines


def body_with_inserts(article: Article, inserts: dict[int, str]) -> list[str]:
    """Body lines with a junk line after some blocks (numbered from 1), where one ends a
    paragraph: never between a heading and its paragraph, nor inside a list."""
    lines = []
    for number, (line, block) in enumerate(zip(body_lines(article), article.blocks), 1):
        lines.append(line)
        if number in inserts and block.kind == "p":
            lines.append(inserts[number])
    return lines


def spaced(lines: list[str]) -> list[str]:
    return [part for line in lines for part in (line, "")]


def teaser(article: Article) -> str:
    """Another article's opening words, cut off as related-post widgets cut them."""
    return " ".join(article.blocks[0].text.split()[:8]) + "..."


def blog_with_author_box(article: Article, others: list[Article]) -> list[str]:
    """Source 000's style: date line, breadcrumb, >>Related inserts, comment form, author box."""
    inserts = {number: f">>Related\u00a0 {others[number % 3].title}" for number in range(3, len(article.blocks), 3)}
    body = body_with_inserts(article, inserts)
    bio = f"{article.author} is a prolific author who writes commentary and analysis on politics and current events on his website Dispatches."
    return [
        *spaced([f"{article.published:%A, %B} {article.published.day}, {article.published.year}", article.title]),
        *spaced([f"HomeWAR{article.title}", *body]),
        "", "", "Please enter your comment!", "Please enter your name here", "",
        article.author, article.author, bio, "", "Latest Post", "", "Related Posts",
    ]  # fmt: skip


def news_site(article: Article, others: list[Article]) -> list[str]:
    """A wire-style site: skip link, breadcrumb, "Posted on", byline, "Read also", share counters."""
    body = body_with_inserts(article, {2: f"Read also: {others[0].title}", 4: "Photo: Reuters"})
    return [
        "Skip to content", "Home > World > Middle East", article.title,
        f"Posted on {article.published:%B} {article.published.day}, {article.published.year}",
        f"By {article.author}", *body, "Share this article", "12 shares", "You may also like",
        others[1].title, teaser(others[1]), "About the author",
        f"{article.author} covers the region for the site and has reported from it since 2015.",
    ]  # fmt: skip


def newspaper_repost(article: Article, others: list[Article]) -> list[str]:
    """Source 004's style: caption, byline, date, outlet name and "About" box at the end."""
    return spaced(
        [
            "Fighters during an exercise near the border. undated. (Fars)",
            article.title,
            f"By {article.author}",
            f"{article.published:%B} {article.published.day}, {article.published.year}",
            *body_lines(article),
            "The Daily Courier",
            "About Regional Watch",
            "Regional Watch is a platform run by analysts who research the region and share articles from many outlets.",
        ]
    )


def ad_code_blog(article: Article, others: list[Article]) -> list[str]:
    """Source 001's style, undated: ad slot, headline three times, comment widgets, menu."""
    return [
        *spaced(["Ad Code", article.title, article.title]), "", "",
        *spaced([article.title, *body_lines(article), "Post a Comment", "0 Comments", "Close Menu"]),
    ]  # fmt: skip


def wordpress_with_related(article: Article, others: list[Article]) -> list[str]:
    """Source 003's style, undated: empty "Date:", link list, comment form, related teasers."""
    related = [line for other in others[:3] for line in (other.title, teaser(other))]
    return spaced(
        [
            article.title, "Date:", *body_lines(article),
            "Relevant Links for Further Reading:", f"  1. {others[0].title}", f"  2. {others[1].title}",
            "LEAVE A REPLY", "Please enter your comment!", "Please enter your name here",
            "Share post:", "Subscribe", "spot_imgspot_img", "Popular", "More like this", "Related", *related,
        ]  # fmt: skip
    )


def syndicated(article: Article, others: list[Article]) -> list[str]:
    """Source 002's style, undated: no blank lines, "Original Source:" and a comment link."""
    return [article.title, *body_lines(article), "Original Source: www.example-news.com", "Post Comment"]


DATED_STYLES = (blog_with_author_box, news_site, newspaper_repost)
UNDATED_STYLES = (ad_code_blog, wordpress_with_related, syndicated)


def raw_page(index: int, articles: tuple[Article, ...]) -> str:
    article = articles[index]
    others = [articles[(index + step) % len(articles)] for step in (1, 2, 3)]
    styles = DATED_STYLES if article.published else UNDATED_STYLES
    return "\n".join(styles[index % len(styles)](article, others)) + "\n"


# Editors' files.


def front_matter(fields: dict, body: str) -> str:
    """YAML front matter written as JSON values (JSON is YAML), so no text needs escaping."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            for item in value:
                pairs = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items()]
                lines += [f"  - {pairs[0]}", *(f"    {pair}" for pair in pairs[1:])]
        elif isinstance(value, list):
            lines += [f"{key}:", *(f"  - {json.dumps(item, ensure_ascii=False)}" for item in value)]
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join([*lines, "---", body, ""])


def entity_file(entity: Entity, index: int) -> str:
    fields = {"name": entity.name, "kind": entity.kind, "aliases": list(entity.aliases), "wikidata": f"Q{100000 + index}"}
    return front_matter(fields, f"A synthetic {entity.kind}, generated for the benchmark.")


def opening(block: Block) -> str:
    """The first eight words of a paragraph: unique within its article (see OPENINGS)."""
    return " ".join(block.text.split()[:8])


def annotation_file(article: Article, block: Block, index: int, entities: dict[str, Entity]) -> str:
    quote = opening(block)
    if index % 25 == 24:  # an editor's typo: one wrong letter, a fuzzy anchor with a warning
        middle = len(quote) // 2
        quote = quote[:middle] + ("x" if quote[middle] != "x" else "y") + quote[middle + 1 :]
    tagged = list(dict.fromkeys(block.entities))
    first = entities[tagged[0]]
    body = (
        f"Who says so? [{first.name}](entity:{first.slug}) is named, but the claim rests on "
        f"unnamed officials; compare [the source](source:{article.stem})."
    )
    fields = {"source": article.stem, "quote": quote, "author": "Benchmark editors", "date": "2026-01-15", "entities": tagged}
    return front_matter(fields, body)


def event_file(article: Article, block: Block) -> str:
    fields = {
        "label": opening(block),
        "date": article.published.isoformat(),
        "date_basis": "Reported in a source published that day",
        "citations": [{"source": article.stem, "quote": opening(block)}],
        "entities": list(dict.fromkeys(block.entities)),
    }
    return front_matter(fields, "A synthetic curated event.")


def note_file(rng: random.Random) -> str:
    fields = {
        "date": f"{rng.randrange(2019, 2025)}-{rng.randrange(1, 13):02d}",
        "date_basis": "The editors dated it from the events it reports",
        "reliability": rng.choice(("high", "medium", "low", "unknown")),
    }
    return front_matter(fields, "A synthetic editor's note: what the source rests on.")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_dossier(synthetic: Synthetic, content: Path, seed: int) -> None:
    """Sources, entities, annotations (one per two sources), curated events (one per ten
    sources), notes (dating half of the undated sources) and an about page."""
    rng = random.Random(f"{seed}-editors")
    articles = synthetic.articles
    by_slug = {entity.slug: entity for entity in synthetic.entities}
    for index, article in enumerate(articles):
        write(content / "sources" / f"{article.stem}.txt", raw_page(index, articles))
    for index, entity in enumerate(synthetic.entities):
        write(content / "entities" / f"{entity.slug}.md", entity_file(entity, index))
    for index in range(len(articles) // 2):
        article = rng.choice(articles)
        block = rng.choice([b for b in article.blocks if b.kind == "p" and b.entities])
        write(content / "annotations" / f"note-{index:05d}.md", annotation_file(article, block, index, by_slug))
    dated = [article for article in articles if article.published]
    for index in range(len(articles) // 10 if dated else 0):
        article = rng.choice(dated)
        block = rng.choice([b for b in article.blocks if b.kind == "p" and b.entities])
        write(content / "events" / f"event-{index:05d}.md", event_file(article, block))
    for article in articles[::2]:
        if article.published is None:
            write(content / "notes" / f"{article.stem}.md", note_file(rng))
    about = {"title": "About this synthetic dossier", "description": "Generated for the benchmark."}
    write(content / "pages" / "about.md", front_matter(about, "Synthetic sources, generated from a seed."))


def edit_one_annotation(content: Path) -> Path:
    """The warm rebuild's edit: one more sentence in the first annotation's body."""
    path = min((content / "annotations").glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8") + "Edited for the warm rebuild.\n", encoding="utf-8")
    return path


def markdown_article(article: Article) -> str:
    # Vanilla Pelican skips an article without a date, so undated sources get a fixed one; the
    # slug is the file's stem, as the dossier's, since synthetic headlines repeat.
    date = article.published or datetime.date(2024, 1, 1)
    lines, number = [f"Title: {article.title}", f"Date: {date.isoformat()}", f"Slug: {article.stem}", ""], 0
    for block in article.blocks:
        number = number + 1 if block.kind == "li" else 0
        prefix = {"h": "## ", "li": f"{number}. ", "p": ""}[block.kind]
        lines += [prefix + block.text, ""]
    return "\n".join(lines)


def write_vanilla(synthetic: Synthetic, content: Path) -> None:
    for article in synthetic.articles:
        write(content / f"{article.stem}.md", markdown_article(article))
