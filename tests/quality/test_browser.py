"""The gates that need a browser, over every page of the build served on 127.0.0.1: axe-core in
light and dark mode, no console error, no request leaving the site, no horizontal scroll at
320 px, and every page readable with JavaScript off. Each page is visited once in the shared tab
(see browsing.visit); the tests then read what the visits recorded."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from .browsing import COLOR_SCHEMES, NARROW, Visit, describe, keep_local, visit
from .report import fail_if_any
from .tools import AXE_SCRIPT, require_file

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def visits(tab, base_url, pages) -> list[Visit]:
    axe_script = require_file(AXE_SCRIPT, "axe-core (npm axe-core)")
    return [visit(tab, base_url, page, axe_script) for page in pages]


@pytest.mark.parametrize("scheme", COLOR_SCHEMES)
def test_axe_finds_no_violation(visits, scheme):
    failures = [describe(v.page, scheme, violation) for v in visits for violation in v.violations[scheme]]
    fail_if_any(failures, f"axe-core violation(s) in {scheme} mode")


def test_no_console_error(visits):
    failures = [f"{v.page}: {error}" for v in visits for error in v.console_errors]
    fail_if_any(failures, "console error(s)")


def test_no_request_leaves_the_site(visits, base_url):
    local = urlsplit(base_url).netloc
    failures = [
        f"{v.page}: {url}"
        for v in visits
        for url in sorted(set(v.requests))
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != local
    ]
    fail_if_any(failures, f"request(s) to anything but {local} (aborted)")


def test_no_horizontal_scroll_at_320px(visits):
    failures = [f"{v.page}: {v.width_at_320} px wide" for v in visits if v.width_at_320 > NARROW["width"]]
    fail_if_any(failures, f"page(s) wider than {NARROW['width']} px, so they scroll sideways")


@pytest.fixture(scope="module")
def tab_without_javascript(browser: Browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    keep_local(context, base_url)
    yield context.new_page()
    context.close()


def test_every_page_shows_its_main_content_without_javascript(tab_without_javascript, base_url, pages):
    tab = tab_without_javascript
    failures = []
    for page in pages:
        tab.goto(base_url + page)
        main = tab.locator("main")
        if main.count() != 1 or not main.is_visible() or not main.inner_text().strip():
            failures.append(f"{page}: no visible, non-empty <main>")
        elif not main.locator("h1").first.is_visible():
            failures.append(f"{page}: the <h1> in <main> is not visible")
    fail_if_any(failures, "page(s) unreadable without JavaScript")
