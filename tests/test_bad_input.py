"""Bad input ends in a message naming the file (and line), never a traceback or a wrong page."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.pipeline import build_dossier
from dossier.problems import error
from dossier.raw import read_editor_files, read_sources, split_lines

from .conftest import CONFFILE, REPO, build_site

ARTICLE = "A Headline For the Test\n\nThe council voted on Tuesday to close the old bridge for repairs.\n"


def content_with(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    root = tmp_path / "content"
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return root


def problems_of(root: Path) -> list[str]:
    return [str(p) for p in build_dossier(root).problems]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"sources/bin.txt": b"GIF89a\0\0\x01"}, "sources/bin.txt: error: binary file"),
        ({"sources/latin.txt": b"Caf\xe9 news\n"}, "sources/latin.txt:1: error: not UTF-8 text"),
        ({"sources/empty.txt": "  \n\n"}, "sources/empty.txt: warning: empty file"),
        ({"sources/junk.txt": "Ad Code\n\nPost a Comment\n0 Comments\n"}, "sources/junk.txt: warning: no body text found"),
        ({"notes/ghost.md": "---\ntitle: X\n---\n"}, "notes/ghost.md: error: note for a source that does not exist"),
        (
            {"sources/a.txt": ARTICLE, "notes/a.md": "---\ntitle: [unclosed\n---\n"},
            "notes/a.md:2: error: malformed front matter",
        ),
        (
            {"sources/a.txt": ARTICLE, "notes/a.md": "---\ntitle: Fine\nheadline: Oops\n---\n"},
            "notes/a.md:3: error: unknown front-matter key 'headline'",
        ),
        (
            {"sources/a.txt": ARTICLE, "notes/a.md": "---\ndate: 2024-02-30\ndate_basis: a guess\n---\n"},
            "notes/a.md:2: error: 'date': '2024-02-30' is not a real date",
        ),
        (
            {"sources/a.txt": ARTICLE, "notes/a.md": "---\ndate: 2024-12-07\n---\n"},
            "notes/a.md:2: error: 'date' needs 'date_basis'",
        ),
        (
            {"sources/a.txt": ARTICLE, "notes/a.md": "---\nreliability: great\n---\n"},
            "notes/a.md:2: error: 'reliability': 'great' is not one of",
        ),
    ],
)
def test_each_problem_names_its_file_and_line(tmp_path, files, expected):
    found = problems_of(content_with(tmp_path, files))
    assert any(p.startswith(expected) for p in found), found


def test_source_without_headline_or_note_title_gets_a_fallback_and_a_warning(tmp_path):
    root = content_with(tmp_path, {"sources/x.txt": "The council voted on Tuesday to close the old bridge.\n"})
    dossier = build_dossier(root)
    assert dossier.sources[0].metadata.title == "The council voted on Tuesday to close the old bridge."
    assert [str(p) for p in dossier.problems] == [
        "sources/x.txt: warning: no headline found: titled 'The council voted on Tuesday to close the old bridge.' "
        "from its opening words; set 'title' in notes/x.md"
    ]


def test_source_text_cannot_inject_markup_or_template_syntax(tmp_path):
    hostile = (
        "A <script>alert(1)</script> Headline {{ 7 * 7 }}\n\n"
        "The council said <b onmouseover=x()>hello</b> {% raw %} and {{ SITENAME }} on Tuesday.\n"
    )
    site = build_site(tmp_path / "out", content_with(tmp_path, {"sources/evil.txt": hostile}))
    page = (site / "sources/evil.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    text = BeautifulSoup(page, "html.parser").find("main").get_text()
    assert "{{ 7 * 7 }}" in text and "{{ SITENAME }}" in text and "49" not in text


def test_raw_files_are_published_unchanged(site):
    for raw in sorted((Path(CONFFILE).parent / "content/sources").glob("*.txt")):
        assert (site / "sources" / raw.name).read_bytes() == raw.read_bytes()


def run_pelican(content: Path, output: Path, *overrides: str) -> subprocess.CompletedProcess:
    """`overrides`: KEY=VALUE settings, given to one `-e` (a second `-e` would replace the first)."""
    env = {**os.environ, "PYTHONPATH": ""}
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(CONFFILE),
         "--log-handler", "plain", "-e", "DOSSIER_CACHE=false", *overrides],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_strict_build_lists_every_problem_and_fails_without_a_traceback(tmp_path):
    root = content_with(
        tmp_path,
        {
            "sources/bin.txt": b"\0\0",
            "sources/ok.txt": ARTICLE,
            "notes/ok.md": "---\ncolour: blue\n---\nSee [the other page](missing.html).\n",
            "notes/ghost.md": "hello\n",
            "annotations/lost.md": "---\nsource: ok\nquote: words that are in no source at all\nauthor: E\ndate: 2026-11-21\n---\nA note.\n",
            "pages/search.md": "---\ntitle: Search tips\ndescription: How to search.\n---\nUse quotes.\n",
        },
    )
    result = run_pelican(root, tmp_path / "out", "DOSSIER_STRICT=true")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for expected in ("sources/bin.txt: error: binary file", "notes/ok.md:2: error: unknown front-matter key 'colour'",
                     "notes/ghost.md: error: note for a source that does not exist",
                     "error: link to 'missing.html': no such file in the site",
                     "annotations/lost.md:3: error:", "output/search.html: error: two pages would be written here"):
        assert expected in output


def test_an_editors_page_never_replaces_one_of_the_sites_own(tmp_path):
    clashing = {f"pages/{name}.md": f"---\ntitle: My {name}\ndescription: Mine.\n---\nMine.\n" for name in ("search", "404", "chronology")}
    root = content_with(tmp_path, {"sources/ok.txt": ARTICLE, **clashing})
    result = run_pelican(root, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("search", "404", "chronology"):
        assert f"output/{name}.html: error: two pages would be written here" in result.stdout + result.stderr
        assert f"My {name}" not in (tmp_path / "out" / f"{name}.html").read_text(), name


def test_a_page_that_fails_to_render_leaves_no_half_written_file(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "themes" / "dossier", theme)
    template = theme / "templates" / "source.html"
    template.write_text(template.read_text().replace("</article>", "{{ no_such_thing.attribute }}</article>"))
    root = content_with(tmp_path, {"sources/ok.txt": ARTICLE})
    result = run_pelican(root, tmp_path / "out", f"THEME={json.dumps(str(theme))}", "DOSSIER_WORKERS=1")
    assert result.returncode != 0, result.stdout + result.stderr
    assert "no_such_thing" in result.stdout + result.stderr
    assert not list((tmp_path / "out").rglob("*.partial"))


def test_a_pelican_warning_is_shown_as_make_html_logs_and_counted(tmp_path):
    """`make html` runs Pelican with `--log-handler plain`, where nothing but Python's last
    resort prints: the build's own counting of warnings must not silence it."""
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "noisy.py").write_text(
        "import logging\nfrom pelican import signals\n\n\ndef warn(path, context):\n"
        "    if path.endswith('search.html'):\n"
        "        logging.getLogger('pelican.plugins.noisy').warning('noisy: something is off')\n\n\n"
        "def register():\n    signals.content_written.connect(warn)\n"
    )
    root = content_with(tmp_path, {"sources/ok.txt": ARTICLE})
    plugins = f"PLUGIN_PATHS={json.dumps([str(REPO / 'plugins'), str(tmp_path / 'plugins')])}"
    result = run_pelican(root, tmp_path / "out", plugins, 'PLUGINS=["dossier", "noisy"]', "DOSSIER_STRICT=true")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "noisy: something is off" in output, output
    counted = re.search(r"(\d+) problem\(s\), (\d+) of them error", output)
    assert int(counted[1]) - int(counted[2]) == 1, output  # the warning, beside the content's errors


def test_default_build_finishes_and_lists_warnings(tmp_path):
    root = content_with(tmp_path, {"sources/ok.txt": ARTICLE, "notes/ok.md": "---\ncolour: blue\n---\n"})
    result = run_pelican(root, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "notes/ok.md:2: error: unknown front-matter key 'colour'" in result.stdout + result.stderr
    assert (tmp_path / "out/sources/ok.html").exists()


def test_the_seed_dossier_passes_the_strict_build(tmp_path):
    result = run_pelican(Path(CONFFILE).parent / "content", tmp_path / "out", "DOSSIER_STRICT=true")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_problem_of_a_whole_file_sorts_before_those_of_its_lines():
    assert sorted([error("notes/a.md", "b", 3), error("notes/a.md", "a")]) == [error("notes/a.md", "a"), error("notes/a.md", "b", 3)]


def test_make_check_keeps_the_editors_settings_and_is_strict(tmp_path):
    """Pelican keeps only the last `-e`: strictness goes through the environment, so neither
    replaces the other."""
    for target in ("check", "publish"):
        dry_run = subprocess.run(
            ["make", "-n", target, "PELICANOPTS=-e DOSSIER_WORKERS=1"],
            cwd=Path(CONFFILE).parent, capture_output=True, text=True, env={**os.environ, "SITEURL": "https://example.org"},
        )
        (command,) = [line for line in dry_run.stdout.splitlines() if "/bin/pelican" in line]
        assert command.startswith("DOSSIER_STRICT=true ") and command.count(" -e ") == 1, command
    root = content_with(tmp_path, {"sources/ok.txt": ARTICLE, "notes/ok.md": "---\ncolour: blue\n---\n"})
    strict = subprocess.run(
        [sys.executable, "-m", "pelican", str(root), "-o", str(tmp_path / "out"), "-s", str(CONFFILE),
         "--log-handler", "plain", "-e", "DOSSIER_CACHE=false", "DOSSIER_SEARCH=false"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": "", "DOSSIER_STRICT": "true"}, timeout=120,
    )
    assert strict.returncode == 1 and "unknown front-matter key 'colour'" in strict.stdout + strict.stderr


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("one\ntwo\n", ("one", "two")),
        ("one\r\ntwo\r\n", ("one", "two")),  # Windows line endings
        ("one\r\ntwo\nthree", ("one", "two", "three")),  # mixed, no newline at the end
        ("a\rb\x0cc\u2028d\n", ("a\rb\x0cc\u2028d",)),  # only newlines end a line, as an editor numbers them
    ],
)
def test_raw_lines_are_numbered_as_an_editor_numbers_them(tmp_path, text, lines):
    assert split_lines(text) == lines
    [source], _ = read_sources(content_with(tmp_path, {"sources/a.txt": text}))
    assert source.lines == lines


def test_only_the_folders_own_kind_of_file_is_read(tmp_path):
    root = content_with(tmp_path, {"sources/a.txt": ARTICLE, "sources/.hidden.txt": ARTICLE, "sources/b.md": ARTICLE, "notes/a.txt": "x"})
    sources, problems = read_sources(root)
    assert [(s.path, s.stem) for s in sources] == [("sources/a.txt", "a")] and problems == []
    assert read_editor_files(root, "notes") == ([], [])
