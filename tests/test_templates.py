"""The generator reads `{{ view.key }}` on a plain dict as the key at once (generator.py,
key_first_getattr), where Jinja would look for an attribute first. That is only the same when
no template calls a dict method through the dot, which this holds the theme to."""

import re
from pathlib import Path

from jinja2 import Environment

from dossier.generator import key_first_getattr

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
