"""publishconf.py: the development settings plus the public address, which must be given."""

from __future__ import annotations

import re

from pelican import Pelican
from pelican.settings import read_settings

from tests.conftest import CONFFILE, CONTENT

from .helpers import PUBLISHCONF, log_of, run_pelican

ADDRESS = "https://example.org/dossier"


def test_only_the_address_differs_from_the_development_settings(monkeypatch):
    monkeypatch.setenv("SITEURL", ADDRESS + "/")
    production, development = read_settings(str(PUBLISHCONF)), read_settings(str(CONFFILE))
    assert production["SITEURL"] == ADDRESS
    assert production["RELATIVE_URLS"] is True
    address = {"SITEURL", "FEED_DOMAIN"}  # Pelican derives FEED_DOMAIN from SITEURL
    assert {k: v for k, v in production.items() if k not in address} == {
        k: v for k, v in development.items() if k not in address
    }


def test_a_missing_address_stops_the_build_with_a_clear_message(tmp_path):
    for value in ("", "example.org"):
        result = run_pelican(CONTENT, tmp_path / "output", settings=PUBLISHCONF, env={"SITEURL": value})
        assert result.returncode != 0, log_of(result)
        assert "set SITEURL" in result.stderr and "Traceback" not in log_of(result), log_of(result)
        assert not (tmp_path / "output").exists()


def test_the_published_site_links_relatively_and_names_its_address(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", ADDRESS)
    output = tmp_path / "output"
    # As `make publish` builds: strict, so a problem in the content stops the deployment.
    settings = read_settings(
        str(PUBLISHCONF),
        override={"PATH": str(CONTENT), "OUTPUT_PATH": str(output), "DOSSIER_STRICT": True, "DOSSIER_CACHE": False},
    )
    Pelican(settings).run()
    page = (output / "sources" / "index.html").read_text()
    assert f'<link rel="canonical" href="{ADDRESS}/sources/index.html">' in page
    assert re.search(r'<link rel="stylesheet" href="\.\./theme/css/dossier\.[0-9a-f]{12}\.css">', page)
    assert f"<loc>{ADDRESS}/index.html</loc>" in (output / "sitemap.xml").read_text()
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in (output / "robots.txt").read_text()
    assert f'href="{ADDRESS}/' in (output / "feeds" / "sources.atom.xml").read_text()
