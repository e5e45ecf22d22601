"""The warm-build cache (plugins/dossier/cache.py): a warm build is byte-identical to a cold
build of the same content, whatever was edited, and it rewrites only what the edit reached."""

import logging
import os
import pickle
import shutil
from functools import partial
import time
from pathlib import Path

import pytest

from dossier import generator, workers
from dossier.cache import BuildCache
from dossier.model import BOILERPLATE, LIST_ITEM, PARAGRAPH, UNDATED, Block, CleanedSource, LineVerdict, Mention, Metadata, RawSource
from tests.conftest import CONTENT, build_site, output_files

ANNOTATION = "annotations/anonymous-hezbollah-source.md"  # on source 000, tags Hezbollah and Rami Abdulrahman
ENTITY = "entities/qasem-soleimani.md"


@pytest.fixture
def dossier(tmp_path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content


def warm_build(content: Path, output: Path, **settings) -> dict[str, bytes]:
    cache = content.parent / "cache"
    build_site(output, content, **{"DOSSIER_CACHE": True, "CACHE_PATH": str(cache), "DOSSIER_SEARCH": False, **settings})
    return output_files(output)


def cold_build(content: Path, output: Path, **settings) -> dict[str, bytes]:
    return output_files(build_site(output, content, DOSSIER_SEARCH=False, **settings))


def stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def rewritten(before: dict[str, int], site: Path) -> set[str]:
    return {name for name, stamp in stamps(site).items() if before.get(name) != stamp}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_with_nothing_changed_rewrites_nothing(dossier, tmp_path):
    site = tmp_path / "site"
    first = warm_build(dossier, site)
    before = stamps(site)
    assert warm_build(dossier, site) == first
    assert rewritten(before, site) == set()


def test_an_annotation_edit_rebuilds_exactly_the_pages_that_show_it(dossier, tmp_path):
    site = tmp_path / "site"
    warm_build(dossier, site)
    before = stamps(site)
    edit(dossier / ANNOTATION, "rests on this one unnamed person", "rests on one unnamed person alone")

    assert warm_build(dossier, site) == cold_build(dossier, tmp_path / "cold")
    pages = {name for name in rewritten(before, site) if name.endswith(".html")}
    assert pages == {
        "sources/000_fa7f6ba4e0365f97.html",  # the note beside the quote
        "annotations.html",
        "entities/hezbollah.html",  # the entities it tags
        "entities/rami-abdulrahman.html",
    }
    assert "rests on one unnamed person alone" in (site / "annotations.html").read_text()


def test_an_entity_edit_reaches_every_page_that_mentions_it(dossier, tmp_path):
    site = tmp_path / "site"
    first = warm_build(dossier, site)
    mentioning = {name for name, data in first.items() if name.endswith(".html") and b"qasem-soleimani.html" in data}
    assert len(mentioning) > 3  # its own page, the entity index, source pages, the chronology…
    edit(dossier / ENTITY, "name: Qasem Soleimani", "name: Qassem Soleimani")

    warm = warm_build(dossier, site)
    assert warm == cold_build(dossier, tmp_path / "cold")
    for name in mentioning - {"entities/qasem-soleimani.html"}:
        assert b"Qassem Soleimani" in warm[name] or name == "annotations.html", name


@pytest.mark.parametrize(
    "path, old, new",
    [
        ("notes/000_fa7f6ba4e0365f97.md", "reliability: medium", "reliability: low"),
        ("events/consulate-strike-damascus.md", "label: A strike destroys", "label: A strike wrecks"),
        ("pages/about.md", "This dossier gathers", "This dossier brings together"),
    ],
    ids=["note", "event", "page"],
)
def test_an_edit_to_any_editor_file_gives_the_cold_build(dossier, tmp_path, path, old, new):
    site = tmp_path / "site"
    warm_build(dossier, site)
    edit(dossier / path, old, new)
    assert warm_build(dossier, site) == cold_build(dossier, tmp_path / "cold")


def test_a_settings_change_gives_the_cold_build(dossier, tmp_path):
    site = tmp_path / "site"
    warm_build(dossier, site)
    warm = warm_build(dossier, site, SITENAME="Another title")
    assert warm == cold_build(dossier, tmp_path / "cold", SITENAME="Another title")


def test_turning_search_off_or_on_keeps_the_cache(dossier, tmp_path):
    """Only `_headers` (and Pagefind's index) show the setting: no page is made again."""
    site = tmp_path / "site"
    warm_build(dossier, site, DOSSIER_SEARCH=True)
    before = stamps(site)
    warm = warm_build(dossier, site, DOSSIER_SEARCH=False)
    assert rewritten(before, site) == {"_headers"}
    assert {name: data for name, data in warm.items() if not name.startswith("pagefind/")} == cold_build(dossier, tmp_path / "cold")


def test_a_page_changed_in_the_output_is_written_again(dossier, tmp_path):
    site = tmp_path / "site"
    first = warm_build(dossier, site)
    (site / "chronology.html").write_text("tampered")
    (site / "sources/000_fa7f6ba4e0365f97.txt").unlink()
    assert warm_build(dossier, site) == first


def test_a_damaged_cache_means_a_cold_build(dossier, tmp_path):
    site = tmp_path / "site"
    first = warm_build(dossier, site)
    (folder,) = (tmp_path / "cache").iterdir()
    for kind in folder.iterdir():
        kind.write_bytes(kind.read_bytes()[:1000])
    assert warm_build(dossier, site) == first


def test_an_annotation_edit_leaves_the_stage_results_unwritten(dossier, tmp_path):
    """The cache keeps a file per kind of entry: the large ones, the cleaned, linked and dated
    sources, are written again only when one of their inputs changed."""
    warm_build(dossier, tmp_path / "site")
    (folder,) = (tmp_path / "cache").iterdir()
    before = stamps(folder)
    edit(dossier / ANNOTATION, "rests on this one unnamed person", "rests on one unnamed person alone")
    warm_build(dossier, tmp_path / "site")
    assert {"clean.pickle", "read.pickle", "link.pickle", "date.pickle"} <= set(before) - rewritten(before, folder)
    assert "body.pickle" in rewritten(before, folder)
    assert set(before) <= set(stamps(folder))  # the sources' readings stay, unused, for a later edit to a note


def test_a_note_edit_reads_again_only_the_source_it_notes(dossier, tmp_path, caplog):
    warm_build(dossier, tmp_path / "site")
    edit(dossier / ANNOTATION, "rests on this one unnamed person", "rests on one unnamed person alone")
    warm_build(dossier, tmp_path / "site")  # linking and dating from the cache: the readings unused
    note = next((dossier / "notes").glob("*.md"))
    note.write_text(note.read_text() + "\nOne more sentence from the editors.\n")
    with caplog.at_level(logging.INFO):
        after = warm_build(dossier, tmp_path / "site")
    assert "read 4/5" in caplog.text
    assert after == cold_build(dossier, tmp_path / "cold")


def test_values_made_on_workers_are_used_and_saved_as_if_made_here(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "ITEMS_PER_WORKER", 1)  # six items: let three processes share them

    def square(n: int) -> tuple[int, int]:
        time.sleep(0.3)  # long enough for every worker to start and take items
        return n * n, os.getpid()

    def never(n: int) -> None:
        raise AssertionError(f"{n} was made again")

    made = BuildCache(tmp_path, "v")
    values = made.values("square", [((n,), partial(square, n)) for n in range(6)], processes=3)
    assert [value for value, _ in values] == [n * n for n in range(6)]
    assert len({pid for _, pid in values}) == 3
    made.save()
    assert made.summary() == "square 0/6"

    saved = BuildCache(tmp_path, "v")
    assert saved.values("square", [((n,), partial(never, n)) for n in range(6)], processes=3) == values
    assert saved.summary() == "square 6/6"


def test_what_the_build_does_meanwhile_is_done_only_while_workers_make_values(tmp_path, monkeypatch):
    """The date parser is loaded while workers clean the sources, so that the workers that then
    link and date share it; with nothing to clean, or no workers, each loads it when it needs it."""
    monkeypatch.setattr(workers, "ITEMS_PER_WORKER", 1)
    meanwhile = []
    cache = BuildCache(tmp_path, "v")
    work = [((n,), partial(int, n)) for n in range(4)]
    cache.values("number", work, processes=2, meanwhile=lambda: meanwhile.append(os.getpid()))
    assert meanwhile == [os.getpid()]
    cache.values("number", work, processes=2, meanwhile=lambda: meanwhile.append("again"))  # all made already
    BuildCache(tmp_path / "other", "v").values("number", work, processes=1, meanwhile=lambda: meanwhile.append("alone"))
    assert meanwhile == [os.getpid()]


def test_blocks_verdicts_and_mentions_come_back_whole_with_their_repeated_strings_shared():
    raw = RawSource("sources/a.txt", "a", "a", tuple(f"line {n}" for n in range(3)))
    verdicts = tuple(LineVerdict(n, f"line {n}", BOILERPLATE, "navigation", "site navigation, not the article") for n in range(3))
    blocks = (Block("p-a", PARAGRAPH, "A paragraph.", (1,)), Block("li-b", LIST_ITEM, "An item", (2, 3), "1."))
    cleaned = [CleanedSource(raw, Metadata(None, None, None, None, None, UNDATED), blocks, verdicts) for _ in range(2)]
    mentions = [Mention("islamic-revolutionary-guard-corps", "000", f"p-{n}", n, n + 4, "IRGC") for n in range(3)]
    for sent in (cleaned, mentions):
        back = [pickle.loads(pickle.dumps(value)) for value in sent]  # one by one, as a worker sends them
        assert back == sent
    back = [pickle.loads(pickle.dumps(source)) for source in cleaned]
    assert len({id(verdict.reason) for source in back for verdict in source.verdicts}) == 1
    assert len({id(mention.entity) for mention in [pickle.loads(pickle.dumps(m)) for m in mentions]}) == 1


def test_a_warm_build_on_several_workers_is_the_cold_build_on_one(dossier, tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "ITEMS_PER_WORKER", 1)  # the seed dossier is small: let every stage fork
    site = tmp_path / "site"
    warm_build(dossier, site, DOSSIER_WORKERS=3)
    edit(dossier / "notes/000_fa7f6ba4e0365f97.md", "reliability: medium", "reliability: low")
    edit(dossier / ENTITY, "name: Qasem Soleimani", "name: Qassem Soleimani")
    assert warm_build(dossier, site, DOSSIER_WORKERS=3) == cold_build(dossier, tmp_path / "cold", DOSSIER_WORKERS=1)


@pytest.mark.parametrize("removed", ["sources/005_added.txt", ENTITY], ids=["a source", "an entity"])
def test_a_warm_build_after_a_removal_is_the_cold_build(dossier, tmp_path, removed):
    """Without the removed file's pages and copies left behind, which would be published,
    found by search, and let links to them pass the link check."""
    shutil.copy(dossier / "sources/003_29497bab403b2bdf.txt", dossier / "sources/005_added.txt")
    site = tmp_path / "warm"
    warm_build(dossier, site)
    assert {"sources/005_added.html", "sources/005_added.txt", "entities/qasem-soleimani.html"} <= set(output_files(site))
    (site / "editors-file.txt").write_text("not the build's")  # never the build's to remove
    (dossier / removed).unlink()
    warm = warm_build(dossier, site)
    assert warm.pop("editors-file.txt") == b"not the build's"
    assert warm == cold_build(dossier, tmp_path / "cold")


def test_a_stale_file_changed_since_the_build_wrote_it_is_left_alone(dossier, tmp_path):
    shutil.copy(dossier / "sources/003_29497bab403b2bdf.txt", dossier / "sources/005_added.txt")
    site = tmp_path / "site"
    warm_build(dossier, site)
    (site / "sources/005_added.html").write_text("an editor's copy, kept on purpose")
    (dossier / "sources/005_added.txt").unlink()
    warm_build(dossier, site)
    assert (site / "sources/005_added.html").read_text() == "an editor's copy, kept on purpose"
    assert not (site / "sources/005_added.txt").exists()


def test_a_failed_strict_build_keeps_what_it_made_for_the_next_build(dossier, tmp_path):
    (dossier / "notes/000_fa7f6ba4e0365f97.md").write_text("---\ncolour: blue\n---\n")  # an error
    site = tmp_path / "site"
    with pytest.raises(SystemExit):
        warm_build(dossier, site, DOSSIER_STRICT=True)
    before = stamps(site)
    warm_build(dossier, site)
    assert rewritten(before, site) == set()


@pytest.mark.parametrize("failing", ["make_page", "remove_stale"])
def test_a_build_stopped_after_the_pipeline_keeps_its_results(dossier, tmp_path, monkeypatch, failing):
    """The cleaned, linked and dated sources are saved while the pages are made, or when the
    build fails before: a template error in one page does not make the next build clean and
    read every source again."""

    def fail(*args):
        raise RuntimeError("an error")

    with monkeypatch.context() as patched:
        patched.setattr(generator.DossierGenerator, failing, fail)
        with pytest.raises(RuntimeError, match="an error"):
            warm_build(dossier, tmp_path / "site")
    (folder,) = (tmp_path / "cache").iterdir()
    assert {"clean.pickle", "read.pickle", "link.pickle", "date.pickle"} <= {path.name for path in folder.iterdir()}


def test_the_search_index_is_no_file_the_link_check_depends_on(dossier, tmp_path, monkeypatch):
    """Pagefind's files are named after what they index, so an edit of any wording renames
    some; they are written after the check, and no page links into them."""
    site = tmp_path / "site"
    warm_build(dossier, site, DOSSIER_SEARCH=True)
    edit(dossier / ANNOTATION, "rests on this one unnamed person", "rests on one unnamed person alone")
    checks = []
    monkeypatch.setattr(generator, "broken_links", lambda *arguments: checks.append(arguments) or [])
    warm_build(dossier, site, DOSSIER_SEARCH=True)
    assert checks == []


def test_the_link_check_is_done_again_only_when_a_link_an_id_or_a_file_changed(dossier, tmp_path, caplog):
    site = tmp_path / "site"
    warm_build(dossier, site)
    edit(dossier / ANNOTATION, "rests on this one unnamed person", "rests on one unnamed person alone")
    with caplog.at_level(logging.INFO):
        warm_build(dossier, site)
    assert "linkcheck 1/1" in caplog.text  # the wording changed, no link
    caplog.clear()
    note = dossier / "notes/000_fa7f6ba4e0365f97.md"
    note.write_text(note.read_text() + "\nSee [the missing page](missing.html).\n")
    with caplog.at_level(logging.INFO):
        warm_build(dossier, site)
    assert "link to 'missing.html': no such file in the site" in caplog.text
    assert "linkcheck" not in caplog.text.split("reused from the cache:")[1].split("\n")[0]  # checked, not kept


def test_the_output_is_listed_with_each_files_stamp_as_rglob_and_stat_would(tmp_path):
    site = tmp_path / "site"
    for name in ("index.html", "sources/a.html", "sources/a.txt", "theme/css/dossier.css"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name)
    (site / "elsewhere.html").symlink_to(site / "index.html")  # a link to a file: a file
    (site / "mirror").symlink_to(site / "sources", target_is_directory=True)  # a link to a folder: not followed
    expected = {p.relative_to(site).as_posix(): generator.file_stamp(p) for p in site.rglob("*") if p.is_file()}
    assert generator.output_stamps(site) == expected
    assert "elsewhere.html" in expected and not any(name.startswith("mirror/") for name in expected)


def test_a_folder_the_build_may_not_read_is_passed_over_in_the_output(tmp_path, monkeypatch):
    """As rglob passes it over: a mount point's lost+found, a folder another user left."""
    site = tmp_path / "site"
    (site / "locked").mkdir(parents=True)
    (site / "locked/page.html").write_text("unread")
    (site / "index.html").write_text("home")
    scandir = os.scandir

    def refusing(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(generator.os, "scandir", refusing)
    assert set(generator.output_stamps(site)) == {"index.html"}
