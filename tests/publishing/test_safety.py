"""The build never touches the content, refuses an output folder that would hold it, never reads
what a symbolic link leads to outside it, and keeps nothing from one build to the next."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import CONFFILE, CONTENT, REPO, build_site, output_files

from .helpers import changed, copy_content, log_of, pelican_arguments, run_pelican, run_python, snapshot


def test_a_build_writes_nothing_into_the_content(tmp_path):
    before = snapshot(CONTENT)
    build_site(tmp_path / "output")
    touched = changed(before, snapshot(CONTENT))
    assert not touched, f"the build changed {touched}"


def test_deleting_the_output_folder_deletes_only_inside_it(tmp_path):
    content, output = copy_content(tmp_path / "content"), tmp_path / "output"
    (output / "stale").mkdir(parents=True)
    (output / "stale" / "old.html").write_text("from an earlier build")
    (tmp_path / "beside-output.txt").write_text("not the build's")
    before = snapshot(content)
    build_site(output, content=content, DELETE_OUTPUT_DIRECTORY=True)
    assert not (output / "stale").exists(), "a file of an earlier build survived"
    assert (tmp_path / "beside-output.txt").read_text() == "not the build's"
    assert not changed(before, snapshot(content))


def repository_copy(root: Path) -> Path:
    """What `make html` builds with (settings, plugin, theme) in `root`, the content beside it."""
    root.mkdir()
    shutil.copy(CONFFILE, root / "pelican.conf.py")
    for folder in ("plugins", "themes"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return root / "pelican.conf.py"


UNSAFE_OUTPUTS = {
    "is the content folder": lambda tmp: tmp / "content",
    "contains the content folder": lambda tmp: tmp,
    "lies inside the content folder": lambda tmp: tmp / "content" / "sources" / "site",
    "is the repository": lambda tmp: tmp / "repository",
}


@pytest.mark.parametrize("case", UNSAFE_OUTPUTS)
def test_an_unsafe_output_folder_is_refused_before_anything_is_written(tmp_path, case):
    content = copy_content(tmp_path / "content")
    settings = repository_copy(tmp_path / "repository")
    output = UNSAFE_OUTPUTS[case](tmp_path)
    before = snapshot(tmp_path)
    # --delete-output-directory too: the refusal must come before Pelican empties the folder.
    result = run_pelican(content, output, "--delete-output-directory", settings=settings, cwd=settings.parent)
    log = log_of(result)
    assert result.returncode != 0, f"an output folder that {case} was accepted:\n{log}"
    assert "refusing" in log and str(output.resolve()) in log, f"the message must name the problem:\n{log}"
    assert "Traceback" not in log, log
    touched = changed(before, snapshot(tmp_path))
    assert not touched, f"written or deleted before the refusal: {touched}"


# Reports every file opened through a watched name, then runs Pelican's command line.
WATCH_OPENS = """
import os, sys
watched = sys.argv.pop(1).split(os.pathsep)

def report(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        name = os.fsdecode(args[0])
        if any(name.endswith(w) for w in watched):
            print("OPENED", name, file=sys.stderr)

sys.addaudithook(report)
from pelican import main
main(sys.argv[1:])
"""


def test_a_symbolic_link_out_of_the_content_is_neither_read_nor_published(tmp_path):
    content = copy_content(tmp_path / "content")
    outside = tmp_path / "elsewhere" / "private-notes.txt"
    outside.parent.mkdir()
    outside.write_text("PRIVATE-MARKER\n\nNot evidence: a file outside the content folder.\n" * 20)
    link = content / "sources" / "005_linked_outside.txt"
    link.symlink_to(outside)
    output = tmp_path / "output"
    watched = os.pathsep.join([link.name, outside.name])
    result = run_python(["-c", WATCH_OPENS, watched, *pelican_arguments(content, output)])
    log = log_of(result)
    assert result.returncode == 0, log
    assert "OPENED" not in result.stderr, f"the build read the linked file:\n{log}"
    assert f"sources/{link.name}" in log, "the editor must be told why the file is left out"
    published = output_files(output)
    assert not [name for name in published if "linked_outside" in name]
    assert not [name for name, data in published.items() if b"PRIVATE-MARKER" in data]


def test_two_builds_in_one_process_are_identical(site, tmp_path):
    # `site` was built earlier in this process; autoreload rebuilds just like this.
    differ = changed(output_files(site), output_files(build_site(tmp_path / "again")))
    assert not differ, f"files that differ on a second build: {differ}"
