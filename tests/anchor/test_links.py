"""Body links: `source:`, `entity:` and `event:` resolved through the site's resolver."""

from dossier.anchor.links import ROOT, checked_body, render_body
from dossier.render.annotations import link_resolver

from .helpers import annotation_of, make_source

SOURCE = make_source("002_b7e9b36f6a788740", "First paragraph.", "Second paragraph.")
RESOLVE = link_resolver(
    [SOURCE],
    {"qasem-soleimani": "entities/qasem-soleimani.html"},
    {"consulate-strike-damascus": "chronology.html#consulate-strike-damascus"},
)


def body(text, **meta):
    return annotation_of("quote", body=text, **meta)


def test_dossier_links_resolve_relative_to_the_page():
    annotation = body(
        "See [the source](source:002_b7e9b36f6a788740), [its paragraph](source:002_b7e9b36f6a788740#p2), "
        "[Soleimani](entity:qasem-soleimani) and [the strike](event:consulate-strike-damascus)."
    )
    html, problems = render_body(annotation, RESOLVE, "../")
    assert problems == []
    assert '<a href="../sources/002_b7e9b36f6a788740.html">the source</a>' in html
    assert '<a href="../sources/002_b7e9b36f6a788740.html#p2">its paragraph</a>' in html
    assert '<a href="../entities/qasem-soleimani.html">Soleimani</a>' in html
    assert '<a href="../chronology.html#consulate-strike-damascus">the strike</a>' in html
    at_root, _ = render_body(annotation, RESOLVE, "")
    assert '<a href="entities/qasem-soleimani.html">' in at_root


def test_web_addresses_are_kept_as_they_are():
    html, problems = render_body(body("[AFP](https://www.afp.com/) <mailto:desk@example.org>"), RESOLVE, "../")
    assert problems == []
    assert '<a href="https://www.afp.com/">AFP</a>' in html and 'href="mailto:desk@example.org"' in html


def test_an_unresolved_link_is_an_error_on_its_line_and_shown_as_text():
    annotation = body("First line.\n\nSee [Solemani](entity:solemani) here.")
    html, (problem,) = render_body(annotation, RESOLVE)
    assert "<a" not in html and "See Solemani here." in html
    assert problem.path == "annotations/note.md"
    assert problem.line == annotation.body_line + 2
    assert "link 'entity:solemani': there is no entity 'solemani'" in problem.message


def test_an_unknown_paragraph_is_an_unresolved_link():
    _, (problem,) = render_body(body("[x](source:002_b7e9b36f6a788740#p9)"), RESOLVE)
    assert "there is no source '002_b7e9b36f6a788740#p9'" in problem.message


def test_relative_and_unknown_links_are_refused():
    for href in ("../entities/iran.html", "entities:iran", "#p2"):
        html, (problem,) = render_body(body(f"[x]({href})"), RESOLVE)
        assert "<a" not in html
        assert "is not allowed" in problem.message
    html, _ = render_body(body("[x](javascript:alert(1))"), RESOLVE)
    assert "<a" not in html  # markdown-it never makes it a link


def test_links_in_footnotes_resolve_and_footnote_ids_name_the_annotation():
    annotation = annotation_of("quote", name="hmeimin", body="Text.[^1]\n\n[^1]: See [him](entity:qasem-soleimani).")
    html, problems = render_body(annotation, RESOLVE, "../")
    assert problems == []
    assert 'id="fn-annotation-hmeimin-1"' in html
    assert '<a href="../entities/qasem-soleimani.html">him</a>' in html


def test_raw_html_is_shown_as_text():
    html, _ = render_body(body("<script>alert(1)</script>"), RESOLVE)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_checked_body_reports_body_links_and_entity_tags_with_their_lines():
    annotation = body("[x](event:nothing)", entities=["qasem-soleimani", "solemani"])
    _, problems = checked_body(annotation, RESOLVE)
    assert [(p.line, p.message) for p in problems] == [
        (annotation.body_line, "link 'event:nothing': there is no event 'nothing'"),
        (annotation.line_of("entities"), "'entities': there is no entity 'solemani'"),
    ]


def test_a_checked_body_is_the_body_with_a_stand_in_root_for_each_page_to_fill_in():
    annotation = body("See [Soleimani](entity:qasem-soleimani) and [a site](https://example.org).")
    html, problems = checked_body(annotation, RESOLVE)
    assert problems == []
    assert html == str(render_body(annotation, RESOLVE, ROOT)[0]) and f'href="{ROOT}' in html
