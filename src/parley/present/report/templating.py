"""The Jinja2 environment shared by the report and the web app, and the two ways of linking.

Templates live in `parley/present/templates/` (package data). A page links a
fact to its evidence through a `link(article_id, kind=, start=, end=)`
function: inside the one-file report it returns an in-page anchor, in the web
app a URL of the article reader with the same anchor.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parley.labels import outlet_label
from parley.present.report.marks import anchor, article_anchor

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

LOGGER = logging.getLogger(__name__)

REPORT_SECTIONS = (
    ("summary", "Summary"),
    ("timeline", "Timeline"),
    ("actors", "Actors"),
    ("quotes", "Quotes"),
    ("stances", "Stances"),
    ("claims", "Claims"),
    ("outlets", "Outlets"),
    ("forecast", "Forecast"),
    ("articles", "Articles"),
)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment over the packaged templates (HTML autoescaped)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("parley.present", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["script_json"] = script_json
    env.filters["num"] = _num
    env.filters["outlet"] = outlet_label
    env.globals["anchor"] = anchor
    env.globals["article_anchor"] = article_anchor
    return env


SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""JSON escapes for the characters that could end or hide a `<script>` element."""


def script_json(value: Any) -> Markup:
    """`value` as JSON that is safe inside any `<script>` element.

    `<`, `>` and `&` become `\\u003c`, `\\u003e` and `\\u0026` (still the same JSON),
    so no string in the data can close the element (`</script>`) or open a
    comment (`<!--`) that swallows the rest of the page.
    """
    from markupsafe import Markup

    text = json.dumps(value, separators=(",", ":"), allow_nan=False, default=_plain)
    return Markup(text.translate(SCRIPT_ESCAPES))


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"cannot put {type(value).__name__} in a figure")


def _num(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def report_link(
    article_id: str, *, kind: str | None = None, start: int | None = None, end: int | None = None
) -> str:
    """In-page link to an article section, or to one record's span inside it."""
    if kind is None or start is None or end is None:
        return "#" + article_anchor(article_id)
    return "#" + anchor(kind, article_id, start, end)


def app_link(
    article_id: str, *, kind: str | None = None, start: int | None = None, end: int | None = None
) -> str:
    """Web app link to the article reader, at one record's span when given."""
    url = f"/articles/{article_id}"
    if kind is None or start is None or end is None:
        return url
    return f"{url}#{anchor(kind, article_id, start, end)}"
