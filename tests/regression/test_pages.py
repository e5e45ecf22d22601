"""Golden tests: every rendered page of the seed dossier, and dossier.json.

Pages are normalised with BeautifulSoup (one tag per line, stable indentation) so fixtures read
well and diffs point at the change. After an intended change, regenerate them with
`make fixtures` and review the diff before committing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup

from ..conftest import output_files

FIXTURES = Path(__file__).parent / "test_pages"
FINGERPRINT = re.compile(r"\.[0-9a-f]{12}\.(css|js)\b")
SCHEMA = Path(__file__).resolve().parents[2] / "plugins/dossier/schema/dossier.schema.json"


def normalised(html: bytes) -> str:
    """Pretty-printed, with asset fingerprints masked: a CSS edit should not churn every fixture."""
    return FINGERPRINT.sub(r".#.\1", BeautifulSoup(html, "html.parser").prettify())


def fixture_name(page: str) -> str:
    return page.removesuffix(".html").replace("/", "__")


def html_pages(site: Path) -> list[str]:
    return [name for name in output_files(site) if name.endswith(".html")]


def test_every_page_has_a_fixture(site):
    """A new page needs a fixture (`make fixtures`); a page that vanished leaves a stale one."""
    fixtures = sorted(p.stem for p in FIXTURES.glob("*.html"))
    assert sorted(fixture_name(page) for page in html_pages(site)) == fixtures


def test_pages_match_their_fixtures(site, file_regression, subtests):
    for page in html_pages(site):
        with subtests.test(page=page):
            file_regression.check(
                normalised((site / page).read_bytes()),
                basename=fixture_name(page),
                extension=".html",
            )


def test_dossier_json_matches_its_fixture(site, data_regression):
    data_regression.check(json.loads((site / "dossier.json").read_text(encoding="utf-8")))


def test_dossier_json_follows_its_schema(site):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors)
