"""Turn one raw document into one `Article` (or a `Rejected` saying why not)."""

from __future__ import annotations

import logging
import re

from parley.articles.html import extract_html, fragment_to_text, has_body
from parley.articles.model import Article, article_id
from parley.articles.plaintext import clean_text
from parley.articles.raw import Metadata, RawDocument, Rejected

LOGGER = logging.getLogger(__name__)

_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")


def build_article(raw: RawDocument, override: Metadata | None = None) -> Article | Rejected:
    """The clean article in `raw`, its metadata merged.

    Precedence: `override` (the manifest) > what the document carried (record
    fields, HTML metadata) > what the text itself says (title line, byline, dateline).
    """
    carried = raw.meta
    if raw.kind == "html":
        found = _html_text(raw)
        if isinstance(found, Rejected):
            return found
        text, page_meta = found
        carried = carried.over(page_meta)
    else:
        text = raw.content
    cleaned = clean_text(text, known_title=carried.title)
    if not cleaned.text.strip():
        return Rejected(raw.source, "no article text after removing page chrome")
    meta = (override or Metadata()).over(carried.over(cleaned.meta))
    return Article(
        id=article_id(cleaned.text),
        source=raw.source,
        text=cleaned.text,
        title=meta.title,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published,
        url=meta.url,
        tags=cleaned.tags,
    )


def _html_text(raw: RawDocument) -> tuple[str, Metadata] | Rejected:
    """The page's main text via trafilatura, else the visible text of its body."""
    if not has_body(raw.content):
        return Rejected(raw.source, "HTML without a body")
    extracted = extract_html(raw.content)
    if extracted is not None:
        return extracted
    text = fragment_to_text(raw.content)
    if text.strip():
        return text, Metadata()
    return Rejected(raw.source, "no article text found in the HTML body")


def looks_like_html(text: str) -> bool:
    """Whether a record's or item's text is markup rather than plain text."""
    return bool(_TAG.search(text[:2000]))
