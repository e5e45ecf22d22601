"""The Pelican glue, kept thin: run the pipeline, write its pages and files, report problems."""

from __future__ import annotations

import gc
import importlib.metadata
import json
import logging
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from pelican import signals
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url, sanitised_join

from . import assets
from .cache import BuildCache, digest, files_digest
from .link import describe
from .pipeline import build_dossier
from .problems import ERROR, Problem, error, warning
from .render import NAVIGATION, site_files, site_pages
from .render.linkcheck import PageLinks, broken_links, page_links
from .render.page import PageRecipe
from .render.templating import prepare as prepare_templates
from .workers import map_forked, worker_count

logger = logging.getLogger(__name__)

# Settings no cached value depends on: how a site is made (on one process or many, strictly or
# not), and whether Pagefind indexes it, which shows only in `_headers` (a file keyed by its own
# bytes) and in the index (made afresh by every build). Changing one keeps the cache.
NOT_IN_KEYS = {"DOSSIER_WORKERS", "DOSSIER_STRICT", "DOSSIER_SEARCH"}
SEARCH_BUNDLE = "pagefind"  # Pagefind's folder in the output, written after the pages
PIECES_PER_WRITE = 2_000  # of a template's output, joined and written at once (make_page)


class FileRecipe(NamedTuple):
    """A generated file that is not a page: its output-relative name, and its bytes in pieces."""

    save_as: str
    pieces: Callable[[], list[bytes]]


def unfinished(page: Path) -> Path:
    """Where a page is written before it is whole, and renamed to `page`."""
    return page.with_name(page.name + ".partial")


def raw_bytes(path: Path) -> list[bytes]:
    return [path.read_bytes()]


class CheckFailed(SystemExit):
    """Ends a strict build (`make check`) with exit status 1 once every problem is listed.

    A SystemExit, because Pelican prints a traceback for any other exception."""

    def __init__(self) -> None:
        super().__init__(1)


class UnsafeOutput(SystemExit):
    def __init__(self, message: str) -> None:
        logger.error(message)
        super().__init__(2)


def refuse_unsafe_output(output: Path, inputs: list[tuple[str, Path]]) -> None:
    """The build writes the output folder and may empty it first: it must neither hold nor lie
    inside anything the build reads (the content, the theme, the plugins: the repository)."""
    output = output.resolve()
    for what, folder in inputs:
        folder = folder.resolve()
        if output == folder or folder.is_relative_to(output) or output.is_relative_to(folder):
            raise UnsafeOutput(
                f"refusing to build: OUTPUTDIR {output} is, contains or lies inside {what} {folder}; "
                "choose a separate folder such as ./output"
            )


def build_cache(settings: dict, theme: Path) -> BuildCache:
    """DOSSIER_CACHE (on by default) keeps one cache folder per content folder in CACHE_PATH.
    Its version covers all that can change output besides the content: the plugin's code,
    the theme, every installed package's version and every setting but those no cached value
    depends on (NOT_IN_KEYS)."""
    if not settings.get("DOSSIER_CACHE", True):
        return BuildCache(None, "")
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    shaping = sorted((name, value) for name, value in settings.items() if name not in NOT_IN_KEYS)
    version = digest(files_digest([Path(__file__).parent, theme]), packages, shaping)
    path = Path(settings["CACHE_PATH"]) / f"dossier-{digest(settings['PATH'])[:16]}"
    return BuildCache(path, version)


def one_per_file(recipes: Iterable[PageRecipe]) -> tuple[list[PageRecipe], list[Problem]]:
    """The first recipe for each output file, and an error for each other: an editor's page
    named like one of the site's own (content/pages/search.md) must not replace it."""
    kept: dict[str, PageRecipe] = {}
    clashes = []
    for recipe in recipes:
        if recipe.save_as in kept:
            clashes.append(
                error(
                    f"output/{recipe.save_as}",
                    "two pages would be written here, and only one is: rename the editor's page in "
                    "content/pages/ (index, search, 404, chronology and annotations are the site's own)",
                )
            )
        else:
            kept[recipe.save_as] = recipe
    return list(kept.values()), clashes


@contextmanager
def rare_garbage_collection() -> Iterator[None]:
    """A build holds millions of long-lived objects (lines, mentions, dates), and Python's
    cycle collector, by default, scans them all every few hundred thousand allocations: a
    fifth of a large build's time. The build makes few cycles, so collect rarely while it
    runs, and restore the process's own thresholds after."""
    previous = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def strict(settings: dict) -> bool:
    """DOSSIER_STRICT, the setting or the environment variable (what `make check` and `make
    publish` set, so that an editor's `-e` settings in PELICANOPTS are kept): any problem fails
    the build."""
    return bool(settings.get("DOSSIER_STRICT", False)) or os.environ.get("DOSSIER_STRICT", "").lower() in ("true", "1", "yes")


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(size, modification time) of an output file: what tells it is still the one written."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_size, status.st_mtime_ns


def output_stamps(output: Path) -> dict[str, tuple[int, int]]:
    """The `file_stamp` of every file in the output folder, by output-relative name, in one
    pass: each entry of a folder listing knows whether it is a file, so only files are read
    again, once each (5,000 at N = 2,000). Like Path.rglob, symbolic links to folders are
    not followed, and a folder this process may not read is passed over."""
    stamps = {}
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(output / folder) as listing:
                entries = list(listing)
        except PermissionError:  # a mount point's lost+found, a folder another user left
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append(f"{folder}{entry.name}/")
            elif entry.is_file():
                status = entry.stat()
                stamps[f"{folder}{entry.name}"] = (status.st_size, status.st_mtime_ns)
    return stamps


class WarningCounter(logging.Handler):
    """Counts warnings that Pelican itself logs, so a strict build fails on them too."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(__package__):
            self.messages.append(record.getMessage())


class DossierGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        refuse_unsafe_output(
            Path(self.output_path),
            [
                ("the content folder", Path(self.path)),
                ("the theme", Path(self.theme)),
                *(("a plugin folder", Path(path)) for path in self.settings["PLUGIN_PATHS"]),
            ],
        )
        prepare_templates(self.env)
        self.pelican_warnings = WarningCounter()
        root = logging.getLogger()
        for stale in [h for h in root.handlers if isinstance(h, WarningCounter)]:
            root.removeHandler(stale)  # left by an earlier build in this process that failed
        if not root.handlers:
            # Pelican's `--log-handler plain` (make html) leaves the root logger without one, and
            # Python's last resort prints warnings and errors: it would stop as soon as the
            # counter is there, and a warning, or the error that ends a build, would go unseen.
            root.addHandler(logging.lastResort)
        root.addHandler(self.pelican_warnings)

    def generate_context(self) -> None:
        with rare_garbage_collection():
            self.cache = build_cache(self.settings, Path(self.theme))
            self.dossier = build_dossier(Path(self.path), self.cache, self.processes())
        self.assets = assets.theme_assets(Path(self.theme) / "static")
        self.context["ASSETS"] = {name: url for name, (url, _) in self.assets.items()}
        self.context["NAVIGATION"] = NAVIGATION
        self.context["SITE_ABSOLUTE_URL"] = self.settings["SITEURL"].rstrip("/")
        self.context["OG_LOCALE"] = self.settings.get("OG_LOCALE", "en_GB")

    def generate_output(self, writer) -> None:
        with rare_garbage_collection():
            try:
                self.write_output()
            finally:  # a failed build too (strict, or a page's error): the next build reuses what this one made
                self.cache.save()

    def write_output(self) -> None:
        output = Path(self.output_path)
        recipes, clashes = one_per_file(site_pages(self.dossier, self.settings, self.macros, self.cache))
        page_names = [recipe.save_as for recipe in recipes]
        data_files = [FileRecipe(*item) for item in site_files(self.dossier, self.settings, page_names, self.cache).items()]
        # Largest first, as pages are made (write_site): the assets, then the raw sources, many
        # and small, which even out the workers' shares at the end.
        raws = [source.cleaned.raw.path for source in self.dossier.sources]
        files = [
            *(FileRecipe(url, partial(list, [data])) for url, data in self.assets.values()),
            *(FileRecipe(raw, partial(raw_bytes, Path(self.path) / raw)) for raw in raws),
        ]
        names = {*page_names, *(file.save_as for file in [*data_files, *files])}
        self.remove_stale(names)
        links = self.write_site(recipes, files, data_files)
        present = output_stamps(output)
        # A name not listed is one reached through a symbolic link to a folder: stat it.
        self.list_written({name: present.get(name) or file_stamp(self.output_file(name)) for name in names})
        self.report([*clashes, *self.check_links(links, set(present)), *self.index_for_search()])

    def check_links(self, links: dict[str, PageLinks], present: set[str]) -> list[Problem]:
        """`broken_links` of every page, unless the last build found none broken with the same
        links and ids on every page and the same files: most edits change neither (an
        annotation's wording, a note's), and the check judges 560,000 links of a large site.
        A result with broken links is never kept: their lines may have moved. Pagefind's bundle
        is no part of the key: no page links into it, and its files, named after what they
        index, change with any edit of the text (and are written again after the check)."""
        checked = (part for name in sorted(links) for part in (name, links[name].ids, links[name].urls))
        files = sorted(name for name in present if not name.startswith(f"{SEARCH_BUNDLE}/"))
        key = self.cache.key("linkcheck", len(files), *files, *checked)
        if self.cache.recall("linkcheck", key) == []:
            self.cache.keep("linkcheck", key, [], reused=True)
            return []
        problems = broken_links(links, self.read, present.__contains__)
        if not problems:
            self.cache.keep("linkcheck", key, [], reused=False)
        return problems

    def remove_stale(self, names: set[str]) -> None:
        """Before writing: delete what the last build into this output folder wrote and this one
        will not (`names`): the page and raw text of a source since removed, an entity's page, an
        asset's old version. Left there, it would be published and indexed for search, and links
        to it would pass the link check. Only a file still as that build left it goes (the same
        size and modification time): never one the build did not write (Pagefind's, an
        editor's), nor one changed since. What a build writes is listed beside the cache, so
        without the cache (DOSSIER_CACHE off) nothing is removed: a cold build's folder should
        start empty."""
        listing = self.written_listing()
        if listing is None:
            return
        try:
            before = dict(json.loads(listing.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):  # none yet, or unreadable: nothing known to be stale
            before = {}
        for name in sorted(before.keys() - names):
            path = self.output_file(name)
            stamp = file_stamp(path)
            # No stamp listed: a build that failed before it could list them wrote the file.
            if stamp is not None and before[name] in (None, list(stamp)):
                path.unlink()
                logger.info("Dossier: removed %s, no longer part of the site", name)
        self.list_written(dict.fromkeys(names))  # until they are written and have stamps

    def list_written(self, stamps: dict[str, tuple[int, int] | None]) -> None:
        if listing := self.written_listing():
            listing.parent.mkdir(parents=True, exist_ok=True)
            listing.write_text(json.dumps(sorted(stamps.items()), indent=0), encoding="utf-8")

    def written_listing(self) -> Path | None:
        """The file that lists what the last build into this output folder wrote, with each
        file's stamp: beside the cache, one per output folder (None without a cache)."""
        if self.cache.path is None:
            return None
        return self.cache.path / f"written-{digest(str(Path(self.output_path).resolve()))[:16]}.json"

    def write_site(self, recipes: list[PageRecipe], files: list[FileRecipe], data_files: list[FileRecipe]) -> dict[str, PageLinks]:
        """Make and render the pages, and write the files, that no earlier build left in place,
        on DOSSIER_WORKERS processes (default: one per core) when there are enough of them.
        Meanwhile this process saves the cache (the pipeline's results), and makes `data_files`
        (dossier.json, the feeds…), which keep values in the cache that a worker's copy of it
        would lose. Returns each page's links, for the link check: found as a page is written,
        or kept from the build that wrote it."""
        keys = {recipe.save_as: self.cache.key("page", self.output_path, recipe.save_as, recipe.inputs) for recipe in recipes}
        # Last first: the site lists its largest pages (entities, the chronology) after its many
        # small ones, and a large page taken last keeps the other processes waiting for it.
        pages = [recipe for recipe in reversed(recipes) if not self.reused("page", keys[recipe.save_as], recipe.save_as)]
        self.cache.preload("file")  # read once, here, not by each worker
        # Workers only for pages enough to share: a file costs a few hundredths of a page, and a warm
        # build, with few pages to make, is quicker without starting workers at all.
        made_here: list[tuple[str, tuple[int, int] | None, bool]] = []

        def meanwhile() -> None:
            self.cache.save()  # the pipeline's results, while the workers start
            made_here.extend(map(self.make_file, data_files))

        try:
            made = map_forked(self.make, [*pages, *files], worker_count(self.processes(), len(pages)), meanwhile=meanwhile)
        except BaseException:  # a worker stopped mid-page (another failed) leaves half a page: never published
            for recipe in pages:
                unfinished(self.output_file(recipe.save_as)).unlink(missing_ok=True)
            raise
        for recipe, (stamp, links) in zip(pages, made):
            self.cache.keep("page", keys[recipe.save_as], stamp, reused=False)
            self.cache.keep("links", self.cache.key("links", keys[recipe.save_as]), links, reused=False)
        for key, stamp, reused in [*made[len(pages) :], *made_here]:
            self.cache.keep("file", key, stamp, reused)
        return {
            name: self.cache.value("links", (key,), lambda name=name: page_links(self.read(name)))
            for name, key in keys.items()
        }

    def make(self, recipe: PageRecipe | FileRecipe) -> tuple:
        return self.make_page(recipe) if isinstance(recipe, PageRecipe) else self.make_file(recipe)

    def processes(self) -> int:
        """DOSSIER_WORKERS (default: one per core): at most how many processes share a stage."""
        if self.settings.get("DOSSIER_WORKERS"):
            return self.settings["DOSSIER_WORKERS"]
        # The cores this process may run on, which a container or CI runner may limit.
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

    def make_page(self, recipe: PageRecipe) -> tuple[tuple[int, int] | None, PageLinks]:
        """Render the page as Pelican's writer would (the same context, signal), but written a
        few thousand pieces at a time rather than joined first: the chronology of a large
        dossier is a million pieces, each an object, too many to hold at once. The text written
        is kept (the page's size, twice once joined) for the links the check needs, rather than
        read back: a content_written receiver that rewrote the file would go unseen."""
        page = recipe.make()
        context = {**self.page_context(page.save_as), "output_file": page.save_as, "page": page, **page.context}
        path = self.output_file(page.save_as)
        path.parent.mkdir(parents=True, exist_ok=True)
        pieces = self.get_template(page.template).generate(context)
        partial_page = unfinished(path)
        written = []
        try:
            with partial_page.open("w", encoding="utf-8", newline="") as file:
                # islice and join, not Jinja's own buffering, which handles each piece in Python.
                while chunk := list(islice(pieces, PIECES_PER_WRITE)):
                    written.append("".join(chunk))
                    file.write(written[-1])
        except BaseException:  # a template error leaves the last good page, and not half of one
            partial_page.unlink(missing_ok=True)
            raise
        os.replace(partial_page, path)
        signals.content_written.send(str(path), context=context)
        return file_stamp(path), page_links("".join(written))

    def page_context(self, save_as: str) -> dict:
        """Pelican's context as its writer gives it to the page `save_as`: with a SITEURL
        relative to the page when RELATIVE_URLS is on."""
        context = {**self.context, "localsiteurl": self.context.get("localsiteurl")}
        if self.settings["RELATIVE_URLS"]:
            context["SITEURL"] = context["localsiteurl"] = path_to_url(get_relative_path(save_as))
        return context

    def macros(self, template: str, save_as: str) -> object:
        """The partial `template` as the page `save_as` sees it (render.page.Macros)."""
        return self.get_template(template).make_module(self.page_context(save_as))

    def read(self, name: str) -> str:
        return self.output_file(name).read_text(encoding="utf-8")

    def make_file(self, recipe: FileRecipe) -> tuple[str, tuple[int, int] | None, bool]:
        """Write a file made of pieces (a large export is never joined in memory), unless the
        last build wrote the same bytes there: (its cache key, its stamp, whether left as it was).
        The build process keeps them in the cache: this may run in a worker."""
        pieces = recipe.pieces()
        key = self.cache.key("file", self.output_path, recipe.save_as, *pieces)
        if stamp := self.still_written("file", key, recipe.save_as):
            return key, stamp, True
        path = self.output_file(recipe.save_as)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file:
            file.writelines(pieces)
        return key, file_stamp(path), False

    def reused(self, kind: str, key: str, name: str) -> bool:
        """Whether output file `name` is still the one the last build wrote under `key`, which
        is then kept for the next build."""
        if stamp := self.still_written(kind, key, name):
            self.cache.keep(kind, key, stamp, reused=True)
        return stamp is not None

    def still_written(self, kind: str, key: str, name: str) -> tuple[int, int] | None:
        """The stamp of output file `name` if the last build wrote it under the same `key` (the
        same inputs, code, theme and settings) and nothing has touched it since: then it stays."""
        stamp = file_stamp(self.output_file(name))
        return stamp if stamp is not None and self.cache.recall(kind, key) == stamp else None

    def output_file(self, name: str) -> Path:
        return Path(sanitised_join(self.output_path, name))

    def index_for_search(self) -> list[Problem]:
        """Pagefind indexes the written site (pagefind/ in the output) when DOSSIER_SEARCH is on."""
        if not self.settings.get("DOSSIER_SEARCH", True):
            return []
        # Pagefind adds to an existing index folder: start afresh, or old chunks ship too.
        shutil.rmtree(Path(self.output_path) / SEARCH_BUNDLE, ignore_errors=True)
        command = [sys.executable, "-m", "pagefind", "--site", str(self.output_path)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            return [warning("(search)", f"Pagefind failed, the site has no search index: {result.stderr.strip()}")]
        return []

    def report(self, late_problems: list[Problem]) -> None:
        """List every problem at once; under DOSSIER_STRICT (make check) any of them fails."""
        logging.getLogger().removeHandler(self.pelican_warnings)
        unlinked = describe(self.dossier.linking.unlinked)
        if unlinked:
            logger.warning(
                "Dossier: %d capitalised name(s) match no entity (not an error; see entities/unlinked.html):\n  %s",
                len(unlinked),
                "\n  ".join(unlinked),
            )
        own = sorted([*self.dossier.problems, *late_problems])
        problems: list[Problem | str] = [*own, *self.pelican_warnings.messages]
        for problem in own:
            (logger.error if problem.severity == ERROR else logger.warning)("%s", problem)
        if self.cache.path:
            logger.info("Dossier: reused from the cache: %s", self.cache.summary())
        if not problems:
            logger.info("Dossier: no problems found.")
            return
        errors = sum(isinstance(p, Problem) and p.severity == ERROR for p in problems)
        logger.warning(
            "Dossier: %d problem(s), %d of them error(s), listed above. `make check` fails until they are fixed.",
            len(problems),
            errors,
        )
        if strict(self.settings):
            raise CheckFailed()
