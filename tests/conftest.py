"""Shared fixtures: the seed dossier built once per session with the real settings.

`make test` passes INPUTDIR/CONFFILE through DOSSIER_INPUTDIR/DOSSIER_CONFFILE; by default the
repository's own content and pelican.conf.py are used. Builds always go to temporary folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

REPO = Path(__file__).resolve().parent.parent
CONTENT = Path(os.environ.get("DOSSIER_INPUTDIR", REPO / "content"))
CONFFILE = Path(os.environ.get("DOSSIER_CONFFILE", REPO / "pelican.conf.py"))


def build_site(output: Path, content: Path = CONTENT, **overrides) -> Path:
    """A full Pelican build, as `make html` runs it, into `output`: cold (no warm-build cache)
    unless `overrides` turn the cache on, so each test sees the whole pipeline run."""
    settings = read_settings(
        str(CONFFILE),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), "DOSSIER_CACHE": False, **overrides},
    )
    Pelican(settings).run()
    return output


def output_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))
