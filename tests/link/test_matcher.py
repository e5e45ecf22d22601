"""The matcher: whole words, leftmost then longest, exact case, typographic equivalents."""

from __future__ import annotations

from itertools import permutations

from dossier.link.matcher import build_matcher

from .helpers import found, registry_of

IRGC = {
    "irgc": ("Islamic Revolutionary Guard Corps", ["IRGC", "Revolutionary Guards", "Revolutionary Guard"]),
    "iran": ("Iran", ["Islamic Republic"]),
}


def test_the_longest_match_wins():
    registry = registry_of(IRGC)
    assert found(registry, "seven Islamic Revolutionary Guard Corps members") == [
        ("irgc", "Islamic Revolutionary Guard Corps")
    ]
    assert found(registry, "from its Revolutionary Guards and") == [("irgc", "Revolutionary Guards")]
    assert found(registry, "Revolutionary Guard offices") == [("irgc", "Revolutionary Guard")]


def test_of_overlapping_matches_the_leftmost_wins():
    registry = registry_of({"a": ("Golan Heights", []), "b": ("Heights Road", [])})
    assert found(registry, "the Golan Heights Road") == [("a", "Golan Heights")]
    assert found(registry, "the Heights Road") == [("b", "Heights Road")]


def test_an_embedded_name_is_not_matched_inside_a_longer_one():
    registry = registry_of({"embassy": ("Iranian Embassy in Damascus", []), "damascus": ("Damascus", [])})
    assert found(registry, "from the Iranian Embassy in Damascus and Damascus") == [
        ("embassy", "Iranian Embassy in Damascus"),
        ("damascus", "Damascus"),
    ]


def test_whole_words_only():
    registry = registry_of({"iran": ("Iran", []), "tehran": ("Tehran", [])})
    assert found(registry, "Iranian forces, an Iranista, Irans") == []
    assert found(registry, "Tehran-trained militias") == [("tehran", "Tehran")]
    assert found(registry, "(Iran)") == [("iran", "Iran")]
    assert found(registry, "Iran2 and 2Iran and Iran_x") == []


def test_possessives_with_straight_and_curly_apostrophes():
    registry = registry_of({"assad": ("Bashar al-Assad", ["Assad"])})
    assert found(registry, "Assad’s regime and Assad's army and Bashar al-Assad’s rule") == [
        ("assad", "Assad"),
        ("assad", "Assad"),
        ("assad", "Bashar al-Assad"),
    ]


def test_curly_and_straight_quotes_in_aliases_are_the_same():
    registry = registry_of({"x": ("Sayyid’s Shrine", ["O'Brien Base"])})
    assert found(registry, "at Sayyid's Shrine and O’Brien Base") == [
        ("x", "Sayyid's Shrine"),
        ("x", "O’Brien Base"),
    ]


def test_no_break_spaces_and_unicode_hyphens_are_the_same_as_ascii():
    registry = registry_of({"deir": ("Deir ez-Zor", [])})
    assert found(registry, "in Deir\u00a0ez\u2011Zor province") == [("deir", "Deir\u00a0ez\u2011Zor")]


def test_acronyms_and_names_match_their_exact_case():
    registry = registry_of({"us": ("United States", ["US", "U.S."]), "quds": ("Quds Force", ["Quds force"])})
    assert found(registry, "let us go; the US, the U.S. and us") == [("us", "US"), ("us", "U.S.")]
    assert found(registry, "the Quds force, the Quds Force, the quds force, QUDS FORCE") == [
        ("quds", "Quds force"),
        ("quds", "Quds Force"),
    ]


def test_an_acronym_with_full_stops_keeps_its_boundaries():
    registry = registry_of({"us": ("United States", ["U.S."])})
    assert found(registry, "the U.S.A. and the U.S.") == [("us", "U.S.")]


def test_the_order_of_aliases_never_changes_the_result():
    aliases = [("Revolutionary Guard", "irgc"), ("Islamic Revolutionary Guard Corps", "irgc"), ("Islamic Republic", "iran"), ("Guard Corps members", "members")]
    text = "the Islamic Republic’s Islamic Revolutionary Guard Corps members and Revolutionary Guard Corps members"
    results = {tuple(build_matcher(order).find(text)) for order in permutations(aliases)}
    assert len(results) == 1


def test_no_aliases_no_matches():
    assert build_matcher([]).find("Iran") == []
