"""How records are named for readers, one rule each: article titles and outlets.

Every view (the command line, the report, the web app, outlet framing) names
an article without a title and an article without an outlet the same way.
"""

from __future__ import annotations

UNKNOWN_OUTLET = "unknown"
"""The outlet shown for an article whose outlet nobody gave."""

UNTITLED = "(untitled)"
"""The mark of a title made from the text, or the whole title of an empty article."""

TITLE_WORDS = 8
"""Words of the text a made-up title shows."""


def outlet_label(outlet: str | None) -> str:
    """The outlet as readers see it: its name, or "unknown"."""
    return outlet.strip() if outlet and outlet.strip() else UNKNOWN_OUTLET


def article_title(title: str | None, text: str | None = None) -> str:
    """The article's title; without one, `(untitled)` and the first words of its text."""
    if title and title.strip():
        return title.strip()
    words = (text or "").split()
    if not words:
        return UNTITLED
    more = "…" if len(words) > TITLE_WORDS else ""
    return f"{UNTITLED} {' '.join(words[:TITLE_WORDS])}{more}"
