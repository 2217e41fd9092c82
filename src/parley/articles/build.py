"""Turn one raw document into one `Article` (or a `Rejected` saying why not)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from parley.articles.html import extract_html, fragment_to_text, has_body
from parley.articles.model import Article, Tag, article_id
from parley.articles.plaintext import clean_text
from parley.articles.raw import Metadata, RawDocument, Rejected

LOGGER = logging.getLogger(__name__)

_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")
# spaCy's default `Language.max_length`: `nlp.pipe` raises for longer texts, which would cost
# a whole batch of the build, so longer articles are refused here with a reason instead.
MAX_ARTICLE_CHARS = 1_000_000
# trafilatura takes about 4 s per MB of markup on this machine (generated pages, 1 and 9 MB),
# so a bigger page is refused rather than tie up a worker for minutes. News pages are
# rarely over 2 MB even with inline scripts.
MAX_HTML_CHARS = 5_000_000
# Characters no database column should hold: C0 controls other than tab and newlines (NUL
# is refused by PostgreSQL), DEL, and lone surrogates (JSON "\ud800" escapes; not encodable).
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|[\ud800-\udfff]")


def build_article(raw: RawDocument, override: Metadata | None = None) -> Article | Rejected:
    """The clean article in `raw`, its metadata merged.

    Precedence: `override` (the manifest) > what the document carried (record
    fields, HTML metadata) > what the text itself says (title line, byline, dateline).
    """
    too_long = _too_long(raw)
    if too_long:
        return Rejected(raw.source, too_long)
    raw = _storable_raw(raw)
    carried = raw.meta
    if raw.kind == "html":
        found = _html_text(raw)
        if isinstance(found, Rejected):
            return found
        text, page_meta = found
        carried = carried.over(page_meta)
    else:
        text = raw.content
    outlet = (override or Metadata()).outlet or carried.outlet
    cleaned = clean_text(storable(text), known_title=carried.title, known_outlet=outlet)
    if not cleaned.text.strip():
        return Rejected(raw.source, "no article text after removing page chrome")
    if len(cleaned.text) > MAX_ARTICLE_CHARS:
        return Rejected(raw.source, _length_reason(len(cleaned.text)))
    meta = _storable_meta((override or Metadata()).over(carried.over(cleaned.meta)))
    return Article(
        id=article_id(cleaned.text),
        source=raw.source,
        text=cleaned.text,
        title=meta.title,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published,
        url=meta.url,
        tags=tuple(_storable_tag(t) for t in cleaned.tags),
    )


def storable(text: str) -> str:
    """`text` without control characters and with lone surrogates replaced (U+FFFD).

    Such characters come only from hostile or broken input (JSON escapes, binary
    junk past the sniffed head) and make database writes fail.
    """
    return _UNSTORABLE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def _storable_meta(meta: Metadata) -> Metadata:
    def clean(value: str | None) -> str | None:
        return (storable(value).strip() or None) if value is not None else None

    return replace(
        meta,
        title=clean(meta.title),
        outlet=clean(meta.outlet),
        url=clean(meta.url),
        authors=tuple(a for a in (clean(a) for a in meta.authors) if a),
    )


def _storable_tag(tag: Tag) -> Tag:
    return Tag(storable(tag.type), storable(tag.predicate), storable(tag.label))


def _storable_raw(raw: RawDocument) -> RawDocument:
    return replace(raw, content=storable(raw.content), meta=_storable_meta(raw.meta))


def _too_long(raw: RawDocument) -> str | None:
    """Why the document is too big to process, or `None`; checked before any parsing."""
    size = len(raw.content)
    if raw.kind == "html" and size > MAX_HTML_CHARS:
        return f"HTML page too large ({size} characters; the limit is {MAX_HTML_CHARS})"
    # Cleaning removes little of a plain text: far beyond the limit, do not clean at all.
    if raw.kind == "text" and size > 2 * MAX_ARTICLE_CHARS:
        return _length_reason(size)
    return None


def _length_reason(size: int) -> str:
    return f"article text too long ({size} characters; the limit is {MAX_ARTICLE_CHARS})"


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
