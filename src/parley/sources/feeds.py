"""RSS 1.0/2.0 and Atom feed files: one article per item, its content or summary as the text.

Parsed with lxml under defusedxml-style protections: a document declaring entities
is refused (no entity expansion), no DTD or network access, and the size is capped
by the file limit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from parley.articles.authors import split_authors
from parley.articles.build import build_article, looks_like_html
from parley.articles.dates import parse_date
from parley.articles.html import fragment_to_text
from parley.articles.model import Article
from parley.articles.raw import Metadata, RawDocument, Rejected
from parley.sources.manifest import Manifest

LOGGER = logging.getLogger(__name__)

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
ENTITIES_REFUSED = "XML declares entities (refused: entity expansion is not allowed)"
TEXT_ELEMENTS = ("encoded", "content", "description", "summary")
DATE_ELEMENTS = ("pubDate", "published", "date", "updated", "issued", "modified")

Result = Article | Rejected


def read_feed(
    data: bytes, source: str, file_name: str, manifest: Manifest | None
) -> Iterator[Result]:
    """Articles from a feed's items; a bad item is rejected alone, the others still come through.

    Steps: refuse entity declarations; parse strictly, else recover what parses
    (and reject the file as malformed); find the items; build one article per item.
    """
    # NULs dropped, the check also sees UTF-16 and UTF-32 text (libxml2 decodes those itself).
    if _ENTITY.search(data.replace(b"\x00", b"")):
        yield Rejected(source, ENTITIES_REFUSED)
        return
    root, error, error_line = _parse(data)
    if root is None:
        yield Rejected(source, f"malformed XML ({error})")
        return
    if _declares_entities(root):  # in an encoding the byte check cannot read
        yield Rejected(source, ENTITIES_REFUSED)
        return
    feed = _feed_parts(root)
    if feed is None:
        yield Rejected(source, f"not an RSS or Atom feed (root element <{_local(root)}>)")
        return
    outlet, items = feed
    if error:
        yield Rejected(source, f"malformed XML ({error}); the other items are read")
    elif not items:
        yield Rejected(source, "feed holds no items")
    broken = _item_at_line(items, error_line) if error else None
    for number, item in enumerate(items, start=1):
        if item is broken:
            yield Rejected(f"{source}#item {number}", "feed item broken by the XML error")
        else:
            yield _item_article(item, number, source, file_name, outlet, manifest)


def _declares_entities(root: Any) -> bool:
    dtd = root.getroottree().docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def _item_at_line(items: list[Any], line: int) -> Any:
    """The item that holds `line`: the last one starting on or before it."""
    before = [item for item in items if (item.sourceline or 0) <= line]
    return before[-1] if before else None


def _parse(data: bytes) -> tuple[Any, str | None, int]:
    """(root, None, 0) for a well-formed document, else (recovered root or None, error, line)."""
    from lxml import etree

    options = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
    try:
        return etree.fromstring(data, etree.XMLParser(**options)), None, 0
    except etree.XMLSyntaxError as exc:
        message = re.sub(r",? line \d+, column \d+$", "", exc.msg or "not well-formed")
        error = f"line {exc.lineno}: {message}"
        error_line = exc.lineno or 0
    try:
        root = etree.fromstring(data, etree.XMLParser(recover=True, **options))
    except etree.XMLSyntaxError:
        root = None
    return root, error, error_line


def _feed_parts(root: Any) -> tuple[str | None, list[Any]] | None:
    """(channel title, items) of an RSS or Atom root, or `None` for other XML."""
    name = _local(root).lower()
    if name == "rss":
        channel = _child(root, "channel")
        if channel is None:
            return None, []
        return _text(_child(channel, "title")), _children(channel, "item")
    if name == "rdf":
        return _text(_child(_child(root, "channel"), "title")), _children(root, "item")
    if name == "feed":
        return _text(_child(root, "title")), _children(root, "entry")
    return None


def _item_article(
    item: Any,
    number: int,
    source: str,
    file_name: str,
    outlet: str | None,
    manifest: Manifest | None,
) -> Result:
    where = f"{source}#item {number}"
    body = next((t for t in (_content(_child(item, n)) for n in TEXT_ELEMENTS) if t), None)
    if body is None:
        return Rejected(where, "feed item has no content or summary text")
    meta = Metadata(
        title=_text(_child(item, "title")),
        outlet=outlet,
        authors=_authors(item),
        published=next(
            (d for d in (parse_date(_text(_child(item, n))) for n in DATE_ELEMENTS) if d), None
        ),
        url=_link(item),
    )
    if looks_like_html(body):
        body = fragment_to_text(body)
    raw = RawDocument(
        source=f"{source}#{number}", kind="text", content=body, meta=meta, file_name=file_name
    )
    result = build_article(raw, manifest.for_url(meta.url) if manifest else None)
    return Rejected(where, result.reason) if isinstance(result, Rejected) else result


def _content(element: Any) -> str | None:
    """An element's text; for Atom `type="xhtml"` content, its markup."""
    if element is None:
        return None
    if len(element) and element.get("type") == "xhtml":
        from lxml import etree

        text = "".join(etree.tostring(child, encoding="unicode") for child in element)
    else:
        text = "".join(element.itertext())
    return text.strip() or None


def _authors(item: Any) -> tuple[str, ...]:
    names: list[str] = []
    for element in _children(item, "author") + _children(item, "creator"):
        name = _child(element, "name")
        names.extend(split_authors(_text(name if name is not None else element)))
    return tuple(dict.fromkeys(names))


def _link(item: Any) -> str | None:
    for link in _children(item, "link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return str(href).strip()
        if not href and _text(link):
            return _text(link)
    return _text(_child(item, "guid"))


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Any, name: str) -> list[Any]:
    if element is None:
        return []
    return [child for child in element if _local(child) == name]


def _child(element: Any, name: str) -> Any:
    found = _children(element, name)
    return found[0] if found else None


def _text(element: Any) -> str | None:
    if element is None:
        return None
    text = element if isinstance(element, str) else "".join(element.itertext())
    return text.strip() or None
