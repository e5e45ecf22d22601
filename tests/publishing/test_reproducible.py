"""Two builds of the same content are byte-identical, whatever the hash seed, the order in which
the file system lists folders, or the time of the build."""

from __future__ import annotations

import datetime
import os

from tests.conftest import CONTENT, build_site, output_files

from .helpers import changed, copy_content, log_of, run_pelican


def test_another_hash_seed_and_copy_order_change_no_byte(tmp_path):
    builds = []
    for seed, reverse in (("1", False), ("2", True)):
        content = copy_content(tmp_path / f"content-{seed}", reverse=reverse)
        output = tmp_path / f"output-{seed}"
        result = run_pelican(content, output, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, log_of(result)
        builds.append(output_files(output))
    assert not changed(*builds), f"files that differ with PYTHONHASHSEED=1 and 2: {changed(*builds)}"


class ReversedListing:
    """What os.scandir returns (an iterator and a context manager), entries in reverse order."""

    def __init__(self, entries: list) -> None:
        self.entries = iter(entries[::-1])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def close(self) -> None:
        return None


def test_another_directory_listing_order_changes_no_byte(site, tmp_path, monkeypatch):
    listdir, scandir = os.listdir, os.scandir

    def reversed_scandir(path="."):
        with scandir(path) as entries:
            return ReversedListing(list(entries))

    # Path.iterdir uses os.listdir; os.walk, glob and Path.glob use os.scandir.
    monkeypatch.setattr(os, "listdir", lambda path=".": listdir(path)[::-1])
    monkeypatch.setattr(os, "scandir", reversed_scandir)
    reversed_build = output_files(build_site(tmp_path / "output"))
    monkeypatch.undo()
    assert not changed(output_files(site), reversed_build), "files that depend on the listing order"


def moments(start: datetime.datetime, end: datetime.datetime) -> list[datetime.datetime]:
    seconds = int((end - start).total_seconds()) + 2
    return [start + datetime.timedelta(seconds=s - 1) for s in range(seconds + 1)]


def test_no_build_time_in_the_output(tmp_path):
    start = datetime.datetime.now().astimezone()
    output = build_site(tmp_path / "output")
    end = datetime.datetime.now().astimezone()
    # A day the content itself names (an annotation written today) may be shown: it derives from
    # the content. The time of day and the timestamp never may.
    content_text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in CONTENT.rglob("*") if p.is_file())
    stamps = set()
    for moment in [*moments(start, end), *(m.astimezone(datetime.timezone.utc) for m in moments(start, end))]:
        stamps |= {moment.strftime("%H:%M:%S"), str(int(moment.timestamp()))}
        if moment.strftime("%Y-%m-%d") not in content_text:
            stamps |= {moment.strftime(f) for f in ("%Y-%m-%d", "%Y%m%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y")}
            stamps |= {moment.strftime("%-d %B %Y"), moment.strftime("%B %-d, %Y")}
    for name, data in output_files(output).items():
        text = data.decode("utf-8", errors="replace")
        found = sorted(stamp for stamp in stamps if stamp in text)
        assert not found, f"{name} holds the build time: {found}"
