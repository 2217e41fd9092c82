"""Article text as HTML with every record's span wrapped in `<mark>`, each with its anchor.

Spans overlap (a quote inside an event's sentence), so the text is cut at
every span boundary and each piece is wrapped in the marks of all spans that
cover it, longest outside. The first piece of a span carries the span's
anchor id; every piece carries `data-span`, so a page can light the whole
span when its anchor is the URL's fragment.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

LOGGER = logging.getLogger(__name__)

KIND_PREFIX = {"quote": "q", "event": "e", "stance": "s", "claim": "c"}


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of an article: [start, end), what it is, its anchor and tooltip."""

    start: int
    end: int
    kind: str
    anchor: str
    title: str = ""


def anchor(kind: str, article_id: str, start: int, end: int) -> str:
    """The HTML id of a record's span: `q-<article>-<start>-<end>` for a quote, and so on."""
    return f"{KIND_PREFIX.get(kind, kind[:1])}-{article_id}-{start}-{end}"


def article_anchor(article_id: str) -> str:
    """The HTML id of an article's reader section."""
    return f"art-{article_id}"


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """`text` escaped, with `<mark>` around each span (clipped to the text; empty spans dropped)."""
    size = len(text)
    kept = sorted(
        {s for s in spans if 0 <= s.start < s.end and s.start < size},
        key=lambda s: (s.start, -s.end, s.anchor),
    )
    kept = [Span(s.start, min(s.end, size), s.kind, s.anchor, s.title) for s in kept]
    cuts = sorted({0, size, *(s.start for s in kept), *(s.end for s in kept)})
    out: list[str] = []
    placed: set[str] = set()
    for left, right in pairwise(cuts):
        covering = [s for s in kept if s.start <= left and s.end >= right]
        covering.sort(key=lambda s: (-(s.end - s.start), s.anchor))
        piece = str(escape(text[left:right]))
        for span in reversed(covering):
            piece = _open(span, placed) + piece + "</mark>"
        out.append(piece)
    return Markup("".join(out))


def _open(span: Span, placed: set[str]) -> str:
    id_attr = ""
    if span.anchor not in placed:
        placed.add(span.anchor)
        id_attr = f' id="{escape(span.anchor)}"'
    title = f' title="{escape(span.title)}"' if span.title else ""
    return (
        f'<mark class="mk mk-{escape(span.kind)}"{id_attr} data-span="{escape(span.anchor)}"'
        f"{title}>"
    )


def article_spans(
    article_id: str,
    quotes: Iterable[dict[str, Any]],
    events: Iterable[dict[str, Any]],
    stances: Iterable[dict[str, Any]] | None = None,
    claims: Iterable[dict[str, Any]] | None = None,
) -> list[Span]:
    """The spans of one article's quotes, event sources, stances and claims other than stances."""
    spans = [
        Span(
            q["start"],
            q["end"],
            "quote",
            anchor("quote", article_id, q["start"], q["end"]),
            f"Quote: {q['speaker'] or 'unattributed'} ({q['kind']})",
        )
        for q in quotes
        if q["article_id"] == article_id
    ]
    for e in events:
        for src in e["sources"]:
            if src["article_id"] == article_id:
                spans.append(
                    Span(
                        src["start"],
                        src["end"],
                        "event",
                        anchor("event", article_id, src["start"], src["end"]),
                        f"Event: {e['type']} {e['date'] or 'undated'}",
                    )
                )
    for s in stances or ():
        if s.get("article_id") == article_id:
            spans.append(
                Span(
                    s["start"],
                    s["end"],
                    "stance",
                    anchor("stance", article_id, s["start"], s["end"]),
                    f"Stance: {s.get('actor')} {s.get('stance')} {s.get('issue')}",
                )
            )
    for c in claims or ():
        if c.get("kind") == "stance":
            continue  # its statements are stances, highlighted above
        for s in c.get("evidence") or ():
            if s.get("article_id") == article_id:
                spans.append(
                    Span(
                        s["start"],
                        s["end"],
                        "claim",
                        anchor("claim", article_id, s["start"], s["end"]),
                        f"Claim ({c.get('kind')})",
                    )
                )
    return spans
