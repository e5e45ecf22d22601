"""The theme's Jinja environment as every page is rendered with it: text from the sources
escaped, a typo an error, and the two things Jinja does per `{{ value }}` made cheap, since a
large site prints 1.7 million values."""

from __future__ import annotations

import re
import types
from typing import Any, Callable, MutableMapping

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup, escape

TO_ESCAPE = re.compile(r"[&<>'\"]")  # what markupsafe.escape replaces


def prepare(environment: Environment) -> None:
    environment.autoescape = True
    environment.undefined = StrictUndefined
    environment.getattr = types.MethodType(key_first_getattr, environment)
    environment.template_class = DossierTemplate


def key_first_getattr(environment: Environment, obj: object, attribute: str) -> object:
    """`{{ view.title }}` on a plain dict, the render stage's views, reads the key at once.
    Jinja tries the attribute first and reaches the key through a raised and caught
    AttributeError, which made up a fifth of a large build. Templates never call dict
    methods on views, so what a template reads is unchanged."""
    if type(obj) is dict and attribute in obj:
        return obj[attribute]
    return Environment.getattr(environment, obj, attribute)


def escaped_output(value: object) -> str:
    """What `{{ value }}` prints when autoescaping: markupsafe.escape(value), except that
    markup, and a string with nothing to escape, are printed as they are. escape makes a new
    Markup of each, in Python, even where it changes nothing: 14 % of rendering a page. What
    is printed is only joined into the page (a macro's or a block's output is made Markup
    whole), so a plain string serves as well as a Markup."""
    if type(value) is Markup or (type(value) is str and not TO_ESCAPE.search(value)):
        return value
    return escape(value)


class DossierTemplate(Template):
    """A template whose `{{ value }}` prints through `escaped_output`."""

    @classmethod
    def from_code(
        cls,
        environment: Environment,
        code: types.CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The compiled module's namespace, which its blocks and macros share: Jinja's code
        # imports `escape` into it, and (Jinja 3.1, pinned) calls it only to print a value; a
        # buffer printed by a macro, a call or a {% set %} block is made Markup whole.
        template.root_render_func.__globals__["escape"] = escaped_output
        return template
