"""Render one `Page` with the real theme and the real Jinja settings (pelican.conf.py's
JINJA_ENVIRONMENT: autoescape, StrictUndefined), for tests of a page's structure that need no
whole build. The golden fixtures of every page come from a full build (tests/regression)."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader
from pelican.settings import read_settings

from dossier.render import NAVIGATION
from dossier.render.page import Page
from dossier.render.templating import prepare as prepare_templates

from .conftest import CONFFILE, REPO

TEMPLATES = REPO / "themes/dossier/templates"
GLOBALS = {
    "SITENAME": "Dossier",
    "DEFAULT_LANG": "en",
    "ASSETS": {"css/dossier.css": "theme/css/dossier.css", "js/search.js": "theme/js/search.js"},
    "NAVIGATION": NAVIGATION,
    "SITE_ABSOLUTE_URL": "https://example.org",
    "OG_LOCALE": "en_GB",
}


def render_page(page: Page) -> str:
    return environment().get_template(f"{page.template}.html").render(
        GLOBALS, SITEURL=relative_root(page.save_as), page=page, **page.context
    )


def macros(template: str, save_as: str) -> object:
    """The theme's macros as the generator gives them to page makers (render.page.Macros)."""
    return environment().get_template(f"{template}.html").make_module({**GLOBALS, "SITEURL": relative_root(save_as)})


def environment() -> Environment:
    """As the generator has it: Pelican's from the settings, then the plugin's own (templating)."""
    made = Environment(loader=FileSystemLoader(TEMPLATES), **read_settings(str(CONFFILE))["JINJA_ENVIRONMENT"])
    prepare_templates(made)
    return made


def relative_root(save_as: str) -> str:
    """SITEURL as Pelican sets it under RELATIVE_URLS: "." at the top, ".." one folder down."""
    return "/".join([".."] * save_as.count("/")) or "."
