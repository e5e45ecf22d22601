"""The theme's Jinja environment (render/templating.py). It reads `{{ view.key }}` on a plain
dict as the key at once (key_first_getattr), where Jinja would look for an attribute first:
that is only the same when no template calls a dict method through the dot, which this holds
the theme to. And it prints each `{{ value }}` through escaped_output, which must print what
markupsafe.escape would."""

import re
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from markupsafe import Markup, escape

from dossier.render.templating import escaped_output, key_first_getattr, prepare

TEMPLATES = Path(__file__).parents[1] / "themes" / "dossier" / "templates"
DICT_METHODS = {name for name in dir(dict) if not name.startswith("_")}


def test_no_template_calls_a_dict_method():
    for template in TEMPLATES.rglob("*.html"):
        called = set(re.findall(r"\.(\w+)\(", template.read_text(encoding="utf-8")))
        assert not called & DICT_METHODS, f"{template.name} calls {called & DICT_METHODS}"


def test_keys_read_as_jinja_reads_them():
    environment = Environment()
    view = {"title": "A", "count": 2}
    for name in ("title", "count", "missing"):
        expected = Environment.getattr(environment, view, name)
        found = key_first_getattr(environment, view, name)
        assert type(found) is type(expected) and found == expected  # "missing": Undefined either way


class Html:
    def __html__(self) -> str:
        return "<b>safe</b>"


@pytest.mark.parametrize(
    "value",
    ["", "Qasem Soleimani", "../sources/a.html#p-3", "AT&T", "<script>", "it's \"quoted\"", Markup("<mark>Iran</mark>"),
     Markup("a & b"), 3009, 2.5, None, True, Html(), type("Text", (str,), {})("<sub>class</sub>")],
)  # fmt: skip
def test_escaped_output_prints_what_escape_would(value):
    assert str(escaped_output(value)) == str(escape(value))


def test_a_prepared_environment_prints_through_escaped_output():
    environment = Environment(loader=DictLoader({"page.html": "{{ text }} {{ html }}{% macro m(x) %}<i>{{ x }}</i>{% endmacro %} {{ m(text) }}"}))
    prepare(environment)
    template = environment.get_template("page.html")
    assert template.root_render_func.__globals__["escape"] is escaped_output
    rendered = template.render(text="<Tom & Jerry>", html=Markup("<b>bold</b>"))
    assert rendered == "&lt;Tom &amp; Jerry&gt; <b>bold</b> <i>&lt;Tom &amp; Jerry&gt;</i>"
