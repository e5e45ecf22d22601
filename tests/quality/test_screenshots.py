"""Screenshots for review, not a gate: the home page, a source page, an entity page and the
chronology, at 1280 and 390 px wide, into test-artifacts/screenshots/ (git-ignored)."""

from __future__ import annotations

import shutil

import pytest

from ..conftest import REPO

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "test-artifacts/screenshots"
WIDTHS = {1280: 800, 390: 844}  # width -> viewport height, a desktop and a phone
# The page shown for each kind: a fixed path, or for a folder its first page other than the index.
SUBJECTS = {"home": "index.html", "source": "sources/", "entity": "entities/", "chronology": "chronology.html"}


def subject_page(pages, where: str) -> str | None:
    if not where.endswith("/"):
        return where if where in pages else None
    return next((page for page in pages if page.startswith(where) and page != f"{where}index.html"), None)


@pytest.fixture(scope="module")
def screenshots():
    """Emptied first, so the folder holds this run's screenshots only."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.mark.parametrize("subject", SUBJECTS)
def test_screenshot(tab, base_url, pages, screenshots, subject):
    page = subject_page(pages, SUBJECTS[subject])
    if page is None:
        pytest.skip(f"no {subject} page in this build yet ({SUBJECTS[subject]})")
    tab.emulate_media(color_scheme="light")
    for width, height in WIDTHS.items():
        tab.set_viewport_size({"width": width, "height": height})
        tab.goto(base_url + page)
        tab.screenshot(path=screenshots / f"{subject}-{width}.png", full_page=True)
