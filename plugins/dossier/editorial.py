"""Editors' markdown files: YAML front matter checked key by key, and a markdown body.

Every editor file (notes, entities, events, annotations, pages) goes through
`read_document`, so they all report malformed front matter, unknown keys and bad values
the same way: a `Problem` naming the file and the line.

Markdown is rendered by markdown-it-py (CommonMark, tables, footnotes). Raw HTML is
*disabled*: `<script>` in an editor's file is shown as text, never injected.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from .problems import Problem, error

FENCE = "---"


class FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML without implicit timestamps: dates stay text, so each field checks its own dates
    (an impossible "2024-02-30" becomes an editor's error, not a crash). libyaml's parser when
    PyYAML has it: a dossier has thousands of editor files, and the pure-Python one is ten
    times slower."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_front_matter(yaml_text: str) -> tuple[yaml.Node | None, Any]:
    """(node tree, for the lines of keys and items; the value it makes), parsed once."""
    loader = FrontMatterLoader(yaml_text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()


@dataclass(frozen=True)
class Document:
    path: str  # content-relative
    meta: dict[str, Any]
    key_lines: dict[str, int]  # front-matter key -> 1-based line in the file
    body: str
    body_line: int  # 1-based line where the body starts
    item_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)  # list key -> line of each item

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)

    def lines_of_items(self, key: str) -> tuple[int | None, ...]:
        """The line of each item of a front-matter list (a single value counts as one item)."""
        return self.item_lines.get(key, (self.line_of(key),))


@dataclass(frozen=True)
class Field:
    """One allowed front-matter key: `check` turns the YAML value into the stored one or raises
    ValueError with a message for the editor."""

    check: Callable[[Any], Any]
    required: bool = False


def read_document(
    path: str, text: str, fields: dict[str, Field]
) -> tuple[Document | None, list[Problem]]:
    """Split and validate front matter. Returns (None, problems) when the file is unusable."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        if any(spec.required for spec in fields.values()):
            return None, [error(path, "no front matter: the file must start with a '---' line", 1)]
        return Document(path, {}, {}, text, 1), []
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        return None, [error(path, "front matter is not closed by a '---' line", 1)]
    yaml_text = "\n".join(lines[1:end])
    try:
        node, raw = parse_front_matter(yaml_text)
    except yaml.YAMLError as exc:  # also ReaderError, e.g. for a control character
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        # libyaml marks an unclosed bracket at the end of input: the last front-matter line.
        line = min(mark.line, yaml_text.count("\n")) + 2 if mark else 1
        return None, [error(path, f"malformed front matter: {getattr(exc, 'problem', None) or exc}", line)]
    if not isinstance(raw, dict):
        return None, [error(path, "front matter must be a mapping of 'key: value' lines", 2)]
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    key_lines = {key_node.value: key_node.start_mark.line + 2 for key_node, _ in pairs}
    item_lines = {
        key_node.value: tuple(item.start_mark.line + 2 for item in value_node.value)
        for key_node, value_node in pairs
        if isinstance(value_node, yaml.SequenceNode)
    }
    problems: list[Problem] = []
    meta: dict[str, Any] = {}
    for key, value in raw.items():
        line = key_lines.get(str(key))
        spec = fields.get(str(key))
        if spec is None:
            allowed = ", ".join(sorted(fields))
            problems.append(error(path, f"unknown front-matter key '{key}' (allowed: {allowed})", line))
            continue
        try:
            meta[str(key)] = spec.check(value)
        except ValueError as exc:
            problems.append(error(path, f"'{key}': {exc}", line))
    for key, spec in fields.items():
        if spec.required and key not in raw:
            problems.append(error(path, f"missing required front-matter key '{key}'", 1))
    body = "\n".join(lines[end + 1 :])
    return Document(path, meta, key_lines, body, end + 2, item_lines), problems


# --- value checks shared by all editor files -----------------------------------------


def text_value(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be non-empty text")
    return value.strip()


def optional_text(value: Any) -> str | None:
    return None if value is None else text_value(value)


def text_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError("must be a list of text values")
    items = []
    for item in value:
        if item is None or (isinstance(item, str) and not item.strip()):
            raise ValueError("contains an empty value")
        items.append(text_value(item))
    return tuple(items)


def one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = text_value(value)
        if text not in choices:
            raise ValueError(f"'{text}' is not one of: {', '.join(choices)}")
        return text

    return check


# --- markdown -------------------------------------------------------------------------


@functools.cache  # one configured parser serves every render: building one costs more than a note
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables and footnotes; raw HTML disabled (escaped)."""
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table").use(
        footnote_plugin
    )


def render_markdown(text: str, doc_id: str, parser: MarkdownIt | None = None) -> str:
    """`doc_id` prefixes footnote ids, so several rendered notes can share one page."""
    return (parser or markdown_parser()).render(text, {"docId": doc_id})
