"""Shared by the publishing tests: Pelican in a subprocess, copies of the content, snapshots."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CONFFILE, CONTENT, REPO

PUBLISHCONF = REPO / "publishconf.py"


def pelican_arguments(content: Path, output: Path, *options: str, settings: Path = CONFFILE) -> list[str]:
    """`pelican`'s arguments as `make html` passes them, with no warm-build cache: each build
    runs the whole pipeline."""
    return [str(content), "-o", str(output), "-s", str(settings), "--log-handler", "plain", "-e", "DOSSIER_CACHE=false", *options]


def run_python(arguments: list[str], *, env: dict | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """The test environment's Python in a fresh process (own hash seed, own module state)."""
    return subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def run_pelican(
    content: Path, output: Path, *options: str, settings: Path = CONFFILE, env: dict | None = None, cwd: Path = REPO
) -> subprocess.CompletedProcess:
    arguments = pelican_arguments(content, output, *options, settings=settings)
    return run_python(["-m", "pelican", *arguments], env=env, cwd=cwd)


def copy_content(destination: Path, *, reverse: bool = False) -> Path:
    """A copy of the content folder; `reverse` creates its files in reverse name order."""
    files = sorted(p for p in CONTENT.rglob("*") if p.is_file())
    for path in reversed(files) if reverse else files:
        target = destination / path.relative_to(CONTENT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return destination


def snapshot(root: Path) -> dict[str, tuple]:
    """Every file, folder and link under `root` (links not followed), with what any write changes."""
    state = {}
    for path in sorted(root.rglob("*")):
        name, modified = path.relative_to(root).as_posix(), path.lstat().st_mtime_ns
        if path.is_symlink():
            state[name] = ("link", os.readlink(path), modified)
        elif path.is_dir():
            state[name] = ("folder", modified)
        else:
            state[name] = ("file", path.read_bytes(), modified)
    return state


def changed(before: dict, after: dict) -> list[str]:
    """Names that were added, removed or changed between two snapshots or two builds."""
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def log_of(result: subprocess.CompletedProcess) -> str:
    """What a build printed, for assertion messages."""
    return f"exit status {result.returncode}\n{result.stdout}\n{result.stderr}"
