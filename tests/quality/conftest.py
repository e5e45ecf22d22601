"""Fixtures of the quality gates: a build served over http on 127.0.0.1 and built for that address
(its SITEURL, so absolute URLs such as the 404 page's resolve to it), parsed once, and one
headless Debian chromium with one reused tab (the suite must stay within a few minutes)."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, sync_playwright

from ..conftest import build_site
from .browsing import DESKTOP, keep_local
from .site_pages import html_pages, parse
from .tools import CHROMIUM, CHROMIUM_ARGS, require_file


@pytest.fixture(scope="session")
def pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page of the build, parsed once, by its path in the site."""
    found = html_pages(site)
    assert "index.html" in found, f"the build in {site} has no home page"
    return {page: parse(site, page) for page in found}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # one line per request would bury pytest's report
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """(folder, SITEURL): the site built for and served at http://127.0.0.1:<free port> from a thread."""
    folder = tmp_path_factory.mktemp("served-site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    build_site(folder, SITEURL=url)
    yield folder, url
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def site(served) -> Path:
    """Overrides the suite's `site` for the gates: the served build."""
    return served[0]


@pytest.fixture(scope="session")
def site_url(served) -> str:
    """The build's absolute SITEURL, which canonical and Open Graph URLs start with."""
    return served[1]


@pytest.fixture(scope="session")
def base_url(served) -> str:
    return served[1] + "/"


@pytest.fixture(scope="session")
def browser() -> Browser:
    """Debian's chromium. Playwright's launch() starts it on a new, empty temporary profile of its
    own (it refuses a --user-data-dir argument), and deletes it on close."""
    executable = require_file(CHROMIUM, "Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tab(browser: Browser, base_url: str) -> Page:
    """The one tab the browser gates share; each test sets the viewport and colour scheme it needs."""
    context = browser.new_context(viewport=DESKTOP)
    keep_local(context, base_url)
    page = context.new_page()
    yield page
    context.close()
