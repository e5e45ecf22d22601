"""Issue 8's benchmark: the dossier against vanilla Pelican on the same synthetic texts.

    .venv/bin/python tests/benchmark/bench.py [-n 2000] [-m 1000] [--out DIR] [--quick] [--repeat R] [--profile]

Generates a synthetic dossier (synthetic.py) into DIR, builds it cold (empty cache), then warm
after editing one annotation (the cache of the cold build), builds vanilla Pelican (default
theme, Python Markdown) on the same texts as plain markdown articles, times the entity matcher
with 10, 1,000 and 10,000 aliases, and prints the figures against the issue's targets. Each
build is a child `pelican` process with the real settings, so its wall time includes start-up
and imports, and its peak memory (ru_maxrss from wait4) is that of its largest process.

The timed dossier builds make what vanilla Pelican makes, a site without a search index
(DOSSIER_SEARCH off). The search index is the work of Pagefind, a separate Rust program that
the build starts once every page is written; it is timed on its own, on the cold build's
pages, and the total with it is printed beside the targeted figures.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
import timeit
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import synthetic

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "plugins"))  # the linker is timed in this process

SEED = 8
MARKER = ".dossier-benchmark"  # marks an output folder as the benchmark's own, safe to reuse
ALIAS_COUNTS = (10, 1_000, 10_000)
LINK_ROUNDS = 10

VANILLA_SETTINGS = '''\
# pelican-quickstart's settings without its sample links (default theme "notmyidea", Python
# Markdown), with relative URLs as the dossier has them.
AUTHOR = "Benchmark"
SITENAME = "Vanilla Pelican"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
RELATIVE_URLS = True
'''


@dataclass(frozen=True)
class Build:
    seconds: float
    pages: int  # HTML files written (Pagefind's own files excluded)
    peak_mb: float
    problems: int  # from the dossier's summary line in the log (vanilla Pelican has none: 0)
    cpu_seconds: float  # user and system time of the build and its workers: the work, whatever the cores

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages


@dataclass(frozen=True)
class Throughput:
    series: str  # "real" or "fixed": see link_throughput
    aliases: int
    mb_per_second: float
    matches: int


def main() -> None:
    options = parse_arguments()
    out = prepare(options.out)
    print(f"Synthetic dossier: {options.n} sources, {options.m} entities (seed {SEED}) in {out}")
    dossier = synthetic.generate(options.n, options.m, SEED)
    synthetic.write_dossier(dossier, out / "dossier" / "content", SEED)
    synthetic.write_vanilla(dossier, out / "vanilla" / "content")
    (out / "vanilla" / "pelicanconf.py").write_text(VANILLA_SETTINGS)
    compile_plugin()

    # The fastest of --repeat rounds: other work on the machine only ever adds time. A round
    # builds each kind once, so a busy spell slows one round of all, not all runs of one.
    colds, warms, vanillas = [], [], []
    search = None
    for _ in range(options.repeat):
        colds.append(build(out / "dossier", REPO / "pelican.conf.py", "cold"))
        search = search or pagefind_alone(out / "dossier" / "site")
        warms.append(warm_build(out))
        vanillas.append(build(out / "vanilla", out / "vanilla" / "pelicanconf.py", "vanilla"))
    cold, warm, vanilla = fastest(colds), fastest(warms), fastest(vanillas)
    linking = link_throughput(dossier, SEED)

    print_figures(cold, warm, vanilla, search, linking)
    print_targets(cold, warm, vanilla, linking, options.n, options.m)
    discard_set_aside(out)
    if options.profile:
        profile(out)


def compile_plugin() -> None:
    """The plugin's modules compiled to bytecode before any timed build, as Python leaves them
    after a first build and as pip installs Pelican's. A machine that writes no bytecode
    (PYTHONDONTWRITEBYTECODE) would otherwise have every build compile them again (0.07 s),
    which no second build pays elsewhere."""
    compileall.compile_dir(REPO / "plugins", quiet=1)


def warm_build(out: Path) -> Build:
    """A rebuild over the last build's output after an editor changed one annotation."""
    edited = synthetic.edit_one_annotation(out / "dossier" / "content")
    print(f"  edited {edited.relative_to(out)}")
    return build(out / "dossier", REPO / "pelican.conf.py", "warm", cold=False)


def fastest(builds: list[Build]) -> Build:
    return min(builds, key=lambda result: result.seconds)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, help="sources (default 2000; 200 with --quick)")
    parser.add_argument("-m", type=int, help="entities (default 1000; 100 with --quick)")
    parser.add_argument("--out", type=Path, default=REPO / ".cache" / "benchmark", help="output folder (default .cache/benchmark)")
    parser.add_argument("--quick", action="store_true", help="a small dossier for trying things: N=200, M=100")
    parser.add_argument("--repeat", type=int, default=1, help="build R rounds (cold, warm, vanilla in turn) and keep the fastest of each (default 1)")
    parser.add_argument("--profile", action="store_true", help="also profile a cold dossier build (pyinstrument) into OUT/profile.txt")
    options = parser.parse_args()
    if options.n is None:
        options.n = 200 if options.quick else 2000
    if options.m is None:
        options.m = 100 if options.quick else 1000
    if min(options.n, options.m, options.repeat) < 1:
        parser.error("-n, -m and --repeat must be at least 1")
    return options


def prepare(out: Path) -> Path:
    """Empties the output folder, but only one this benchmark made (or an empty or new one):
    the last run's is set aside, so that the first cold build does not follow its deletion."""
    out = out.resolve()
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        sys.exit(f"refusing to use {out}: it is not empty and not a benchmark folder; choose another --out")
    set_aside(out)
    out.mkdir(parents=True)
    (out / MARKER).touch()
    return out


def build(project: Path, settings: Path, label: str, cold: bool = True, wrapper: tuple[str, ...] = ()) -> Build:
    """One `pelican` run in a child process, from the repository (the settings' relative
    paths are relative to it). A cold build starts from an empty site folder and cache."""
    site, cache = project / "site", project / "cache"
    if cold:
        set_aside(site)
        set_aside(cache)
    overrides = ["DOSSIER_SEARCH=false", f"CACHE_PATH={json.dumps(str(cache))}"]  # one -e: a second replaces the first
    command = [*wrapper, "-m", "pelican", str(project / "content"), "-o", str(site), "-s", str(settings), "--log-handler", "plain", "-e", *overrides]
    seconds, peak_mb, cpu_seconds, log = run_measured(command, project / f"{label}.log")
    pages = sum(1 for page in site.rglob("*.html") if "pagefind" not in page.relative_to(site).parts)
    summary = re.search(r"^Dossier: (\d+) problem", log, re.MULTILINE)  # logged when there are any
    result = Build(seconds, pages, peak_mb, int(summary.group(1)) if summary else 0, cpu_seconds)
    print(f"  {label:8} {result.seconds:6.2f} s  {result.pages:6d} pages  {result.peak_mb:6.0f} MB  {result.problems} problem(s) in {label}.log")
    return result


def set_aside(folder: Path) -> None:
    """Moves an earlier build's folder out of the way instead of deleting it: right after
    thousands of files are deleted, ext4 creates new ones slowly for a few minutes (it skips
    the inodes just freed, and a second worker waits on the directory's lock meanwhile), which
    is a cost of the benchmark, not of the build. `discard_set_aside` deletes them at the end."""
    if folder.exists():
        folder.rename(folder.with_name(f"{folder.name}.old-{time.monotonic_ns()}"))


def discard_set_aside(out: Path) -> None:
    """Deletes what `set_aside` moved: this run's earlier builds, and the last runs' folders."""
    for folder in sorted([*out.glob("*/*.old-*"), *out.parent.glob(f"{out.name}.old-*")]):
        shutil.rmtree(folder)


def pagefind_alone(site: Path) -> tuple[float, float]:
    """Pagefind on the built pages, as the build runs it when DOSSIER_SEARCH is on:
    (wall seconds, peak MB)."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    seconds, peak_mb, _, _ = run_measured(["-m", "pagefind", "--site", str(site)], site.parent / "pagefind.log")
    print(f"  pagefind {seconds:6.2f} s  {peak_mb:19.0f} MB  (the search index of the cold build's pages)")
    return seconds, peak_mb


def run_measured(arguments: list[str], log: Path) -> tuple[float, float, float, str]:
    """Runs this Python with `arguments` in a child process from the repository: (wall seconds,
    peak memory in MB of its largest process, CPU seconds of it and its workers, log text). A
    failure ends the benchmark."""
    started = time.perf_counter()
    with log.open("w") as output:
        child = subprocess.Popen([sys.executable, *arguments], cwd=REPO, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)  # unlike Popen.wait, gives this child's rusage
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    text = log.read_text()
    if child.returncode != 0:
        sys.exit(f"the run logged in {log} failed (exit {child.returncode}); the log ends:\n{text[-3000:]}")
    # ru_maxrss is in KiB on Linux; the times count the workers, which the child waited for.
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, text


def link_throughput(dossier: synthetic.Synthetic, seed: int) -> list[Throughput] | None:
    """The entity matcher alone over every body block, with 10, 1,000 and 10,000 aliases; the
    best of LINK_ROUNDS timings each, taken in turns (every size once per round, garbage
    collection off), so a stray pause or a busy spell on the machine does not count against one
    size. Two series:

    - "real": aliases from the entity stream (the dossier's, then more). A bigger registry also
      finds more in the text, and each match has a cost.
    - "fixed": the first 10 of those plus aliases that never occur as words ("Karabad" ->
      "Karabadq"), so every registry finds the same matches and the time shows what the
      number of aliases alone costs. The target is read on this series."""
    try:
        from dossier.link.matcher import build_matcher
    except ImportError as missing:
        print(f"Linking throughput skipped: the entity matcher (plugins/dossier/link/matcher.py) is not available ({missing}).")
        return None
    texts = [block.text for article in dossier.articles for block in article.blocks]
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    spellings = ((spelling, e.slug) for e in synthetic.entity_stream(seed) for spelling in (e.name, *e.aliases))
    real = list(islice(spellings, max(ALIAS_COUNTS)))
    fixed = real[:10] + [(f"{text}q", slug) for text, slug in real[10:]]
    runs = [(series, count, build_matcher(aliases[:count])) for series, aliases in (("real", real), ("fixed", fixed)) for count in ALIAS_COUNTS]
    best = [math.inf] * len(runs)
    for _ in range(LINK_ROUNDS):
        for index, (_, _, matcher) in enumerate(runs):
            timer = timeit.Timer(lambda matcher=matcher: [matcher.find(text) for text in texts])
            best[index] = min(best[index], timer.timeit(number=1))  # a pass takes tens of ms: well above the clock's grain
    return [
        Throughput(series, count, megabytes / seconds, sum(len(matcher.find(text)) for text in texts))
        for (series, count, matcher), seconds in zip(runs, best)
    ]


def print_figures(cold: Build, warm: Build, vanilla: Build, search: tuple[float, float], linking: list[Throughput] | None) -> None:
    print()
    print(f"{'build':26} {'wall time':>10} {'pages':>7} {'per page':>10} {'peak memory':>12} {'CPU time':>10}")
    search_seconds, search_mb = search
    with_search = cold.seconds + search_seconds
    rows = [
        ("dossier, cold", f"{cold.pages:7d} {cold.ms_per_page:7.2f} ms", cold.seconds, cold.peak_mb, f"{cold.cpu_seconds:8.2f} s"),
        ("search index (Pagefind)", f"{'':18}", search_seconds, search_mb, ""),
        ("dossier + search, cold", f"{cold.pages:7d} {1000 * with_search / cold.pages:7.2f} ms", with_search, max(cold.peak_mb, search_mb), ""),
        ("dossier, warm (1 edit)", f"{warm.pages:7d} {warm.ms_per_page:7.2f} ms", warm.seconds, warm.peak_mb, f"{warm.cpu_seconds:8.2f} s"),
        ("vanilla Pelican", f"{vanilla.pages:7d} {vanilla.ms_per_page:7.2f} ms", vanilla.seconds, vanilla.peak_mb, f"{vanilla.cpu_seconds:8.2f} s"),
    ]
    for label, pages, seconds, peak_mb, cpu in rows:
        print(f"{label:26} {seconds:8.2f} s {pages} {peak_mb:9.0f} MB {cpu:>10}")
    print(f"time per page, dossier / vanilla: {cold.ms_per_page / vanilla.ms_per_page:.2f}")
    # The work itself, whatever the cores: the dossier's on every core, vanilla Pelican's on one.
    cpu_ratio = (cold.cpu_seconds / cold.pages) / (vanilla.cpu_seconds / vanilla.pages)
    print(f"CPU time per page, dossier / vanilla: {cpu_ratio:.2f}")
    for row in linking or ():
        print(f"linking ({row.series}), {row.aliases:6,d} aliases: {row.mb_per_second:6.2f} MB/s ({row.matches:,d} matches)")


def print_targets(cold: Build, warm: Build, vanilla: Build, linking: list[Throughput] | None, n: int, m: int) -> None:
    fixed = [row for row in linking or () if row.series == "fixed"]
    linking_cost = fixed[0].mb_per_second / fixed[-1].mb_per_second if fixed else None
    rows = [
        ("cold build", f"{cold.seconds:.2f} s", "<= 8 s", cold.seconds <= 8),
        ("time per page / vanilla", f"{cold.ms_per_page / vanilla.ms_per_page:.2f}", "<= 1.0", cold.ms_per_page <= vanilla.ms_per_page),
        ("peak memory", f"{cold.peak_mb:.0f} MB", "<= 300 MB", cold.peak_mb <= 300),
        ("linking, 10k / 10 aliases", "skipped" if linking_cost is None else f"{linking_cost:.2f}x", "< 1.2x", linking_cost is not None and linking_cost < 1.2),
        ("warm / cold rebuild", f"{100 * warm.seconds / cold.seconds:.0f} %", "<= 25 %", warm.seconds <= 0.25 * cold.seconds),
    ]  # fmt: skip
    print()
    print(f"Targets (issue 8: N=2000, M=1000 on 2 cores; this run: N={n}, M={m}, {os.cpu_count()} CPUs)")
    print(f"{'figure':26} {'value':>10} {'target':>10}  met")
    for figure, value, target, met in rows:
        print(f"{figure:26} {value:>10} {target:>10}  {'yes' if met else 'NO'}")


def profile(out: Path) -> None:
    """A cold dossier build under pyinstrument (wall-clock sampling)."""
    report = out / "profile.txt"
    wrapper = ("-m", "pyinstrument", "--renderer", "text", "--outfile", str(report), "--no-color")
    print("\nProfiling a cold dossier build:")
    build(out / "dossier", REPO / "pelican.conf.py", "profiled", wrapper=wrapper)
    print(f"  report: {report}")


if __name__ == "__main__":
    main()
