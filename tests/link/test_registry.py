"""Loading content/entities/*.md: every editor mistake is a Problem with file and line."""

from __future__ import annotations

from dossier.link import load_registry
from dossier.problems import ERROR, WARNING

from .helpers import entity_file

IRAN = entity_file(
    """
    name: Iran
    kind: country
    aliases:
      - Islamic Republic
      - “Islamic Republic of Iran”
    demonyms: [Iranian, Iranians]
    wikidata: Q794
    coordinates: [32.0, 53.0]
    """,
    "Country in *western Asia*.",
)


def problems_of(*files: tuple[str, str]) -> list[tuple[str, int | None, str, str]]:
    _, problems = load_registry(list(files))
    return [(p.path, p.line, p.severity, p.message) for p in problems]


def test_a_valid_file():
    registry, problems = load_registry([("entities/iran.md", IRAN)])
    assert problems == []
    (iran,) = registry.entities
    assert (iran.slug, iran.name, iran.kind, iran.wikidata, iran.coordinates) == ("iran", "Iran", "country", "Q794", (32.0, 53.0))
    assert [(a.text, a.line) for a in iran.aliases] == [("Islamic Republic", 5), ("“Islamic Republic of Iran”", 6)]
    assert iran.name_line == 2 and iran.demonyms == ("Iranian", "Iranians")
    assert iran.description_html == "<p>Country in <em>western Asia</em>.</p>\n"
    assert registry.by_slug["iran"] is iran and registry.demonyms == {"Iranian", "Iranians"}


def test_entities_are_sorted_by_slug_whatever_the_file_order():
    files = [(f"entities/{slug}.md", entity_file(f"name: {slug.title()}\nkind: city")) for slug in ("hama", "aleppo", "damascus")]
    registry, _ = load_registry(files)
    assert [e.slug for e in registry.entities] == ["aleppo", "damascus", "hama"]


def test_the_same_alias_on_two_entities():
    first = ("entities/ali-khamenei.md", entity_file("name: Ali Khamenei\nkind: person\naliases:\n  - Supreme Leader"))
    second = ("entities/ruhollah-khomeini.md", entity_file("name: Ruhollah Khomeini\nkind: person\naliases:\n  - Imam\n  - Supreme Leader"))
    registry, problems = load_registry([second, first])  # path order decides, not list order
    assert [(p.path, p.line, p.severity) for p in problems] == [("entities/ruhollah-khomeini.md", 6, ERROR)]
    assert "already names Ali Khamenei (entities/ali-khamenei.md, line 5)" in problems[0].message
    assert registry.matcher.find("the Supreme Leader")[0].entity == "ali-khamenei"
    # The loser's page must not claim a spelling that links elsewhere.
    assert [a.text for a in registry.by_slug["ruhollah-khomeini"].aliases] == ["Imam"]


def test_an_alias_equal_to_another_entitys_name_or_differing_only_in_quotes():
    assad = ("entities/bashar-al-assad.md", entity_file("name: Assad’s\nkind: person"))
    other = ("entities/hafez.md", entity_file("name: Hafez\nkind: person\naliases: [\"Assad's\"]"))
    assert problems_of(assad, other) == [
        ("entities/hafez.md", 4, ERROR, "'Assad's' already names Assad’s (entities/bashar-al-assad.md, line 2): an alias must name one entity only")
    ]


def test_an_alias_listed_twice_in_one_file_is_a_warning():
    text = entity_file("name: Iran\nkind: country\naliases:\n  - Iran\n  - Persia\n  - Persia")
    assert problems_of(("entities/iran.md", text)) == [
        ("entities/iran.md", 5, WARNING, "'Iran' is listed twice (first on line 2)"),
        ("entities/iran.md", 7, WARNING, "'Persia' is listed twice (first on line 6)"),
    ]


def test_an_entity_without_a_name_is_left_out():
    registry, problems = load_registry([("entities/x.md", entity_file("kind: person"))])
    assert registry.entities == ()
    assert [(p.path, p.line, p.severity, p.message) for p in problems] == [
        ("entities/x.md", 1, ERROR, "missing required front-matter key 'name'")
    ]


def test_an_unknown_kind():
    registry, problems = load_registry([("entities/x.md", entity_file("name: X\nkind: planet"))])
    assert registry.entities == ()
    ((path, line, severity, message),) = [(p.path, p.line, p.severity, p.message) for p in problems]
    assert (path, line, severity) == ("entities/x.md", 3, ERROR)
    assert message.startswith("'kind': 'planet' is not one of: person, organization, armed force")


def test_an_empty_alias():
    for aliases in ("\n  - Persia\n  -", "\n  - ''", " [Persia, '   ']"):
        problems = problems_of(("entities/iran.md", entity_file(f"name: Iran\nkind: country\naliases:{aliases}")))
        assert problems == [("entities/iran.md", 4, ERROR, "'aliases': contains an empty value")], aliases


def test_an_alias_without_letters_or_digits():
    problems = problems_of(("entities/iran.md", entity_file("name: Iran\nkind: country\naliases:\n  - Persia\n  - '--'")))
    assert problems == [("entities/iran.md", 6, ERROR, "alias '--' has no letter or digit: it would match punctuation")]


def test_malformed_front_matter():
    text = "---\nname: Iran\nkind: [country\n---\nText\n"
    registry, problems = load_registry([("entities/iran.md", text)])
    assert registry.entities == ()
    assert [(p.path, p.line, p.severity) for p in problems] == [("entities/iran.md", 3, ERROR)]
    assert problems[0].message.startswith("malformed front matter")
    assert problems_of(("entities/iran.md", "Just text\n")) == [
        ("entities/iran.md", 1, ERROR, "no front matter: the file must start with a '---' line")
    ]
    assert problems_of(("entities/iran.md", "---\nname: Iran\n")) == [
        ("entities/iran.md", 1, ERROR, "front matter is not closed by a '---' line")
    ]


def test_unknown_keys_bad_wikidata_and_bad_coordinates():
    text = entity_file("name: Iran\nkind: country\nwikidata: 794\ncoordinates: [95, 53]\ncapital: Tehran")
    assert problems_of(("entities/iran.md", text)) == [
        ("entities/iran.md", 4, ERROR, "'wikidata': '794' is not a Wikidata id such as Q794"),
        ("entities/iran.md", 5, ERROR, "'coordinates': latitude must lie within ±90 and longitude within ±180"),
        ("entities/iran.md", 6, ERROR, "unknown front-matter key 'capital' (allowed: aliases, coordinates, demonyms, kind, name, wikidata)"),
    ]
    text = entity_file("name: Iran\nkind: country\ncoordinates: 32, 53")
    assert problems_of(("entities/iran.md", text))[0][3].startswith("'coordinates': must be [latitude, longitude]")


def test_coordinates_belong_to_places():
    text = entity_file("name: Hezbollah\nkind: armed group\ncoordinates: [33.8, 35.5]")
    assert problems_of(("entities/hezbollah.md", text)) == [
        ("entities/hezbollah.md", 4, WARNING, "coordinates given, but kind 'armed group' is not a place")
    ]


def test_a_file_name_that_cannot_be_a_page_address():
    assert problems_of(("entities/Iran Country.md", entity_file("name: Iran\nkind: country"))) == [
        ("entities/Iran Country.md", 1, ERROR, "rename the file with lower-case letters, digits and hyphens only: it becomes the page address")
    ]
