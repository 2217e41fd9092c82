"""HTML pages and fragments to text: trafilatura for the body and metadata, htmldate as fallback."""

from __future__ import annotations

import logging
import re
from typing import Any

from parley.articles.authors import split_authors
from parley.articles.dates import parse_date
from parley.articles.raw import Metadata

LOGGER = logging.getLogger(__name__)

_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
}


def extract_html(html: str) -> tuple[str, Metadata] | None:
    """The main text of a page (lines are paragraphs) and its metadata, or `None` if it has none."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if found is None:
        return None
    document: dict[str, Any] = found if isinstance(found, dict) else found.as_dict()
    text = document.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    meta = Metadata(
        title=document.get("title") or None,
        outlet=document.get("sitename") or None,
        authors=split_authors(document.get("author")),
        published=parse_date(document.get("date")) or parse_date(_fallback_date(html)),
        url=document.get("url") or None,
    )
    return text, meta


def _fallback_date(html: str) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError) as exc:  # htmldate gives up on some broken markup
        LOGGER.debug("htmldate found no date: %s", exc)
        return None


def has_body(html: str) -> bool:
    """Whether the markup has a `<body>` element or, for a fragment, any text outside tags."""
    if _BODY.search(html):
        return True
    if re.search(r"<html[\s>]", html, re.IGNORECASE):
        return False
    return bool(re.sub(r"<[^>]*>", " ", html).strip())


def fragment_to_text(html: str) -> str:
    """The visible text of markup (a page's body or a feed item's fragment), one line per block."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body") if root.tag == "html" else root
    if body is None:
        return ""
    for bad in body.xpath(".//script|.//style|.//nav|.//header|.//footer|.//form"):
        bad.drop_tree()
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return str(body.text_content())
