"""Where the gates' tools live once tests/quality/install-tools.sh has run, and what a test does
when one is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

from ..conftest import REPO

INSTALL = "bash tests/quality/install-tools.sh"
NPM_MODULES = REPO / ".cache/npm/quality/node_modules"
VNU_JAR = NPM_MODULES / "vnu-jar/build/dist/vnu.jar"
AXE_SCRIPT = NPM_MODULES / "axe-core/axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")

# Debian's chromium, launched as it is: no Playwright browser download, no network of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable(reason: str) -> NoReturn:
    """Skips a gate whose tool is missing; under CI a skipped gate would pass a broken page, so
    there it fails instead."""
    message = f"{reason} (install it with `{INSTALL}`)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_file(path: Path, what: str) -> Path:
    if not path.is_file():
        unavailable(f"{what} is missing: no {path}")
    return path


def require_java() -> str:
    java = shutil.which("java")
    if java is None:
        unavailable("no Java runtime on PATH for the Nu HTML checker")
    return java
