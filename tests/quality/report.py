"""How a gate reports: every problem on its own line, and no traceback, whose dump of the
fixtures (whole parsed pages) would bury the list."""

from __future__ import annotations

from typing import Sequence

import pytest


def fail_if_any(problems: Sequence[str], summary: str) -> None:
    if problems:
        pytest.fail(f"{len(problems)} {summary}:\n" + "\n".join(problems), pytrace=False)
