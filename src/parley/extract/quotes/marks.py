"""Pair quotation marks into quoted spans, paragraph by paragraph.

Works on characters only, before any token is looked at, so that a text whose
tokeniser glued a mark to a word ("said.“Putin") pairs the same as a clean one.

The cascade, per paragraph (a run of text between newlines):

1. every double mark gets a role from its glyph and its neighbours: `“ „ «`
   open, `” »` close, a straight `"` opens after a space and closes before
   one; a curly mark whose neighbours say the opposite of its glyph follows
   the neighbours (some sites type `”` for both);
2. marks are paired left to right: an opener while a quote is open means the
   earlier opener was stray (dropped); a closer with nothing open is stray
   (dropped); an undecided mark closes an open quote or opens a new one;
3. an opener still open at the end of a paragraph continues the quote when the
   paragraph ends a sentence and the next paragraph opens with a mark (the
   multi-paragraph convention); otherwise it is a stray mark and is dropped.
   A mark with spaces on both sides is skipped at once.

Single marks are not paired: apostrophes make them ambiguous, and in English
news they only nest inside double quotes.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

LOGGER = logging.getLogger(__name__)

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
MARK = re.compile(f"[{MARKS}]")
PARAGRAPH = re.compile(r"[^\n]+")
# Characters after which a mark opens, and before which it closes.
OPEN_BEFORE = "([{—–-/"
CLOSE_AFTER = ",.;:!?)]}—–-"

Role = Literal["open", "close", "either"]


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Marks paired in the text: `open` and `close` index the marks themselves.

    `close` is the paragraph end (no mark there) when `continued` is true.
    `start`/`end` cover the quoted words, trimmed of spaces and a trailing comma.
    """

    open: int
    close: int
    start: int
    end: int
    continued: bool = False


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted spans of `text`, in order; stray marks are skipped, never fatal."""
    spans: list[QuoteSpan] = []
    paragraphs = _paragraphs(text)
    for n, (p_start, p_end) in enumerate(paragraphs):
        next_opens = n + 1 < len(paragraphs) and _opens_paragraph(text, paragraphs[n + 1])
        spans += _pair_paragraph(text, p_start, p_end, next_opens)
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PARAGRAPH.finditer(text)]


def _opens_paragraph(text: str, paragraph: tuple[int, int]) -> bool:
    stripped = text[paragraph[0] : paragraph[1]].lstrip()
    return bool(stripped) and stripped[0] in OPENING + STRAIGHT


def mark_role(text: str, i: int, p_start: int, p_end: int) -> Role:
    """Whether the mark at `i` opens, closes, or cannot tell from its neighbours."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    opens = before.isspace() or before in OPEN_BEFORE or before in OPENING
    closes = after.isspace() or after in CLOSE_AFTER or after in CLOSING
    by_context: Role = "either"
    if opens and not closes:
        by_context = "open"
    elif closes and not opens:
        by_context = "close"
    char = text[i]
    if char in OPENING:
        return "close" if by_context == "close" and not after.isalnum() else "open"
    if char in CLOSING:
        return "open" if by_context == "open" else "close"
    return by_context


def _pair_paragraph(text: str, p_start: int, p_end: int, next_opens: bool) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in MARK.finditer(text, p_start, p_end):
        i = mark.start()
        if _isolated(text, i, p_start, p_end):
            LOGGER.debug("isolated mark at %d skipped", i)
            continue
        role = mark_role(text, i, p_start, p_end)
        if role == "open" or (role == "either" and open_at is None):
            if open_at is not None:
                LOGGER.debug("stray opening mark at %d (another opens at %d)", open_at, i)
            open_at = i
        elif open_at is not None:
            spans.extend(_span(text, open_at, i))
            open_at = None
        else:
            LOGGER.debug("stray closing mark at %d", i)
    if open_at is not None:
        if next_opens and text[open_at:p_end].rstrip().rstrip("’'")[-1:] in ".!?:":
            spans.extend(_span(text, open_at, p_end, continued=True))
        else:
            LOGGER.debug("unclosed mark at %d dropped", open_at)
    return spans


def _isolated(text: str, i: int, p_start: int, p_end: int) -> bool:
    """A mark with spaces on both sides quotes nothing."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    return before.isspace() and after.isspace()


def _span(text: str, open_at: int, close_at: int, continued: bool = False) -> list[QuoteSpan]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return []
    return [QuoteSpan(open_at, close_at, start, end, continued)]
