"""Every page passes every markup check (see markup.py)."""

from __future__ import annotations

import pytest

from .markup import CHECKS
from .report import fail_if_any


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_every_page(pages, check):
    problems = [problem for page, soup in pages.items() for problem in check(page, soup)]
    fail_if_any(problems, f"page(s) break the rule: {check.__doc__}")
